"""A visitor browses the collection and meets the museum in their own language.

The collection list (pages of objects, filters by maker or material) and the home page
and footer in English and French, each list checked with axe-core.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import chromium
from tests.e2e.frontend.conftest import check_accessibility, settle

pytestmark = pytest.mark.e2e


def test_a_visitor_pages_through_the_collection_filters_it_and_opens_an_object(site):
    with chromium() as browser:
        page = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
        page.goto(f"{site}/en")
        settle(page)
        navigation = page.get_by_role("navigation", name="Main navigation")
        navigation.get_by_role("link", name="Collection").click()
        expect(page).to_have_url(f"{site}/en/collection")
        settle(page)
        cards = page.locator("[data-page=collection] .card__link")
        status = page.locator("[data-page=collection] [role=status]")
        expect(cards).to_have_count(12)
        total = int(re.match(r"\d+", status.inner_text()).group())
        assert total > 24
        check_accessibility(page, "collection")

        page.get_by_role("button", name="Load more").click()
        expect(cards).to_have_count(24)

        page.get_by_label("Material").select_option(label="silver")
        expect(page).to_have_url(re.compile(r"/en/collection\?material=\d+$"))
        expect(status).not_to_have_text(f"{total} results")
        silver = int(re.match(r"\d+", status.inner_text()).group())
        assert 1 <= silver < 12
        expect(cards).to_have_count(silver)
        expect(page.get_by_role("button", name="Load more")).to_have_count(0)

        title = cards.first.inner_text()
        cards.first.click()
        expect(page).to_have_url(re.compile(r"/en/collection/[\w.-]+$"))
        settle(page)
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.locator("main").get_by_text("silver", exact=True).first).to_be_visible()

        page.go_back()  # the filter is in the URL: back to the filtered list
        expect(cards).to_have_count(silver)
        expect(page.get_by_label("Material")).to_have_value(re.compile(r"^\d+$"))


@pytest.mark.parametrize(
    ("language", "name", "hours", "intro"),
    [
        ("en", "Museum on the Leie", "Tuesday to Sunday", "Art and history of Ghent"),
        ("fr", "Musée de la Lys", "du mardi au dimanche", "Art et histoire de Gand"),
    ],
)
def test_the_home_page_and_footer_speak_the_visitors_language(site, language, name, hours, intro):
    with chromium() as browser:
        page = browser.new_page(locale=language)
        page.goto(f"{site}/{language}")
        settle(page)
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
        expect(page.locator(".home-intro .lead")).to_contain_text(intro)
        footer = page.locator("footer")
        expect(footer.get_by_role("heading", name=name)).to_be_visible()
        expect(footer).to_contain_text(hours)
        expect(footer).not_to_contain_text("dinsdag")
        check_accessibility(page, f"home-{language}")
