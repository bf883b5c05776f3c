"""A visitor takes the demo tour in the browser: Photo Sphere Viewer on the multires tiles.

The demo tour ("rondleiding": four rooms, a floor plan, three guided stops) is loaded by
the real `load_demo` and tiled by the real tiler; the page is the built frontend served
by Django. What is pinned here: the viewer loads its tiles without a failed request;
a link clicked in the canvas and a hotspot chosen with the keyboard only (Tab, Enter)
both move to another room, and the page agrees with the viewer (aria-current in the
room list, the room's heading, the viewer's node, the URL); an information hotspot
opens a panel with a link into the site's localised routes; the guide shows each
stop's transcript and moves the view there; with `prefers-reduced-motion` the view
cuts instead of animating; without WebGL the tour is still usable from its lists; and
axe-core finds nothing serious on the tours list and the tour page, and nothing at all
with the viewer open; the viewer's controls are named buttons, the whole tour works from
the keyboard, the view turns by itself on the first scene until the visitor moves (never
with reduced motion), the guide plays by itself following each stop's dwell time, and on
a phone the view follows the device's orientation after the (iOS) permission prompt.
"""

from __future__ import annotations

import io
import math
import re
import struct
import time
import wave

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from wagtail.documents.models import Document

from museum_site.models import CollectionObject
from tests.e2e.browser import chromium
from tests.e2e.frontend.conftest import check_accessibility, screenshot, settle
from tests.tours import builders
from tours import models

pytestmark = pytest.mark.e2e

TOUR = "/nl/rondleidingen/rondleiding"
# <sha256 of the panorama>/<layout: tile size, quality, version>/<level>/<face><y>_<x>.jpg
TILE_URL = re.compile(r"/media/tours/tiles/[0-9a-f]{64}/[\w.-]+/\d+/[fbudlr]\d+_\d+\.jpg$")
VIEWER = ".tour-viewer"
DESKTOP = {"width": 1280, "height": 900}


class Traffic:
    """Every response and failed request of a page, and whether anything is still loading."""

    def __init__(self, page: Page) -> None:
        self.responses: list[tuple[str, int]] = []
        self.failures: list[str] = []
        self.pending = 0
        page.on("request", lambda request: self._count(1))
        page.on("requestfinished", lambda request: self._count(-1))
        page.on("requestfailed", self._failed)
        page.on("response", lambda response: self.responses.append((response.url, response.status)))

    def _count(self, step: int) -> None:
        self.pending += step

    def _failed(self, request) -> None:
        self.pending -= 1
        # A tile or preload the viewer no longer needs after a scene change is cancelled
        # by the browser: that is not a failure to load.
        if request.failure != "net::ERR_ABORTED":
            self.failures.append(f"{request.url}: {request.failure}")

    def settle(self, page: Page, quiet_ms: int = 700, timeout_s: float = 40) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            seen = len(self.responses)
            page.wait_for_timeout(quiet_ms)
            if self.pending <= 0 and len(self.responses) == seen:
                return
        raise AssertionError(f"Still loading after {timeout_s} s: {self.pending} requests")

    def tiles(self) -> list[str]:
        return [url for url, status in self.responses if status == 200 and TILE_URL.search(url)]

    def assert_clean(self) -> None:
        bad = [(url, status) for url, status in self.responses if status >= 400]
        assert not bad, bad
        assert not self.failures, self.failures


def open_tour(page: Page, site: str, path: str = TOUR, start: str = "inkomhal") -> None:
    """Open a tour, answer the consent banner and start the 360° view."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site + path)
    settle(page)
    # The consent banner covers the bottom of the screen until answered.
    page.get_by_role("button", name="Alleen noodzakelijk").click()
    # The viewer's chunk (three.js, PSV) waits until the visitor asks for the view.
    assert not [url for url in requested if "/assets/TourViewer-" in url]
    page.get_by_role("button", name="Bekijk in 360°").click()
    expect(page.locator(VIEWER)).to_have_attribute("data-node", start, timeout=30_000)
    expect(page.locator(VIEWER)).to_be_focused()
    assert [url for url in requested if "/assets/TourViewer-" in url]


def viewer_node(page: Page) -> str:
    """The node Photo Sphere Viewer itself says it shows (not the page's idea of it)."""
    return page.evaluate(
        """() => document.querySelector('.tour-viewer').photoSphereViewer
            .getPlugin('virtual-tour').getCurrentNode().id"""
    )


def assert_in_room(page: Page, key: str, title: str, announced: str | None = None) -> None:
    """In room `key` everywhere the page shows it, and screen readers were told
    (`announced`: what the live region says; a guide's stop announces itself)."""
    expect(page.locator(VIEWER)).to_have_attribute("data-node", key, timeout=30_000)
    assert viewer_node(page) == key
    expect(page.locator("#tour-scene-heading")).to_have_text(title)
    rooms = page.get_by_role("navigation", name="Zalen")
    expect(rooms.locator("[aria-current=location]")).to_have_count(1)
    expect(rooms.locator("[aria-current=location]")).to_contain_text(title)
    expect(page.locator(f".tour-plan__spot[data-scene-key={key}]")).to_have_attribute(
        "aria-current", "location"
    )
    expect(page).to_have_url(re.compile(rf"\?scene={key}$"))
    announced = announced or f"U bent nu in: {title}"
    expect(page.get_by_role("status").filter(has_text=announced)).to_be_attached()


def turn_towards(page: Page, script: str, arg: str | None = None) -> None:
    """Rotate the view to the direction `script` returns (given the viewer)."""
    page.evaluate(
        f"""arg => {{
            const viewer = document.querySelector('.tour-viewer').photoSphereViewer;
            viewer.stopAll();  // as a visitor's drag does: the automatic rotation ends
            viewer.rotate(({script})(viewer, arg));
        }}""",
        arg,
    )
    page.wait_for_timeout(300)


def click_nearest_to_centre(page: Page, selector: str) -> None:
    """Click, with the mouse, the element of `selector` drawn nearest the view's centre."""
    box = page.locator(VIEWER).bounding_box()
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    elements = page.locator(selector)
    boxes = [elements.nth(i).bounding_box() for i in range(elements.count())]
    distances = [
        abs(b["x"] + b["width"] / 2 - centre[0]) + abs(b["y"] + b["height"] / 2 - centre[1])
        if b
        else float("inf")
        for b in boxes
    ]
    nearest = distances.index(min(distances))
    assert distances[nearest] < 40, (distances, boxes)
    elements.nth(nearest).click()


def click_link_in_canvas(page: Page, node_id: str) -> None:
    """Turn the view towards the link to `node_id`, then click its arrow."""
    turn_towards(
        page,
        """(viewer, nodeId) => viewer.getPlugin('virtual-tour').getCurrentNode().links
            .find((link) => link.nodeId === nodeId).position""",
        node_id,
    )
    click_nearest_to_centre(page, ".psv-virtual-tour-link")


def tab_to(page: Page, text: str, limit: int = 60) -> None:
    """Press Tab until the focused element is the button or link saying `text`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => ['BUTTON', 'A'].includes(document.activeElement?.tagName)
                ? document.activeElement.textContent : ''"""
        )
        if text in focused:
            return
    raise AssertionError(f"Tab never reached {text!r}")


def test_a_visitor_moves_through_the_tour_by_canvas_and_by_keyboard(site):
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE", viewport=DESKTOP)
        traffic = Traffic(page)
        open_tour(page, site)
        traffic.settle(page)
        hall_tiles = traffic.tiles()
        assert hall_tiles, traffic.responses  # the multires tiles, not only fallback faces
        traffic.assert_clean()
        expect(page.locator("#tour-scene-heading")).to_have_text("Inkomhal")
        screenshot(page, "tour-hall")

        # A link clicked in the canvas (its arrow is a button named after the room).
        arrow = page.locator(VIEWER).get_by_role("button", name="Ga naar: Vlaamse primitieven")
        expect(arrow).to_have_count(1)
        click_link_in_canvas(page, "primitieven")
        assert_in_room(page, "primitieven", "Vlaamse primitieven")
        traffic.settle(page)
        assert len(traffic.tiles()) > len(hall_tiles)
        traffic.assert_clean()

        # The hotspot list, with the keyboard only: focus moves to the new room's heading.
        tab_to(page, "Naar het prentenkabinet")
        page.keyboard.press("Enter")
        assert_in_room(page, "prentenkabinet", "Prentenkabinet")
        expect(page.locator("#tour-scene-heading")).to_be_focused()

        # An information hotspot opens a panel with a link into the site's own routes.
        hotspots = page.get_by_role("region", name="In deze zaal")
        info = hotspots.locator("button[aria-expanded]").first
        label = info.locator(".tour-hotspot__label").inner_text()
        tab_to(page, label)
        page.keyboard.press("Enter")
        expect(info).to_have_attribute("aria-expanded", "true")
        panel = page.locator("#tour-hotspot-panel")
        expect(panel.get_by_role("heading", level=3)).to_have_text(label)
        expect(panel.get_by_role("heading", level=3)).to_be_focused()
        link = panel.get_by_role("link").first
        expect(link).to_have_attribute(
            "href", re.compile(r"^/nl/(collectie|verhalen|tentoonstellingen)/")
        )
        screenshot(page, "tour-hotspot-panel")
        page.keyboard.press("Escape")
        expect(panel).to_have_count(0)
        expect(info).to_be_focused()
        # ... and the link is a real route of the site.
        info.press("Enter")
        href = link.get_attribute("href")
        link.click()
        expect(page).to_have_url(site + href)
        expect(page.get_by_role("heading", level=1)).to_have_text(label)

        # A marker clicked in the canvas opens the same panel.
        page.go_back()
        page.get_by_role("button", name="Bekijk in 360°").click()
        expect(page.locator(VIEWER)).to_have_attribute(
            "data-node", "prentenkabinet", timeout=30_000
        )
        turn_towards(
            page, "(viewer) => viewer.getPlugin('markers').getMarkers()[0].config.position"
        )
        click_nearest_to_centre(page, ".psv-marker.vitrine-hotspot")
        expect(page.locator("#tour-hotspot-panel")).to_be_visible()
        traffic.assert_clean()
        page.close()


def record_positions(page: Page) -> None:
    """From now on, keep every view direction Photo Sphere Viewer passes through."""
    page.evaluate(
        """() => {
            window.positions = [];
            document.querySelector('.tour-viewer').photoSphereViewer.addEventListener(
                'position-updated', ({ position }) => window.positions.push(position));
        }"""
    )


def recorded_positions(page: Page) -> list[dict]:
    page.wait_for_timeout(2000)  # longer than what is left of any animated transition
    return page.evaluate("() => window.positions")


def angle_between(a: float, b: float) -> float:
    return abs((a - b + math.pi) % (2 * math.pi) - math.pi)


def current_yaw_degrees(page: Page) -> float:
    return page.evaluate(
        """() => document.querySelector('.tour-viewer').photoSphereViewer.getPosition().yaw * 180 / Math.PI"""
    )


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_the_guide_shows_each_stop_and_honours_reduced_motion(site, motion):
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE", viewport=DESKTOP, reduced_motion=motion)
        traffic = Traffic(page)
        open_tour(page, site)
        expect(page.locator(VIEWER)).to_have_attribute(
            "data-motion", "reduced" if motion == "reduce" else "full"
        )
        guide = page.get_by_role("region", name="Met de gids")
        guide.get_by_role("button", name="Start de gids").click()
        expect(guide.locator("#tour-guide-position")).to_have_text("Halte 1 van 3 · Inkomhal")
        expect(guide.locator("#tour-guide-position")).to_be_focused()
        expect(guide.locator(".tour-guide__transcript")).to_contain_text(
            "Welkom in Museum aan de Leie"
        )
        traffic.settle(page)
        start = current_yaw_degrees(page) * math.pi / 180

        record_positions(page)
        guide.get_by_role("button", name="Volgende halte").click()
        expect(page.locator(VIEWER)).to_have_attribute("data-node", "primitieven", timeout=30_000)
        positions = recorded_positions(page)
        assert viewer_node(page) == "primitieven"
        expect(guide.locator("#tour-guide-position")).to_have_text(
            "Halte 2 van 3 · Vlaamse primitieven"
        )
        expect(guide.locator(".tour-guide__transcript")).to_contain_text(
            "Een drieluik uit de kring van Hugo van der Goes"
        )
        expect(
            page.get_by_role("status").filter(has_text="Halte 2 van 3: Vlaamse primitieven")
        ).to_be_attached()
        # The stop faces the triptych (yaw 0 in the primitives room).
        assert math.degrees(angle_between(math.radians(current_yaw_degrees(page)), 0)) < 2
        # Directions the view passed through on the way (neither where it was nor where it ended).
        assert positions, "the view never moved"
        final = positions[-1]["yaw"]
        between = [
            p
            for p in positions
            if min(angle_between(p["yaw"], start), angle_between(p["yaw"], final)) > 0.01
        ]
        if motion == "reduce":
            assert between == [], positions  # a cut
        else:
            assert between, positions  # the same measurement sees the animation
        # No auto-rotation either way: the view stays where the stop put it.
        yaw = current_yaw_degrees(page)
        page.wait_for_timeout(1500)
        assert current_yaw_degrees(page) == pytest.approx(yaw, abs=0.01)
        screenshot(page, f"tour-guide-{motion}")
        traffic.settle(page)
        traffic.assert_clean()
        page.close()


def test_the_tours_list_and_the_tour_page_pass_axe_on_desktop_and_phone(site):
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE", viewport=DESKTOP)
        page.goto(f"{site}/nl/rondleidingen")
        settle(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Virtuele rondleidingen")
        check_accessibility(page, "tour-list")
        page.get_by_role("link", name="Rondleiding door het museum").click()
        expect(page).to_have_url(site + TOUR)
        page.get_by_role("button", name="Bekijk in 360°").click()
        expect(page.locator(VIEWER)).to_have_attribute("data-node", "inkomhal", timeout=30_000)
        check_accessibility(page, "tour")
        page.close()

        phone = browser.new_page(
            locale="en-GB", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
        )
        phone.goto(f"{site}/en/tours/museum-tour")
        settle(phone)
        phone.get_by_role("button", name="Necessary only").click()
        phone.get_by_role("button", name="View in 360°").tap()
        viewer = phone.locator(VIEWER)
        expect(viewer).to_have_attribute("data-node", "inkomhal", timeout=30_000)
        box = viewer.bounding_box()
        assert box["width"] <= 390 and box["height"] <= 0.65 * 844 + 1, box
        canvas = phone.locator(f"{VIEWER} canvas.psv-canvas").bounding_box()
        assert abs(canvas["width"] - box["width"]) < 2, (canvas, box)
        # A tap on a room in the list moves there.
        phone.get_by_role("navigation", name="Rooms").get_by_role(
            "button", name=re.compile("Silver room")
        ).tap()
        expect(viewer).to_have_attribute("data-node", "zilverkamer", timeout=30_000)
        expect(phone.locator("#tour-scene-heading")).to_have_text("Silver room")
        check_accessibility(phone, "tour-phone")


NO_WEBGL = """
const getContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
  return /webgl/.test(kind) ? null : getContext.call(this, kind, ...rest);
};
"""


def test_without_webgl_the_tour_is_text_and_lists(site):
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE", viewport=DESKTOP)
        page.add_init_script(NO_WEBGL)
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(site + TOUR)
        settle(page)
        page.get_by_role("button", name="Alleen noodzakelijk").click()
        expect(page.get_by_text("WebGL is niet beschikbaar", exact=False)).to_be_visible()
        # The room's still image stays where the server drew it; no viewer, nothing to start.
        expect(page.locator(f"{VIEWER}--poster img")).to_be_visible()
        expect(page.locator(f"{VIEWER}:not({VIEWER}--poster)")).to_have_count(0)
        expect(page.get_by_role("button", name="Bekijk in 360°")).to_have_count(0)
        assert not any(
            "TourViewer" in url for url in requested
        )  # the viewer's chunk is not fetched
        expect(page.locator(".tour__description")).to_contain_text("Een hoge hal")
        page.get_by_role("button", name="Ga naar: Naar de zilverkamer").click()
        expect(page.locator("#tour-scene-heading")).to_have_text("Zilverkamer")
        expect(page.locator("#tour-scene-heading")).to_be_focused()
        expect(
            page.get_by_role("navigation", name="Zalen").get_by_role(
                "button", name=re.compile("Zilverkamer")
            )
        ).to_have_attribute("aria-current", "location")
        check_accessibility(page, "tour-no-webgl")


HOSTILE = "&lt;img src=x onerror=window.pwned=1&gt; Vaas"
SHOWN = "<img src=x onerror=window.pwned=1> Vaas"


def test_hotspot_and_scene_texts_stay_text_in_the_page_and_the_canvas(site):
    vase = CollectionObject.objects.filter(locale__language_code="nl").first()
    hostile = models.Hotspot(
        yaw=0, pitch=0, label=HOSTILE, target_kind="object", target_object=vase
    )
    builders.tour(
        [
            builders.scene("zaal", [hostile, builders.go_to("gang", yaw=90)], title=HOSTILE),
            builders.scene("gang", [builders.go_to("zaal", yaw=-90)]),
        ],
        slug="onveilig",
    )
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE", viewport=DESKTOP)
        open_tour(page, site, "/nl/rondleidingen/onveilig", start="zaal")
        # The page shows GraphQL's scene title, which keeps what the editor typed
        # (entities and all); the viewer decodes it. Either way it is text.
        expect(page.locator("#tour-scene-heading")).to_have_text(HOSTILE)
        label = page.locator(".tour-hotspot__label").first
        expect(label).to_have_text(SHOWN)
        page.locator("main button[aria-expanded]").first.click()
        expect(page.locator("#tour-hotspot-panel h3")).to_have_text(SHOWN)
        expect(page.locator(".psv-marker.vitrine-hotspot")).to_have_count(1)
        # The canvas's caption and the marker's tooltip are text too (the API escaped them).
        expect(page.locator(".psv-caption-content")).to_have_text(SHOWN)
        assert page.locator("img[src=x]").count() == 0
        assert page.evaluate("() => window.pwned") is None


def spoken_welcome() -> Document:
    """Half a second of a 440 Hz tone as a WAV document: a stop's audio."""
    rate = 8000
    samples = (int(8000 * math.sin(2 * math.pi * 440 * n / rate)) for n in range(rate // 2))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(rate)
        sound.writeframes(b"".join(struct.pack("<h", sample) for sample in samples))
    return Document.objects.create(
        title="Welkom", file=ContentFile(buffer.getvalue(), name="welkom.wav")
    )


def test_a_stop_plays_its_audio_with_native_controls_and_shows_its_transcript(site):
    builders.tour(
        [builders.scene("zaal", [builders.go_to("gang")]), builders.scene("gang")],
        slug="met-audio",
        stops=[
            models.GuidedStop(
                scene_key="gang", narration="Welkom in de gang.", audio=spoken_welcome()
            )
        ],
    )
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE", viewport=DESKTOP)
        open_tour(page, site, "/nl/rondleidingen/met-audio", start="zaal")
        page.get_by_role("button", name="Start de gids").click()
        expect(page.locator(VIEWER)).to_have_attribute("data-node", "gang", timeout=30_000)
        audio = page.locator(".tour-guide__audio")
        expect(audio).to_have_attribute("controls", "")
        expect(audio).to_have_attribute("src", re.compile(r"^/documents/\d+/welkom\.wav$"))
        expect(page.locator(".tour-guide__transcript")).to_have_text("Welkom in de gang.")
        # Started by the visitor's click on "Start de gids", and it plays.
        page.wait_for_function(
            "() => { const a = document.querySelector('.tour-guide__audio');"
            " return a.currentTime > 0 || a.ended; }",
            timeout=15_000,
        )


def tab_stops_in(page: Page, selector: str) -> list[dict]:
    """Every keyboard stop inside `selector`: its tag, role and accessible name."""
    return page.evaluate(
        """selector => [...document.querySelector(selector).querySelectorAll(
                'a[href], button, input, select, textarea, [tabindex]')]
            .filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length)
            .map((el) => ({
                tag: el.tagName,
                className: el.className,
                role: el.getAttribute('role'),
                name: (el.getAttribute('aria-label') || el.textContent || '').trim(),
            }))""",
        selector,
    )


def zoom_level(page: Page) -> float:
    return page.evaluate(
        "() => document.querySelector('.tour-viewer').photoSphereViewer.getZoomLevel()"
    )


def test_the_viewer_controls_are_named_buttons_and_the_tour_works_by_keyboard_only(site):
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE", viewport=DESKTOP)
        page.goto(site + TOUR)
        settle(page)
        page.get_by_role("button", name="Alleen noodzakelijk").click()
        tab_to(page, "Bekijk in 360°")
        page.keyboard.press("Enter")
        viewer = page.locator(VIEWER)
        expect(viewer).to_have_attribute("data-node", "inkomhal", timeout=30_000)
        expect(viewer).to_be_focused()

        # The first scene turns by itself until the visitor moves.
        expect(viewer).to_have_attribute("data-autorotate", "on", timeout=10_000)
        page.wait_for_function(
            "yaw => Math.abs(document.querySelector('.tour-viewer').photoSphereViewer"
            ".getPosition().yaw - yaw) > 0.01",
            arg=current_yaw_degrees(page) * math.pi / 180,
        )
        page.keyboard.press("ArrowLeft")
        expect(viewer).to_have_attribute("data-autorotate", "off")
        # The arrow key's own turn eases out; then the view stays where the visitor left it.
        page.wait_for_function(
            """() => {
              const yaw = document.querySelector('.tour-viewer').photoSphereViewer
                .getPosition().yaw;
              const seen = window.__stillYaw;
              if (!seen || Math.abs(seen.yaw - yaw) > 1e-6) {
                window.__stillYaw = { yaw, since: performance.now() };
                return false;
              }
              return performance.now() - seen.since > 300;
            }"""
        )
        yaw = current_yaw_degrees(page)
        page.wait_for_timeout(1000)
        assert current_yaw_degrees(page) == pytest.approx(yaw, abs=0.01)

        # Every keyboard stop of the viewer and its bar: the view itself, or a named button.
        stops = tab_stops_in(page, ".tour-viewer__frame")
        others = [stop for stop in stops if stop["role"] != "application"]
        assert others, stops
        assert all(stop["tag"] == "BUTTON" and stop["name"] for stop in others), stops
        bar = page.get_by_role("toolbar", name="Bediening van het 360°-beeld")
        for name in ("Uitzoomen", "Inzoomen", "Automatisch draaien", "Volledig scherm"):
            expect(bar.get_by_role("button", name=name)).to_have_count(1)

        # Zoom in from the keyboard.
        before = zoom_level(page)
        tab_to(page, "Inzoomen")
        page.keyboard.press("Enter")
        page.wait_for_function(
            "before => document.querySelector('.tour-viewer').photoSphereViewer"
            ".getZoomLevel() > before + 5",
            arg=before,
        )
        # Rotation back on and off again, as a toggle button.
        rotate = bar.get_by_role("button", name="Automatisch draaien")
        tab_to(page, "Automatisch draaien")
        page.keyboard.press("Enter")
        expect(rotate).to_have_attribute("aria-pressed", "true")
        page.keyboard.press("Enter")
        expect(rotate).to_have_attribute("aria-pressed", "false")

        # The guide, then the rooms, by keyboard.
        tab_to(page, "Start de gids")
        page.keyboard.press("Enter")
        expect(page.locator("#tour-guide-position")).to_have_text("Halte 1 van 3 · Inkomhal")
        tab_to(page, "Volgende halte")
        page.keyboard.press("Enter")
        assert_in_room(
            page, "primitieven", "Vlaamse primitieven", "Halte 2 van 3: Vlaamse primitieven"
        )
        tab_to(page, "Zilverkamer")
        page.keyboard.press("Enter")
        assert_in_room(page, "zilverkamer", "Zilverkamer")
        screenshot(page, "tour-controls")

        violations = check_accessibility(page, "tour-viewer-open")
        assert violations == [], violations
        page.close()


def test_no_automatic_rotation_when_the_visitor_prefers_reduced_motion(site):
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE", viewport=DESKTOP, reduced_motion="reduce")
        open_tour(page, site)
        Traffic(page).settle(page)
        yaw = current_yaw_degrees(page)
        page.wait_for_timeout(1500)
        assert current_yaw_degrees(page) == pytest.approx(yaw, abs=0.01)
        expect(page.locator(VIEWER)).not_to_have_attribute("data-autorotate", "on")
        expect(page.get_by_role("button", name="Automatisch draaien")).to_have_attribute(
            "aria-pressed", "false"
        )
        page.close()


def test_the_guide_plays_by_itself_following_each_stops_dwell_time(site):
    builders.tour(
        [
            builders.scene("zaal", [builders.go_to("gang")], title="Zaal"),
            builders.scene("gang", [builders.go_to("zaal")], title="Gang"),
            builders.scene("tuin", [builders.go_to("gang")], title="Tuin"),
        ],
        slug="vanzelf",
        stops=[
            models.GuidedStop(scene_key="zaal", narration="Eerst de zaal.", dwell_seconds=30),
            models.GuidedStop(scene_key="gang", narration="Dan de gang.", dwell_seconds=10),
            models.GuidedStop(scene_key="tuin", narration="Tot slot de tuin.", dwell_seconds=5),
        ],
    )
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE", viewport=DESKTOP)
        page.clock.install()
        open_tour(page, site, "/nl/rondleidingen/vanzelf", start="zaal")
        guide = page.get_by_role("region", name="Met de gids")
        play = guide.get_by_role("button", name="Speel de gids af")
        play.click()
        position = guide.locator("#tour-guide-position")
        expect(position).to_have_text("Halte 1 van 3 · Zaal")
        expect(guide.get_by_role("button", name="Speel de gids af")).to_have_attribute(
            "aria-pressed", "true"
        )
        page.clock.run_for(28_000)
        expect(position).to_have_text("Halte 1 van 3 · Zaal")
        page.clock.run_for(3_000)
        expect(position).to_have_text("Halte 2 van 3 · Gang")
        expect(page.locator(VIEWER)).to_have_attribute("data-node", "gang", timeout=30_000)
        expect(guide.locator(".tour-guide__transcript")).to_have_text("Dan de gang.")
        page.clock.run_for(8_000)
        expect(position).to_have_text("Halte 2 van 3 · Gang")
        page.clock.run_for(3_000)
        expect(position).to_have_text("Halte 3 van 3 · Tuin")
        expect(page.locator(VIEWER)).to_have_attribute("data-node", "tuin", timeout=30_000)
        # After the last stop's time the guide stops playing, and stays there.
        page.clock.run_for(6_000)
        expect(guide.get_by_role("button", name="Speel de gids af")).to_have_attribute(
            "aria-pressed", "false"
        )
        expect(position).to_have_text("Halte 3 van 3 · Tuin")
        screenshot(page, "tour-guide-played")

        # Pause holds the guide where it is.
        guide.get_by_role("button", name="Vorige halte").click()
        expect(position).to_have_text("Halte 2 van 3 · Gang")
        play = guide.get_by_role("button", name="Speel de gids af")
        play.click()
        play.click()
        expect(play).to_have_attribute("aria-pressed", "false")
        page.clock.run_for(15_000)
        expect(position).to_have_text("Halte 2 van 3 · Gang")
        page.close()


IOS_PERMISSION = """
window.motionPermissionAsked = 0;
DeviceOrientationEvent.requestPermission = () => {
  window.motionPermissionAsked += 1;
  return Promise.resolve('granted');
};
"""


def test_on_a_phone_the_view_follows_the_device_after_the_permission_prompt(site):
    with chromium() as browser:
        context = browser.new_context(
            locale="nl-BE", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
        )
        page = context.new_page()
        page.add_init_script(IOS_PERMISSION)
        sensors = context.new_cdp_session(page)
        # Not alpha 0: the plugin reads an alpha of exactly 0 as "no reading" and leaves
        # its offset out, so the view would first swing away from where it was, and where
        # it had got to when the test looked would decide the quarter turn below.
        sensors.send(
            "DeviceOrientation.setDeviceOrientationOverride", {"alpha": 10, "beta": 90, "gamma": 0}
        )
        page.goto(site + TOUR)
        settle(page)
        page.get_by_role("button", name="Alleen noodzakelijk").tap()
        page.get_by_role("button", name="Bekijk in 360°").tap()
        viewer = page.locator(VIEWER)
        expect(viewer).to_have_attribute("data-node", "inkomhal", timeout=30_000)
        motion = page.get_by_role("button", name="Kijk rond met uw telefoon")
        expect(motion).to_have_attribute("aria-pressed", "false")
        assert page.evaluate("() => window.motionPermissionAsked") == 0  # only on the press
        motion.tap()
        expect(motion).to_have_attribute("aria-pressed", "true")
        assert page.evaluate("() => window.motionPermissionAsked") >= 1  # asked on the press
        expect(viewer).to_have_attribute("data-autorotate", "off")
        # The plugin takes the phone's first reading as "straight ahead": turning before
        # that reading arrived (Chromium sends it a moment after the listener is added,
        # later on a loaded machine) would only move the baseline.
        page.wait_for_function(
            """() => document.querySelector('.tour-viewer').photoSphereViewer
                .getPlugin('gyroscope').state.alphaOffset !== null""",
            timeout=10_000,
        )
        start = current_yaw_degrees(page)
        # The visitor turns with the phone a quarter to the left: the view follows.
        sensors.send(
            "DeviceOrientation.setDeviceOrientationOverride", {"alpha": 100, "beta": 90, "gamma": 0}
        )
        try:
            page.wait_for_function(
                """start => {
                    const yaw = document.querySelector('.tour-viewer').photoSphereViewer
                        .getPosition().yaw * 180 / Math.PI;
                    const turned = Math.abs(((yaw - start + 540) % 360) - 180);
                    return turned > 80 && turned < 100;
                }""",
                arg=start,
                timeout=10_000,
            )
        except PlaywrightTimeoutError:
            state = page.evaluate(
                """() => {
                    const viewer = document.querySelector('.tour-viewer').photoSphereViewer;
                    const gyroscope = viewer.getPlugin('gyroscope');
                    const reading = gyroscope.controls?.deviceOrientation;
                    return {
                        yaw: viewer.getPosition().yaw * 180 / Math.PI,
                        enabled: gyroscope.isEnabled(),
                        alphaOffset: gyroscope.state.alphaOffset,
                        reading: reading && [reading.alpha, reading.beta, reading.gamma],
                    };
                }"""
            )
            pytest.fail(f"the view did not turn a quarter from {start:.1f}°: {state}")
        screenshot(page, "tour-phone-motion")
        motion.tap()
        expect(motion).to_have_attribute("aria-pressed", "false")
        context.close()
