"""The demo museum's objects and exhibitions, published as IIIF: every manifest and
collection validates against the official schema, and their images are served."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from museum_site import models
from museum_site.visibility import public_objects
from tests.demo_snapshot import DemoSnapshot, empty_database
from tests.iiif.builders import ORIGIN

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def demo_media(demo_snapshot: DemoSnapshot, django_db_blocker) -> Iterator[Path]:
    """Every test of the module starts from the whole demo (loaded once per process; the
    transactional tests restore it by serialized rollback), as tests/e2e/frontend does."""
    with django_db_blocker.unblock():
        original = connection._test_serialized_contents
        connection._test_serialized_contents = demo_snapshot.contents
        empty_database()
    yield demo_snapshot.media
    with django_db_blocker.unblock():
        connection._test_serialized_contents = original
        empty_database()


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
