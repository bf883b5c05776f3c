"""Tiling panoramas: the domain logic behind the background job.

Keyed twice against repeated work: PanoramaTiles remembers which file of the image it
is about, and the tiler itself reuses a finished tile set stored under the same
content hash. Everything is read and written through Django's storage API (the image's
own storage, and ``tiles_storage()``), so object storage works as the file system does.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction

from museum_site.models import MuseumImage
from tours.models import PanoramaTiles
from tours.panorama_uploads import DEFAULT_PANORAMA_MAX_PIXELS
from tours.tile_storage import tiles_storage
from tours.tiler import TilingError, tile_panorama

log = logging.getLogger(__name__)
TILES_PREFIX = "tours/tiles"


def panorama_max_pixels() -> int:
    """Tour panoramas have their own limit, above WAGTAILIMAGES_MAX_IMAGE_PIXELS."""
    return getattr(settings, "TOURS_PANORAMA_MAX_PIXELS", DEFAULT_PANORAMA_MAX_PIXELS)


def tile_image(image_id: int) -> PanoramaTiles:
    """Tile one panorama image's present file, or record why it could not be tiled.

    The outcome is recorded only if the image still has that file when tiling ends:
    if the editor replaced it meanwhile, the replacement's own job (tours.signals)
    owns the row.
    """
    image = MuseumImage.objects.get(pk=image_id)
    file_name, file_hash = image.file.name, image.file_hash
    tiles, _created = PanoramaTiles.objects.get_or_create(image=image)
    outcome: dict = {"image_file_name": file_name, "image_file_hash": file_hash}
    try:
        with image.open_file() as source:
            result = tile_panorama(
                source,
                tiles_storage(),
                TILES_PREFIX,
                jpeg_quality=getattr(settings, "TOURS_JPEG_QUALITY", 80),
                max_pixels=panorama_max_pixels(),
            )
    except TilingError as error:
        outcome |= {"status": PanoramaTiles.Status.FAILED, "error": str(error), "manifest": None}
    except OSError as error:
        log.exception("Could not read panorama image %s", image_id)
        outcome |= {
            "status": PanoramaTiles.Status.FAILED,
            "error": f"The image file could not be read: {error}",
            "manifest": None,
        }
    else:
        outcome |= {
            "status": PanoramaTiles.Status.READY,
            "error": "",
            "source_sha256": result.source_sha256,
            "manifest": {
                "base_name": result.base_name,
                "preview_name": result.preview_name,
                "face_size": result.face_size,
                "levels": result.levels,
                "tile_resolution": result.tile_resolution,
                "fallback_size": result.fallback_size,
                "multires": result.multires,
            },
        }
    with transaction.atomic():
        tiles = PanoramaTiles.objects.select_for_update().get(pk=tiles.pk)
        image = MuseumImage.objects.get(pk=image_id)
        if (image.file.name, image.file_hash) == (file_name, file_hash):
            for name, value in outcome.items():
                setattr(tiles, name, value)
            tiles.save()
        else:
            log.info("Panorama image %s was replaced while it was tiled", image_id)
    return tiles


def record_unexpected_failure(image_id: int, error: Exception) -> None:
    """Tell the editor that tiling stopped, where they look for tiling failures.

    The tiler's own refusals come with a message an editor can act on; anything else (a
    bug, a storage or database outage) would otherwise leave the scene panel saying
    "waiting" for ever. The traceback stays with the job's result for the administrators.
    """
    tiles = PanoramaTiles.objects.filter(image_id=image_id).first()
    if tiles is None:  # the image was deleted before its job ran
        return
    tiles.status, tiles.manifest = PanoramaTiles.Status.FAILED, None
    tiles.error = (
        f"Tiling stopped with an unexpected error ({type(error).__name__}). Publish the "
        "tour again to retry; if it fails again, ask an administrator to look at the "
        "background job's log."
    )
    tiles.save()


def request_tiles(image_ids: set[int]) -> None:
    """Queue tiling after commit for images that have no current tiles."""
    ready = set(
        PanoramaTiles.objects.current()
        .filter(image_id__in=image_ids)
        .values_list("image_id", flat=True)
    )
    for image in MuseumImage.objects.filter(pk__in=image_ids - ready).order_by("pk"):
        tiles, _created = PanoramaTiles.objects.get_or_create(image=image)
        _queue(tiles, image)


def retile_if_replaced(image: MuseumImage) -> None:
    """After an image is saved: if it is a panorama whose file was replaced, re-tile it.

    From now on its scenes answer PENDING (not the old file's tiles) until the new
    file's tiles are ready.
    """
    tiles = PanoramaTiles.objects.filter(image=image).first()
    if tiles is None:
        return  # not a tour panorama (publishing a tour creates the row)
    if tiles.is_about(image):
        if image.file_hash and not tiles.image_file_hash:  # Wagtail hashed it late
            tiles.image_file_hash = image.file_hash
            tiles.save(update_fields=["image_file_hash", "updated_at"])
        return
    _queue(tiles, image)


def _queue(tiles: PanoramaTiles, image: MuseumImage) -> None:
    """Mark the row as waiting for the image's present file, and queue the job."""
    from tours.tasks import tile_panorama_task

    tiles.status, tiles.error, tiles.manifest = PanoramaTiles.Status.PENDING, "", None
    tiles.image_file_name, tiles.image_file_hash = image.file.name, image.file_hash
    tiles.save()
    image_id = image.pk
    transaction.on_commit(lambda: tile_panorama_task.enqueue(image_id))
