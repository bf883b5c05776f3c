"""Facet values as text arrays on PostgreSQL, so filters use an index and counts unnest fast.

`facet_entries` (JSON, "name<US>value<US>label") stays the one thing Python writes. From it
PostgreSQL generates two arrays:

- `facet_keys`: "name<US>value" for every value and the bare "name" of every facet the
  document has, with a GIN index: a filter is `facet_keys && ARRAY[...]`, which the planner
  combines with the full-text GIN index instead of unpacking JSON row by row, and the
  facet counts only read documents that have one of the filtered facets at all;
- `facet_list`: the entries themselves, which `unnest` reads several times faster than
  `jsonb_array_elements_text`.

SQLite keeps reading `facet_entries` with `json_each`.
"""

from django.db import migrations

TABLE = "search_searchdocument"

POSTGRES_CREATE = f"""
CREATE FUNCTION search_facet_keys(entries jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT key), '{{}}') FROM (
        SELECT split_part(entry, E'\\x1f', 1) AS key FROM jsonb_array_elements_text(entries) AS entry
        UNION ALL
        SELECT split_part(entry, E'\\x1f', 1) || E'\\x1f' || split_part(entry, E'\\x1f', 2)
        FROM jsonb_array_elements_text(entries) AS entry
    ) AS keys
$$;
CREATE FUNCTION search_facet_list(entries jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(entry), '{{}}') FROM jsonb_array_elements_text(entries) AS entry
$$;
ALTER TABLE {TABLE}
    ADD COLUMN facet_keys text[] GENERATED ALWAYS AS (search_facet_keys(facet_entries)) STORED,
    ADD COLUMN facet_list text[] GENERATED ALWAYS AS (search_facet_list(facet_entries)) STORED;
CREATE INDEX search_document_facet_keys ON {TABLE} USING GIN (facet_keys);
"""
POSTGRES_DROP = f"""
DROP INDEX IF EXISTS search_document_facet_keys;
ALTER TABLE {TABLE} DROP COLUMN IF EXISTS facet_list, DROP COLUMN IF EXISTS facet_keys;
DROP FUNCTION IF EXISTS search_facet_list(jsonb);
DROP FUNCTION IF EXISTS search_facet_keys(jsonb);
"""


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
