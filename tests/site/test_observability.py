"""Request ids, JSON log lines, and error reports to Sentry when SENTRY_DSN is set."""

from __future__ import annotations

import gzip
import io
import json
import logging
import logging.config
import os
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from django.conf import settings

from museum_site import observability
from museum_site.request_id import current_request_id

ROOT = Path(__file__).resolve().parents[2]


def test_every_response_carries_a_request_id(client):
    response = client.get("/healthz")
    assert len(response["X-Request-ID"]) == 32


def test_a_sane_request_id_from_the_proxy_is_kept_and_a_strange_one_replaced(client):
    kept = client.get("/healthz", HTTP_X_REQUEST_ID="lb-2026-12-06.abc123")
    assert kept["X-Request-ID"] == "lb-2026-12-06.abc123"
    replaced = client.get("/healthz", HTTP_X_REQUEST_ID='x"; injected=1')
    assert replaced["X-Request-ID"] != 'x"; injected=1'
    assert len(replaced["X-Request-ID"]) == 32


@pytest.fixture
def json_logs():
    config = observability.logging_config(level="INFO", log_format="json")
    stream = io.StringIO()
    config["handlers"]["console"]["stream"] = stream
    logging.config.dictConfig(config)
    yield stream
    logging.config.dictConfig(settings.LOGGING)


def test_log_lines_are_json_objects_with_the_request_id(json_logs):
    token = current_request_id.set("req-0123456789")
    try:
        logging.getLogger("museum_site.test").warning("Tile %s missing", "f0_0")
    finally:
        current_request_id.reset(token)
    logging.getLogger("museum_site.test").warning("outside a request")

    err = json_logs.getvalue()
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert lines, err
    assert lines[0] | {"time": None} == {
        "time": None,
        "level": "WARNING",
        "logger": "museum_site.test",
        "message": "Tile f0_0 missing",
        "request_id": "req-0123456789",
    }
    assert lines[1]["request_id"] == "-"


class _Collector(BaseHTTPRequestHandler):
    bodies: list[bytes] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        elif self.headers.get("Content-Encoding") == "deflate":
            body = zlib.decompress(body)
        elif self.headers.get("Content-Encoding") == "br":
            # sentry-sdk uses Brotli when the brotli package is installed (WeasyPrint
            # brings it), as a real Sentry accepts.
            import brotli

            body = brotli.decompress(body)
        self.bodies.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def test_an_error_is_reported_to_sentry_when_a_dsn_is_set():
    """A process with SENTRY_DSN sends an error log record to the DSN's server (here
    one on loopback that stores what it gets), tagged with the request id."""
    server = HTTPServer(("127.0.0.1", 0), _Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        env = {
            **os.environ,
            "SENTRY_DSN": f"http://publickey@127.0.0.1:{server.server_port}/1",
            "DJANGO_SETTINGS_MODULE": "museum_site.settings",
        }
        code = (
            "import django, logging, sentry_sdk; django.setup()\n"
            "from museum_site.request_id import current_request_id\n"
            "current_request_id.set('req-sentry-42')\n"
            "logging.getLogger('museum_site').error('The tiler broke')\n"
            "sentry_sdk.flush(10)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, timeout=120
        )
        assert result.returncode == 0, result.stderr.decode()[-2000:]
    finally:
        server.shutdown()
    received = b"\n".join(_Collector.bodies)
    assert b"The tiler broke" in received
    assert b"req-sentry-42" in received
