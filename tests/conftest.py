"""Shared fixtures. The suite runs on PostgreSQL (DATABASE_URL) and on SQLite."""

import fcntl
import os
import signal
import tempfile
import uuid
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command

from museum_site import loopback_services
from museum_site.storage_settings import media_storages
from tests import demo_snapshot as snapshot


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    private = settings.STORAGES.get("private", {})
    if private.get("BACKEND") == "django.core.files.storage.FileSystemStorage":
        options = {**private.get("OPTIONS", {}), "location": str(tmp_path / "private")}
        settings.STORAGES = {**settings.STORAGES, "private": {**private, "OPTIONS": options}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def s3_endpoint():
    """An S3-compatible server (moto) on loopback for this test process; its URL."""
    process, url = loopback_services.start_moto(loopback_services.free_port())
    yield url
    loopback_services.stop(process)


@pytest.fixture(scope="session")
def redis_url():
    """A Redis server of this test process's own, on loopback, in memory only."""
    process, url = loopback_services.start_redis(loopback_services.free_port())
    yield url
    loopback_services.stop(process)


@pytest.fixture
def object_storage(settings, s3_endpoint, tmp_path) -> dict[str, str]:
    """MEDIA_STORAGE=s3 on a fresh bucket for this test; returns the environment that
    gives another process (a second server) the same settings."""
    bucket = f"vitrine-{uuid.uuid4().hex[:16]}"
    loopback_services.create_bucket(s3_endpoint, bucket)
    env = loopback_services.s3_environment(s3_endpoint, bucket)
    settings.STORAGES = {
        **media_storages(env, media_root=tmp_path / "media", private_root=tmp_path / "private"),
        "staticfiles": settings.STORAGES["staticfiles"],
    }
    return env


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory) -> snapshot.DemoSnapshot:
    """The whole demo museum, loaded once per test process (see tests/demo_snapshot.py)."""
    with django_db_blocker.unblock():
        return snapshot.take(tmp_path_factory.mktemp("demo-media"))


@pytest.fixture
def graphql(client):
    """POST a query to /graphql/ and return the decoded answer."""

    def run(query: str, variables: dict | None = None, **headers):
        response = client.post(
            "/graphql/",
            {"query": query, "variables": variables or {}},
            content_type="application/json",
            **headers,
        )
        assert response.status_code in (200, 400), response.content[:500]
        return response.json()

    return run


@pytest.fixture
def database_queue(settings):
    """Background jobs as a deployment runs them: rows in the database (django-tasks-db)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def run_worker():
    """`manage.py db_worker --batch`: run every queued job in this process, then return.

    The worker installs its own SIGINT/SIGTERM handlers (graceful shutdown); pytest's
    are put back afterwards.
    """
    numbers = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    handlers = {number: signal.getsignal(number) for number in numbers}

    def run() -> None:
        call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    yield run
    for number, handler in handlers.items():
        signal.signal(number, handler)


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server"}


@pytest.fixture
def many_connections():
    """For tests whose threads each hold a database connection (40-50 buyers racing):
    one such test at a time on this machine, whatever the test process. Two at once on
    two xdist workers passed PostgreSQL's 100 connections now and then ("too many
    clients already"). A lock file, as xdist's `--dist loadgroup` did not group them
    here (pytest 9)."""
    lock = Path(tempfile.gettempdir()) / f"vitrine-many-connections-{os.getuid()}.lock"
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # released when the file is closed
        yield


def pytest_collection_modifyitems(items):
    """Tests marked postgres_only are skipped on any other database.

    Every transactional test restores the database it found (serialized rollback).

    A transactional test ends with a flush, which wipes what migrations made (root page,
    home page, locales) and, unless the test rolled back by serialization, re-creates
    content types; a later test that does serialize then fails loading rows that already
    exist. Serializing in all of them keeps every test's starting point the same.
    """
    from django.db import connection

    needs_postgres = pytest.mark.skip(reason="needs PostgreSQL (postgres_only)")
    for item in items:
        if connection.vendor != "postgresql" and item.get_closest_marker("postgres_only"):
            item.add_marker(needs_postgres)
        marker = item.get_closest_marker("django_db")
        transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
            TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
        if transactional:
            kwargs = dict(marker.kwargs) if marker else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            # First in the list, so it is the marker pytest-django reads (the closest one),
            # also when the test carries its own django_db(transaction=True).
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
