"""Images in the API: asked for by named preset, never by free filter string."""

from __future__ import annotations

from dataclasses import dataclass

import graphene
from django.conf import settings

from museum_site import image_presets
from museum_site.models import MuseumImage
from museum_site.renditions import renditions_for

ImagePreset = graphene.Enum.from_enum(
    image_presets.ImagePreset,
    description=lambda value: value.value.description if value else "A named image size.",
)
ImageFormat = graphene.Enum.from_enum(
    image_presets.ImageFormat, description=lambda v: "Output format; ORIGINAL keeps the upload's."
)


@dataclass
class RenditionResult:
    url: str
    width: int
    height: int
    alt: str
    src_set: str


def absolute_media_url(url: str) -> str:
    base = getattr(settings, "VITRINE_MEDIA_BASE_URL", "")
    return f"{base}{url}" if base and url.startswith("/") else url


def make_rendition(
    image: MuseumImage,
    preset: image_presets.ImagePreset,
    image_format: image_presets.ImageFormat,
    alt: str,
) -> RenditionResult:
    """One rendition plus its srcSet siblings, as far as they exist or the request's
    budget lets it make them (museum_site.renditions); always a URL that works.

    With the image's renditions prefetched this costs no query when they exist.
    """
    found = renditions_for(image, preset, image_format)
    main = found[preset.value.width]
    seen: dict[int, str] = {}
    for width in sorted(found):
        seen.setdefault(found[width].width, absolute_media_url(found[width].url))
    src_set = ", ".join(f"{url} {width}w" for width, url in sorted(seen.items()))
    return RenditionResult(
        url=absolute_media_url(main.url),
        width=main.width,
        height=main.height,
        alt=alt,
        src_set=src_set,
    )


class Rendition(graphene.ObjectType):
    """An image resized for one preset; `srcSet` offers the preset's other widths."""

    url = graphene.String(required=True)
    width = graphene.Int(required=True)
    height = graphene.Int(required=True)
    alt = graphene.String(required=True, description="Alt text for this use of the image.")
    src_set = graphene.String(required=True, description="For the `srcset` attribute of <img>.")


def rendition_field() -> graphene.Field:
    return graphene.Field(
        Rendition,
        preset=graphene.Argument(ImagePreset, required=True),
        format=graphene.Argument(ImageFormat, default_value=image_presets.ImageFormat.ORIGINAL),
        required=True,
    )


class Image(graphene.ObjectType):
    """An image from the museum's library."""

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    width = graphene.Int(required=True, description="Width of the original upload.")
    height = graphene.Int(required=True, description="Height of the original upload.")
    alt = graphene.String(required=True)
    credit = graphene.String(required=True)
    licence = graphene.String(required=True)
    focal_point = graphene.List(
        graphene.NonNull(graphene.Float),
        description="Focal point centre as [x, y] fractions of width and height, if set.",
    )
    rendition = rendition_field()

    @staticmethod
    def resolve_alt(image: MuseumImage, info) -> str:
        return image.default_alt_text

    @staticmethod
    def resolve_focal_point(image: MuseumImage, info) -> list[float] | None:
        if image.focal_point_x is None or not image.width or not image.height:
            return None
        return [image.focal_point_x / image.width, image.focal_point_y / image.height]

    @staticmethod
    def resolve_rendition(image: MuseumImage, info, preset, format) -> RenditionResult:
        return make_rendition(image, preset, format, image.default_alt_text)
