"""The few pages Django itself serves: everything else is the headless frontend's.

`preview` renders a draft from Wagtail's preview token so that editors can check their
work in the admin's preview pane; the frontend's own preview route replaces it once the
frontend serves `/preview`.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_sameorigin

from museum_site import image_presets
from museum_site.graphql.blocks import visible_blocks
from museum_site.graphql.images import make_rendition
from museum_site.graphql.rich_text import rich_text_html
from museum_site.models import MuseumPage


def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "museum_site/landing.html")


@xframe_options_sameorigin
def preview(request: HttpRequest) -> HttpResponse:
    """The draft behind a preview token, rendered plainly (the admin shows it in a frame)."""
    app_label, _, model = request.GET.get("content_type", "").partition(".")
    try:
        page_model = ContentType.objects.get_by_natural_key(app_label, model).model_class()
    except ContentType.DoesNotExist as error:
        raise Http404("Unknown page type") from error
    if page_model is None or not issubclass(page_model, MuseumPage):
        raise Http404("Not a previewable page")
    try:
        page = page_model.get_page_from_preview_token(request.GET.get("token", ""))
    except BadSignature as error:
        raise Http404("Invalid preview token") from error
    if page is None:
        raise Http404("Preview expired")
    translation.activate(page.locale.language_code)
    return render(
        request,
        "museum_site/preview.html",
        {"page": page, "sections": _sections(page), "chapters": _chapters(page)},
    )


def _image(image, alt: str = "") -> dict | None:
    if image is None:
        return None
    rendition = make_rendition(
        image,
        image_presets.ImagePreset.CARD,
        image_presets.ImageFormat.ORIGINAL,
        alt or image.default_alt_text,
    )
    return {"url": rendition.url, "alt": rendition.alt, "src_set": rendition.src_set}


def _sections(page) -> list[dict]:
    body = getattr(page, "body", None)
    if body is None:
        return []
    sections = []
    for child in visible_blocks(body):
        value = child.value
        kind = child.block_type
        if kind == "text":
            sections.append({"kind": kind, "html": rich_text_html(value)})
        elif kind == "image":
            sections.append(
                {
                    "kind": kind,
                    "image": _image(value["image"], value["alt_text"]),
                    "caption": value["caption"],
                }
            )
        elif kind == "gallery":
            images = [_image(item["image"], item["alt_text"]) for item in value["images"]]
            sections.append({"kind": kind, "images": [image for image in images if image]})
        elif kind == "collection_object":
            obj = value["collection_object"]
            first = obj.images.first()
            sections.append(
                {
                    "kind": kind,
                    "title": obj.title,
                    "caption": value["caption"],
                    "image": _image(first.image, first.alt) if first else None,
                }
            )
        else:
            sections.append({"kind": kind, "value": value})
    return sections


def _chapters(page) -> list[dict]:
    chapters = getattr(page, "chapters", None)
    if chapters is None:
        return []
    return [
        {
            "heading": chapter.heading,
            "html": rich_text_html(chapter.text),
            "objects": [
                {"title": item.collection_object.title, "caption": item.caption}
                for item in chapter.exhibited_objects.all()
            ],
        }
        for chapter in chapters.all()
    ]
