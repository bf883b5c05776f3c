"""Debian's Chromium, driven by Playwright, for every browser test in this folder."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
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


def off_loop(work, *args):
    """Run database work while a browser is open: Django refuses ORM calls on the thread
    where Playwright's sync API runs its event loop, so do them on a worker thread (a
    transactional test's rows are committed, so the live server sees them)."""
    from django.db import connection

    def call():
        try:
            return work(*args)
        finally:
            connection.close()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(call).result()
