"""Turn an equirectangular 360° panorama into Pannellum's multiresolution cube tiles.

Pannellum's own generator (``utils/multires/generate.py``) hands the projection to
Hugin's ``nona`` and spends most of its time there. We do the projection ourselves
with numpy, read and write only through Django's storage API (the file system in
development, S3 in production: nothing is left on a local disk), and keep memory to a
fraction of the decoded source, so a museum's 16384 × 8192 panorama (134 megapixels)
tiles on a worker with a few hundred megabytes.

What is written under ``<prefix>/<sha256 of the source bytes>/<layout>/``:

- ``<level>/<face><row>_<col>.jpg``: the tile pyramid, levels numbered from 1 (one
  tile per face) up to ``maxLevel`` (full cube resolution), as Pannellum expects for
  ``"path": "/%l/%s%y_%x"``. Every tile of every level is ``tile_resolution`` pixels
  square and every level a power of two of tiles across (see ``cube_geometry``);
- ``fallback/<face>.jpg``: whole faces for viewers without WebGL (``fallbackPath``);
- ``preview.jpg``: a small equirectangular image to show while tiles load;
- ``manifest.json``: written last, so its presence means "complete".

The folder is keyed on the content hash (re-uploading the same file is free, a new
file never overwrites the tiles of the old one) and on the layout (tile size, JPEG
quality, manifest version): a file once written there never changes, so a CDN may
cache it for ever.

How memory stays bounded (at most 4 bytes per source pixel in all, where the decoded
RGB source alone would be 3): the source is never decoded whole. libvips decodes it
from top to bottom in strips of rows into a ring buffer that holds only the rows the
current piece of work needs, and the output is made in the same top-to-bottom order:

1. the up face (``u``), which needs the rows above 35.26° of latitude (30 % of them);
2. the four side faces together, one row of top-level tiles at a time: each such band
   needs only the latitudes it spans;
3. the down face (``d``), the rows below -35.26°.

Each face's pyramid is built strip by strip too (``_FacePyramid``): a strip of
top-level tiles is written, averaged 2 × 2 and handed to the level below, which
writes its tiles once it has a whole row of them. No whole face is ever held, except
the small level the fallback image is cut from.

Face orientation follows Pannellum's renderer: every face is the picture a visitor
standing at the centre sees when looking at it with the head upright; for ``u`` and
``d`` the visitor first faces front and tilts the head up or down, so the top edge
of ``u`` borders ``b`` and the top edge of ``d`` borders ``f``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import io
import json
import math
import shutil
import struct
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import IO

import numpy as np
import pyvips
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from PIL import Image, UnidentifiedImageError

FACES = ("f", "b", "u", "d", "l", "r")
SIDE_FACES = ("f", "r", "b", "l")
TILE_PATH = "/%l/%s%y_%x"
FALLBACK_PATH = "/fallback/%s"
EXTENSION = "jpg"
MANIFEST_NAME = "manifest.json"
PREVIEW_NAME = "preview.jpg"
MANIFEST_VERSION = 2

DEFAULT_MAX_PIXELS = 100_000_000
ASPECT_TOLERANCE = 0.01
ACCEPTED_FORMATS = ("JPEG", "PNG", "TIFF", "WEBP")

# Samples computed at once. A strip's dozen temporaries then fit in the CPU cache:
# measured here, the numpy work per sample is four times cheaper than with strips of
# a million, and memory no longer grows with the face size.
_SAMPLES_PER_STRIP = 1 << 15
# Source rows decoded per read, about: small enough that the decoder's buffers stay
# small, large enough that the per-call overhead of libvips does not show.
_ROWS_PER_READ = 32
# Rows kept beyond what the projection formulas say a piece of work needs: bilinear
# sampling reads the next row, and float32 rounding may move a sample by a fraction.
_ROW_MARGIN = 2
_HASH_CHUNK = 1 << 20
_SPOOL_IN_MEMORY = 8 << 20
# Latitude of a cube corner: the up and down faces reach no further towards the horizon.
_CORNER_LATITUDE = math.atan(1 / math.sqrt(2))

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
    """Choose the cube face size and the number of pyramid levels for whole tiles.

    Tiles are ``tile_resolution`` pixels at every level, as asked: fewer, larger
    requests per view, as with Pannellum's own generator. Photo Sphere Viewer's
    cubemap adapter and Marzipano can only place levels cut into a power-of-two
    number of equal tiles, and Pannellum needs each level to be exactly half the next,
    so the face is ``tile_resolution`` times a power of two: the one nearest (in
    ratio) to ``width / π``, the size that keeps the source's angular resolution at
    the face centre. An 8192-px source gets 2048-px faces (4 × 4 tiles of 512), a
    16384-px source 4096 (8 × 8): within √2 of the source's resolution either way,
    where the next size up would cost 4 times the tiles for detail the source does
    not have. A source too small for one whole tile gets a single smaller tile.
    """
    if tile_resolution < 1:
        raise ValueError("tile_resolution must be positive")
    target = max(1.0, min(source_width / math.pi, max_face_size))
    if target < tile_resolution or max_face_size < tile_resolution:
        single = min(tile_resolution, max_face_size, 8 * math.ceil(target / 8))
        return CubeGeometry(single, 1, single)
    doublings = max(0, round(math.log2(target / tile_resolution)))
    while doublings and tile_resolution << doublings > max_face_size:
        doublings -= 1
    return CubeGeometry(tile_resolution << doublings, doublings + 1, tile_resolution)


# --- sampling -----------------------------------------------------------------------


class _Rows:
    """Rows ``[first, loaded)`` of a panorama, as packed pixels in a ring buffer.

    Each pixel is one little-endian ``uint32`` (R, G, B, padding), so one gather
    fetches a whole pixel and bilinear blending works on two channels per integer
    operation (see ``_lerp``). Row ``y`` lives at ring row ``y % capacity``.
    """

    def __init__(self, width: int, height: int, capacity: int) -> None:
        self.width, self.height = width, height
        self.capacity = max(1, min(capacity, height))
        self.ring = np.empty((self.capacity, width), dtype=np.uint32)
        self.first = 0  # the oldest row the current work may read
        self.loaded = 0  # rows stored so far, from the top

    def keep_only(self, first: int, capacity: int) -> None:
        """Drop rows above ``first`` and move the rest to a ring of ``capacity`` rows.

        The up face needs 30 % of the rows at once, a band of side faces far fewer:
        a smaller ring frees the difference while the side faces hold their own state.
        """
        kept = [self.ring[row % self.capacity].copy() for row in range(first, self.loaded)]
        self.ring = np.empty((0, self.width), dtype=np.uint32)  # freed before the next
        self.capacity = max(1, min(capacity, self.height))
        self.ring = np.empty((self.capacity, self.width), dtype=np.uint32)
        self.first = first
        for row, pixels in enumerate(kept, start=first):
            self.ring[row % self.capacity] = pixels

    def store(self, top: int, rows: Array) -> None:
        """Store consecutive rows starting at ``top`` (the next row not yet stored)."""
        assert top == self.loaded
        count = len(rows)
        if self.loaded + count - self.first > self.capacity:
            raise RuntimeError("panorama rows overran the tiler's window")
        start = top % self.capacity
        head = min(count, self.capacity - start)
        self.ring[start : start + head] = rows[:head]
        self.ring[: count - head] = rows[head:]
        self.loaded += count

    def sample(self, x: Array | float, y: Array | float, z: Array | float) -> Array:
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
        if y0.min() < self.first or y1.max() >= self.loaded:
            raise RuntimeError("the tiler sampled rows outside its window")
        if self.capacity < height:
            y0 %= self.capacity
            y1 %= self.capacity
        row0, row1 = y0 * width, y1 * width
        pixels = self.ring.reshape(-1)
        top = _lerp(pixels.take(row0 + x0), pixels.take(row0 + x1), wx)
        bottom = _lerp(pixels.take(row1 + x0), pixels.take(row1 + x1), wx)
        return _lerp(top, bottom, wy)

    def project(self, face: str, size: int, top: int, bottom: int) -> Array:
        """Rows ``top..bottom`` of one ``size`` × ``size`` cube face, packed."""
        direction = _FACE_DIRECTIONS[face]
        out = np.empty((bottom - top, size), dtype=np.uint32)
        centres = (np.arange(size, dtype=np.float32) + 0.5) * (2.0 / size) - 1.0
        a = centres[np.newaxis, :]
        step = max(1, _SAMPLES_PER_STRIP // size)
        for row in range(top, bottom, step):
            b = -centres[row : min(row + step, bottom), np.newaxis]
            out[row - top : row - top + len(b)] = self.sample(*direction(a, b))
        return out

    def row_of(self, latitude: float) -> float:
        """Fractional source row of a latitude in radians (row centres at .0)."""
        return self.height / 2 - 0.5 - latitude * self.height / math.pi

    def rows_between(self, low: float, high: float) -> tuple[int, int]:
        """Source rows ``[first, end)`` that sampling latitudes ``low..high`` reads."""
        first = math.floor(self.row_of(high)) - _ROW_MARGIN
        end = math.floor(self.row_of(low)) + 2 + _ROW_MARGIN
        return max(0, first), min(self.height, end)


class Equirectangular:
    """A whole decoded panorama, for projecting single faces (tests, the nona oracle).

    The tiler itself never holds a whole panorama; this uses the same sampling code
    on a window that happens to hold every row.
    """

    def __init__(self, image: Image.Image) -> None:
        width, height = image.size
        self._rows = _Rows(width, height, height)
        band = max(1, _SAMPLES_PER_STRIP * 32 // width)
        for top in range(0, height, band):
            strip = image.crop((0, top, width, min(top + band, height))).convert("RGBX")
            self._rows.store(top, np.asarray(strip).view(np.uint32)[..., 0])

    def face(self, face: str, size: int) -> Image.Image:
        """Render one cube face as a ``size`` × ``size`` RGB image."""
        return _image(self._rows.project(face, size, 0, size)).convert("RGB")


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


def _image(packed: Array) -> Image.Image:
    """A Pillow view of packed rows (no copy): JPEG and ``reduce`` take RGBX as it is."""
    height, width = packed.shape
    return Image.frombuffer("RGBX", (width, height), packed, "raw", "RGBX", 0, 1)


def _side_latitudes(b_high: float, b_low: float) -> tuple[float, float]:
    """Lowest and highest latitude a side face sees between rows at ``b_high..b_low``.

    A side-face pixel (a, b) looks at latitude atan(b / √(1 + a²)): steepest at the
    centre column (a = 0), flattest at the edges (a = ±1).
    """
    high = math.atan(b_high) if b_high >= 0 else math.atan(b_high / math.sqrt(2))
    low = math.atan(b_low / math.sqrt(2)) if b_low >= 0 else math.atan(b_low)
    return low, high


# --- the tile pyramid ---------------------------------------------------------------


class _FacePyramid:
    """One face's tiles at every level, fed with strips of the top level from the top.

    A level writes its tiles once it holds a whole row of them (or the rest of the
    level), then hands that strip, averaged 2 × 2, to the level below: the classic
    mipmap, whose sizes halve exactly (``cube_geometry`` sees to that) and which the
    viewer blends with its own linear filter anyway. The level the fallback image is
    scaled from (the smallest at least ``fallback_size`` across) is also kept whole.
    """

    def __init__(
        self, writer: _Writer, face: str, geometry: CubeGeometry, fallback_size: int
    ) -> None:
        self.writer, self.face, self.geometry = writer, face, geometry
        self.fallback_size = fallback_size
        sizes = {level: geometry.level_size(level) for level in range(1, geometry.levels + 1)}
        self.fallback_level = min(
            (level for level, size in sizes.items() if size >= fallback_size),
            default=geometry.levels,
        )
        size = sizes[self.fallback_level]
        self.fallback = Image.new("RGBX", (size, size))
        self.pending: dict[int, list[Image.Image]] = {level: [] for level in sizes}
        self.done: dict[int, int] = dict.fromkeys(sizes, 0)  # rows written per level

    def add(self, strip: Image.Image, level: int | None = None) -> None:
        """Take the next rows of ``level`` (the top level unless given)."""
        level = level or self.geometry.levels
        size, tile = self.geometry.level_size(level), self.geometry.tile_resolution
        pending = self.pending[level]
        pending.append(strip)
        held = sum(part.height for part in pending)
        if held < tile and self.done[level] + held < size:
            return
        band = pending[0] if len(pending) == 1 else _stack(pending)
        pending.clear()
        top = self.done[level]
        self.done[level] += band.height
        row = top // tile
        for col, left in enumerate(range(0, size, tile)):
            box = (left, 0, min(left + tile, size), band.height)
            name = f"{level}/{self.face}{row}_{col}.{EXTENSION}"
            self.writer.save_image(name, band.crop(box))
        if level == self.fallback_level:
            self.fallback.paste(band, (0, top))
        if level > 1:
            self.add(band.reduce(2), level - 1)

    def finish(self) -> None:
        """Write the fallback face, once every level is complete."""
        assert all(self.done[level] == self.geometry.level_size(level) for level in self.done)
        fallback = self.fallback
        if fallback.width != self.fallback_size:
            size = (self.fallback_size, self.fallback_size)
            fallback = fallback.resize(size, Image.Resampling.LANCZOS)
        self.writer.save_image(f"fallback/{self.face}.{EXTENSION}", fallback)


def _stack(parts: list[Image.Image]) -> Image.Image:
    """Strips of equal width, one under the other."""
    stacked = Image.new(parts[0].mode, (parts[0].width, sum(part.height for part in parts)))
    top = 0
    for part in parts:
        stacked.paste(part, (0, top))
        top += part.height
    return stacked


class _Preview:
    """A small equirectangular copy, made from the rows as they stream past.

    Each read is box-averaged by a whole factor on the way (a band of rows at a
    time, so the full-size panorama is never needed) and the result scaled to the
    final width at the end.
    """

    def __init__(self, width: int, height: int, preview_width: int) -> None:
        self.final = (min(preview_width, width), max(1, min(preview_width, width) // 2))
        self.factor = max(1, width // self.final[0])
        self.image = Image.new(
            "RGBX", (math.ceil(width / self.factor), math.ceil(height / self.factor))
        )
        self.top = 0

    def add(self, rows: Array) -> None:
        reduced = _image(rows).reduce(self.factor)
        self.image.paste(reduced, (0, self.top))
        self.top += reduced.height

    def result(self) -> Image.Image:
        if self.image.size == self.final:
            return self.image
        return self.image.resize(self.final, Image.Resampling.LANCZOS)


# --- the whole job ------------------------------------------------------------------


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
) -> TileSet:
    """Tile ``source`` into ``storage`` under ``prefix``/<sha256>/<layout>/.

    ``source`` is the panorama's bytes or a binary file, typically one opened through
    a storage (``storage.open(name)``, ``image.open_file()``): it is read twice, once
    to hash it and once to decode it, a chunk at a time, so the encoded file is never
    held in memory either (a file that cannot seek is spooled to a temporary file).

    If a complete tile set for the same bytes and layout is already there, it is
    returned as it is (``reused=True``) without decoding anything. Raises
    ``TilingError`` for a file an editor has to replace: too many pixels, not 2:1,
    damaged or not an image; whatever was written before the damage showed is removed.
    """
    _return_freed_memory()
    with _seekable(source) as file:
        digest = _sha256(file)
        layout = f"{tile_resolution}px-q{jpeg_quality}-v{MANIFEST_VERSION}"
        base_name = f"{prefix.strip('/')}/{digest}/{layout}"
        existing = _read_manifest(storage, base_name)
        if existing is not None:
            return existing

        width, height = _check_header(file, max_pixels)
        geometry = cube_geometry(width, tile_resolution, max_face_size)
        fallback_size = min(fallback_size, geometry.face_size)
        writer = _Writer(storage, base_name, jpeg_quality)
        try:
            preview = _write_cube(
                file, (width, height), writer, geometry, fallback_size, preview_width
            )
            writer.save_image(PREVIEW_NAME, preview)
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
        except BaseException:
            writer.remove_written()
            raise
        return result


def _write_cube(
    file: IO[bytes],
    size: tuple[int, int],
    writer: _Writer,
    geometry: CubeGeometry,
    fallback_size: int,
    preview_width: int,
) -> Image.Image:
    """Decode the panorama top to bottom and write every face; return the preview."""
    width, height = size
    face, tile = geometry.face_size, geometry.tile_resolution
    rows = _Rows(width, height, 0)
    cap_end = rows.rows_between(_CORNER_LATITUDE, math.pi / 2)[1]
    floor_first = rows.rows_between(-math.pi / 2, -_CORNER_LATITUDE)[0]
    bands = []
    for top in range(0, face, tile):
        bottom = min(top + tile, face)
        low, high = _side_latitudes(1 - (top + 0.5) * 2 / face, 1 - (bottom - 0.5) * 2 / face)
        bands.append((top, bottom, *rows.rows_between(low, high)))
    preview = _Preview(width, height, preview_width)
    slack = 2 * max(_ROWS_PER_READ, preview.factor)
    band_rows = max(end - first for *_, first, end in bands)
    rows = _Rows(width, height, cap_end + slack)
    stream = _Decoder(file, rows, preview)

    def whole_face(name: str, first: int, end: int) -> None:
        rows.first = first
        stream.read_until(end)
        pyramid = _FacePyramid(writer, name, geometry, fallback_size)
        for top in range(0, face, tile):
            pyramid.add(_image(rows.project(name, face, top, min(top + tile, face))))
        pyramid.finish()

    whole_face("u", 0, cap_end)
    rows.keep_only(bands[0][2], band_rows + slack)
    sides = {name: _FacePyramid(writer, name, geometry, fallback_size) for name in SIDE_FACES}
    for top, bottom, first, end in bands:
        rows.first = first
        stream.read_until(end)
        for name, pyramid in sides.items():
            pyramid.add(_image(rows.project(name, face, top, bottom)))
    for pyramid in sides.values():
        pyramid.finish()
    del sides
    rows.keep_only(floor_first, height - floor_first + slack)
    whole_face("d", floor_first, height)
    stream.read_until(height)  # the preview needs every row
    return stream.preview.result()


class _Decoder:
    """libvips decoding the panorama sequentially, a few rows per read, into ``_Rows``.

    Pillow can only decode a whole image, into 4 bytes per pixel: more than the
    tiler's whole budget for a large panorama. libvips reads from the same file
    object through a custom source and never holds more than a strip.
    """

    def __init__(self, file: IO[bytes], rows: _Rows, preview: _Preview) -> None:
        self.rows, self.preview = rows, preview
        # libvips' operation cache would keep this job's source and pipeline alive
        # after it ends (a worker tiles many panoramas): nothing here is ever reused.
        pyvips.cache_set_max(0)
        file.seek(0)
        source = pyvips.SourceCustom()
        source.on_read(file.read)
        source.on_seek(file.seek)
        self._source = source  # libvips keeps calling it while we read
        try:
            image = pyvips.Image.new_from_source(
                source, "", access="sequential", fail_on="truncated"
            )
            if image.interpretation != "srgb" or image.format != "uchar":
                image = image.colourspace("srgb")
            if image.bands > 3:
                image = image.extract_band(0, n=3)
            image = image.bandjoin_const([255])
        except pyvips.Error as error:
            raise TilingError(_damaged_message()) from error
        if (image.width, image.height) != (rows.width, rows.height):
            raise TilingError(_damaged_message())
        self._region = pyvips.Region.new(image)
        self._image = image
        # Reads of a whole multiple of the preview's factor keep its boxes aligned.
        self.step = preview.factor * max(1, _ROWS_PER_READ // preview.factor)

    def read_until(self, end: int) -> None:
        rows = self.rows
        while rows.loaded < end:
            top = rows.loaded
            count = min(self.step, rows.height - top)
            try:
                data = self._region.fetch(0, top, rows.width, count)
            except pyvips.Error as error:
                raise TilingError(_damaged_message()) from error
            packed = np.frombuffer(data, dtype=np.uint32).reshape(count, rows.width)
            rows.store(top, packed)
            self.preview.add(packed)


_allocator_set = False


def _return_freed_memory() -> None:
    """Make glibc's allocator give large freed blocks back to the system at once.

    By default glibc raises its mmap threshold to the largest block freed so far, up
    to 32 MB: after the first strips are freed, every later strip, decoder buffer and
    tile comes from a heap that grows and fragments instead, and a 8192 × 4096 tiling
    peaked 50 MB higher for it. Fixed thresholds stop that: blocks of 512 kB and more
    are mapped and unmapped, the sampler's smaller temporaries are reused from the
    heap, which keeps up to 32 MB free before trimming (trimming sooner cost more
    system time than the projection). Process-wide and harmless elsewhere; a no-op
    where the C library is not glibc.
    """
    global _allocator_set
    if _allocator_set:
        return
    _allocator_set = True
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    mallopt(_M_MMAP_THRESHOLD, 512 << 10)
    mallopt(_M_TRIM_THRESHOLD, 32 << 20)


_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


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


class _seekable:
    """The source as a seekable binary file: as it is, or spooled, or wrapping bytes."""

    def __init__(self, source: bytes | IO[bytes]) -> None:
        self.source = source
        self.spool: IO[bytes] | None = None

    def __enter__(self) -> IO[bytes]:
        if isinstance(self.source, bytes | bytearray | memoryview):
            return io.BytesIO(self.source)
        if _can_seek(self.source):
            self.source.seek(0)
            return self.source
        self.spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)
        shutil.copyfileobj(self.source, self.spool, _HASH_CHUNK)
        self.spool.seek(0)
        return self.spool

    def __exit__(self, *exc: object) -> None:
        if self.spool is not None:
            self.spool.close()


def _can_seek(file: IO[bytes]) -> bool:
    try:
        return bool(file.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _sha256(file: IO[bytes]) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    while chunk := file.read(_HASH_CHUNK):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def _read_manifest(storage: Storage, base_name: str) -> TileSet | None:
    """The finished tile set for this hash and layout, if an earlier run completed one."""
    name = f"{base_name}/{MANIFEST_NAME}"
    if not storage.exists(name):
        return None
    with storage.open(name, "rb") as manifest:
        return TileSet.from_manifest(manifest.read())


def _check_header(file: IO[bytes], max_pixels: int) -> tuple[int, int]:
    """Check size and shape from the header, before any decoding.

    Pillow reads only the header here. It warns past ``Image.MAX_IMAGE_PIXELS`` and
    refuses twice that; our own limit is the one that counts, so the warning is
    silenced and the refusal is reported in the same words as ours.
    """
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(file, formats=ACCEPTED_FORMATS)
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
    return width, height


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


class _Writer:
    """Saves files under one base name without ever letting the storage rename them.

    Django storages pick a fresh name when one is taken; a tile with a random suffix
    would be invisible to the viewer. A name is only taken when an earlier run was
    interrupted (the folder is keyed on content and layout, and the manifest comes
    last): then the left-over file is replaced. Checking only on a clash saves a
    request per tile on object storage.
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
        saved = self.storage.save(name, ContentFile(content))
        if saved != name:
            self.storage.delete(saved)
            self.storage.delete(name)
            saved = self.storage.save(name, ContentFile(content))
        if saved != name:
            raise RuntimeError(f"Storage saved {name!r} as {saved!r}; tiles must keep their names.")
        self.written.append(name)

    def remove_written(self) -> None:
        """Undo a run that failed half-way: no half tile set stays behind."""
        for name in self.written:
            self.storage.delete(name)
        self.written.clear()
