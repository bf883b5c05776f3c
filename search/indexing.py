"""Keeping the index in step with the content: after commit, and in bulk for a rebuild.

A change only marks source rows as stale (`mark_stale`); their documents are rebuilt once
the transaction commits, from what was committed. Waiting for the commit matters: a page's
child rows (chapters, scenes) are written after the page row itself, a rolled-back save
must not reach the index, and one publish saves a page several times but is indexed once.
Rebuilding is idempotent, so stale marks left over from a rolled-back transaction only
cost a rebuild of documents that were already right.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator, Sequence

from django.db import connection, transaction

from museum_site.graphql.response_cache import bump_content_version
from search import registry
from search.backends import get_backend
from search.museums import assign_museums

log = logging.getLogger(__name__)
CHUNK_SIZE = 500

_stale = threading.local()


def _pending() -> dict[str, set[int]]:
    if not hasattr(_stale, "rows"):
        _stale.rows = {}
    return _stale.rows


def mark_stale(source: registry.SearchSource, ids: Iterable[int]) -> None:
    ids = set(ids)
    if not ids:
        return
    _pending().setdefault(source.label(), set()).update(ids)
    transaction.on_commit(flush, robust=True)


def flush() -> None:
    """Rebuild the documents of every row marked stale (runs after commit)."""
    pending = _pending()
    if not pending:
        return
    _stale.rows = {}
    for label, ids in pending.items():
        update(registry.source_for(label), sorted(ids))
    # Cached GraphQL answers were made from the index as it was.
    bump_content_version()


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK_SIZE):
        yield ids[start : start + CHUNK_SIZE]


def update(source: registry.SearchSource, ids: Sequence[int]) -> int:
    """Rebuild the documents of these rows of `source`; rows now hidden or gone lose theirs."""
    backend = get_backend()
    written = 0
    for chunk in _chunks(ids):
        documents = assign_museums(source.build(chunk))
        backend.replace(source.label(), chunk, documents)
        written += len(documents)
    return written


def refresh_statistics(sources: Sequence[registry.SearchSource]) -> None:
    """Let PostgreSQL's planner see the source tables as they are before a rebuild reads
    them all. After a bulk import its statistics still describe the tables as they were
    until autovacuum catches up, and with 200,000 objects just imported the reads of a
    rebuild chose sequential scans: 1.5 ms per document instead of 0.6 (issue 20).
    ANALYZE reads a fixed sample of each table: seconds, against minutes of rebuild."""
    if connection.vendor != "postgresql":
        return
    tables = set()
    for source in sources:
        options = source.model._meta
        tables.add(options.db_table)
        for field in options.get_fields():
            if field.many_to_many and not field.auto_created:
                tables.add(field.remote_field.through._meta.db_table)
            if field.is_relation and field.related_model:  # what a source's documents read
                tables.add(field.related_model._meta.db_table)
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def rebuild() -> dict[str, int]:
    """Every document again, from scratch; answers the number of documents per source."""
    backend = get_backend()
    backend.reset()
    _stale.rows = {}
    refresh_statistics(registry.sources())
    written = {}
    for source in registry.sources():
        ids = list(source.model._default_manager.order_by("pk").values_list("pk", flat=True))
        written[source.label()] = update(source, ids)
    backend.optimize()
    bump_content_version()
    return written
