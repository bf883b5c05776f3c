"""Search documents, their facet values, and the full-text index of each database.

The full-text index is plain SQL because Django has no field for it that works on both
databases: PostgreSQL gets a weighted tsvector generated from the analysed term columns
(config 'simple': the terms are already stemmed and folded in Python) with a GIN index;
SQLite gets an FTS5 table over the same columns, kept in step by triggers.
"""

import django.db.models.deletion
from django.db import migrations, models


TABLE = "search_searchdocument"
FTS = "search_document_fts"
TERM_COLUMNS = ("title_terms", "labels_terms", "body_terms", "related_terms", "suggest_terms")

POSTGRES_CREATE = f"""
ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title_terms), 'A')
    || setweight(to_tsvector('simple', labels_terms), 'B')
    || setweight(to_tsvector('simple', body_terms), 'C')
    || setweight(to_tsvector('simple', related_terms), 'D')
) STORED;
ALTER TABLE {TABLE} ADD COLUMN suggest_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', suggest_terms)
) STORED;
CREATE INDEX search_document_vector ON {TABLE} USING GIN (search_vector);
CREATE INDEX search_document_suggest ON {TABLE} USING GIN (suggest_vector);
"""
POSTGRES_DROP = f"""
DROP INDEX IF EXISTS search_document_suggest;
DROP INDEX IF EXISTS search_document_vector;
ALTER TABLE {TABLE} DROP COLUMN IF EXISTS suggest_vector;
ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector;
"""


def _sqlite_statements() -> list[str]:
    columns = ", ".join(TERM_COLUMNS)
    new = ", ".join(f"new.{column}" for column in TERM_COLUMNS)
    old = ", ".join(f"old.{column}" for column in TERM_COLUMNS)
    delete = f"INSERT INTO {FTS}({FTS}, rowid, {columns}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {FTS}(rowid, {columns}) VALUES (new.id, {new});"
    return [
        # The terms are already folded; unicode61 only has to split them on spaces.
        f"CREATE VIRTUAL TABLE {FTS} USING fts5({columns}, content='{TABLE}', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
        f"CREATE TRIGGER {FTS}_insert AFTER INSERT ON {TABLE} BEGIN {insert} END",
        f"CREATE TRIGGER {FTS}_delete AFTER DELETE ON {TABLE} BEGIN {delete} END",
        f"CREATE TRIGGER {FTS}_update AFTER UPDATE ON {TABLE} BEGIN {delete} {insert} END",
    ]


def create_full_text_index(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)
    elif vendor == "sqlite":
        for statement in _sqlite_statements():
            schema_editor.execute(statement)


def drop_full_text_index(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)
    elif vendor == "sqlite":
        for name in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {FTS}_{name}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('museum_site', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=16)),
                ('locale', models.CharField(max_length=8)),
                ('source_id', models.BigIntegerField()),
                ('anchor', models.CharField(blank=True, max_length=64)),
                ('title', models.CharField(max_length=255)),
                ('text', models.TextField(blank=True)),
                ('url_path', models.CharField(blank=True, max_length=500)),
                ('slug', models.CharField(blank=True, max_length=255)),
                ('image_alt', models.CharField(blank=True, max_length=400)),
                ('expires_at', models.DateTimeField(blank=True, null=True)),
                ('facet_entries', models.JSONField(blank=True, default=list)),
                ('title_terms', models.TextField(blank=True)),
                ('labels_terms', models.TextField(blank=True)),
                ('body_terms', models.TextField(blank=True)),
                ('related_terms', models.TextField(blank=True)),
                ('suggest_terms', models.TextField(blank=True)),
                ('image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='museum_site.museumimage')),
                ('source_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
        ),
        migrations.CreateModel(
            name='SearchFacetValue',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=32)),
                ('value', models.CharField(max_length=64)),
                ('label', models.CharField(max_length=255)),
                ('folded_label', models.CharField(help_text='For as-you-type suggestions.', max_length=255)),
                ('document', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='facets', to='search.searchdocument')),
            ],
        ),
        migrations.AddIndex(
            model_name='searchdocument',
            index=models.Index(fields=['locale', 'kind'], name='search_doc_locale_kind'),
        ),
        migrations.AddConstraint(
            model_name='searchdocument',
            constraint=models.UniqueConstraint(fields=('source_type', 'source_id', 'anchor'), name='search_document_unique_source'),
        ),
        migrations.AddIndex(
            model_name='searchfacetvalue',
            index=models.Index(fields=['name', 'value'], name='search_facet_name_value'),
        ),
        migrations.AddIndex(
            model_name='searchfacetvalue',
            index=models.Index(fields=['document', 'name'], name='search_facet_document_name'),
        ),
        migrations.RunPython(create_full_text_index, drop_full_text_index),
    ]
