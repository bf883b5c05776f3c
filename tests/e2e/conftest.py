"""Browser tests: the `e2e` marker, and a clear failure when the browser is missing.

The marker is registered here rather than in pyproject.toml so this folder is
self-contained; `-m "not e2e"` leaves the browser tests out of a quick run.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "e2e: drives real viewers in headless Chromium (run tests/e2e/install.sh first)"
    )
