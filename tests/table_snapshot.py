"""A copy of every table's rows, restored in a second where Django's serialized rollback
takes tens of seconds.

Transactional tests (the browser tests among them) roll back by serialization: the
database is flushed after each test and its starting state loaded again before the next.
Django loads that state object by object through the ORM; for the whole demo museum
that was 15 s before every browser test. A `TableSnapshot` keeps the rows as the
database gives them (PostgreSQL's binary COPY; on SQLite a copy of the whole database
through its backup API) and writes them back the same way. `install()` lets
`connection._test_serialized_contents` hold one: Django hands it to
`deserialize_db_from_string`, which restores it; a string still goes through Django's own
code.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from django.db import connection, transaction


@dataclass(frozen=True)
class TableSnapshot:
    # PostgreSQL: each non-empty table's rows as binary COPY data
    tables: dict[str, bytes] = field(default_factory=dict, repr=False)
    # SQLite: the whole database, in memory
    database: sqlite3.Connection | None = field(default=None, repr=False)

    def restore(self) -> None:
        """Put the rows back into the flushed database."""
        if self.database is not None:
            connection.ensure_connection()
            self.database.backup(connection.connection)
            return
        quote = connection.ops.quote_name
        # Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: checked at commit, so
        # the tables' order does not matter.
        with transaction.atomic(), connection.cursor() as cursor:
            for table, data in self.tables.items():
                with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN (FORMAT binary)") as copy:
                    copy.write(data)


def take() -> TableSnapshot:
    """The rows of every table Django flushes, as they are now."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        database = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(database)
        return TableSnapshot(database=database)
    quote = connection.ops.quote_name
    tables: dict[str, bytes] = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True)):
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")
            if not cursor.fetchone()[0]:
                continue
            data = bytearray()
            with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT (FORMAT binary)") as copy:
                for chunk in copy:
                    data += chunk
            tables[table] = bytes(data)
    return TableSnapshot(tables=tables)


def install() -> None:
    """Let serialized rollback restore a `TableSnapshot` (idempotent)."""
    creation = connection.creation
    if getattr(creation.deserialize_db_from_string, "restores_snapshots", False):
        return
    original = creation.deserialize_db_from_string

    def deserialize_db_from_string(data):
        if isinstance(data, TableSnapshot):
            data.restore()
        else:
            original(data)

    deserialize_db_from_string.restores_snapshots = True  # type: ignore[attr-defined]
    creation.deserialize_db_from_string = deserialize_db_from_string
