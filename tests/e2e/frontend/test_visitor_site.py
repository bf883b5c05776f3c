"""The visitor's site as a whole, in Chromium on the demo museum (issue 18).

- The home page: the exhibition on now across the whole window, "Plan your visit"
  (today's hours from the admission schedule, the address, the tickets page,
  accessibility), what's on, stories and the shop; the typefaces are the site's own.
- The exhibitions list in three parts: on now, coming, past.
- Every page type in nl, en and fr at 1366x900 and 390x844: a screenshot in
  artifacts/e2e/ (`frontend-visit-<page>-<lang>-<size>.png`) and no axe-core violation.
- No English on a French page: the text a visitor sees (`document.body.innerText`)
  shares no run of four words with the English interface catalogue or the English demo
  content, unless the French has the same words too (names, titles).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
import subprocess
from functools import cache

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from museum_site import models
from museum_site.demo import museum as demo_museum
from museum_site.demo.exhibitions import EXHIBITIONS, FEATURED
from museum_site.demo.objects import OBJECTS
from museum_site.demo.stories import STORIES
from shop.tickets.opening_hours import opening_day
from tests.e2e.browser import chromium
from tests.e2e.frontend.conftest import AXE, FRONTEND, screenshot, settle

pytestmark = pytest.mark.e2e

LANGUAGES = ("nl", "en", "fr")
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
# frontend/src/i18n/languages.ts SEGMENTS
SEGMENTS = {
    "stories": {"nl": "verhalen", "en": "stories", "fr": "recits"},
    "exhibitions": {"nl": "tentoonstellingen", "en": "exhibitions", "fr": "expositions"},
    "collection": {"nl": "collectie", "en": "collection", "fr": "collection"},
    "tours": {"nl": "rondleidingen", "en": "tours", "fr": "visites"},
    "search": {"nl": "zoeken", "en": "search", "fr": "recherche"},
    "shop": {"nl": "winkel", "en": "shop", "fr": "boutique"},
    "cart": {"nl": "winkelmandje", "en": "cart", "fr": "panier"},
    "account": {"nl": "account", "en": "account", "fr": "compte"},
    "groups": {"nl": "groepen", "en": "groups", "fr": "groupes"},
}
SILVER = {"nl": "zilver", "en": "silver", "fr": "argent"}
NECESSARY_ONLY = {
    "nl": "Alleen noodzakelijk",
    "en": "Necessary only",
    "fr": "Nécessaires uniquement",
}
TICKETS = {"nl": "/nl/tickets", "en": "/en/tickets", "fr": "/fr/billets"}
IN_THIS_EXHIBITION = {
    "nl": "In deze tentoonstelling",
    "en": "In this exhibition",
    "fr": "Dans cette exposition",
}


def page_paths(language: str) -> dict[str, str]:
    """One URL per page type in `language`, from the demo's own records."""
    from shop.demo_products import PRODUCTS
    from tours import demo as tour_demo

    def path(area: str, *rest: str) -> str:
        return "/".join([f"/{language}", SEGMENTS[area][language], *rest])

    story = next(record for record in STORIES if language in record.languages)
    return {
        "home": f"/{language}",
        "stories": path("stories"),
        "story": path("stories", story.slug.get(language)),
        "exhibitions": path("exhibitions"),
        "exhibition": path("exhibitions", FEATURED.slug.get(language)),
        "object": path("collection", OBJECTS[0].inventory_number),
        "shop": path("shop"),
        "product": path("shop", PRODUCTS[0].slug.get(language)),
        "cart": path("cart"),
        "search": path("search") + f"?q={SILVER[language]}",
        "tours": path("tours"),
        "tour": path("tours", tour_demo.TOUR_SLUG.get(language)),
        "tickets": TICKETS[language],
        "account": path("account"),
        "groups": path("groups"),
        "not-found": f"/{language}/{SEGMENTS['stories'][language]}/no-such-story",
    }


def open_page(page: Page, url: str, language: str) -> None:
    page.goto(url)
    settle(page)
    banner = page.get_by_role("button", name=NECESSARY_ONLY[language])
    if banner.count():
        banner.click()
        expect(banner).to_have_count(0)


def axe_violations(page: Page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
            resultTypes: ['violations'],
        })).violations"""
    )
    return [
        {
            "id": found_["id"],
            "impact": found_["impact"],
            "nodes": [n["target"] for n in found_["nodes"]][:3],
        }
        for found_ in found
    ]


# --- the home page and the exhibitions list ------------------------------------------


def test_the_home_page_leads_with_the_exhibition_on_now_and_plans_the_visit(site):
    # The live server's host is the default museum's.
    museum = models.MuseumDetails.for_language("en").museum
    today = opening_day(museum, timezone.localdate())
    with chromium() as browser:
        page = browser.new_page(locale="en-GB", viewport=SIZES["desktop"])
        open_page(page, site + "/en", "en")

        hero = page.locator(".home-hero")
        expect(hero.get_by_role("heading", level=2)).to_have_text(FEATURED.title.en)
        box = hero.locator("img").bounding_box()
        width = page.evaluate("document.documentElement.clientWidth")
        assert box and box["x"] == 0 and abs(box["width"] - width) <= 1, box
        assert hero.locator("img").get_attribute("sizes") == "100vw"
        # Widths for 2x screens, as large as the photo allows (up to 2400 px).
        assert (hero.locator("img").get_attribute("srcset") or "").count("w,") >= 1

        visit = page.locator("section.visit")
        expect(visit.get_by_role("heading", level=2)).to_have_text("Plan your visit")
        if today is not None and today.is_open:
            expected = f"Open today from {today.opens:%H:%M} to {today.closes:%H:%M}"
        else:
            expected = "Closed today"
        expect(visit.get_by_test_id("open-today")).to_contain_text(expected)
        expect(visit.locator("address")).to_contain_text("9000 Ghent")
        expect(visit.get_by_role("link", name="Buy tickets")).to_have_attribute(
            "href", TICKETS["en"]
        )
        expect(visit).to_contain_text(demo_museum.DETAILS["accessibility"].en)

        # What's on: the other exhibitions on now and to come, not the hero again.
        whats_on = page.locator("section[aria-labelledby=whats-on]")
        titles = whats_on.locator(".card__title").all_inner_texts()
        assert FEATURED.title.en not in titles
        assert {record.title.en for record in EXHIBITIONS if record is not FEATURED} == set(titles)
        expect(page.locator("section[aria-labelledby=latest-stories] .card")).to_have_count(3)
        expect(page.locator("section[aria-labelledby=from-the-shop] .card")).to_have_count(4)

        # The site's own typefaces, self-hosted and preloaded for the first screen.
        preloads = page.locator("link[rel=preload][as=font]")
        expect(preloads).to_have_count(2)
        for href in preloads.evaluate_all("(links) => links.map((link) => link.href)"):
            assert href.startswith(site + "/assets/") and href.endswith(".woff2"), href
        page.evaluate("document.fonts.ready.then(() => true)")
        families = page.evaluate(
            """() => [getComputedStyle(document.querySelector('h1')).fontFamily,
                      getComputedStyle(document.body).fontFamily,
                      document.fonts.check('600 1em "Source Serif 4 Variable"'),
                      document.fonts.check('1em "Source Sans 3 Variable"')]"""
        )
        assert families[0].startswith('"Source Serif 4 Variable"'), families
        # The body's family is the museum's branding choice (the demo picks old-style).
        assert families[2:] == [True, True], families


def test_the_exhibitions_list_is_split_into_on_now_coming_and_past(site):
    index = models.ExhibitionIndexPage.objects.get(locale__language_code="en")
    past = index.add_child(
        instance=models.ExhibitionPage(
            title="Silver of the guilds, again",
            slug="silver-again",
            intro="Closed last year.",
            format="physical",
            start_date=timezone.localdate() - datetime.timedelta(days=400),
            end_date=timezone.localdate() - datetime.timedelta(days=300),
            venue="Room 5",
        )
    )
    past.save_revision().publish()
    with chromium() as browser:
        page = browser.new_page(locale="en-GB", viewport=SIZES["desktop"])
        open_page(page, site + "/en/exhibitions", "en")
        sections = {
            phase: page.locator(f"section[data-phase={phase}] .card__title").all_inner_texts()
            for phase in ("current", "upcoming", "past")
        }
    on_now = {record.title.en for record in EXHIBITIONS if record.starts_in_days is None}
    on_now |= {
        record.title.en
        for record in EXHIBITIONS
        if record.starts_in_days is not None and record.starts_in_days <= 0
    }
    coming = {
        record.title.en
        for record in EXHIBITIONS
        if record.starts_in_days is not None and record.starts_in_days > 0
    }
    assert set(sections["current"]) == on_now and FEATURED.title.en in on_now
    assert set(sections["upcoming"]) == coming and coming
    assert sections["past"] == ["Silver of the guilds, again"]


def test_the_header_is_one_row_with_a_menu_up_to_tablets_and_two_tidy_rows_above(site):
    """Nine links and three languages beside the museum's name wrapped into two or three
    ragged rows between 768 and 1300 px in Dutch and French. Now: a Menu button up to
    64rem (1024 px), above it the museum and languages in one row, the links in the next."""
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 800, "height": 900})
        for language in LANGUAGES:
            open_page(page, f"{site}/{language}", language)
            for width in (800, 1000):
                page.set_viewport_size({"width": width, "height": 900})
                header = page.locator(".site-header").bounding_box()
                assert header["height"] <= 80, (language, width, header)
                expect(page.locator(".menu-button")).to_be_visible()
                expect(page.locator(".main-nav")).to_be_hidden()
            for width in (1024, 1280, 1600):
                page.set_viewport_size({"width": width, "height": 900})
                expect(page.locator(".menu-button")).to_be_hidden()
                links = page.locator(".main-nav li")
                rows = {round(box["y"]) for box in (li.bounding_box() for li in links.all())}
                assert len(rows) == 1, (language, width, rows)
                brand = page.locator(".brand").bounding_box()
                languages = page.locator(".language-switch").bounding_box()
                assert (
                    abs(
                        (brand["y"] + brand["height"] / 2)
                        - (languages["y"] + languages["height"] / 2)
                    )
                    < 12
                ), (language, width, brand, languages)
                header = page.locator(".site-header").bounding_box()
                assert header["height"] <= 120, (language, width, header)
                assert page.evaluate("document.documentElement.scrollWidth") <= width
            screenshot(page, f"header-{language}-wide")


# --- every page type, every language, both sizes ---------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_is_screenshot_at_both_sizes_without_an_axe_violation(site, language):
    found: dict[str, list[dict]] = {}
    with chromium() as browser:
        for size, viewport in SIZES.items():
            page = browser.new_page(
                locale=f"{language}-BE",
                viewport=viewport,
                is_mobile=size == "phone",
                has_touch=size == "phone",
            )
            for name, path in page_paths(language).items():
                open_page(page, site + path, language)
                page.evaluate("document.fonts.ready.then(() => true)")
                # Below the fold yet rendered: in the page's text before anyone scrolls
                # (`content-visibility: auto` left it out of innerText and screenshots).
                footer = page.locator("footer.site-footer").inner_text()
                assert demo_museum.RECORD["street_address"] in footer, (path, footer)
                screenshot(page, f"visit-{name}-{language}-{size}")
                # Scrolled through (as `screenshot` does), every image shown has loaded:
                # no broken srcset, no missing rendition.
                unloaded = page.evaluate(
                    """() => [...document.images]
                        .filter((image) => image.getClientRects().length > 0)
                        .filter((image) => !(image.complete && image.naturalWidth > 0))
                        .map((image) => image.currentSrc || image.src)"""
                )
                assert unloaded == [], f"{path} at {size}: images not shown {unloaded}"
                if name == "exhibition":
                    # The list of chapters is named for what it is.
                    expect(page.locator("#toc-heading")).to_have_text(IN_THIS_EXHIBITION[language])
                if name == "tickets":
                    # Each offer's description under its name, not beside it (the demo's
                    # first museum sells three: a choice of offers, not a single one).
                    offers = page.locator(".ticket-offers .ticket-offer")
                    expect(offers).to_have_count(3)
                    for offer in offers.all():
                        title = offer.locator("strong").bounding_box()
                        description = offer.locator(".ticket-offer__text").bounding_box()
                        assert title and description, path
                        assert description["y"] >= title["y"] + title["height"], (
                            title,
                            description,
                        )
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 0, f"{path} at {size} scrolls sideways by {overflow}px"
                violations = axe_violations(page)
                if violations:
                    found[f"{name} {size}"] = violations
            page.close()
    assert found == {}, json.dumps(found, indent=1)


# --- no English on French pages ----------------------------------------------------------

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A run of words stops at a sentence's or a line's end and at brackets and dashes.
BREAK = re.compile(r"[.!?;:\n()\[\]•·–—|/]+")
RUN = 4


def runs(text: str) -> set[tuple[str, ...]]:
    """Every run of RUN consecutive words within one sentence of `text`, lower-cased."""
    found = set()
    for part in BREAK.split(re.sub(r"<[^>]+>", " ", text)):
        words = [word.lower().replace("’", "'") for word in WORD.findall(part)]
        found |= {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}
    return found


def demo_texts(language: str) -> list[str]:
    """Every text of the demo in `language` (its records: stories, objects, exhibitions,
    products, the tour, the museum's details and home page)."""
    from shop.demo_products import PRODUCTS
    from tours import demo as tour_demo

    def walk(record) -> list[str]:
        if hasattr(record, "nl") and hasattr(record, "en") and hasattr(record, "fr"):
            return [getattr(record, language) or ""]
        if isinstance(record, tuple | list):
            return [text for item in record for text in walk(item)]
        if isinstance(record, dict):
            return [text for item in record.values() for text in walk(item)]
        if dataclasses.is_dataclass(record) and not isinstance(record, type):
            return [
                text for f in dataclasses.fields(record) for text in walk(getattr(record, f.name))
            ]
        return []

    roots = [STORIES, OBJECTS, EXHIBITIONS, PRODUCTS, demo_museum.DETAILS, demo_museum.HOME_INTRO]
    roots += [value for name, value in vars(tour_demo).items() if name.isupper()]
    return [text for root in roots for text in walk(root)]


@cache
def catalogue() -> dict[str, list[str]]:
    """The interface's strings per language (frontend/scripts/catalogue.mjs)."""
    out = subprocess.run(
        ["node", "scripts/catalogue.mjs"], cwd=FRONTEND, capture_output=True, check=True, text=True
    )
    return json.loads(out.stdout)


def test_catalogue_and_demo_give_the_english_to_look_for():
    english = catalogue()["en"]
    assert "Plan your visit" in english and "Add to cart" in " ".join(english)
    assert len(demo_texts("en")) > 400


def test_no_french_page_shows_an_english_sentence(site):
    english = {run for text in [*catalogue()["en"], *demo_texts("en")] for run in runs(text)}
    # Words a French text has too are not English (names, titles, "Museum aan de Leie").
    french = {run for text in [*catalogue()["fr"], *demo_texts("fr")] for run in runs(text)}
    suspects = english - french
    assert len(suspects) > 2000
    shown: dict[str, list[str]] = {}
    with chromium() as browser:
        page = browser.new_page(locale="fr-BE", viewport=SIZES["desktop"])
        for path in page_paths("fr").values():
            page.goto(site + path)
            settle(page)
            text = page.evaluate("document.body.innerText")
            leaks = sorted(" ".join(run) for run in runs(text) & suspects)
            if leaks:
                shown[path] = leaks
    assert shown == {}, json.dumps(shown, indent=1, ensure_ascii=False)
