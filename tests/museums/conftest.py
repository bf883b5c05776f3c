"""Fixtures shared by the museum tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def mailing_graphql(graphql, django_capture_on_commit_callbacks):
    """/graphql/ with on-commit callbacks run (the e-mails are sent then)."""

    def run(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return graphql(*args, **kwargs)

    return run
