"""A scene's tiles belong to the file they were made from.

When the editor replaces a panorama's file (the same image with a new upload, as
Wagtail's image edit form does) or chooses another image, the scene answers PENDING and
its equirectangular fallback (never the old tiles' URLs) until the new file is tiled,
and the tiling is queued by the replacement itself.
"""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from museum_site.models import MuseumImage
from tests.tours import builders
from tours import models

pytestmark = pytest.mark.django_db

SCENE = """query($slug: String!) { tour(slug: $slug) {
  scenes { key tiles { status baseUrl previewUrl levels } }
  pannellum: viewerConfig(format: PANNELLUM)
} }"""


@pytest.fixture(autouse=True)
def uncached(settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 0}


def other_jpeg(seed: int) -> io.BytesIO:
    pixels = np.random.default_rng(seed).integers(0, 256, (512, 1024, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    PILImage.fromarray(pixels).save(buffer, "JPEG", quality=80)
    buffer.seek(0)
    return buffer


def replace_file(image: MuseumImage, seed: int = 1) -> None:
    """What Wagtail's image edit form does with a new upload."""
    image.file = ImageFile(other_jpeg(seed), name="replacement.jpg")
    image._set_image_file_metadata()
    image.save()


def tiling_jobs(callbacks: list) -> list:
    """The on-commit callbacks that queue a tiling job (others refresh caches)."""
    return [callback for callback in callbacks if "_queue" in callback.__qualname__]


def scene_answer(graphql, slug: str) -> tuple[dict, dict]:
    tour = graphql(SCENE, {"slug": slug})["data"]["tour"]
    return tour["scenes"][0]["tiles"], json.loads(tour["pannellum"])["scenes"]["hall"]


def test_a_replaced_file_answers_pending_then_is_retiled(
    graphql, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tour = builders.tour([builders.scene("hall")], slug="vervangen")
    image = tour.scenes.get().panorama
    tiles, pannellum = scene_answer(graphql, "vervangen")
    assert tiles["status"] == "READY" and pannellum["type"] == "multires"
    old_base = tiles["baseUrl"]
    assert pannellum["multiRes"]["basePath"].endswith(old_base)

    with django_capture_on_commit_callbacks(execute=False) as queued:
        replace_file(image)
    assert len(tiling_jobs(queued)) == 1  # queued by the replacement itself

    tiles, pannellum = scene_answer(graphql, "vervangen")
    assert tiles == {"status": "PENDING", "baseUrl": None, "previewUrl": None, "levels": None}
    assert pannellum["type"] == "equirectangular" and "multiRes" not in pannellum
    assert old_base not in json.dumps(pannellum)

    for callback in queued:  # the job runs (immediate backend in tests)
        callback()

    tiles, pannellum = scene_answer(graphql, "vervangen")
    assert tiles["status"] == "READY" and pannellum["type"] == "multires"
    assert tiles["baseUrl"] != old_base  # keyed on the new file's SHA-256
    row = models.PanoramaTiles.objects.get(image=image)
    assert row.image_file_name == image.file.name and row.image_file_hash == image.file_hash


def test_saving_an_image_without_a_new_file_queues_nothing(
    graphql, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tour = builders.tour([builders.scene("hall")], slug="titel")
    image = tour.scenes.get().panorama
    with django_capture_on_commit_callbacks(execute=False) as queued:
        image.title = "Another title"
        image.save()
        image.get_file_hash()  # Wagtail filling in a hash it had not computed yet
    assert tiling_jobs(queued) == []
    assert scene_answer(graphql, "titel")[0]["status"] == "READY"


def test_another_image_for_the_scene_answers_pending_until_tiled(
    graphql, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tour = builders.tour([builders.scene("hall")], slug="ander-beeld")
    old_base = scene_answer(graphql, "ander-beeld")[0]["baseUrl"]

    scenes = list(tour.scenes.all())
    scenes[0].panorama = builders.panorama(2048, 1024)  # other pixels, other tiles
    tour.scenes = scenes  # as the page editor does: the revision holds the scenes
    with django_capture_on_commit_callbacks(execute=False) as queued:
        tour.save_revision().publish()
    assert len(tiling_jobs(queued)) == 1

    tiles, pannellum = scene_answer(graphql, "ander-beeld")
    assert tiles["status"] == "PENDING" and pannellum["type"] == "equirectangular"
    assert old_base not in json.dumps(pannellum)

    for callback in queued:
        callback()
    tiles, pannellum = scene_answer(graphql, "ander-beeld")
    assert tiles["status"] == "READY" and tiles["baseUrl"] != old_base
    assert pannellum["type"] == "multires"


def test_tiles_finished_after_the_file_was_replaced_are_not_recorded(
    django_capture_on_commit_callbacks, monkeypatch
):
    """A job that tiled the old file must not mark the new file's row ready."""
    from tours import services

    image = builders.panorama()
    models.PanoramaTiles.objects.create(image=image, image_file_name=image.file.name)
    real = services.tile_panorama

    def replaced_meanwhile(*args, **kwargs):
        result = real(*args, **kwargs)
        with django_capture_on_commit_callbacks(execute=False):
            replace_file(MuseumImage.objects.get(pk=image.pk), seed=2)
        return result

    monkeypatch.setattr(services, "tile_panorama", replaced_meanwhile)
    services.tile_image(image.pk)
    row = models.PanoramaTiles.objects.get(image=image)
    image.refresh_from_db()
    assert row.shown_status == models.PanoramaTiles.Status.PENDING
    assert row.image_file_name == image.file.name  # waiting for the new file's job
