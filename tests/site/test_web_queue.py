"""A request to the production server waits for the first free thread of any worker
process, never behind a busy thread of one of them.

gunicorn's threaded workers accept every connection they can and queue it for their own
threads, so a request could wait behind one process's busy threads while another
process had a free one (bench/checkout.py: a third higher p95 in a burst of 20 buyers,
deploy/gunicorn.conf.py has the figures). Each worker of
deploy/gunicorn.conf.py holds no more connections than it has threads and closes every
connection after its answer, so requests wait in the listening socket's queue, which
every worker takes from as soon as one of its threads is free.

The server runs as deployed (the Procfile's web line), with two workers of one thread
each: one worker's thread is held by a client that sends half a request (as a slow
client or a request that waits on a lock would hold it), and nothing else may wait for
it. The requests are probes, which need no database.
"""

from __future__ import annotations

import http.client
import socket

import pytest

from tests.site.server_process import (
    free_port,
    procfile_command,
    running,
    status_of,
    without_database,
)

pytestmark = pytest.mark.database_neutral

# Longer than any answer of /healthz takes, or than the second worker takes to start
# after the first answers, even on a loaded machine; a request queued behind the held
# thread would never be answered while the test holds it, however long it waited.
TIMEOUT = 60


def test_a_busy_worker_leaves_every_request_to_a_free_one(tmp_path, redis_url):
    port = free_port()
    env = without_database(port, redis_url, WEB_CONCURRENCY="2", WEB_THREADS="1")
    with (
        running(procfile_command("web"), env, port, tmp_path / "web.log") as url,
        socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as slow,
    ):
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        for _ in range(10):
            assert status_of(f"{url}/healthz", timeout=TIMEOUT)[0] == 200

        # A client that keeps its connection open after an answer (HTTP/1.1, as
        # browsers and proxies do) holds no thread or place of the free worker either.
        kept = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        try:
            kept.request("GET", "/healthz")
            answer = kept.getresponse()
            assert answer.status == 200 and answer.read() == b'{"status": "ok"}'
            assert answer.getheader("Connection") == "close"
            for _ in range(3):
                assert status_of(f"{url}/healthz", timeout=TIMEOUT)[0] == 200
        finally:
            kept.close()

        slow.sendall(b"\r\n")  # the held request, completed, is answered too
        assert slow.makefile("rb").readline() == b"HTTP/1.1 200 OK\r\n"
