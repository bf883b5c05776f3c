"""Forty clients at once never make a server take more PostgreSQL connections than its
pool: the demo server (`manage.py rundemo`, runserver: a new thread per request) and
the production server (the Procfile's gunicorn line: workers x threads).

Each server is the real command in a process of its own on the test database; a
sampler on another database watches pg_stat_activity for the test database while the
clients run, and every request must succeed (waiting for a pooled connection, not
failing for want of one). Without the pool, runserver held a connection per thread
(99 in the 40-buyer race that found it).
"""

from __future__ import annotations

import json
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.db import connection

from shop.management.commands.rundemo import DEMO_POOL_SIZE
from tests.site.server_process import (
    PRODUCTION,
    database_url,
    free_port,
    procfile_command,
    running,
    server_env,
    status_of,
)

CLIENTS = 40
ROUNDS = 10
QUERY = json.dumps({"query": "{ stories(first: 5) { totalCount nodes { title } } }"}).encode()


class ConnectionSampler(threading.Thread):
    """Counts the test database's server connections until stopped; keeps the peak."""

    def __init__(self, settings_dict: dict) -> None:
        super().__init__(daemon=True)
        self.database = settings_dict["NAME"]
        self.conninfo = database_url({**settings_dict, "NAME": "postgres"})
        self.peak = 0
        self.samples = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        with psycopg.connect(self.conninfo, autocommit=True) as sampler:
            while not self.stopped.is_set():
                [count] = sampler.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [self.database]
                ).fetchone()
                self.peak = max(self.peak, count)
                self.samples += 1
                self.stopped.wait(0.005)


def _race(url: str) -> list[int]:
    start = threading.Barrier(CLIENTS)

    def client(_: int) -> list[int]:
        statuses = []
        start.wait()
        for _round in range(ROUNDS):
            request = urllib.request.Request(
                f"{url}/graphql/", data=QUERY, headers={"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(request, timeout=60) as response:
                statuses.append(response.status)
            statuses.append(status_of(f"{url}/readyz", timeout=60)[0])
        return statuses

    with ThreadPoolExecutor(CLIENTS) as pool:
        return [status for statuses in pool.map(client, range(CLIENTS)) for status in statuses]


SERVERS = {
    # name: (command, environment, connection bound)
    "rundemo": (
        lambda port: [
            *procfile_command("scheduler")[:2],  # python manage.py
            "rundemo",
            f"127.0.0.1:{port}",
            "--no-localstripe",
        ],
        {},
        DEMO_POOL_SIZE,
    ),
    "gunicorn": (
        lambda port: procfile_command("web"),
        {**PRODUCTION, "WEB_CONCURRENCY": "2", "WEB_THREADS": "4"},
        2 * 4,
    ),
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="counts PostgreSQL connections")
@pytest.mark.parametrize("server", SERVERS)
def test_forty_clients_never_take_more_connections_than_the_pool(server, tmp_path, redis_url):
    command, environment, bound = SERVERS[server]
    assert bound < CLIENTS
    settings_dict = connection.settings_dict
    port = free_port()
    env = server_env(
        **environment, DATABASE_URL=database_url(settings_dict), PORT=str(port), REDIS_URL=redis_url
    )
    connection.close()  # only the server's connections count
    sampler = ConnectionSampler(settings_dict)
    with running(command(port), env, port, tmp_path / f"{server}.log") as url:
        sampler.start()
        try:
            statuses = _race(url)
        finally:
            sampler.stopped.set()
            sampler.join()
    assert statuses == [200] * (CLIENTS * ROUNDS * 2)
    assert sampler.samples > 10
    assert 1 <= sampler.peak <= bound, f"{sampler.peak} connections, pool of {bound}"
    print(f"{server}: peak {sampler.peak} connections (bound {bound}), {sampler.samples} samples")
