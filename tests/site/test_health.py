"""/healthz says the process is alive; /readyz says whether the database, the cache and
the media storage answer, and names the one that does not (503), for load balancers and orchestrators."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings

from tests.site.server_process import (
    free_port,
    procfile_command,
    running,
    status_of,
    without_database,
)

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readyz_checks_the_database_the_cache_and_the_storage(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checked": ["database", "cache", "storage"]}


def test_readyz_names_an_unreachable_cache(client):
    unreachable = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    with override_settings(CACHES=unreachable):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "failed": ["cache"]}
    assert b"Error" not in response.content  # the reason is logged, not sent


def test_the_production_server_answers_probes_and_names_an_unreachable_database(
    tmp_path, redis_url
):
    """The Procfile's web process with DEBUG off, its database gone: alive, not ready. The
    probes come by plain HTTP with the machine's address as Host, as a load balancer's do:
    neither the host check nor the HTTPS redirect may hide the answer."""
    port = free_port()
    env = without_database(
        port, redis_url, SECURE_SSL_REDIRECT="true", WEB_CONCURRENCY="1", WEB_THREADS="2"
    )
    with running(procfile_command("web"), env, port, tmp_path / "web.log") as url:
        assert status_of(f"{url}/healthz", Host="10.1.2.3") == (200, b'{"status": "ok"}')
        status, body = status_of(f"{url}/readyz", Host="10.1.2.3")
        assert status == 503
        assert json.loads(body) == {"status": "unavailable", "failed": ["database"]}
        assert status_of(f"{url}/graphql/", Host="10.1.2.3")[0] == 400  # not an allowed host
