"""The spelling list (SearchWord) and its trigram index; what a document stands in for.

PostgreSQL: the `pg_trgm` and `unaccent` extensions (created only there) and a GiST
trigram index on the words, which answers "the words nearest to this one" by index
(`ORDER BY word <-> %s`). SQLite 3.40: an FTS5 table with the trigram tokenizer over the
same words (already folded in Python, since this tokenizer cannot remove diacritics),
kept in step by triggers.
"""

from django.db import migrations, models

WORDS = "search_searchword"
TRIGRAMS = "search_word_trigrams"

POSTGRES_CREATE = f"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE INDEX search_word_trigram ON {WORDS} USING GIST (word gist_trgm_ops);
"""
POSTGRES_DROP = "DROP INDEX IF EXISTS search_word_trigram;"

SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE {TRIGRAMS} USING fts5(word, content='{WORDS}', content_rowid='id', "
    "tokenize='trigram')",
    f"CREATE TRIGGER {TRIGRAMS}_insert AFTER INSERT ON {WORDS} BEGIN "
    f"INSERT INTO {TRIGRAMS}(rowid, word) VALUES (new.id, new.word); END",
    f"CREATE TRIGGER {TRIGRAMS}_delete AFTER DELETE ON {WORDS} BEGIN "
    f"INSERT INTO {TRIGRAMS}({TRIGRAMS}, rowid, word) VALUES ('delete', old.id, old.word); END",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TRIGRAMS}_insert",
    f"DROP TRIGGER IF EXISTS {TRIGRAMS}_delete",
    f"DROP TABLE IF EXISTS {TRIGRAMS}",
]


DOCUMENTS = "search_searchdocument"
FTS = "search_document_fts"
TERM_COLUMNS = ("title_terms", "labels_terms", "body_terms", "related_terms", "suggest_terms")


def _sqlite_document_triggers() -> list[str]:
    """SQLite rebuilds a table to add a column or change a constraint, and the triggers
    of migration 0001 that keep the FTS5 table in step go with the old table: make them
    again, and the FTS5 index from the rows."""
    columns = ", ".join(TERM_COLUMNS)
    new = ", ".join(f"new.{column}" for column in TERM_COLUMNS)
    old = ", ".join(f"old.{column}" for column in TERM_COLUMNS)
    delete = f"INSERT INTO {FTS}({FTS}, rowid, {columns}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {FTS}(rowid, {columns}) VALUES (new.id, {new});"
    return [
        f"DROP TRIGGER IF EXISTS {FTS}_insert",
        f"DROP TRIGGER IF EXISTS {FTS}_delete",
        f"DROP TRIGGER IF EXISTS {FTS}_update",
        f"CREATE TRIGGER {FTS}_insert AFTER INSERT ON {DOCUMENTS} BEGIN {insert} END",
        f"CREATE TRIGGER {FTS}_delete AFTER DELETE ON {DOCUMENTS} BEGIN {delete} END",
        f"CREATE TRIGGER {FTS}_update AFTER UPDATE ON {DOCUMENTS} BEGIN {delete} {insert} END",
        f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
    ]


def create(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)
    elif vendor == "sqlite":
        for statement in [*SQLITE_CREATE, *_sqlite_document_triggers()]:
            schema_editor.execute(statement)


def drop(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)
    elif vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_document_visible_from")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="source_locale",
            field=models.CharField(blank=True, max_length=8),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="price",
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True),
        ),
        migrations.RemoveConstraint(
            model_name="searchdocument", name="search_document_unique_source"
        ),
        migrations.AddConstraint(
            model_name="searchdocument",
            constraint=models.UniqueConstraint(
                fields=("source_type", "source_id", "anchor", "locale"),
                name="search_document_unique_source",
            ),
        ),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("locale", models.CharField(max_length=8)),
                ("word", models.CharField(max_length=64)),
                ("term", models.CharField(max_length=64)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("locale", "word"), name="search_word_unique")
                ]
            },
        ),
        migrations.RunPython(create, drop),
    ]
