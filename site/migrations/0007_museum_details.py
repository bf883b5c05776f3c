# Moves the translatable texts out of the (untranslatable) setting into a snippet.

import django.conf
import django.db.models.deletion
import uuid
from django.db import migrations, models


def move_texts_to_details(apps, schema_editor):
    """The settings' name, address and hours become the Dutch (default) MuseumDetails."""
    settings_model = apps.get_model("museum_site", "MuseumSettings")
    details_model = apps.get_model("museum_site", "MuseumDetails")
    locale_model = apps.get_model("wagtailcore", "Locale")
    settings = settings_model.objects.order_by("pk").first()
    locale = (
        locale_model.objects.filter(language_code=django.conf.settings.LANGUAGE_CODE).first()
        or locale_model.objects.order_by("pk").first()
    )
    if settings is None or locale is None or details_model.objects.exists():
        return
    details_model.objects.create(
        locale=locale,
        museum_name=settings.museum_name,
        address=settings.address,
        opening_hours=settings.opening_hours,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('museum_site', '0006_object_periods'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='MuseumDetails',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('museum_name', models.CharField(max_length=255, verbose_name='museum name')),
                ('address', models.TextField(blank=True, verbose_name='address')),
                ('opening_hours', models.TextField(blank=True, verbose_name='opening hours')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'museum details',
                'verbose_name_plural': 'museum details',
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.RunPython(move_texts_to_details, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='museumsettings',
            name='address',
        ),
        migrations.RemoveField(
            model_name='museumsettings',
            name='museum_name',
        ),
        migrations.RemoveField(
            model_name='museumsettings',
            name='opening_hours',
        ),
    ]
