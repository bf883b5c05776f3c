"""The demo museum, loaded once per test process and restored where a test needs it.

`load_demo` is the slowest set-up of the suite (tens of seconds: images, renditions,
tiles, the search index). Modules that drive the whole demo used to load it each on their
own; now the first one to ask loads it, commits it, copies its tables (what serialized
rollback restores: tests/table_snapshot.py) and keeps the media folder, and every later
test that needs it gets it back in about a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

from tests import table_snapshot


@dataclass(frozen=True)
class DemoSnapshot:
    contents: table_snapshot.TableSnapshot  # what serialized rollback restores
    media: Path  # the files the demo wrote (images, renditions, tiles, documents)


def empty_database() -> None:
    """Flush, keeping sequences (as Django's own test flush does): rows restored later
    come back with their ids, and a reset sequence would hand those ids out again on
    PostgreSQL."""
    call_command(
        "flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False
    )


def take(media: Path) -> DemoSnapshot:
    """Load the demo for real (committed, so after-commit work runs: tiling, indexing),
    copy its tables, then give the database back as it was found."""
    table_snapshot.install()
    original = connection._test_serialized_contents
    found_empty = not Page.objects.exists()  # an earlier transactional test flushed it
    if found_empty:
        connection.creation.deserialize_db_from_string(original)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "MEDIA_ROOT", media)
        call_command("load_demo", verbosity=0)
    contents = table_snapshot.take()
    empty_database()
    if not found_empty:
        connection.creation.deserialize_db_from_string(original)
    return DemoSnapshot(contents=contents, media=media)
