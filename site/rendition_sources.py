"""Decoding an image for a rendition with bounded memory.

Wagtail decodes the whole original for every rendition, three at a time, and resizes it
with LANCZOS: a 12 KB PNG of 10000 x 9999 pixels took 6-17 s and 1.75 GB per rendition.
Here a rendition's source never holds more than
`VITRINE_IMAGES["RENDITION_SOURCE_MAX_PIXELS"]` pixels:

- a JPEG decodes reduced (Pillow's `draft`: 1/2, 1/4 or 1/8 scale in the decoder), to
  what the rendition needs and at most the limit, so large photographs and panoramas
  stay welcome;
- other formats cannot decode reduced, so an upload in them above the limit is refused
  (`upload_refusal`, called by the image model's `clean`) and one already in the
  library is not rendered (`SourceTooLarge`; the API answers its original instead);
- after decoding, `reduce` (integer box filter, cheap) brings the source to twice the
  rendition's size before Wagtail's LANCZOS resize, as Pillow's own `reducing_gap` does;
- big decodes take turns within a process.

Tour panoramas are tiled from the original by tours.tiler, with its own limit.
"""

from __future__ import annotations

import math
import threading
from contextlib import contextmanager
from typing import IO

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.models import Filter, SourceImageIOError
from wagtail.images.rect import Rect
from willow.plugins.pillow import PillowImage

__all__ = ["BoundedFilter", "Rect", "SourceTooLarge", "decode", "upload_refusal"]

# Sources above this many pixels decode one at a time per process.
_BIG_DECODE_PIXELS = 10_000_000
_big_decodes = threading.BoundedSemaphore(1)


class SourceTooLarge(SourceImageIOError):
    """The source has more pixels than a rendition may decode and cannot decode reduced."""


def max_source_pixels() -> int:
    return settings.VITRINE_IMAGES["RENDITION_SOURCE_MAX_PIXELS"]


def _reducible_in_decoder(picture: PILImage.Image) -> bool:
    return picture.format == "JPEG"


def decode(file: IO[bytes], needed_scale: float = 1.0) -> tuple[PILImage.Image, float]:
    """The picture in `file`, decoded no larger than needed and than the limit.

    `needed_scale` is how large the rendition is compared to the source (0.1: a tenth
    of its width); the answer keeps at least twice that. Returns the decoded picture and
    its scale against the original (1.0 when decoded whole).
    """
    file.seek(0)
    picture = PILImage.open(file)
    width, height = picture.size
    limit = max_source_pixels()
    # How much smaller the source must be (the limit) and may be (twice the rendition).
    must = math.sqrt(width * height / limit) if width * height > limit else 1.0
    may = 1 / (2 * needed_scale) if 0 < needed_scale < 0.5 else 1.0
    if _reducible_in_decoder(picture):
        # draft decodes at the largest of 1/1, 1/2, 1/4, 1/8 whose size is at least the
        # one asked: ask for a power of two, at least what the limit needs.
        power = max(_power_of_two(must, up=True), _power_of_two(may, up=False))
        if power > 1:
            picture.draft(picture.mode, (max(1, width // power), max(1, height // power)))
        if picture.size[0] * picture.size[1] > limit:
            raise SourceTooLarge(f"A {width}x{height} JPEG cannot decode below the limit.")
    elif must > 1:
        raise SourceTooLarge(f"A {width}x{height} {picture.format} is above the limit.")
    with _turn(picture.size[0] * picture.size[1]):
        picture.load()
        step = math.floor(may * picture.size[0] / width)
        if step >= 2:
            info = dict(picture.info)
            picture = picture.reduce(step)
            picture.info.update(info)  # keeps the EXIF orientation for auto_orient
    return picture, picture.size[0] / width


def _power_of_two(factor: float, *, up: bool) -> int:
    """1, 2, 4 or 8: the power of two at or above (`up`) or at or below `factor`."""
    if factor <= 1:
        return 1
    exponent = math.ceil(math.log2(factor)) if up else math.floor(math.log2(factor))
    return min(8, 2**exponent)


@contextmanager
def _turn(pixels: int):
    if pixels <= _BIG_DECODE_PIXELS:
        yield
        return
    with _big_decodes:
        yield


class _DecodedSource(PillowImage):
    """A decoded picture that still answers its file's format (Filter.run asks first)."""

    def __init__(self, image: PILImage.Image, format_name: str) -> None:
        super().__init__(image)
        self._format_name = format_name

    @property
    def format_name(self) -> str:
        return self._format_name


class _ScaledFocus:
    """The image as the transforms see it once its source was decoded at `scale`."""

    def __init__(self, image, scale: float) -> None:
        self._image, self._scale = image, scale

    def __getattr__(self, name: str):
        return getattr(self._image, name)

    def get_focal_point(self) -> Rect | None:
        focal_point = self._image.get_focal_point()
        if focal_point is None:
            return None
        s = self._scale
        return Rect(
            focal_point.left * s, focal_point.top * s, focal_point.right * s, focal_point.bottom * s
        )


class BoundedFilter(Filter):
    """Wagtail's Filter with a source decoded as `decode` allows; one per rendition made
    (it keeps the scale it decoded at)."""

    def __init__(self, spec: str) -> None:
        super().__init__(spec=spec)
        self._scale = 1.0

    @contextmanager
    def get_willow_image(self, image, source=None):
        with super().get_willow_image(image, source) as willow_file:
            if willow_file.format_name == "svg":
                yield willow_file
                return
            picture, self._scale = decode(willow_file.f, self._needed_scale(image))
            yield _DecodedSource(picture, willow_file.format_name)

    def _needed_scale(self, image) -> float:
        """The rendition's size against the part of the original it shows."""
        if not image.width or not image.height:
            return 1.0
        transform = super().get_transform(image)
        rect = transform.get_rect()
        if not rect.width or not rect.height:
            return 1.0
        return max(transform.size[0] / rect.width, transform.size[1] / rect.height)

    def get_transform(self, image, size=None):
        if self._scale != 1.0 and size is not None:
            image = _ScaledFocus(image, self._scale)
        return super().get_transform(image, size)


def upload_refusal(file) -> str | None:
    """Why an uploaded image cannot be accepted for renditions, or None.

    Only formats that cannot decode reduced (all but JPEG) are refused above the limit;
    unreadable files are left to Wagtail's own checks.
    """
    if not file:
        return None
    try:
        position = file.tell()
        try:
            file.seek(0)
            with PILImage.open(file) as picture:
                width, height = picture.size
                image_format = picture.format or ""
        finally:
            file.seek(position)
    except Exception:  # a corrupt file is for Wagtail's form to report
        return None
    limit = max_source_pixels()
    if image_format == "JPEG" or width * height <= limit:
        return None
    return _(
        "This %(format)s image has %(megapixels)s megapixels; images that are not JPEG "
        "may have at most %(limit)s megapixels. Save it as JPEG or make it smaller."
    ) % {
        "format": image_format,
        "megapixels": f"{width * height / 1e6:.1f}",
        "limit": f"{limit / 1e6:g}",
    }
