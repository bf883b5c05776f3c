"""Debian's Chromium, driven by Playwright, for every browser test in this folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
NODE_MODULES = HERE / "node_modules"
ARTIFACTS = HERE.parents[1] / "artifacts" / "e2e"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def require_browser() -> None:
    """Fail, not skip: a browser test that silently does not run proves nothing."""
    missing = [str(path) for path in (CHROMIUM, NODE_MODULES) if not path.exists()]
    if missing:
        pytest.fail(f"Missing {', '.join(missing)}: run tests/e2e/install.sh first.", pytrace=False)


@contextmanager
def chromium(*extra_args: str) -> Iterator[Browser]:
    """Playwright's own browser download is never used: it cannot work on our machines.

    Django refuses database work in a thread running an event loop, so tests prepare
    their data before entering this and check the database after leaving it.
    `extra_args` are further Chromium switches (the fake camera of the check-in test).
    """
    require_browser()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=[*LAUNCH_ARGS, *extra_args]
        )
        try:
            yield browser
        finally:
            browser.close()
