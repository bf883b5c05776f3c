"""A visitor searches, answers the cookie banner, switches language; an editor previews.

Database work happens before the browser starts or after it closed (Playwright's sync
API runs an event loop in this thread, where Django refuses database access).
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, quote, urlparse

import pytest
from playwright.sync_api import Route, expect

from museum_site.models import StoryPage
from shop.accounts.models import ConsentRecord
from tests.e2e.browser import chromium
from tests.e2e.frontend.conftest import check_accessibility, screenshot, settle

pytestmark = pytest.mark.e2e


def hold_suggestions(route: Route, prefix: str, held: list[Route]) -> None:
    """Hold back suggestion requests for `prefix`; let everything else through."""
    params = parse_qs(urlparse(route.request.url).query)  # queries are sent as GET
    variables = json.loads(params.get("variables", ["{}"])[0])
    if params.get("operationName") == ["SearchSuggest"] and variables.get("prefix") == prefix:
        held.append(route)
    else:
        route.continue_()


def test_a_visitor_searches_with_suggestions_and_filters_by_a_facet(site):
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE", viewport={"width": 1280, "height": 900})
        page.goto(f"{site}/nl/zoeken")
        settle(page)
        field = page.get_by_role(
            "combobox", name="Zoek in verhalen, tentoonstellingen en collectie"
        )
        field.press_sequentially("zil", delay=40)
        listbox = page.get_by_role("listbox")
        expect(listbox).to_be_visible()
        # Retried: on a loaded machine a list for "zi" may show before the one for "zil".
        expect(
            listbox.get_by_role("option", name=re.compile("^Zilver voor de gilden")).first
        ).to_be_visible()
        screenshot(page, "search-suggestions")

        field.fill("zilver")
        field.press("Enter")
        expect(page).to_have_url(re.compile(r"/nl/zoeken\?q=zilver$"))
        status = page.locator(".search__results [role=status]")
        expect(status).to_have_text(re.compile(r"^\d+ resultaten$"))
        total = int(status.inner_text().split()[0])

        objects = page.get_by_role("checkbox", name=re.compile(r"^Object"))
        count = int(re.search(r"\((\d+)\)", objects.locator("xpath=..").inner_text()).group(1))
        assert 0 < count < total
        objects.check()
        expect(page).to_have_url(re.compile(r"[?&]kind=OBJECT"))
        expect(status).to_have_text(f"{count} resultaten")
        kinds = page.locator(".result__kind").all_inner_texts()
        assert kinds and set(kinds) == {"OBJECT"}, kinds  # upper-cased by CSS
        check_accessibility(page, "search")

        # A material suggestion becomes a filter. The answer for the new text is held back
        # until after Enter: the visitor picks from the list they see (the one for
        # "zilver"), as on a slow connection, and Enter takes the highlighted entry.
        held: list[Route] = []
        page.route("**/graphql**", lambda route: hold_suggestions(route, "zilv", held))
        field.fill("")
        field.press_sequentially("zilv", delay=40)
        expect(listbox.get_by_role("option").first).to_contain_text("zilver")
        field.press("ArrowDown")
        expect(field).to_have_attribute("aria-activedescendant", re.compile(".+"))
        page.wait_for_timeout(400)  # past the debounce: the request for "zilv" is held
        assert held, "no suggestion request for 'zilv' was made"
        field.press("Enter")
        expect(page).to_have_url(re.compile(r"[?&]material=\d+"))
        for route in held:
            route.continue_()
        expect(page.get_by_role("checkbox", name=re.compile(r"^zilver"))).to_be_checked()


def counted_on_a_sample(total: int, *, estimated: bool):
    """The search's real answer, as if it had matched very many documents: its facets
    counted on a sample, and its count too unless the results were few (`estimated`)."""

    def answer(route: Route) -> None:
        params = parse_qs(urlparse(route.request.url).query)
        if params.get("operationName") != ["Search"]:
            route.continue_()
            return
        answer = route.fetch().json()
        answer["data"]["search"]["totalCount"] = total
        answer["data"]["search"]["totalCountApproximate"] = estimated
        answer["data"]["search"]["facets"]["approximate"] = True
        route.fulfill(json=answer)

    return answer


@pytest.mark.parametrize(
    ("total", "estimated", "shown"),
    [(59_264, True, "ongeveer 59.000 resultaten"), (47, False, "47 resultaten")],
    ids=["estimated", "counted"],
)
def test_a_search_of_very_many_matches_says_whether_its_count_is_an_estimate(
    site, total, estimated, shown
):
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE", viewport={"width": 1280, "height": 900})
        page.route("**/graphql**", counted_on_a_sample(total, estimated=estimated))
        page.goto(f"{site}/nl/zoeken?q=zilver")
        settle(page)
        status = page.locator(".search__results [role=status]")
        expect(status).to_have_text(shown)
        expect(page.locator("#results-heading")).to_have_text(shown)


def test_a_visitor_gives_and_withdraws_consent_and_the_server_keeps_both(site):
    host = urlparse(site).netloc
    with chromium() as browser:
        page = browser.new_page(locale="en-GB")
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(f"{site}/en/stories/bruegel-on-the-ice")
        settle(page)
        banner = page.get_by_role("region", name="Cookies and privacy")
        expect(banner).to_be_visible()
        # Nothing from anywhere but this site before the visitor answered.
        assert {urlparse(url).netloc for url in requested if url.startswith("http")} == {host}

        banner.get_by_role("button", name="Customise").click()
        for name in ("Preferences", "Statistics", "Marketing"):
            expect(banner.get_by_role("checkbox", name=re.compile(name))).not_to_be_checked()
        expect(banner.get_by_role("checkbox", name=re.compile("Necessary"))).to_be_disabled()
        screenshot(page, "consent-banner")
        banner.get_by_role("button", name="Allow all").click()
        expect(banner).to_be_hidden()
        expect(
            page.get_by_role("status").filter(has_text="Your choice has been saved.")
        ).to_be_attached()
        stored = page.evaluate("JSON.parse(localStorage.getItem('vitrine.consent'))")
        assert stored["categories"] == ["NECESSARY", "PREFERENCES", "ANALYTICS", "MARKETING"]

        page.reload()
        settle(page)
        expect(banner).to_be_hidden()  # answered: not asked again
        page.get_by_role("button", name="Cookie settings").click()
        expect(banner).to_be_visible()
        expect(banner).to_be_focused()
        banner.get_by_role("button", name="Withdraw consent").click()
        expect(banner).to_be_hidden()
        withdrawn = page.evaluate("JSON.parse(localStorage.getItem('vitrine.consent'))")
        assert withdrawn["categories"] == ["NECESSARY"]
        assert withdrawn["consentId"] == stored["consentId"]

    records = list(
        ConsentRecord.objects.filter(visitor_id=stored["consentId"]).order_by("given_at")
    )
    assert [record.categories for record in records] == [
        ["necessary", "preferences", "analytics", "marketing"],
        ["necessary"],
    ]
    assert {(record.locale, record.policy_version) for record in records} == {
        ("en", stored["policyVersion"])
    }


def test_the_language_switch_goes_to_the_same_page_in_the_other_language(site):
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE")
        page.goto(f"{site}/nl/verhalen/bruegel-op-het-ijs")
        settle(page)
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        page.get_by_role("navigation", name="Kies een taal").get_by_role(
            "link", name=re.compile("^EN")
        ).click()
        expect(page).to_have_url(f"{site}/en/stories/bruegel-on-the-ice")
        expect(page.get_by_role("heading", level=1)).to_have_text("Bruegel on the ice")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.get_by_role("link", name="Stories", exact=True)).to_be_visible()
        # Its French translation has a slug of its own.
        page.get_by_role("navigation", name="Choose a language").get_by_role(
            "link", name=re.compile("^FR")
        ).click()
        expect(page).to_have_url(f"{site}/fr/recits/bruegel-sur-la-glace")
        expect(page.get_by_role("heading", level=1)).to_have_text("Bruegel sur la glace")
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        # Pages without slugs keep their path: an object is the same inventory number.
        page.goto(f"{site}/fr/collection/MAL.1966.018")
        settle(page)
        page.get_by_role("navigation", name="Choisir une langue").get_by_role(
            "link", name=re.compile("^NL")
        ).click()
        expect(page).to_have_url(f"{site}/nl/collectie/MAL.1966.018")
        expect(page.get_by_role("heading", level=1)).to_have_text("Lampetkan")


@pytest.fixture
def story_draft(site) -> str:
    """A draft change to a published story, and Wagtail's preview token for it."""
    story = StoryPage.objects.get(slug="bruegel-op-het-ijs", locale__language_code="nl")
    story.title = "Bruegel op het ijs (concept)"
    draft = story.save_revision().as_object()
    return draft.create_page_preview().token


def test_the_preview_route_shows_a_draft(site, story_draft):
    with chromium() as browser:
        page = browser.new_page(locale="en-GB")
        page.goto(f"{site}/preview?content_type=museum_site.storypage&token={quote(story_draft)}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Bruegel op het ijs (concept)")
        expect(page.get_by_role("note")).to_have_text(
            re.compile("Voorvertoning")
        )  # in the draft's language
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        check_accessibility(page, "preview")
        page.goto(f"{site}/nl/verhalen/bruegel-op-het-ijs")
        expect(page.get_by_role("heading", level=1)).to_have_text("Bruegel op het ijs")
        page.goto(f"{site}/preview?content_type=museum_site.storypage&token=id%3D1%3Aforged")
        expect(page.get_by_role("alert")).to_contain_text(
            "expired or is invalid"
        )  # browser's language
