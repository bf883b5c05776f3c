"""Shared fixtures. The suite runs on PostgreSQL (DATABASE_URL) and on SQLite."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


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


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server"}


def pytest_collection_modifyitems(items):
    """Every transactional test restores the database it found (serialized rollback).

    A transactional test ends with a flush, which wipes what migrations made (root page,
    home page, locales) and, unless the test rolled back by serialization, re-creates
    content types; a later test that does serialize then fails loading rows that already
    exist. Serializing in all of them keeps every test's starting point the same.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
            TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
        if transactional:
            kwargs = dict(marker.kwargs) if marker else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs))
