"""Variant labels (size, edition) per language, like the product's own text.

The existing `size` and `edition` become the Dutch ones (`size_nl`, `edition_nl`); a
variant whose product's source page is English or French has them moved to that
language's fields, so that nothing is shown as Dutch that was not written in Dutch."""

from django.db import migrations, models


def _move_to_source_language(apps, schema_editor):
    variant_model = apps.get_model("shop", "ProductVariant")
    for variant in variant_model.objects.select_related("product__locale"):
        language = variant.product.locale.language_code.split("-")[0]
        if language not in ("en", "fr"):
            continue
        for field in ("size", "edition"):
            value = getattr(variant, f"{field}_nl")
            if value and not getattr(variant, f"{field}_{language}"):
                setattr(variant, f"{field}_{language}", value)
                setattr(variant, f"{field}_nl", "")
        variant.save()


def _back_to_one_language(apps, schema_editor):
    variant_model = apps.get_model("shop", "ProductVariant")
    for variant in variant_model.objects.all():
        for field in ("size", "edition"):
            if not getattr(variant, f"{field}_nl"):
                value = getattr(variant, f"{field}_en") or getattr(variant, f"{field}_fr")
                setattr(variant, f"{field}_nl", value)
        variant.save()


class Migration(migrations.Migration):
    dependencies = [("shop", "0014_refund_attempts")]

    operations = [
        migrations.RenameField("productvariant", "size", "size_nl"),
        migrations.RenameField("productvariant", "edition", "edition_nl"),
        migrations.AlterField(
            model_name="productvariant",
            name="size_nl",
            field=models.CharField(
                blank=True,
                help_text="E.g. M, 50 × 70 cm.",
                max_length=64,
                verbose_name="size (Dutch)",
            ),
        ),
        migrations.AlterField(
            model_name="productvariant",
            name="edition_nl",
            field=models.CharField(
                blank=True,
                help_text="E.g. Nederlandstalig, hardcover.",
                max_length=100,
                verbose_name="edition (Dutch)",
            ),
        ),
        migrations.AddField(
            model_name="productvariant",
            name="size_en",
            field=models.CharField(blank=True, max_length=64, verbose_name="size (English)"),
        ),
        migrations.AddField(
            model_name="productvariant",
            name="size_fr",
            field=models.CharField(blank=True, max_length=64, verbose_name="size (French)"),
        ),
        migrations.AddField(
            model_name="productvariant",
            name="edition_en",
            field=models.CharField(blank=True, max_length=100, verbose_name="edition (English)"),
        ),
        migrations.AddField(
            model_name="productvariant",
            name="edition_fr",
            field=models.CharField(blank=True, max_length=100, verbose_name="edition (French)"),
        ),
        migrations.RunPython(_move_to_source_language, _back_to_one_language),
    ]
