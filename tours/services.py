"""Tiling panoramas: the domain logic behind the background job.

Keyed twice against repeated work: PanoramaTiles remembers the source hash per image,
and the tiler itself reuses a finished tile set stored under the same content hash.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction

from museum_site.models import MuseumImage
from tours.models import PanoramaTiles
from tours.tiler import TilingError, tile_panorama

log = logging.getLogger(__name__)
TILES_PREFIX = "tours/tiles"


def tile_image(image_id: int) -> PanoramaTiles:
    """Tile one panorama image, or record why it could not be tiled."""
    image = MuseumImage.objects.get(pk=image_id)
    tiles, _created = PanoramaTiles.objects.get_or_create(image=image)
    try:
        with image.open_file() as source:
            result = tile_panorama(
                source.read(),
                default_storage,
                TILES_PREFIX,
                jpeg_quality=getattr(settings, "TOURS_JPEG_QUALITY", 80),
                max_pixels=settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS,
            )
    except TilingError as error:
        tiles.status, tiles.error, tiles.manifest = PanoramaTiles.Status.FAILED, str(error), None
    except OSError as error:
        log.exception("Could not read panorama image %s", image_id)
        tiles.status, tiles.error = (
            PanoramaTiles.Status.FAILED,
            f"The image file could not be read: {error}",
        )
    else:
        tiles.status, tiles.error = PanoramaTiles.Status.READY, ""
        tiles.source_sha256 = result.source_sha256
        tiles.image_file_hash = image.file_hash
        tiles.manifest = {
            "base_url": default_storage.url(result.base_name),
            "preview_url": default_storage.url(result.preview_name),
            "face_size": result.face_size,
            "levels": result.levels,
            "tile_resolution": result.tile_resolution,
            "fallback_size": result.fallback_size,
            "multires": result.multires,
        }
    tiles.save()
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
    """Queue tiling after commit for images that have no ready tiles yet."""
    from tours.tasks import tile_panorama_task

    ready = set(
        PanoramaTiles.objects.current()
        .filter(image_id__in=image_ids)
        .values_list("image_id", flat=True)
    )
    for image_id in sorted(image_ids - ready):
        PanoramaTiles.objects.get_or_create(image_id=image_id)
        transaction.on_commit(lambda image_id=image_id: tile_panorama_task.enqueue(image_id))
