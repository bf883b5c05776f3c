"""The demo's and the benchmark's localstripe: on loopback only, webhook set, stopped cleanly."""

from __future__ import annotations

import socket
import urllib.error
from pathlib import Path

import pytest

from shop import localstripe_process
from tests.shop.conftest import _free_port

pytestmark = pytest.mark.database_neutral


def test_localstripe_runs_on_loopback_takes_a_webhook_and_stops():
    port = _free_port()
    process, url = localstripe_process.start(port, keep_data=False)
    try:
        assert url == f"http://127.0.0.1:{port}"
        table = Path("/proc/net/tcp").read_text().splitlines()[1:]
        listening = [line.split()[1] for line in table]
        assert f"0100007F:{port:04X}" in listening  # 127.0.0.1, not every interface
        localstripe_process.register_webhook(
            url, "http://127.0.0.1:9/shop/stripe/webhook/", "whsec_test"
        )
        with pytest.raises(urllib.error.HTTPError):  # it checks what it is given
            localstripe_process.register_webhook(url, "not-a-url", "whsec_test")
    finally:
        localstripe_process.stop(process)
    assert process.poll() is not None
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass
