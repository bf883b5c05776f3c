"""The built frontend and the demo museum behind pytest-django's live server.

`demo_museum` makes the demo (the real `load_demo`, run once per test process by
tests/demo_snapshot.py) the state every transactional test of the module restores (the
suite's tests roll back by serialization; see tests/conftest.py), so each test starts
from the whole demo without loading it again. At the end of the module the original
state comes back.
"""

from __future__ import annotations

import json
import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.demo_snapshot import DemoSnapshot, in_database
from tests.e2e.browser import ARTIFACTS

# Two cores shared with other test runs: give pages more than Playwright's default 5 s.
expect.set_options(timeout=15_000)

FRONTEND = Path(__file__).resolve().parents[3] / "frontend"
AXE = FRONTEND / "node_modules" / "axe-core" / "axe.min.js"


def require_frontend() -> None:
    """Fail, not skip, when the built site or axe-core is missing."""
    index = Path(settings.FRONTEND_DIST) / "index.html"
    missing = [str(path) for path in (index, AXE) if not path.exists()]
    if missing or settings.WHITENOISE_ROOT is None:
        pytest.fail(
            f"Missing {', '.join(missing) or 'WHITENOISE_ROOT'}: run `make frontend` "
            "(npm ci and npm run build in frontend/) before the browser tests.",
            pytrace=False,
        )


@pytest.fixture(scope="module")
def demo_museum(demo_snapshot: DemoSnapshot, django_db_blocker) -> Iterator[Path]:
    """Every test of the module starts from the whole demo (tests/demo_snapshot.py)."""
    require_frontend()
    with django_db_blocker.unblock(), in_database(demo_snapshot, now=False) as media:
        yield media


@pytest.fixture
def site(demo_museum: Path, live_server, settings) -> str:
    """The live server's URL, serving the demo's media from where the demo put it."""
    settings.MEDIA_ROOT = demo_museum
    settings.ROOT_URLCONF = "tests.e2e.frontend.urls"
    return live_server.url


def settle(page: Page) -> None:
    """Wait until the route's chunk and queries are done and the page has its title.

    Up to a minute: the first answer with a list of cards makes their renditions (AVIF
    and WebP included), which took over 30 s once on a machine loaded ten times over."""
    page.wait_for_load_state("networkidle")
    if not rendered(page):
        # A fresh page that loaded every script and its route's chunk but never rendered
        # (empty #root, no API request): what frontend/src/main.tsx's wait for the
        # router fixed. Should it come back, reload once and say so loudly; a second
        # blank page fails below.
        message = f"BLANK FIRST RENDER at {page.url}: reloading once"
        print(message, file=sys.stderr)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        with (ARTIFACTS / "blank-first-render.log").open("a") as log:
            log.write(message + "\n")
        page.reload(wait_until="networkidle")
    try:
        page.locator("main h1").first.wait_for(timeout=60_000)
    except PlaywrightTimeoutError:
        # Say what the page showed and which API calls had finished, and how slowly: a
        # timeout alone does not tell a slow server from a page that broke.
        screenshot(page, "settle-timeout")
        finished = page.evaluate(
            """() => [document.readyState, document.getElementById('root')?.innerHTML.length,
                ...performance.getEntriesByType('resource').map(
                    (entry) => `${entry.name.replace(location.origin, '').slice(0, 60)} ${Math.round(entry.duration)} ms`)]"""
        )
        shown = page.locator("body").inner_text()[:500]
        pytest.fail(
            f"{page.url}: no <h1> in <main> after 60 s. document state, root size, requests finished: {finished}. "
            f"The page showed: {shown!r}\nThe live server's threads:\n{server_threads()}"
        )


def rendered(page: Page) -> bool:
    """Whether the app put anything into #root within 20 s of the network going quiet."""
    try:
        page.wait_for_function(
            "() => document.getElementById('root')?.childElementCount > 0", timeout=20_000
        )
    except PlaywrightTimeoutError:
        return False
    return True


def server_threads() -> str:
    """Where every other thread of this process is (the live server's request threads)."""
    frames = sys._current_frames()
    lines = []
    for thread in threading.enumerate():
        frame = frames.get(thread.ident)
        if thread is threading.current_thread() or frame is None:
            continue
        stack = traceback.format_stack(frame)[-8:]
        lines.append(f"--- {thread.name}\n" + "".join(stack))
    return "\n".join(lines)


def check_accessibility(page: Page, name: str) -> list[dict]:
    """Run axe-core (WCAG 2.1 A/AA and best practices); fail on serious or critical issues.

    Writes the full report and a screenshot of the page to artifacts/e2e/.
    """
    settle(page)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
            resultTypes: ['violations'],
        })"""
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"frontend-{name}.axe.json").write_text(
        json.dumps(results["violations"], indent=1)
    )
    screenshot(page, name)
    blocking = [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert blocking == [], f"axe on {name} ({page.url}): {json.dumps(blocking, indent=1)}"
    return results["violations"]


def screenshot(page: Page, name: str) -> None:
    """The whole page as a visitor who scrolled through it sees it.

    Chromium's full-page capture does not scroll, so lazy images below the first screen
    would stay blank in it (they load as the visitor scrolls): scroll through first."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    scroll_through(page)
    page.screenshot(path=str(ARTIFACTS / f"frontend-{name}.png"), full_page=True)


def scroll_through(page: Page) -> None:
    """Scroll down a screen at a time, wait for the images that started, return to the top."""
    page.evaluate(
        """async () => {
            const step = Math.max(200, window.innerHeight - 100);
            for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
                window.scrollTo(0, y);
                await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
            }
            window.scrollTo(0, document.documentElement.scrollHeight);
            // Hidden lazy images (a closed menu) never load: wait at most 10 s.
            const decoded = [...document.images].map((image) => image.decode().catch(() => null));
            await Promise.race([Promise.all(decoded), new Promise((r) => setTimeout(r, 10_000))]);
            window.scrollTo(0, 0);
        }"""
    )


def accept_necessary_cookies(
    page: Page, region: str = "Cookies and privacy", button: str = "Necessary only"
) -> None:
    """Answer the consent banner with its "necessary only" button (named per language)."""
    page.get_by_role("region", name=region).get_by_role("button", name=button).click()
