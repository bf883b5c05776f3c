"""Absolute URLs of the IIIF resources, on the public origin (`FRONTEND_URL`).

IIIF `id`s are names other institutions store, so they must not depend on how a request
reached Django: the page renderer reads GraphQL over loopback (`VITRINE_API`), and a
museum's own hostname may front the same service. Django serves `/iiif/` on the public
origin beside the pages (museum_site.urls), as it serves the sitemap there.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def _absolute(path: str) -> str:
    return settings.FRONTEND_URL.rstrip("/") + path


def manifest_url(translation_key) -> str:
    return _absolute(reverse("iiif-manifest", args=[str(translation_key)]))


def image_service_url(image_id: int) -> str:
    return _absolute(reverse("iiif-image-base", args=[image_id]))


def exhibition_collection_url(page_id: int) -> str:
    return _absolute(reverse("iiif-exhibition", args=[page_id]))


def object_stream_url(museum) -> str:
    """The museum's LDES stream of collection objects (museum_site.ldes)."""
    return _absolute(reverse("ldes-stream", args=[museum.slug, "objects"]))
