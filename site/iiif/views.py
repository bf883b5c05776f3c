"""The IIIF endpoints: thin views over image_api and presentation.

Every answer, errors included, carries `Access-Control-Allow-Origin: *`: IIIF viewers
run on other institutions' sites. Answers may be cached for a minute, as the GraphQL
answers are, so an object that is unpublished disappears from caches within that minute.
Parameters the service cannot answer are a 400 with a plain-text reason, unknown or
unpublished things a plain 404.
"""

from __future__ import annotations

import json

from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import require_safe

from museum_site.models import CollectionObjectImage, MuseumImage
from museum_site.museums.current import museum_for_request
from museum_site.visibility import visible_now

from . import image_api, links, presentation

MAX_AGE_SECONDS = 60
# The URL converters take any number of digits; beyond the columns' range a database
# raises instead of finding nothing (images are BigAutoField, Wagtail's pages AutoField).
MAX_IMAGE_ID = 2**63 - 1
MAX_PAGE_ID = 2**31 - 1
IMAGE_INFO_TYPE = f'application/ld+json;profile="{image_api.IMAGE_CONTEXT}"'


def _shared(response: HttpResponse, *, cacheable: bool = True) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}" if cacheable else "no-store"
    return response


def _plain(status: int, message: str) -> HttpResponse:
    response = HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")
    return _shared(response, cacheable=False)


def _not_found() -> HttpResponse:
    return _plain(404, "Not found.")


def _json(document: dict, content_type: str) -> HttpResponse:
    body = json.dumps(document, ensure_ascii=False, indent=1)
    return _shared(HttpResponse(body, content_type=f"{content_type}; charset=utf-8"))


def urls_for() -> presentation.Urls:
    """Absolute URLs on the public origin (museum_site.iiif.links)."""
    return presentation.Urls(
        manifest=links.manifest_url,
        image_service=links.image_service_url,
        object_stream=links.object_stream_url,
    )


def visible_image(image_id: int) -> MuseumImage | None:
    """The image when a published object shows it; None otherwise (a draft's, a page's)."""
    if image_id > MAX_IMAGE_ID:
        return None
    shown = CollectionObjectImage.objects.filter(image_id=OuterRef("pk")).filter(
        visible_now(prefix="collection_object__")
    )
    return MuseumImage.objects.filter(pk=image_id).filter(Exists(shown)).first()


@require_safe
def image_base(request: HttpRequest, image_id: int) -> HttpResponse:
    """The service's base URL redirects to its info.json (Image API 3, 2.2)."""
    response = HttpResponseRedirect(reverse("iiif-image-info", args=[image_id]), status=303)
    return _shared(response)


@require_safe
def image_info(request: HttpRequest, image_id: int) -> HttpResponse:
    image = visible_image(image_id)
    if image is None:
        return _not_found()
    service = links.image_service_url(image_id, museum_for_request(request))
    document = image_api.info(service, image.width, image.height)
    wants_linked_data = "application/ld+json" in request.headers.get("Accept", "")
    return _json(document, IMAGE_INFO_TYPE if wants_linked_data else "application/json")


@require_safe
def image(
    request: HttpRequest,
    image_id: int,
    region: str,
    size: str,
    rotation: str,
    quality: str,
    image_format: str,
) -> HttpResponse:
    found = visible_image(image_id)
    if found is None:
        return _not_found()
    try:
        asked = image_api.parse(
            region, size, rotation, quality, image_format, found.width, found.height
        )
        body = image_api.render(found.file.name, found.open_file, found.width, found.height, asked)
    except image_api.BadRequest as error:
        return _plain(400, str(error))
    response = HttpResponse(body, content_type="image/jpeg")
    region = asked.region
    whole = (region.x, region.y, region.width, region.height) == (0, 0, found.width, found.height)
    cut = "full" if whole else f"{region.x},{region.y},{region.width},{region.height}"
    canonical = (
        f"{links.image_service_url(image_id, museum_for_request(request))}"
        f"/{cut}/{asked.width},{asked.height}/0/default.jpg"
    )
    response["Link"] = f'<{canonical}>;rel="canonical"'
    return _shared(response)


@require_safe
def object_manifest(request: HttpRequest, key) -> HttpResponse:
    copies = presentation.published_copies(key)
    if not copies:
        return _not_found()
    document = presentation.manifest(copies, urls_for())
    return _json(document, presentation.CONTENT_TYPE)


@require_safe
def exhibition_collection(request: HttpRequest, page_id: int) -> HttpResponse:
    if page_id > MAX_PAGE_ID:
        return _not_found()
    exhibition = presentation.published_exhibition(page_id)
    if exhibition is None:
        return _not_found()
    museum = presentation.museum_of_page(exhibition)
    url = links.exhibition_collection_url(page_id, museum)
    document = presentation.collection(exhibition, museum, url, urls_for())
    return _json(document, presentation.CONTENT_TYPE)
