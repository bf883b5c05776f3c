"""A visitor reads the museum's content in the browser: stories, exhibitions, objects.

Each page type is also checked with axe-core (no serious or critical violations) and
photographed into artifacts/e2e/.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import chromium
from tests.e2e.frontend.conftest import check_accessibility, settle

pytestmark = pytest.mark.e2e


def test_a_visitor_reads_a_story_with_every_kind_of_block(site):
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE")
        page.goto(f"{site}/")
        expect(page).to_have_url(f"{site}/nl")  # the preferred language
        settle(page)
        check_accessibility(page, "home")
        page.get_by_role("link", name="Een Madonna onder de loep").click()
        expect(page).to_have_url(f"{site}/nl/verhalen/restauratie-madonna")
        heading = page.get_by_role("heading", level=1)
        expect(heading).to_have_text("Een Madonna onder de loep")
        expect(heading).to_be_focused()  # focus follows the navigation
        for block in ("text", "image", "quote", "video", "audio", "object"):
            expect(page.locator(f".block--{block}").first).to_be_visible()
        # Images reserve their space and come from the API's presets.
        hero = page.locator(".hero img, img.hero").first
        assert hero.get_attribute("width") and hero.get_attribute("height")
        assert ".format-webp" in (hero.get_attribute("srcset") or "")
        # The hero painting (no focal point set) is shown whole: drawn at the proportions
        # of its file, which are the original's, with the preset's narrower widths too.
        expect(page.locator(".hero--whole img")).to_have_count(1)
        drawn, natural = page.evaluate(
            """() => { const img = document.querySelector('.hero--whole img');
                const box = img.getBoundingClientRect();
                return [box.width / box.height, img.naturalWidth / img.naturalHeight]; }"""
        )
        assert abs(drawn - natural) < 0.02, (drawn, natural)
        assert "600w" in (hero.get_attribute("srcset") or "")
        # Object cards letterbox the whole work instead of cropping it.
        card = page.locator(".card--object .card__image").first
        assert card.evaluate("img => getComputedStyle(img).objectFit") == "contain"
        # The audio has its transcript; the video is a link until marketing consent.
        page.locator(".block--audio summary").click()
        expect(page.locator(".block--audio .transcript p")).to_be_visible()
        assert page.locator("iframe").count() == 0
        check_accessibility(page, "story")

        page.goto(f"{site}/nl/verhalen/durer-in-gent")
        settle(page)
        expect(page.locator(".block--gallery img").first).to_be_visible()
        page.goto(f"{site}/nl/verhalen")
        check_accessibility(page, "story-list")


def test_a_visitor_opens_an_exhibition_and_one_of_its_objects(site):
    with chromium() as browser:
        page = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
        page.goto(f"{site}/en/exhibitions")
        check_accessibility(page, "exhibition-list")
        page.locator(".card__link").first.click()
        expect(page).to_have_url(re.compile(r"/en/exhibitions/[\w-]+$"))
        settle(page)
        check_accessibility(page, "exhibition")
        exhibition = page.get_by_role("heading", level=1).inner_text()
        chapters = page.locator("section.chapter")
        assert chapters.count() >= 1
        chapters.first.locator(".card__link").first.click()
        expect(page).to_have_url(re.compile(r"/en/collection/[\w.-]+$"))
        settle(page)
        expect(page.get_by_role("link", name=f"← {exhibition}")).to_be_visible()

        # The deep zoom is one button away (tests/e2e/frontend/test_iiif.py opens it).
        expect(page.get_by_role("button", name="Zoom in on details")).to_be_visible()
        check_accessibility(page, "object")


def test_legal_privacy_and_missing_pages(site):
    with chromium() as browser:
        page = browser.new_page(locale="en-GB")
        page.goto(f"{site}/en/privacy")
        check_accessibility(page, "privacy")
        expect(page.get_by_text(re.compile(r"Version \S+"))).to_be_visible()
        page.get_by_role("link", name="Imprint").click()
        expect(page).to_have_url(f"{site}/en/imprint")
        check_accessibility(page, "legal")
        page.goto(f"{site}/en/no-such-page")
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        check_accessibility(page, "not-found")
