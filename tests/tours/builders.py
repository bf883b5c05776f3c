"""Builders for tours in tests: real pages with scenes, hotspots, plans and stops."""

from __future__ import annotations

import io
import itertools

import numpy as np
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from museum_site.models import MuseumImage
from tests.site import builders as site_builders
from tours import models

_counter = itertools.count(1)


def panorama(width: int = 1024, height: int = 512, title: str | None = None) -> MuseumImage:
    """A small equirectangular image whose colour changes with direction."""
    x = np.linspace(0, 255, width, dtype=np.uint8)
    y = np.linspace(0, 255, height, dtype=np.uint8)
    pixels = np.stack(
        np.broadcast_arrays(x[None, :], y[:, None], 128 * np.ones((1, 1), np.uint8)), axis=-1
    )
    buffer = io.BytesIO()
    PILImage.fromarray(pixels.astype(np.uint8)).save(buffer, "JPEG", quality=85)
    n = next(_counter)
    return MuseumImage.objects.create(
        title=title or f"Panorama {n}", file=ImageFile(buffer, name=f"pano-{n}.jpg")
    )


def tour_index(language: str = "nl") -> models.TourIndexPage:
    parent = site_builders.home(language)
    found = models.TourIndexPage.objects.child_of(parent).first()
    return found or parent.add_child(
        instance=models.TourIndexPage(title="Rondleidingen", slug="rondleidingen")
    )


def scene(key: str, hotspots: list[models.Hotspot] = (), **fields) -> models.Scene:
    return models.Scene(
        key=key,
        title=fields.pop("title", key.replace("-", " ").title()),
        description=fields.pop("description", f"The {key} room."),
        panorama=fields.pop("panorama", None) or panorama(),
        hotspots=list(hotspots),
        **fields,
    )


def go_to(target: str, yaw: float = 0, pitch: float = 0, **fields) -> models.Hotspot:
    return models.Hotspot(
        yaw=yaw,
        pitch=pitch,
        label=fields.pop("label", f"Go to {target}"),
        target_kind="scene",
        target_scene_key=target,
        **fields,
    )


def tour(
    scenes: list[models.Scene], *, publish: bool = True, language: str = "nl", **fields
) -> models.TourPage:
    n = next(_counter)
    page = models.TourPage(
        title=fields.pop("title", f"Tour {n}"),
        slug=fields.pop("slug", f"tour-{n}"),
        intro=fields.pop("intro", "A walk through the museum."),
        scenes=scenes,
        **fields,
    )
    tour_index(language).add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page
