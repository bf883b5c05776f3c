"""Turn an equirectangular 360° panorama into Pannellum's multiresolution cube tiles.

Pannellum's own generator (``utils/multires/generate.py``) hands the projection to
Hugin's ``nona`` and spends most of its time there. We do the projection ourselves
with numpy, which keeps the tiler a pure-Python dependency of the app, lets it run
inside a worker with bounded memory, and writes through Django's storage API so the
same code serves the file system in development and S3 in production.

What is written under ``<prefix>/<sha256 of the source bytes>/``:

- ``<level>/<face><row>_<col>.jpg``: the tile pyramid, levels numbered from 1 (one
  tile per face) up to ``maxLevel`` (full cube resolution), as Pannellum expects for
  ``"path": "/%l/%s%y_%x"``;
- ``fallback/<face>.jpg``: whole faces for viewers without WebGL (``fallbackPath``);
- ``preview.jpg``: a small equirectangular image to show while tiles load;
- ``manifest.json``: written last, so its presence means "complete". Keying the
  folder on the content hash makes re-uploading the same file free.

Face orientation follows Pannellum's renderer: every face is the picture a visitor
standing at the centre sees when looking at it with the head upright; for ``u`` and
``d`` the visitor first faces front and tilts the head up or down, so the top edge
of ``u`` borders ``b`` and the top edge of ``d`` borders ``f``.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import math
import struct
import warnings
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import IO

import numpy as np
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from PIL import Image, UnidentifiedImageError

FACES = ("f", "b", "u", "d", "l", "r")
TILE_PATH = "/%l/%s%y_%x"
FALLBACK_PATH = "/fallback/%s"
EXTENSION = "jpg"
MANIFEST_NAME = "manifest.json"
PREVIEW_NAME = "preview.jpg"
MANIFEST_VERSION = 1

DEFAULT_MAX_PIXELS = 100_000_000
ASPECT_TOLERANCE = 0.01
ACCEPTED_FORMATS = ("JPEG", "PNG", "TIFF", "WEBP")

# Samples computed at once. A strip's dozen temporaries then fit in the CPU cache:
# measured here, the numpy work per sample is four times cheaper than with strips of
# a million, and memory no longer grows with the face size.
_SAMPLES_PER_STRIP = 1 << 15

# A decoder raises any of these on a damaged file; Pillow is not consistent about which.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError)

Array = np.ndarray
Direction = Callable[[Array, Array], tuple[Array | float, Array | float, Array | float]]

# For each face: the viewing direction (x right, y up, z front) of the face pixel at
# (a, b), where a runs -1..1 from the left edge to the right edge and b runs 1..-1
# from the top edge to the bottom edge. See the module docstring for why u and d are
# oriented as they are.
_FACE_DIRECTIONS: dict[str, Direction] = {
    "f": lambda a, b: (a, b, 1.0),
    "r": lambda a, b: (1.0, b, -a),
    "b": lambda a, b: (-a, b, -1.0),
    "l": lambda a, b: (-1.0, b, a),
    "u": lambda a, b: (a, 1.0, -b),
    "d": lambda a, b: (a, -1.0, b),
}


class TilingError(ValueError):
    """A panorama we will not tile, with a message an editor can act on.

    It is a ``ValueError`` so form validation can show it as it is; the technical
    cause, if any, is kept as ``__cause__`` for the logs.
    """


@dataclass(frozen=True)
class TileSet:
    """What was written for one panorama, enough to emit a viewer configuration.

    ``base_name`` is a storage name, not a URL: the caller turns it into Pannellum's
    ``basePath`` with ``storage.url(base_name)``. ``multires`` holds the remaining
    fields of Pannellum's ``multiRes`` object as they are.
    """

    source_sha256: str
    base_name: str
    face_size: int
    levels: int
    tile_resolution: int
    fallback_size: int
    preview_name: str
    paths: list[str]
    multires: dict[str, str | int]
    reused: bool = field(default=False, compare=False)

    def to_manifest(self) -> bytes:
        """Serialise for ``manifest.json``; ``reused`` describes a call, not the set."""
        data = asdict(self)
        del data["reused"]
        return json.dumps({"version": MANIFEST_VERSION, **data}, indent=2).encode()

    @classmethod
    def from_manifest(cls, raw: bytes) -> TileSet | None:
        """Read a manifest back, or ``None`` if it is from another version or damaged."""
        try:
            data = json.loads(raw)
            if data.pop("version") != MANIFEST_VERSION:
                return None
            return cls(**data, reused=True)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None


@dataclass(frozen=True)
class CubeGeometry:
    """Sizes of the cube and of its pyramid, derived from the source width."""

    face_size: int
    levels: int
    tile_resolution: int

    def level_size(self, level: int) -> int:
        """Edge of a face at ``level`` (1 = smallest), halving from the top level."""
        return self.face_size >> (self.levels - level)


def cube_geometry(
    source_width: int, tile_resolution: int = 512, max_face_size: int = 8192
) -> CubeGeometry:
    """Choose the cube face size, the tile size and the number of pyramid levels.

    A face covers 90° of the 360° source, so ``width / π`` keeps the source's angular
    resolution at the face centre; the cap bounds the work for very large sources.
    Every level is cut into a power-of-two number of tiles across, all of one size:
    Photo Sphere Viewer's cubemap adapter and Marzipano can only place such levels,
    and Pannellum needs each level to be exactly half the next. So the tile count is
    fixed first (the smallest power of two that keeps tiles within
    ``tile_resolution``) and the tile size follows, rounded up to whole JPEG blocks of
    8 px: an 8192-px source gives 8 tiles of 328 px, not 6 of 512 with cropped halves.
    """
    if tile_resolution < 1:
        raise ValueError("tile_resolution must be positive")
    target = max(1.0, min(source_width / math.pi, max_face_size))
    tiles = 1 << max(0, math.ceil(math.log2(target / tile_resolution)))
    tile = min(tile_resolution, max_face_size // tiles, 8 * math.ceil(target / tiles / 8))
    return CubeGeometry(tiles * tile, tiles.bit_length(), tile)


class Equirectangular:
    """A decoded 2:1 panorama, packed for fast sampling of cube faces.

    Each pixel is held as one little-endian ``uint32`` (R, G, B, padding), so one
    gather fetches a whole pixel and bilinear blending can work on two channels per
    integer operation (see ``_lerp``).
    """

    def __init__(self, image: Image.Image) -> None:
        self.width, self.height = image.size
        packed = np.empty((self.height, self.width, 4), dtype=np.uint8)
        # Converting in bands of rows: converting the whole image at once would hold
        # two more full copies (Pillow's RGBX image and the bytes numpy reads it from).
        rows = max(1, _SAMPLES_PER_STRIP * 32 // self.width)
        for top in range(0, self.height, rows):
            band = image.crop((0, top, self.width, min(top + rows, self.height)))
            packed[top : top + rows] = np.asarray(band.convert("RGBX"))
        self._pixels = packed.view(np.uint32).reshape(-1)

    def face(self, face: str, size: int) -> Image.Image:
        """Render one cube face as a ``size`` × ``size`` RGB image."""
        direction = _FACE_DIRECTIONS[face]
        out = np.empty((size, size), dtype=np.uint32)
        centres = (np.arange(size, dtype=np.float32) + 0.5) * (2.0 / size) - 1.0
        a = centres[np.newaxis, :]
        rows = max(1, _SAMPLES_PER_STRIP // size)
        for top in range(0, size, rows):
            b = -centres[top : top + rows, np.newaxis]
            out[top : top + rows] = self._sample(*direction(a, b))
        image = Image.frombuffer("RGBX", (size, size), out, "raw", "RGBX", 0, 1)
        return image.convert("RGB")

    def _sample(self, x: Array | float, y: Array | float, z: Array | float) -> Array:
        """Bilinear samples of the panorama in the directions (x, y, z).

        The directions broadcast, so a side face only computes longitudes for one row:
        on those faces the longitude depends on the column alone.
        """
        width, height = self.width, self.height
        lon = np.arctan2(x, z, dtype=np.float32)
        lat = np.arctan2(y, np.hypot(x, z, dtype=np.float32), dtype=np.float32)
        # Pixel centres: longitude -180° is the left edge of column 0, latitude +90°
        # the top edge of row 0.
        u = lon * np.float32(width / (2 * math.pi)) + np.float32(width / 2 - 0.5)
        v = np.float32(height / 2 - 0.5) - lat * np.float32(height / math.pi)
        x0, x1, wx = _wrapped_columns(u, width)
        y0, y1, wy = _clamped_rows(v, height)
        row0, row1 = y0 * width, y1 * width
        pixels = self._pixels
        top = _lerp(pixels.take(row0 + x0), pixels.take(row0 + x1), wx)
        bottom = _lerp(pixels.take(row1 + x0), pixels.take(row1 + x1), wx)
        return _lerp(top, bottom, wy)


def _wrapped_columns(u: Array, width: int) -> tuple[Array, Array, Array]:
    """Neighbouring columns and blend weight, wrapping across the ±180° seam.

    Column -1 and column ``width`` are the same meridian as columns ``width - 1``
    and 0: a panorama has no left or right edge, so clamping would smear a seam.
    """
    floor = np.floor(u)
    weight = _weight(u - floor)
    x0 = floor.astype(np.intp) % width
    x1 = x0 + 1
    x1[x1 == width] = 0
    return x0, x1, weight


def _clamped_rows(v: Array, height: int) -> tuple[Array, Array, Array]:
    """Neighbouring rows and blend weight, clamped at the poles.

    The first and last rows each lie half a pixel from a pole, and every pixel of
    such a row is within a fraction of a pixel of every other one on the sphere, so
    repeating the row is indistinguishable from blending across the pole.
    """
    v = np.clip(v, 0, height - 1)
    floor = np.floor(v)
    y0 = floor.astype(np.intp)
    y1 = np.minimum(y0 + 1, height - 1)
    return y0, y1, _weight(v - floor)


def _weight(fraction: Array) -> Array:
    """Blend weight in 1/256ths, the precision ``_lerp`` works with."""
    return (fraction * 256 + 0.5).astype(np.uint32)


_LOW = np.uint32(0x00FF00FF)
_HIGH = np.uint32(0xFF00FF00)
_HALF = np.uint32(0x00800080)


def _lerp(p: Array, q: Array, weight: Array) -> Array:
    """Blend packed RGBX pixels: ``p * (1 - w) + q * w`` with ``w = weight / 256``.

    Red and blue (and, shifted down a byte, green and padding) sit in separate
    16-bit lanes of a uint32, where 255 × 256 still fits, so each multiplication
    blends two channels at once with correct rounding and no unpacking.
    """
    inverse = np.uint32(256) - weight
    red_blue = (p & _LOW) * inverse + (q & _LOW) * weight + _HALF
    green_pad = ((p >> 8) & _LOW) * inverse + ((q >> 8) & _LOW) * weight + _HALF
    blended: Array = ((red_blue >> 8) & _LOW) | (green_pad & _HIGH)
    return blended


def tile_panorama(
    source: bytes | IO[bytes],
    storage: Storage,
    prefix: str,
    *,
    tile_resolution: int = 512,
    jpeg_quality: int = 75,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_face_size: int = 8192,
    fallback_size: int = 1024,
    preview_width: int = 1024,
    workers: int = 2,
) -> TileSet:
    """Tile ``source`` into ``storage`` under ``prefix``/<sha256>/ and describe the result.

    If a complete tile set for the same bytes is already there, it is returned as it
    is (``reused=True``) without decoding anything. Raises ``TilingError`` for a file
    an editor has to replace: too many pixels, not 2:1, damaged or not an image.

    Memory peaks near 7 bytes per source pixel while decoding, then holds 4 per
    source pixel plus ``workers + 1`` faces of 4 bytes per pixel: faces are projected
    on ``workers`` threads (numpy releases the GIL) while this thread cuts, encodes
    and saves the previous one, so the storage is only ever used from this thread.
    """
    data = source if isinstance(source, bytes) else _read_all(source)
    digest = hashlib.sha256(data).hexdigest()
    base_name = f"{prefix.strip('/')}/{digest}"
    existing = _read_manifest(storage, base_name)
    if existing is not None:
        return existing

    image = _open_panorama(data, max_pixels)
    geometry = cube_geometry(image.width, tile_resolution, max_face_size)
    panorama = _decode(image)
    writer = _Writer(storage, base_name, jpeg_quality)
    writer.save_image(PREVIEW_NAME, _preview(panorama, preview_width))
    fallback_size = min(fallback_size, geometry.face_size)
    sampler = Equirectangular(panorama)
    del image, panorama  # the packed copy is all the faces need
    for face, full in _project_faces(sampler, geometry.face_size, workers):
        _write_face(writer, face, full, geometry, fallback_size)
    result = TileSet(
        source_sha256=digest,
        base_name=base_name,
        face_size=geometry.face_size,
        levels=geometry.levels,
        tile_resolution=geometry.tile_resolution,
        fallback_size=fallback_size,
        preview_name=f"{base_name}/{PREVIEW_NAME}",
        paths=[*writer.written, f"{base_name}/{MANIFEST_NAME}"],
        multires=_multires(geometry),
    )
    writer.save_bytes(MANIFEST_NAME, result.to_manifest())
    return result


def _project_faces(
    sampler: Equirectangular, size: int, workers: int
) -> Iterator[tuple[str, Image.Image]]:
    """The six faces in order, with at most ``workers`` being projected ahead."""
    faces = iter(FACES)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        pending = deque(
            (face, pool.submit(sampler.face, face, size))
            for face in itertools.islice(faces, max(1, workers))
        )
        while pending:
            face, future = pending.popleft()
            full = future.result()
            for following in itertools.islice(faces, 1):
                pending.append((following, pool.submit(sampler.face, following, size)))
            yield face, full


def _multires(geometry: CubeGeometry) -> dict[str, str | int]:
    """Pannellum's ``multiRes`` fields, all but ``basePath`` (a URL only the caller knows)."""
    return {
        "path": TILE_PATH,
        "fallbackPath": FALLBACK_PATH,
        "extension": EXTENSION,
        "tileResolution": geometry.tile_resolution,
        "maxLevel": geometry.levels,
        "cubeResolution": geometry.face_size,
    }


def _write_face(
    writer: _Writer, face: str, full: Image.Image, geometry: CubeGeometry, fallback_size: int
) -> None:
    """Write one face's tiles at every level, then its fallback image.

    The fallback is scaled from the smallest level that is still at least as large,
    which looks the same as scaling the full face and costs a fraction of it.
    """
    fallback_source = full
    for level, image in _levels(full, geometry):
        for name, tile in _tiles(face, level, image, geometry.tile_resolution):
            writer.save_image(name, tile)
        if image.width >= fallback_size:
            fallback_source = image
    fallback = fallback_source.resize((fallback_size, fallback_size), Image.Resampling.LANCZOS)
    writer.save_image(f"fallback/{face}.{EXTENSION}", fallback)


def _read_all(source: IO[bytes]) -> bytes:
    """The whole upload: we need it for the hash and Pillow needs it to decode."""
    if source.seekable():
        source.seek(0)
    return source.read()


def _read_manifest(storage: Storage, base_name: str) -> TileSet | None:
    """The finished tile set for this hash, if an earlier run completed one."""
    name = f"{base_name}/{MANIFEST_NAME}"
    if not storage.exists(name):
        return None
    with storage.open(name, "rb") as manifest:
        return TileSet.from_manifest(manifest.read())


def _open_panorama(data: bytes, max_pixels: int) -> Image.Image:
    """Open lazily and check size and shape from the header, before any decoding.

    Pillow itself warns past ``Image.MAX_IMAGE_PIXELS`` and refuses twice that; our
    own limit is the one that counts here, so the warning is silenced and the refusal
    is reported in the same words as ours.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except Image.DecompressionBombError as error:
        # Pillow refuses past twice its own limit, whatever ours is.
        pillow_limit = 2 * (Image.MAX_IMAGE_PIXELS or 0)
        raise TilingError(_too_large_message(None, min(max_pixels, pillow_limit))) from error
    except UnidentifiedImageError as error:
        raise TilingError(
            "This file is not a panorama we can read: upload a JPEG, PNG, TIFF or WebP image."
        ) from error
    except _DECODE_ERRORS as error:
        raise TilingError(_damaged_message()) from error
    width, height = image.size
    if width * height > max_pixels:
        raise TilingError(_too_large_message(image.size, max_pixels))
    if abs(width / height - 2) > 2 * ASPECT_TOLERANCE:
        raise TilingError(
            f"A 360° panorama must be twice as wide as it is high (2:1); this image is "
            f"{width} × {height} pixels ({width / height:.2f}:1). Upload the full, "
            "uncropped equirectangular panorama."
        )
    return image


def _decode(image: Image.Image) -> Image.Image:
    """Decode fully to RGB, turning a damaged or truncated file into a TilingError."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image.load()
            return image if image.mode == "RGB" else image.convert("RGB")
    except _DECODE_ERRORS as error:
        raise TilingError(_damaged_message()) from error


def _too_large_message(size: tuple[int, int] | None, max_pixels: int) -> str:
    limit = f"{max_pixels / 1e6:g} megapixels"
    if size is None:
        return f"This panorama is far larger than the limit of {limit}; upload a smaller version."
    width, height = size
    return (
        f"This panorama is {width} × {height} pixels ({width * height / 1e6:.0f} megapixels),"
        f" more than the limit of {limit}; upload a smaller version."
    )


def _damaged_message() -> str:
    return (
        "This panorama file is damaged or incomplete (perhaps the upload was cut off),"
        " so it cannot be turned into a tour. Export it again and upload the new file."
    )


def _preview(panorama: Image.Image, preview_width: int) -> Image.Image:
    """A small equirectangular copy for the viewer to show while tiles load."""
    width = min(preview_width, panorama.width)
    return panorama.resize((width, width // 2), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _levels(full: Image.Image, geometry: CubeGeometry) -> Iterator[tuple[int, Image.Image]]:
    """One face at every pyramid level, from the full face down to level 1.

    Each level is the one above averaged 2×2, the classic mipmap: the sizes halve
    exactly (``cube_geometry`` sees to that), the viewer blends the tiles with its
    own linear filter anyway, and it is an order of magnitude faster than Lanczos.
    """
    image = full
    for level in range(geometry.levels, 0, -1):
        if level < geometry.levels:
            image = image.reduce(2)
        assert image.width == geometry.level_size(level)
        yield level, image


def _tiles(
    face: str, level: int, image: Image.Image, tile: int
) -> Iterator[tuple[str, Image.Image]]:
    """Cut one level of a face into tiles named as Pannellum's ``/%l/%s%y_%x`` expects.

    ``%y`` is the row and ``%x`` the column; tiles on the right and bottom edges are
    cropped to what remains of the face rather than padded.
    """
    size = image.width
    for row, top in enumerate(range(0, size, tile)):
        for col, left in enumerate(range(0, size, tile)):
            box = (left, top, min(left + tile, size), min(top + tile, size))
            yield f"{level}/{face}{row}_{col}.{EXTENSION}", image.crop(box)


class _Writer:
    """Saves files under one base name without ever letting the storage rename them.

    Django storages pick a fresh name when one is taken; a tile with a random suffix
    would be invisible to the viewer, so a left-over file from an interrupted run is
    deleted first and the storage's answer is checked.
    """

    def __init__(self, storage: Storage, base_name: str, jpeg_quality: int) -> None:
        self.storage = storage
        self.base_name = base_name
        self.jpeg_quality = jpeg_quality
        self.written: list[str] = []

    def save_image(self, relative: str, image: Image.Image) -> None:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=self.jpeg_quality)
        self.save_bytes(relative, buffer.getvalue())

    def save_bytes(self, relative: str, content: bytes) -> None:
        name = f"{self.base_name}/{relative}"
        if self.storage.exists(name):
            self.storage.delete(name)
        saved = self.storage.save(name, ContentFile(content))
        if saved != name:
            raise RuntimeError(f"Storage saved {name!r} as {saved!r}; tiles must keep their names.")
        self.written.append(name)
