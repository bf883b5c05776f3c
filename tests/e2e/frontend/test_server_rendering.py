"""Pages rendered on the server: what a crawler or a link preview reads without
JavaScript, their status codes, the sitemap, and hydration without a mismatch.

The page renderer (frontend/server/renderer.mjs, the built dist-server/) runs beside the
live server with the demo museum, as `make demo` runs it. Expected values are read from
the database, not from the pages.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from io import BytesIO

import pytest
from django.utils.html import strip_tags
from PIL import Image

from museum_site import renderer_process
from museum_site.models import CollectionObject, ExhibitionPage, StoryPage
from museum_site.museums.models import Museum
from museum_site.museums.scoping import pages_of
from museum_site.visibility import public_objects, public_pages
from shop.models import ProductPage
from tests.e2e.browser import chromium

pytestmark = pytest.mark.e2e

# One URL per page type, and the JSON-LD types each must carry.
PAGE_TYPES = {
    "home": ("/nl", {"Museum", "BreadcrumbList"}),
    "story": ("/en/stories/restoring-the-madonna", {"Article", "BreadcrumbList"}),
    "exhibition": (
        "/nl/tentoonstellingen/van-eyck-tot-rubens",
        {"ExhibitionEvent", "BreadcrumbList"},
    ),
    "object": ("/nl/collectie/MAL.1966.018", {"VisualArtwork", "BreadcrumbList"}),
    "tour": ("/nl/rondleidingen/rondleiding", {"BreadcrumbList"}),
    "shop": ("/nl/winkel", {"BreadcrumbList"}),
    "product": ("/nl/winkel/replica-kraakkom", {"Product", "BreadcrumbList"}),
    "search": ("/nl/zoeken?q=zilver", {"BreadcrumbList"}),
    "cart": ("/nl/winkelmandje", {"BreadcrumbList"}),
    "checkout": ("/nl/afrekenen", {"BreadcrumbList"}),
    "account": ("/nl/account", {"BreadcrumbList"}),
}
NOINDEX = {"search", "cart", "checkout", "account"}


class Head(HTMLParser):
    """The parts of a page a crawler reads: head tags, JSON-LD, and the body's text."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.title = ""
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.json_ld: list[dict] = []
        self.text: list[str] = []
        self._in: str | None = None
        self._in_root = False

    def handle_starttag(self, tag, attrs):
        found = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = found.get("lang", "")
        elif tag == "meta":
            key = found.get("property") or found.get("name")
            if key:
                self.meta.setdefault(key, []).append(found.get("content", ""))
        elif tag == "link":
            self.links.append(found)
        elif tag == "title":
            self._in = "title"
        elif tag == "script" and found.get("type") == "application/ld+json":
            self._in = "json"
        elif tag == "div" and found.get("id") == "root":
            self._in_root = True

    def handle_endtag(self, tag):
        if tag in {"title", "script"}:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "json":
            self.json_ld.append(json.loads(data))
        elif self._in_root and self._in is None:
            self.text.append(data)

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def link(self, rel: str, **attrs: str) -> list[str]:
        return [
            link["href"]
            for link in self.links
            if link.get("rel") == rel and all(link.get(k) == v for k, v in attrs.items())
        ]

    @property
    def body_text(self) -> str:
        return " ".join(" ".join(self.text).split())

    @property
    def types(self) -> set[str]:
        return {document["@type"] for document in self.json_ld}


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=120) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as answer:
        return answer.code, dict(answer.headers), answer.read()


def parse(body: bytes) -> Head:
    head = Head()
    head.feed(body.decode())
    return head


@pytest.fixture
def rendered_site(site: str, settings) -> Iterator[str]:
    """The live server with the demo, rendering its pages with a renderer of its own."""
    process, url = renderer_process.start(site)
    settings.PAGE_RENDERER_URL = url
    settings.FRONTEND_URL = site
    try:
        yield site
    finally:
        renderer_process.stop(process)


def test_every_page_type_has_its_head_and_text_in_the_raw_html(rendered_site):
    story = public_pages(StoryPage.objects.filter(slug="restoring-the-madonna")).get()
    exhibition = public_pages(
        ExhibitionPage.objects.filter(slug="van-eyck-tot-rubens", locale__language_code="nl")
    ).get()
    obj = public_objects(
        CollectionObject.objects.filter(inventory_number="MAL.1966.018", locale__language_code="nl")
    ).get()
    expected_title = {
        "story": story.seo_title or story.title,
        "exhibition": exhibition.seo_title or exhibition.title,
        "object": obj.title,
    }
    expected_text = {
        "story": story.intro[:60],
        "exhibition": exhibition.intro[:60],
        "object": strip_tags(obj.description).split("\n")[0][:40],
    }
    museum_record = Museum.objects.default()  # the demo's types old-style
    for name, (path, types) in PAGE_TYPES.items():
        status, _, body = fetch(rendered_site + path)
        assert status == 200, (name, status)
        page = parse(body)
        language = path.split("/")[1]
        assert page.lang == language, name
        museum = page.one("og:site_name")
        assert page.title == museum or page.title.endswith(" — " + museum), (name, page.title)
        assert page.link("canonical") == [rendered_site + path.split("?")[0]], name
        hreflangs = {link["hreflang"] for link in page.links if link.get("rel") == "alternate"}
        # Its own language, the default and the two others (the demo has every page
        # type, its tour included, in all three languages).
        assert {language, "x-default", "nl", "en", "fr"} <= hreflangs, (name, hreflangs)
        assert types <= page.types, (name, page.types)
        robots = page.meta.get("robots", [])
        assert (robots == ["noindex"]) == (name in NOINDEX), (name, robots)
        assert page.body_text, name
        # The museum's brand comes with the page (not after hydration), its font names
        # as CSS reads them (not HTML-escaped).
        brand = f"<style>:root{{--brand:{museum_record.primary_colour};"
        assert brand.encode() in body, name
        assert b'--font-body:"Source Serif 4 Variable"' in body, name
        # The scripts hydrate a page that is drawn already: a slow connection gives the
        # first screen's image and fonts its bandwidth before them (Lighthouse's LCP).
        scripts = re.findall(rb"<script[^>]*\btype=\"module\"[^>]*>", body)
        modules = [link for link in page.links if link.get("rel") == "modulepreload"]
        assert scripts and modules, name
        assert all(b'fetchpriority="low"' in tag for tag in scripts), (name, scripts)
        assert all(link.get("fetchpriority") == "low" for link in modules), (name, modules)
        if name in expected_title:
            assert page.title.startswith(expected_title[name]), (name, page.title)
            assert page.one("og:title") == expected_title[name], name
            assert " ".join(expected_text[name].split()) in page.body_text, name
            assert page.one("description"), name
            assert page.one("og:image").startswith("http"), name
            assert page.one("twitter:card") == "summary_large_image", name


def assert_own_card(page: Head, record, picture) -> None:
    """The page's social card is the record's: its title and description, and a
    1200x630 rendition of the editor's share image, else of the page's own `picture`
    (the rendition's file name starts with the original's)."""
    assert page.one("og:title") == (record.seo_title or record.title)
    assert page.one("twitter:title") == page.one("og:title")
    assert (
        page.one("og:description")
        == " ".join((record.search_description or record.intro).split())[:300]
    )
    assert page.one("og:image:alt")
    own = record.share_image or picture
    stem = own.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    assert stem[:15] in page.one("og:image"), (stem, page.one("og:image"))
    status, _, image = fetch(page.one("og:image"))
    assert status == 200
    assert Image.open(BytesIO(image)).size == (1200, 630)
    assert (page.one("og:image:width"), page.one("og:image:height")) == ("1200", "630")


def test_a_story_shares_its_own_card_with_a_1200x630_image(rendered_site):
    story = public_pages(StoryPage.objects.filter(slug="restoring-the-madonna")).get()
    status, _, body = fetch(rendered_site + "/en/stories/restoring-the-madonna")
    assert status == 200
    page = parse(body)
    assert_own_card(page, story, story.hero_image)
    article = next(doc for doc in page.json_ld if doc["@type"] == "Article")
    assert article["headline"] == story.title
    assert article["datePublished"] == story.date.isoformat()
    alternates = {
        link["hreflang"]: link["href"] for link in page.links if link.get("rel") == "alternate"
    }
    for translation in public_pages(story.get_translations().specific()):
        assert alternates[translation.locale.language_code].endswith("/" + translation.slug)


@pytest.mark.parametrize(
    ("model", "slug", "path"),
    [
        (ExhibitionPage, "van-eyck-tot-rubens", PAGE_TYPES["exhibition"][0]),
        (ProductPage, "replica-kraakkom", PAGE_TYPES["product"][0]),
    ],
)
def test_exhibitions_and_products_share_their_own_card(rendered_site, model, slug, path):
    """The story's card above, for the other two page types a museum shares most."""
    language = path.split("/")[1]
    record = public_pages(model.objects.filter(slug=slug, locale__language_code=language)).get()
    status, _, body = fetch(rendered_site + path)
    assert status == 200
    # An exhibition's own picture is its hero, a product's its first photo.
    picture = (
        record.hero_image
        if model is ExhibitionPage
        else record.images.order_by("sort_order").first().image
    )
    assert_own_card(parse(body), record, picture)


def test_a_product_page_carries_its_price_in_json_ld(rendered_site):
    from shop.models import ProductVariant

    product = public_pages(ProductPage.objects.filter(slug="replica-kraakkom")).get()
    prices = {str(v.gross_price) for v in ProductVariant.objects.for_products([product])}
    _, _, body = fetch(rendered_site + "/nl/winkel/replica-kraakkom")
    data = next(doc for doc in parse(body).json_ld if doc["@type"] == "Product")
    offers = data["offers"] if isinstance(data["offers"], list) else [data["offers"]]
    assert {offer["price"] for offer in offers} == prices
    assert {offer["priceCurrency"] for offer in offers} == {"EUR"}


def test_unknown_unpublished_and_redirected_paths_answer_their_status(rendered_site):
    from wagtail.contrib.redirects.models import Redirect

    story = public_pages(StoryPage.objects.filter(slug="restoring-the-madonna")).get()
    Redirect.objects.create(
        old_path="/en/old-story", redirect_link="/en/stories/restoring-the-madonna"
    )
    hidden = StoryPage.objects.filter(locale__language_code="nl").exclude(pk=story.pk).first()
    hidden.unpublish()
    for path in (
        "/nl/does-not-exist",
        "/nl/verhalen/no-such-story",
        "/elsewhere",
        f"/nl/verhalen/{hidden.slug}",
    ):
        status, _, body = fetch(rendered_site + path)
        assert status == 404, path
        assert b'data-page="not-found"' in body, path
    status, headers, _ = fetch(rendered_site + "/en/old-story")
    assert status == 301
    assert headers["Location"].endswith("/en/stories/restoring-the-madonna")
    request = urllib.request.Request(
        rendered_site + "/", headers={"Accept-Language": "fr-BE,fr;q=0.9"}
    )
    status, headers, _ = fetch_request(request)
    assert (status, headers["Location"]) == (302, "/fr")


def fetch_request(request: urllib.request.Request):
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as answer:
        return answer.code, dict(answer.headers), answer.read()


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_the_sitemap_lists_every_public_page_and_each_answers(rendered_site):
    from tours.models import TourPage

    status, _, robots = fetch(rendered_site + "/robots.txt")
    assert f"Sitemap: {rendered_site}/sitemap.xml" in robots.decode()
    _, _, index = fetch(rendered_site + "/sitemap.xml")
    listed: set[str] = set()
    for sitemap in ET.fromstring(index).iter(f"{SITEMAP}loc"):
        status, _, body = fetch(sitemap.text)
        assert status == 200
        listed |= {
            loc.text.removeprefix(rendered_site)
            for loc in ET.fromstring(body).iter(f"{SITEMAP}loc")
        }
    # The live server's host names the default museum: its sitemap lists its own content
    # (the other demo museums each have theirs on their own host).
    museum = Museum.objects.default()
    expected = set()
    for model, segments in (
        (StoryPage, {"nl": "verhalen", "en": "stories", "fr": "recits"}),
        (ExhibitionPage, {"nl": "tentoonstellingen", "en": "exhibitions", "fr": "expositions"}),
        (ProductPage, {"nl": "winkel", "en": "shop", "fr": "boutique"}),
        (TourPage, {"nl": "rondleidingen", "en": "tours", "fr": "visites"}),
    ):
        for page in public_pages(pages_of(museum, model.objects.select_related("locale"))):
            language = page.locale.language_code
            expected.add(f"/{language}/{segments[language]}/{page.slug}")
    own_objects = CollectionObject.objects.filter(museum=museum).select_related("locale")
    for obj in public_objects(own_objects):
        language = obj.locale.language_code
        expected.add(
            f"/{language}/{'collectie' if language == 'nl' else 'collection'}/{obj.inventory_number}"
        )
    assert expected <= listed, expected - listed
    for path in sorted(listed):
        status, _, _ = fetch(rendered_site + path)
        assert status == 200, path


def test_every_page_type_hydrates_without_an_error(rendered_site):
    """Zero console errors, and React's recoverable errors (a hydration mismatch,
    minified #418/#423/#425) reported through `onRecoverableError` fail the test."""
    failures = {}
    with chromium() as browser:
        for name, (path, _) in PAGE_TYPES.items():
            page = browser.new_page()
            errors: list[str] = []
            page.on(
                "console",
                lambda message, errors=errors: (
                    errors.append(message.text) if message.type == "error" else None
                ),
            )
            page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
            page.add_init_script(
                "window.__recoverable = [];"
                "window.__onRecoverableError = (error) => window.__recoverable.push(String(error));"
            )
            page.goto(rendered_site + path, wait_until="networkidle")
            page.wait_for_function("() => document.getElementById('root')?.childElementCount > 0")
            recoverable = page.evaluate("window.__recoverable")
            if errors or recoverable:
                failures[name] = errors + recoverable
            page.close()
    assert not failures, failures


def test_a_page_whose_translation_is_unpublished_marks_its_text_as_the_originals(
    rendered_site,
):
    """While a translation is withdrawn, its language's URL shows the Dutch original, and
    the text is marked `lang="nl"` for screen readers and crawlers, on every content
    page type that can fall back (the interface around it stays English)."""
    import re

    from tours.models import TourPage

    for model, area, page_type in (
        (StoryPage, "stories", "story"),
        (TourPage, "tours", "tour"),
    ):
        english = public_pages(model.objects.filter(locale__language_code="en")).first()
        original = english.get_translation(english.locale.get_default())
        english.unpublish()
        status, _, body = fetch(f"{rendered_site}/en/{area}/{original.slug}")
        assert status == 200, page_type
        article = re.search(rf'<article [^>]*data-page="{page_type}"[^>]*>', body.decode())
        assert article is not None, page_type
        assert 'lang="nl"' in article.group(0), article.group(0)
