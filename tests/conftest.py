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
