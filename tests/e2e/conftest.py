"""Browser tests: the `e2e` marker, and a clear failure when the browser is missing.

The marker is registered here rather than in pyproject.toml so this folder is
self-contained; `-m "not e2e"` leaves the browser tests out of a quick run.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.servers import basehttp


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "e2e: drives real viewers in headless Chromium (run tests/e2e/install.sh first)"
    )


@pytest.fixture(scope="session", autouse=True)
def live_server_closes_every_connection() -> Iterator[None]:
    """The live server (Django's threaded development server) answers each request on a
    fresh connection.

    With keep-alive, a browser test now and then waited a minute on a blank page: the
    server's request threads all sat idle reading the next request line of kept-alive
    connections (thread dump in the failure), while Chromium, whose limit is six
    connections per host, sent the page's remaining requests nowhere. Closing after each
    response costs a loopback handshake per request and leaves no connection for either
    side to disagree about.
    """
    original = basehttp.ServerHandler.cleanup_headers

    def cleanup_headers(handler: basehttp.ServerHandler) -> None:
        original(handler)
        handler.headers["Connection"] = "close"
        handler.request_handler.close_connection = True

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(basehttp.ServerHandler, "cleanup_headers", cleanup_headers)
        yield
