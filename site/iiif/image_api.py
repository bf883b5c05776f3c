"""IIIF Image API 3 at level 1, computed with Pillow from the original on request.

Why level 1 and not level 0 with static tiles: an object photograph is a few megapixels,
not a panorama. Decoding it (reduced in the JPEG decoder where the answer is smaller,
museum_site.rendition_sources.decode) and cutting one tile takes tens of milliseconds, so
a tile pyramid made in the background for every image of every object would store files
that are mostly never asked for, and would need a job, a state ("not tiled yet") and a
clean-up when an image is replaced. Level 1 lets viewers (Mirador, OpenSeadragon, the
frontend's deep zoom) ask any region at any size, including the thumbnails and `w,`
sizes a manifest names, from one service.

The work a request may cause is bounded three ways:
- sizes: an answer is at most `MAX_WIDTH` x `MAX_HEIGHT` and `MAX_AREA` pixels (announced
  in info.json as `maxWidth`, `maxHeight`, `maxArea`); a larger request is a 400, and
  `max` means the largest size within those limits. Upscaling (`^`) is not offered;
- decoding: the original is decoded by `rendition_sources.decode`, which never holds
  more than the rendition pixel limit and lets big decodes take turns;
- repetition: every answer is kept in Django's cache (Redis in a deployment) under the
  image's file name, which is never reused for other bytes (museum_site.storage), and the
  canonical region and size, so the tiles a viewer asks again and again cost one cache
  read. Visibility is checked before the cache is read, so an unpublished object's image
  stops being served at once.

Only level 1 is offered: regions `full`, `square`, `x,y,w,h`; sizes `max`, `w,`, `,h`,
`w,h`; rotation `0`; quality `default`; format `jpg`. Anything else is a 400 with a plain
message (the spec allows 400 for what the server does not support).
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from dataclasses import dataclass

from django.core.cache import cache
from PIL import Image as PILImage

from museum_site.rendition_sources import SourceTooLarge, decode

MAX_WIDTH = 2000
MAX_HEIGHT = 2000
MAX_AREA = 3_000_000
TILE_SIZE = 512
THUMBNAIL_WIDTH = 400
JPEG_QUALITY = 85
CACHE_SECONDS = 24 * 60 * 60
CACHE_KEY = "vitrine:iiif:image:{digest}"

IMAGE_CONTEXT = "http://iiif.io/api/image/3/context.json"
PROTOCOL = "http://iiif.io/api/image"

_REGION_PIXELS = re.compile(r"^(\d+),(\d+),(\d+),(\d+)$")
_SIZE = re.compile(r"^(\d*),(\d*)$")


class BadRequest(ValueError):
    """A parameter the service cannot answer: the message goes back as a 400's body."""


@dataclass(frozen=True)
class Region:
    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True)
class Request:
    """One image request, reduced to pixels: what is cut from the original, how big."""

    region: Region
    width: int
    height: int


def fit_within_limits(width: int, height: int) -> tuple[int, int]:
    """The largest size of this aspect ratio within the maximum width, height and area."""
    scale = min(1.0, MAX_WIDTH / width, MAX_HEIGHT / height, math.sqrt(MAX_AREA / (width * height)))
    if scale >= 1.0:
        return width, height
    return max(1, math.floor(width * scale)), max(1, math.floor(height * scale))


def parse_region(text: str, image_width: int, image_height: int) -> Region:
    if text == "full":
        return Region(0, 0, image_width, image_height)
    if text == "square":
        side = min(image_width, image_height)
        return Region((image_width - side) // 2, (image_height - side) // 2, side, side)
    match = _REGION_PIXELS.match(text)
    if not match:
        raise BadRequest(f"Region {text!r} is not full, square or x,y,w,h in pixels.")
    x, y, width, height = (int(group) for group in match.groups())
    if width == 0 or height == 0:
        raise BadRequest("A region must be at least one pixel wide and high.")
    if x >= image_width or y >= image_height:
        raise BadRequest("The region lies outside the image.")
    # A region reaching past the edge is cut at the edge (Image API 3, 4.1).
    return Region(x, y, min(width, image_width - x), min(height, image_height - y))


def parse_size(text: str, region: Region) -> tuple[int, int]:
    if text.startswith("^"):
        raise BadRequest("Upscaling (^) is not supported.")
    if text == "max":
        return fit_within_limits(region.width, region.height)
    match = _SIZE.match(text)
    if not match or match.groups() == ("", ""):
        raise BadRequest(f"Size {text!r} is not max, w, ,h or w,h.")
    width_text, height_text = match.groups()
    if width_text and height_text:
        width, height = int(width_text), int(height_text)
    elif width_text:
        width = int(width_text)
        height = round(region.height * width / region.width)
    else:
        height = int(height_text)
        width = round(region.width * height / region.height)
    if width < 1 or height < 1:
        raise BadRequest("The size asked is less than one pixel.")
    if width > region.width or height > region.height:
        raise BadRequest("The size asked is larger than the region; upscaling is not supported.")
    if width > MAX_WIDTH or height > MAX_HEIGHT or width * height > MAX_AREA:
        raise BadRequest(
            f"The size asked is larger than the maximum ({MAX_WIDTH} x {MAX_HEIGHT} pixels, "
            f"{MAX_AREA} in all)."
        )
    return width, height


def parse(
    region: str, size: str, rotation: str, quality: str, image_format: str, width: int, height: int
) -> Request:
    """The request in pixels, or BadRequest saying which parameter cannot be answered."""
    if rotation != "0":
        raise BadRequest(f"Rotation {rotation!r} is not supported; only 0.")
    if quality != "default":
        raise BadRequest(f"Quality {quality!r} is not supported; only default.")
    if image_format != "jpg":
        raise BadRequest(f"Format {image_format!r} is not supported; only jpg.")
    cut = parse_region(region, width, height)
    out_width, out_height = parse_size(size, cut)
    return Request(cut, out_width, out_height)


def scale_factors(width: int, height: int) -> list[int]:
    """Powers of two down to the one at which the whole image fits one tile."""
    factors = [1]
    while max(width, height) / factors[-1] > TILE_SIZE:
        factors.append(factors[-1] * 2)
    return factors


def info(service_id: str, width: int, height: int) -> dict:
    """info.json (Image API 3, section 5) for an image of `width` x `height`."""
    sizes = []
    for factor in reversed(scale_factors(width, height)):
        size = (math.ceil(width / factor), math.ceil(height / factor))
        if size == fit_within_limits(*size):
            sizes.append({"width": size[0], "height": size[1]})
    return {
        "@context": IMAGE_CONTEXT,
        "id": service_id,
        "type": "ImageService3",
        "protocol": PROTOCOL,
        "profile": "level1",
        "width": width,
        "height": height,
        "maxWidth": MAX_WIDTH,
        "maxHeight": MAX_HEIGHT,
        "maxArea": MAX_AREA,
        "sizes": sizes,
        "tiles": [{"width": TILE_SIZE, "scaleFactors": scale_factors(width, height)}],
    }


def cache_key(file_name: str, request: Request) -> str:
    region = request.region
    canonical = (
        f"{file_name}|{region.x},{region.y},{region.width},{region.height}"
        f"|{request.width},{request.height}"
    )
    return CACHE_KEY.format(digest=hashlib.sha256(canonical.encode()).hexdigest())


def render(file_name: str, open_original, image_width: int, image_height: int, request: Request):
    """The JPEG bytes answering `request`, from the cache or made from the original.

    `open_original()` opens the original for reading; it is called only on a cache miss.
    """
    key = cache_key(file_name, request)
    found = cache.get(key)
    if found is not None:
        return found
    with open_original() as file:
        made = _make(file, image_width, request)
    cache.set(key, made, CACHE_SECONDS)
    return made


def _make(file, image_width: int, request: Request) -> bytes:
    region = request.region
    needed_scale = max(request.width / region.width, request.height / region.height)
    try:
        picture, scale = decode(file, needed_scale)
    except SourceTooLarge as error:
        raise BadRequest("This image is too large to be served.") from error
    box = (
        math.floor(region.x * scale),
        math.floor(region.y * scale),
        max(math.floor(region.x * scale) + 1, math.ceil((region.x + region.width) * scale)),
        max(math.floor(region.y * scale) + 1, math.ceil((region.y + region.height) * scale)),
    )
    cut = picture.crop(box)
    if cut.mode not in ("RGB", "L"):
        cut = cut.convert("RGB")
    if cut.size != (request.width, request.height):
        cut = cut.resize((request.width, request.height), PILImage.Resampling.LANCZOS)
    output = io.BytesIO()
    cut.save(output, "JPEG", quality=JPEG_QUALITY)
    return output.getvalue()
