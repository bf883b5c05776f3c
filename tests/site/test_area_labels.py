"""Every public area has a breadcrumb label in each language: `pageMeta` of an area's page
answers its JSON-LD breadcrumbs from these (a missing area was a KeyError, seen on the
tickets and group pages)."""

from museum_site import public_paths
from museum_site.structured_data import AREA_LABELS


def test_every_public_area_has_a_breadcrumb_label_in_each_language():
    for area in public_paths.SEGMENTS:
        assert set(AREA_LABELS[area]) == set(public_paths.LANGUAGES), area
