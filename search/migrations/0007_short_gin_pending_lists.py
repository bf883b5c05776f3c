"""Short pending lists for the search's GIN indexes (PostgreSQL).

A GIN index takes new rows into a pending list first, merged into the index proper by
a vacuum or when the list outgrows `gin_pending_list_limit` (4 MB by default), and every
lookup reads the whole list meanwhile: at 200,000 documents, lists of 300-430 pages left
by indexing cost 9-14 ms on each full-text or facet lookup (issue 20). A limit of 256 kB
(32 pages) bounds that for documents indexed one by one as editors publish; a rebuild
merges what is left at its end (`DatabaseBackend.optimize`).
"""

from django.db import migrations

# Every GIN index on the search's tables (0001, 0002, 0004, 0006).
INDEXES_OF = ("search_searchdocument", "search_searchword")
LIMIT_KB = 256


def _gin_indexes(schema_editor) -> list[str]:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam JOIN pg_class t ON t.oid = i.indrelid "
            "WHERE a.amname = 'gin' AND t.relname = ANY(%s) ORDER BY c.relname",
            [list(INDEXES_OF)],
        )
        return [name for (name,) in cursor.fetchall()]


def shorten(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for name in _gin_indexes(schema_editor):
            quoted = schema_editor.quote_name(name)
            schema_editor.execute(f"ALTER INDEX {quoted} SET (gin_pending_list_limit = {LIMIT_KB})")


def restore(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for name in _gin_indexes(schema_editor):
            quoted = schema_editor.quote_name(name)
            schema_editor.execute(f"ALTER INDEX {quoted} RESET (gin_pending_list_limit)")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_document_sample")]

    operations = [migrations.RunPython(shorten, restore)]
