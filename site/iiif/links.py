"""Absolute URLs of the IIIF resources, on the host the request came to.

IIIF `id`s must resolve where a viewer found them, so they are built from the request
(as Django sees its host), for the views and for the GraphQL fields that point to them.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse


def manifest_url(request: HttpRequest, translation_key) -> str:
    return request.build_absolute_uri(reverse("iiif-manifest", args=[str(translation_key)]))


def image_service_url(request: HttpRequest, image_id: int) -> str:
    return request.build_absolute_uri(reverse("iiif-image-base", args=[image_id]))


def exhibition_collection_url(request: HttpRequest, page_id: int) -> str:
    return request.build_absolute_uri(reverse("iiif-exhibition", args=[page_id]))
