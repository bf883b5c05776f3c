"""Absolute URLs of the IIIF resources, on the public origin of the museum they belong to.

IIIF `id`s are names other institutions store, so they must not depend on how a request
reached Django: the page renderer reads GraphQL over loopback (`VITRINE_API`), and an
object shown in another museum's exhibition keeps its own museum's id. Each is made by
museum_site.museums.links.museum_url on its museum's `public_origin` (`FRONTEND_URL` for
the default museum, its own site for the others); Django serves `/iiif/` on every
museum's origin beside the pages (museum_site.urls), as it serves the sitemap there.
"""

from __future__ import annotations

from django.urls import reverse

from museum_site.museums.links import museum_url
from museum_site.museums.models import Museum

MuseumRef = Museum | int | None  # a museum, a row's museum_id, or None for the default


def manifest_url(translation_key, museum: MuseumRef) -> str:
    return museum_url(museum, reverse("iiif-manifest", args=[str(translation_key)]))


def image_service_url(image_id: int, museum: MuseumRef) -> str:
    return museum_url(museum, reverse("iiif-image-base", args=[image_id]))


def exhibition_collection_url(page_id: int, museum: MuseumRef) -> str:
    return museum_url(museum, reverse("iiif-exhibition", args=[page_id]))


def object_stream_url(museum) -> str:
    """The museum's LDES stream of collection objects (museum_site.ldes)."""
    return museum_url(museum, reverse("ldes-stream", args=[museum.slug, "objects"]))
