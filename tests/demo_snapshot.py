"""The demo museum, loaded once per test process and restored where a test needs it.

`load_demo` is the slowest set-up of the suite (tens of seconds: images, renditions,
tiles, the search index). Modules that drive the whole demo used to load it each on their
own; now the first one to ask loads it, commits it, copies its tables (what serialized
rollback restores: tests/table_snapshot.py) and keeps the media folder, and every later
test that needs it gets it back in about a second.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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
    found = table_snapshot.take() if Page.objects.exists() else None
    if found is None:  # a transactional test flushed it: it restores the migrations' state
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "MEDIA_ROOT", media)
        call_command("load_demo", verbosity=0)
    contents = table_snapshot.take()
    empty_database()
    if found is not None:
        found.restore()
    return DemoSnapshot(contents=contents, media=media)


@contextmanager
def in_database(snapshot: DemoSnapshot, *, now: bool) -> Iterator[Path]:
    """The demo as a module's database; yields its media folder.

    Transactional tests restore it before each test (serialized rollback) and leave an
    empty database, so it is swapped in as what they restore and the database emptied for
    the first one. With `now`, it is also there at once for ordinary tests (each rolled back
    in its own transaction), and the migrations' state comes back at the end, as the
    suite's other ordinary tests expect it.
    """
    found = table_snapshot.take() if now else None
    original = getattr(connection, "_test_serialized_contents", None)
    connection._test_serialized_contents = snapshot.contents
    empty_database()
    if now:
        snapshot.contents.restore()
    try:
        yield snapshot.media
    finally:
        if original is None:
            del connection._test_serialized_contents
        else:
            connection._test_serialized_contents = original
        empty_database()
        if found is not None:
            found.restore()
