"""PanoramaTiles says which file of its image it is about (its storage name).

Ready rows made from the image's present file (the hash check used until now) are
marked as about that file, so existing tours keep their tiles; the others will answer
PENDING and be re-tiled on the next publish.
"""

from django.db import migrations, models


def name_the_files_already_tiled(apps, schema_editor):
    PanoramaTiles = apps.get_model("tours", "PanoramaTiles")
    for tiles in PanoramaTiles.objects.select_related("image").filter(status="ready"):
        if tiles.image_file_hash == tiles.image.file_hash:
            tiles.image_file_name = tiles.image.file.name
            tiles.save(update_fields=["image_file_name"])


class Migration(migrations.Migration):
    dependencies = [("tours", "0003_admin_labels")]

    operations = [
        migrations.AddField(
            model_name="panoramatiles",
            name="image_file_name",
            field=models.CharField(
                blank=True,
                help_text="Storage name of the image file the status is about.",
                max_length=255,
            ),
        ),
        migrations.RunPython(name_the_files_already_tiled, migrations.RunPython.noop),
    ]
