"""The demo museum's objects and exhibitions, published as IIIF: every manifest and
collection validates against the official schema, and their images are served."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from museum_site import models
from museum_site.visibility import public_objects
from tests.demo_snapshot import DemoSnapshot, in_database
from tests.iiif.builders import ORIGIN

# JSON documents checked against a schema, the same on every database; the demo itself
# is loaded on SQLite by tests/site/test_demo.py. Run on PostgreSQL only (Makefile).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.database_neutral]


@pytest.fixture(scope="module")
def demo_media(demo_snapshot: DemoSnapshot, django_db_blocker) -> Iterator[Path]:
    """Every test of the module starts from the whole demo (tests/demo_snapshot.py)."""
    with django_db_blocker.unblock(), in_database(demo_snapshot, now=False) as media:
        yield media


def test_every_demo_manifest_and_collection_validates(
    demo_media, settings, client, assert_valid_presentation
):
    settings.MEDIA_ROOT = demo_media
    keys = set(
        public_objects(models.CollectionObject.objects).values_list("translation_key", flat=True)
    )
    assert len(keys) >= 10
    with_images = 0
    for key in sorted(keys, key=str):
        response = client.get(f"/iiif/object/{key}/manifest.json")
        assert response.status_code == 200, key
        manifest = response.json()
        assert_valid_presentation(manifest)
        assert set(manifest["label"]) >= {"nl", "en"}, manifest["label"]
        with_images += bool(manifest["items"])
    assert with_images >= 10

    exhibitions = models.ExhibitionPage.objects.live().public()
    assert exhibitions.exists()
    for exhibition in exhibitions:
        response = client.get(f"/iiif/exhibition/{exhibition.pk}/collection.json")
        assert response.status_code == 200
        collection = response.json()
        assert_valid_presentation(collection)
        assert collection["items"], exhibition.title


def test_demo_images_are_served_at_the_sizes_their_manifests_name(demo_media, settings, client):
    settings.MEDIA_ROOT = demo_media
    shown = models.CollectionObjectImage.objects.filter(
        collection_object__live=True
    ).select_related("collection_object")[:3]
    assert shown
    for use in shown:
        manifest = client.get(
            f"/iiif/object/{use.collection_object.translation_key}/manifest.json"
        ).json()
        for path in (
            manifest["thumbnail"][0]["id"],
            manifest["items"][0]["items"][0]["items"][0]["body"]["id"],
        ):
            response = client.get(path.removeprefix(ORIGIN))
            assert response.status_code == 200, path
            assert response["Content-Type"] == "image/jpeg"
