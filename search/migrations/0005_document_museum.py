"""Each search document belongs to a museum (issue 15: search scoped per museum).

The column is added nullable (SQLite keeps the FTS5 triggers of migration 0001 only when
the table is altered, not remade) and filled here from the documents' sources: a row's own
`museum`, else the museum whose page tree holds the page, else the default museum. A
`manage.py update_index` afterwards rebuilds every document with its museum as well.
"""

from django.db import migrations, models
import django.db.models.deletion


def fill_museums(apps, schema_editor):
    SearchDocument = apps.get_model("search", "SearchDocument")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Museum = apps.get_model("museums", "Museum")
    Page = apps.get_model("wagtailcore", "Page")
    museums = list(Museum.objects.order_by("pk").values("pk", "site__is_default_site",
                                                          "site__root_page__translation_key"))
    if not museums:
        return
    default = next((m["pk"] for m in museums if m["site__is_default_site"]), museums[0]["pk"])
    by_key = {m["site__root_page__translation_key"]: m["pk"] for m in museums}
    roots = sorted(
        Page.objects.filter(translation_key__in=list(by_key)).values_list("path", "translation_key"),
        key=lambda root: -len(root[0]),
    )

    def for_path(path):
        for root_path, key in roots:
            if path.startswith(root_path):
                return by_key[key]
        return default

    type_ids = SearchDocument.objects.values_list("source_type_id", flat=True).distinct()
    for source_type in ContentType.objects.filter(pk__in=list(type_ids)):
        documents = SearchDocument.objects.filter(source_type=source_type)
        ids = list(documents.values_list("source_id", flat=True).distinct())
        try:
            model = apps.get_model(source_type.app_label, source_type.model)
        except LookupError:
            model = None
        if model is not None and any(f.name == "museum" for f in model._meta.fields):
            owners = dict(model.objects.filter(pk__in=ids).values_list("pk", "museum_id"))
        else:
            paths = dict(Page.objects.filter(pk__in=ids).values_list("pk", "path"))
            owners = {pk: for_path(path) for pk, path in paths.items()}
        for source_id in ids:
            documents.filter(source_id=source_id).update(museum_id=owners.get(source_id, default))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_spelling"),
        ("museums", "0005_merge_0003_invoice_prefix_0004_staff_and_group_role"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="museum",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="museums.museum",
            ),
        ),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["museum", "locale"], name="search_doc_museum_locale"),
        ),
        migrations.RunPython(fill_museums, migrations.RunPython.noop),
    ]
