"""Fixtures of the search tests: content is indexed when its transaction commits."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import override_settings

from search.services import search
from tests.demo_snapshot import in_database

_relevance_lines: list[str] = []


@pytest.fixture
def relevance_report() -> list[str]:
    """Lines printed at the end of the run: the judged set's scores, whatever -q says."""
    return _relevance_lines


def pytest_terminal_summary(terminalreporter) -> None:
    if _relevance_lines:
        terminalreporter.section(f"search relevance on {connection.vendor}")
        for line in _relevance_lines:
            terminalreporter.write_line(line)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs the after-commit work (indexing) of what it wraps, as a
    real commit would; pytest-django's transaction is never committed."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def uncached(settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 0}
    # The first answer makes every rendition (in production the background job does).
    settings.VITRINE_IMAGES = {**settings.VITRINE_IMAGES, "RENDITIONS_PER_REQUEST": 10_000}


@pytest.fixture
def titles():
    """The titles a search answers, best first."""

    def run(query: str, locale: str = "nl", **options) -> list[str]:
        return [result.title for result in search(query, locale, **options)[0:100]]

    return run


@pytest.fixture(scope="module")
def demo(demo_snapshot, django_db_blocker):
    """The demo museum, indexed, for every test of the module that asks for it: the
    suite's committed copy (loaded once per test process, tests/demo_snapshot.py), put
    back for the module and taken away after it."""
    with (
        django_db_blocker.unblock(),
        in_database(demo_snapshot, now=True) as media,
        override_settings(MEDIA_ROOT=media),
    ):
        yield
