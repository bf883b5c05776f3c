"""The viewer configs work in the real viewers, in a real browser.

A tour of three scenes is tiled for real, its ``viewerConfig`` fetched through
``/graphql/``, and each viewer (Pannellum 2.5.7, Photo Sphere Viewer 5 with the
virtual-tour plugin and cubemap tiles, Marzipano 0.10) is loaded in headless Chromium
from ``tests/e2e/harness/`` with the npm packages of this folder. The tiles travel over
HTTP from the files the tiler wrote, through a small local server.

What is pinned here and nowhere else: the tiles of the first scene load without a
single failed request; the hotspots are in the page; clicking the navigation hotspot
moves to its scene and faces the arrival direction; a scene title that decodes to
``<img onerror=…>`` is shown as text; and the cube faces are where the viewer looks
(the panoramas are painted with a known colour for every direction, so a wrong face
letter, a flipped top face or a negated pitch shows as a wrong pixel).

Screenshots of the first and second scene in each viewer go to ``artifacts/e2e/``.
Prerequisites come from ``tests/e2e/install.sh``; without them the test fails.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import numpy as np
import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from museum_site.models import MuseumImage
from tests.e2e.browser import ARTIFACTS, NODE_MODULES, chromium, require_browser
from tests.site import builders as site_builders
from tests.tours import builders
from tours import models
from tours.services import tile_image

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

HERE = Path(__file__).resolve().parent
HARNESS = HERE / "harness"
VIEWPORT = {"width": 960, "height": 540}
PANORAMA_WIDTH = 2048  # two pyramid levels: 512 px (one tile) and 1024 px (2 x 2 tiles)

# 27 colours at least 127 apart in some channel: JPEG noise never turns one into another.
PALETTE = list(itertools.product((0, 128, 255), repeat=3))
COLOUR_TOLERANCE = 48
# Directions to check, (yaw, pitch) in degrees: the four side faces, and the top and
# bottom faces seen towards the front, the back and the side (a face turned by 90° or
# 180°, or an upside-down pitch, puts another sector's colour there).
LOOKS = [(0, 0), (90, 0), (180, 0), (-90, 0), (0, 55), (180, 55), (90, 55), (0, -55), (-90, -55)]

TILE_URL = re.compile(r"/\d+/[fbudlr]\d+_\d+\.jpg$")
HOSTILE_TITLE = "&lt;img src=x onerror=window.pwned=1&gt; Great hall"
SHOWN_TITLE = "<img src=x onerror=window.pwned=1> Great hall"


@dataclass(frozen=True)
class Viewer:
    """Where one viewer puts the first scene's hotspots and title in the page."""

    name: str
    link: str
    info: str
    title: str

    @property
    def harness(self) -> str:
        return f"/harness/{self.name.replace('_', '-')}.html"


VIEWERS = {
    viewer.name: viewer
    for viewer in (
        Viewer(
            "pannellum",
            ".pnlm-hotspot-base.pnlm-scene",
            ".pnlm-hotspot-base.pnlm-info",
            ".pnlm-title-box",
        ),
        Viewer(
            "photo_sphere_viewer", ".psv-virtual-tour-link", ".psv-marker", ".psv-caption-content"
        ),
        # Marzipano keeps every scene's hotspots in the page: only the hall's count.
        Viewer(
            "marzipano",
            ".link-hotspot[data-scene=hall]",
            ".info-hotspot[data-scene=hall]",
            "#title",
        ),
    )
}


def sector_colour(yaw: float, pitch: float, shift: int) -> tuple[int, int, int]:
    """The painted colour of a direction: by 45° sector of yaw and by band of pitch."""
    if pitch > 70:
        return PALETTE[24]
    if pitch < -70:
        return PALETTE[25]
    band = 0 if pitch > 20 else 1 if pitch >= -20 else 2
    return PALETTE[band * 8 + (round(yaw / 45) + shift) % 8]


def compass_panorama(title: str, shift: int) -> MuseumImage:
    """A 2:1 panorama painted by ``sector_colour``, with the scene's name above yaw 0."""
    width, height = PANORAMA_WIDTH, PANORAMA_WIDTH // 2
    yaw = (np.arange(width) + 0.5) * 360 / width - 180
    pitch = 90 - (np.arange(height) + 0.5) * 180 / height
    sector = (np.round(yaw / 45).astype(int) + shift) % 8
    band = np.select([pitch > 20, pitch >= -20], [0, 1], 2)
    index = band[:, None] * 8 + sector[None, :]
    index[pitch > 70] = 24
    index[pitch < -70] = 25
    image = Image.fromarray(np.array(PALETTE, dtype=np.uint8)[index])
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    # Between pitch 6° and 16°: clear of the horizon, where the colours are checked.
    draw.text((width / 2, height * (90 - 11) / 180), title, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return MuseumImage.objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.jpg")
    )


def tiled(image: MuseumImage) -> MuseumImage:
    assert tile_image(image.pk).status == models.PanoramaTiles.Status.READY
    return image


def museum_tour() -> models.TourPage:
    """hall <-> garden <-> attic, every panorama tiled, hall with three info hotspots."""
    hall = builders.scene(
        "hall",
        [
            builders.go_to("garden", yaw=30, pitch=-10, label="To the garden", target_yaw=15),
            models.Hotspot(
                yaw=-30,
                pitch=5,
                label="Website",
                target_kind="url",
                target_url="https://example.org/",
            ),
            models.Hotspot(
                yaw=-60,
                pitch=-5,
                label="Our story",
                target_kind="story",
                target_story=site_builders.story(),
            ),
            models.Hotspot(
                yaw=-120,
                pitch=0,
                label="Draft",
                target_kind="story",
                target_story=site_builders.story(publish=False),
            ),
        ],
        title=HOSTILE_TITLE,
        # Not face-aligned: SwiftShader draws no side faces in Marzipano at yaw 0 with
        # a field of view over 90° (a cube corner lies on the camera plane there).
        initial_yaw=10,
        initial_fov=100,
        panorama=tiled(compass_panorama("HALL", 0)),
    )
    garden = builders.scene(
        "garden",
        [builders.go_to("hall", yaw=-30), builders.go_to("attic", yaw=35, pitch=-5)],
        panorama=tiled(compass_panorama("GARDEN", 3)),
    )
    attic = builders.scene(
        "attic",
        [builders.go_to("garden", yaw=0, pitch=-20)],
        panorama=tiled(compass_panorama("ATTIC", 5)),
    )
    return builders.tour([hall, garden, attic], slug="museum-walk")


class _Files(SimpleHTTPRequestHandler):
    """Serves URL prefixes from folders: the harness, node_modules and MEDIA_ROOT."""

    roots: dict[str, Path] = {}

    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        for prefix, root in self.roots.items():
            if path.startswith(prefix):
                candidate = (root / path.removeprefix(prefix)).resolve()
                if candidate.is_relative_to(root.resolve()):
                    return str(candidate)
        return str(HERE / "does-not-exist")

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the browser's own record of every response is what the test reads."""


@pytest.fixture
def file_server() -> Iterator[str]:
    """An HTTP server on the loopback interface, for as long as one test runs."""
    handler = type(
        "Files",
        (_Files,),
        {
            "roots": {
                "/harness/": HARNESS,
                "/node_modules/": NODE_MODULES,
                settings.MEDIA_URL: Path(settings.MEDIA_ROOT),
            }
        },
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def viewer_configs(graphql) -> dict[str, dict]:
    answer = graphql(
        """
        query Tour($slug: String!) {
          tour(slug: $slug, locale: "nl") {
            pannellum: viewerConfig(format: PANNELLUM)
            photo_sphere_viewer: viewerConfig(format: PHOTO_SPHERE_VIEWER)
            marzipano: viewerConfig(format: MARZIPANO)
          }
        }
        """,
        {"slug": "museum-walk"},
    )
    assert "errors" not in answer, answer
    return {name: json.loads(value) for name, value in answer["data"]["tour"].items()}


class Traffic:
    """Every request the page makes, and whether it is still waiting for any."""

    def __init__(self, page: Page) -> None:
        self.responses: list[tuple[str, int]] = []
        self.failures: list[str] = []
        self.errors: list[str] = []
        self.pending = 0
        page.on("request", lambda request: self._start())
        page.on("requestfinished", lambda request: self._end())
        page.on("requestfailed", lambda request: self._fail(request.url, request.failure))
        page.on("response", lambda response: self.responses.append((response.url, response.status)))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on(
            "console",
            lambda message: self.errors.append(message.text) if message.type == "error" else None,
        )

    def _start(self) -> None:
        self.pending += 1

    def _end(self) -> None:
        self.pending -= 1

    def _fail(self, url: str, failure: str | None) -> None:
        self.pending -= 1
        self.failures.append(f"{url}: {failure}")

    def settle(self, page: Page, quiet_ms: int = 700, timeout_s: float = 30) -> None:
        """Wait until nothing is loading and nothing new was asked for a while."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            seen = len(self.responses)
            page.wait_for_timeout(quiet_ms)
            if self.pending <= 0 and len(self.responses) == seen:
                return
        raise AssertionError(f"Still loading after {timeout_s} s: {self.pending} requests")

    def tiles_of(self, base_url: str) -> list[str]:
        return [
            url
            for url, status in self.responses
            if status == 200 and base_url in url and TILE_URL.search(url)
        ]

    def assert_clean(self) -> None:
        bad = [(url, status) for url, status in self.responses if status >= 400]
        assert not bad, bad
        assert not self.failures, self.failures
        assert not self.errors, self.errors


def wait_for_scene(page: Page, traffic: Traffic, scene: str) -> None:
    """Wait until the viewer says it shows ``scene``, or fail with what the page said."""
    try:
        page.wait_for_function(
            "scene => window.events.some(([kind, id]) => kind === 'load' && id === scene)",
            arg=scene,
            timeout=20_000,
        )
    except PlaywrightTimeoutError:
        events = page.evaluate("() => window.events")
        raise AssertionError(
            f"{scene} never loaded; events {events}, errors {traffic.errors}, "
            f"failures {traffic.failures}, responses {traffic.responses[-10:]}"
        ) from None


def centre_colour(page: Page) -> tuple[int, int, int]:
    """The median colour of the 7 x 7 pixels at the centre of the view."""
    with Image.open(io.BytesIO(page.screenshot())) as shot:
        x, y = shot.width // 2, shot.height // 2
        patch = np.asarray(shot.convert("RGB").crop((x - 3, y - 3, x + 4, y + 4)))
    return tuple(int(value) for value in np.median(patch.reshape(-1, 3), axis=0))


def close_to(colour: tuple[int, ...], expected: tuple[int, ...]) -> bool:
    return all(abs(a - b) <= COLOUR_TOLERANCE for a, b in zip(colour, expected, strict=True))


def base_url(name: str, config: dict, scene: str) -> str:
    """Where the configuration says a scene's tiles are, as a URL path prefix."""
    if name == "pannellum":
        return config["scenes"][scene]["multiRes"]["basePath"] + "/"
    if name == "photo_sphere_viewer":
        node = next(node for node in config["nodes"] if node["id"] == scene)
        return node["panorama"]["tileUrlTemplates"][0].rsplit("/", 2)[0] + "/"
    found = next(item for item in config["scenes"] if item["id"] == scene)
    return found["tileUrlTemplates"][0].rsplit("/", 2)[0] + "/"


@pytest.fixture
def configs(graphql) -> dict[str, dict]:
    """Built before the browser starts: Django refuses database work once Playwright's
    event loop runs in this thread."""
    museum_tour()
    return viewer_configs(graphql)


@pytest.mark.parametrize("name", list(VIEWERS))
def test_viewer_shows_the_tour_and_walks_to_the_next_scene(name, configs, file_server):
    require_browser()  # in the test, not a fixture: a missing browser is a failure
    with chromium() as browser:
        walk_through(browser.new_page(viewport=VIEWPORT), VIEWERS[name], configs[name], file_server)


def walk_through(page: Page, viewer: Viewer, config: dict, file_server: str) -> None:
    name = viewer.name
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    traffic = Traffic(page)
    page.goto(file_server + viewer.harness)
    page.wait_for_function("() => typeof window.startTour === 'function'")
    page.evaluate("config => window.startTour(config)", config)
    wait_for_scene(page, traffic, "hall")
    traffic.settle(page)

    # The first scene's tiles, over HTTP, and nothing failed.
    hall_tiles = traffic.tiles_of(base_url(name, config, "hall"))
    assert hall_tiles, traffic.responses
    traffic.assert_clean()
    page.screenshot(path=ARTIFACTS / f"{name}-hall.png")
    assert page.evaluate("() => window.currentYaw()") == pytest.approx(10, abs=0.5)

    # Texts are shown as text: the decoded <img onerror> never became an element.
    assert page.locator(viewer.title).first.text_content().strip() == SHOWN_TITLE
    assert page.evaluate("() => window.pwned") is None
    assert page.evaluate("() => window.linkTargets()") == ["garden"]
    assert page.locator(viewer.link).count() == 1
    assert page.locator(viewer.info).count() == 3

    # Each face where the viewer looks.
    for yaw, pitch in LOOKS:
        page.evaluate("([yaw, pitch]) => window.look(yaw, pitch)", [yaw, pitch])
        traffic.settle(page, quiet_ms=400)
        colour = centre_colour(page)
        expected = sector_colour(yaw, pitch, shift=0)
        assert close_to(colour, expected), (name, yaw, pitch, colour, expected)

    # Walk through the hotspot to the garden, arriving at the hotspot's direction.
    page.evaluate("() => window.look(30, -10)")
    traffic.settle(page, quiet_ms=400)
    page.locator(viewer.link).first.click()
    page.wait_for_function("() => window.currentScene() === 'garden'")
    wait_for_scene(page, traffic, "garden")
    traffic.settle(page)
    assert traffic.tiles_of(base_url(name, config, "garden"))
    assert page.evaluate("() => window.currentYaw()") % 360 == pytest.approx(15, abs=1)
    assert sorted(page.evaluate("() => window.linkTargets()")) == ["attic", "hall"]
    traffic.assert_clean()
    page.screenshot(path=ARTIFACTS / f"{name}-garden.png")
    page.close()
