from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from django.core.cache import cache

from tests.termennetwerk.fake_server import FakeTermennetwerk


@pytest.fixture
def fake_termennetwerk(settings) -> Iterator[FakeTermennetwerk]:
    """The fake API on loopback, with the client pointed at it and an empty cache."""
    server = FakeTermennetwerk().start()
    settings.TERMENNETWERK_URL = server.url
    settings.TERMENNETWERK_TIMEOUT = 5.0
    cache.clear()
    try:
        yield server
    finally:
        server.stop()
        cache.clear()


@pytest.fixture
def refused_url() -> str:
    """A loopback port nothing listens on: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/graphql"


@pytest.fixture
def silent_url() -> Iterator[str]:
    """A loopback port that accepts connections (the kernel's backlog) but never
    answers: the client's deadline is all that ends the wait."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/graphql"
