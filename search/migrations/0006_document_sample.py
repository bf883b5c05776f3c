"""A fixed sample of the documents, indexed, so a search with very many matches reads few.

Counting and ranking every match costs in proportion to the matches: at 200,000 documents
a broad word matches 60,000 and reading them took 250 ms (issue 20). Above a threshold the
search counts its facets, and ranks its first pages, on a sample instead
(search.backends.database). The sample is `sample`, a number from 0 to 1023 that
Fibonacci hashing spreads evenly over consecutive row ids; `sample < 16` is 1/64 of the
rows, the same at every search.

PostgreSQL: the column is generated from the id, and each sample size the search uses
(below 16, 64 and 256) has a partial full-text index of its own, so that a match within
the sample reads only the sample's posting lists and rows. Browsing (no words) finds the
sample through a B-tree on `(locale, sample::integer)`: an expression that text searches
never write, so the planner does not take it for their sample condition instead of the
partial full-text index. SQLite computes the same hash in the query.
"""

from django.db import migrations

TABLE = "search_searchdocument"
LEVELS = (16, 64, 256)  # search.backends.database.SAMPLE_LEVELS

# "%%": the schema editor passes parameters, so the driver reads a lone percent sign as one.
POSTGRES_CREATE = [
    f"ALTER TABLE {TABLE} ADD COLUMN sample smallint GENERATED ALWAYS AS "
    "((((id * 2654435761) %% 4294967296) / 4194304)::smallint) STORED",
    *(
        f"CREATE INDEX search_document_vector_{level} ON {TABLE} "
        f"USING GIN (search_vector) WHERE sample < {level}"
        for level in LEVELS
    ),
    f"CREATE INDEX search_document_browse_sample ON {TABLE} (locale, (sample::integer))",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS search_document_browse_sample",
    *(f"DROP INDEX IF EXISTS search_document_vector_{level}" for level in LEVELS),
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS sample",
]


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_document_museum")]

    operations = [migrations.RunPython(create, drop)]
