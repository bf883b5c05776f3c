"""Named image sizes: the only renditions the public API will make.

A free-form filter string from the API would let anyone make the server resize images
into endless variants (a denial-of-service vector, grapple issue #158). A preset names
the crop and the widths offered in `srcSet`.
"""

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Preset:
    """`height` None keeps the aspect ratio (a `max` resize); otherwise the image is cropped
    around its focal point to width x height."""

    width: int
    height: int | None
    srcset_widths: tuple[int, ...]
    description: str

    def filter_spec(self, width: int | None = None) -> str:
        width = width or self.width
        if self.height is None:
            return f"max-{width}x{width * 2}"
        return f"fill-{width}x{round(self.height * width / self.width)}-c100"


class ImagePreset(Enum):
    THUMBNAIL = Preset(160, 160, (160, 320), "Square thumbnail for lists and hotspots")
    CARD = Preset(640, 400, (320, 640, 1280), "16:10 crop for cards and teasers")
    HERO = Preset(1600, 800, (800, 1600, 2400), "2:1 banner across the page")
    FULL = Preset(1200, None, (600, 1200, 2400), "Whole image, aspect ratio kept")
    SHARE = Preset(1200, 630, (1200,), "1200x630 crop for social cards (Open Graph, X)")


class ImageFormat(Enum):
    ORIGINAL = ""
    JPEG = "jpeg"
    WEBP = "webp"
    AVIF = "avif"


def rendition_spec(preset: ImagePreset, image_format: ImageFormat, width: int | None = None) -> str:
    spec = preset.value.filter_spec(width)
    if image_format is not ImageFormat.ORIGINAL:
        spec += f"|format-{image_format.value}"
    return spec
