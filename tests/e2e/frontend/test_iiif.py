"""IIIF in a browser: the frontend's deep zoom and Mirador read the demo's images through
the Image API service (museum_site.iiif) and every tile they ask for answers 200.

The IIIF ids are on the public origin (FRONTEND_URL), here the live server's. Mirador
(npm, tests/e2e/package.json) runs on a page the browser believes the live server
serves (`page.route`), so its requests for the manifest and the tiles are same-origin
loopback requests, which Chromium's private-network protection leaves alone.

Screenshots go to artifacts/e2e/iiif/.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, Response, expect

from museum_site.models import CollectionObject
from museum_site.museums.models import Museum
from tests.e2e.browser import ARTIFACTS, NODE_MODULES, chromium
from tests.e2e.frontend.conftest import check_accessibility, settle

pytestmark = pytest.mark.e2e

SHOTS = ARTIFACTS / "iiif"
MIRADOR = NODE_MODULES / "mirador" / "dist" / "mirador.min.js"
# An image request of the service: /iiif/image/<id>/<region>/<size>/<rotation>/<quality>.<format>
IMAGE_REQUEST = re.compile(r"/iiif/image/\d+/(?P<region>[^/]+)/[^/]+/0/default\.jpg$")


@pytest.fixture
def public_site(site: str, settings) -> str:
    """The live server is the public origin the IIIF ids name."""
    settings.FRONTEND_URL = site
    SHOTS.mkdir(parents=True, exist_ok=True)
    return site


def demo_object(language: str) -> CollectionObject:
    """A published demo object of `language` with a photograph, of the museum the live
    server's host names (the default one)."""
    obj = (
        CollectionObject.objects.filter(
            live=True, locale__language_code=language, museum=Museum.objects.default()
        )
        .filter(images__isnull=False)
        .order_by("inventory_number")
        .first()
    )
    assert obj is not None, "the demo has no published object with an image"
    return obj


def record_iiif(page: Page) -> list[Response]:
    """Every answer of the IIIF service the page receives, in order."""
    answers: list[Response] = []
    page.on("response", lambda response: "/iiif/" in response.url and answers.append(response))
    return answers


def image_answers(answers: list[Response]) -> list[Response]:
    return [answer for answer in answers if IMAGE_REQUEST.search(answer.url)]


def test_a_visitor_deep_zooms_into_an_object_with_the_keyboard(public_site):
    obj = demo_object("en")
    with chromium() as browser:
        page = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
        answers = record_iiif(page)
        page.goto(f"{public_site}/en/collection/{obj.inventory_number}")
        settle(page)
        expect(page.get_by_role("heading", level=1)).to_have_text(obj.title)
        assert answers == []  # nothing of the viewer until the visitor asks for it

        opener = page.get_by_role("button", name="Zoom in on details")
        opener.focus()
        page.keyboard.press("Enter")
        viewer = page.locator(".deep-zoom")
        expect(viewer).to_have_attribute("data-state", "ready")
        canvas = page.get_by_role("application")
        expect(canvas).to_be_focused()  # the keyboard works at once
        expect(canvas).to_have_attribute("aria-roledescription", "Zoomable image")
        expect(viewer).to_have_attribute("data-zoom", "1.00")
        page.wait_for_function("document.querySelectorAll('.deep-zoom canvas').length > 0")

        # Zoom with the keyboard alone (each press zooms a step) to three times the whole
        # image: the viewer then asks for tiles of regions of the full-resolution image.
        for _ in range(40):
            zoom = viewer.get_attribute("data-zoom")
            if float(zoom) >= 3:
                break
            page.keyboard.press("+")
            expect(viewer).not_to_have_attribute("data-zoom", zoom)
        assert float(viewer.get_attribute("data-zoom")) >= 3
        expect(page.get_by_role("status").filter(has_text="%")).not_to_have_text("100%")
        expect(viewer).not_to_have_attribute("data-center", "")
        before = viewer.get_attribute("data-center")
        page.keyboard.press("ArrowRight")
        expect(viewer).not_to_have_attribute("data-center", before)
        assert float(viewer.get_attribute("data-center").split(",")[0]) > float(
            before.split(",")[0]
        )
        page.wait_for_load_state("networkidle")
        page.screenshot(path=SHOTS / "deep-zoom.png")

        tiles = image_answers(answers)
        assert tiles  # image requests of the IIIF service (regions once the view is deep)
        assert [(a.url, a.status) for a in answers if a.status != 200] == []
        assert any(answer.url.endswith("/info.json") for answer in answers)

        # The buttons have names in the visitor's language; Escape goes back to the page.
        page.get_by_role("button", name="Back to the whole image").click()
        expect(viewer).to_have_attribute("data-zoom", "1.00")
        check_accessibility(page, "object-deep-zoom")
        canvas.focus()
        page.keyboard.press("Escape")
        expect(viewer).to_have_count(0)
        expect(opener).to_be_focused()


def test_the_deep_zoom_speaks_french(public_site):
    obj = demo_object("fr")
    with chromium() as browser:
        page = browser.new_page(locale="fr-BE")
        page.goto(f"{public_site}/fr/collection/{obj.inventory_number}")
        settle(page)
        page.get_by_role("button", name="Zoomer sur les détails").click()
        expect(page.locator(".deep-zoom")).to_have_attribute("data-state", "ready")
        expect(page.get_by_role("application")).to_have_attribute(
            "aria-roledescription", "Image zoomable"
        )
        for name in ("Zoom avant", "Zoom arrière", "Revenir à l’image entière", "Fermer"):
            expect(page.get_by_role("button", name=name, exact=True)).to_be_visible()


MIRADOR_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Mirador</title></head>
<body style="margin:0">
<div id="mirador" style="position:absolute;inset:0"></div>
<script src="/__mirador__/mirador.min.js"></script>
<script>
Mirador.viewer({{
  id: "mirador",
  windows: [{{ manifestId: {manifest} }}],
  window: {{ allowClose: false, sideBarOpen: false }},
  workspaceControlPanel: {{ enabled: false }},
}});
</script>
</body>
</html>
"""


def test_mirador_shows_a_demo_objects_image_from_its_manifest(public_site):
    assert MIRADOR.exists(), "run tests/e2e/install.sh (Mirador from npm)"
    obj = demo_object("en")  # Mirador shows the manifest's label in the browser's language
    manifest = f"{public_site}/iiif/object/{obj.translation_key}/manifest.json"
    with chromium() as browser:
        page = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
        answers = record_iiif(page)
        # Mirador's page, as if the live server served it: same origin as the manifest.
        page.route(
            f"{public_site}/__mirador__/",
            lambda route: route.fulfill(
                content_type="text/html; charset=utf-8",
                body=MIRADOR_PAGE.format(manifest=json.dumps(manifest)),
            ),
        )
        page.route(
            f"{public_site}/__mirador__/mirador.min.js",
            lambda route: route.fulfill(path=str(MIRADOR), content_type="text/javascript"),
        )
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))

        with page.expect_response(
            lambda response: bool(
                (match := IMAGE_REQUEST.search(response.url)) and match["region"] != "full"
            ),
            timeout=60_000,
        ) as tile:
            page.goto(f"{public_site}/__mirador__/")
        assert tile.value.status == 200
        expect(page.get_by_role("heading", level=2, name=obj.title)).to_be_visible()
        page.wait_for_function(
            "document.querySelectorAll('.openseadragon-canvas canvas').length > 0"
        )
        page.wait_for_load_state("networkidle")
        page.screenshot(path=SHOTS / "mirador.png")

    assert errors == []
    [manifest_answer] = [a for a in answers if a.url == manifest]
    assert manifest_answer.status == 200
    assert image_answers(answers), "Mirador asked for no image"
    assert [(a.url, a.status) for a in answers if a.status != 200] == []
