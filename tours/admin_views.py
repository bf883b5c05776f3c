"""Admin-only endpoints for the panorama editor."""

from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from wagtail.images import get_image_model

EDITOR_RENDITION = "max-4096x2048"


def panorama_preview(request: HttpRequest, image_id: int) -> JsonResponse:
    """A rendition of the panorama light enough for the editor's viewer."""
    image = get_object_or_404(get_image_model(), pk=image_id)
    rendition = image.get_rendition(EDITOR_RENDITION)
    return JsonResponse(
        {
            "url": rendition.url,
            "width": image.width,
            "height": image.height,
            "fullSphere": abs(image.width / image.height - 2) < 0.04,
            "haov": 360,
            "vaov": round(360 * image.height / image.width, 1),
        }
    )
