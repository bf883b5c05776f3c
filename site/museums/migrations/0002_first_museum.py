"""Today's single museum becomes the first one: a museum for every existing site, named
after the site (or, for the demo, after its footer's museum name)."""

from django.db import migrations
from django.utils.text import slugify


def museums_for_sites(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Museum = apps.get_model("museums", "Museum")
    MuseumSettings = apps.get_model("museum_site", "MuseumSettings")
    MuseumDetails = apps.get_model("museum_site", "MuseumDetails")
    contact = MuseumSettings.objects.first()
    details = MuseumDetails.objects.order_by("pk").first()
    taken = set(Museum.objects.values_list("slug", flat=True))
    for site in Site.objects.filter(museum__isnull=True).order_by("-is_default_site", "pk"):
        name = (
            details.museum_name
            if site.is_default_site and details is not None
            else site.site_name or site.hostname
        )
        slug = base = slugify(name)[:50] or "museum"
        n = 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        Museum.objects.create(
            site=site,
            name=name,
            slug=slug,
            email=(contact.contact_email if site.is_default_site and contact else ""),
            phone=(contact.phone if site.is_default_site and contact else ""),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("museums", "0001_initial"),
        ("museum_site", "0007_museum_details"),
    ]

    operations = [migrations.RunPython(museums_for_sites, migrations.RunPython.noop)]
