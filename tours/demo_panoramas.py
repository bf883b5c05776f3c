"""360° photographs of the demo museum's rooms, drawn by code instead of taken.

The demo tour needs panoramas that look like museum rooms, so that a frontend developer
can judge the viewer, the tiles and where hotspots sit, but it must not ship or download
photographs. Each room is an axis-aligned box (floor, ceiling, four walls) with framed
pictures, wall cases, doorways and a name sign; every output pixel casts a ray from the
camera into the box (vectorised with numpy, no per-pixel Python) and takes the colour of
the surface it hits. Because the rooms are geometry, the yaw and pitch of every doorway
and exhibit follow from the same numbers that drew them, so the demo's hotspots sit
exactly on what they point at.

Conventions, the same as the tiler's (tours/tiler.py) and Pannellum's: x points east
(right), y up, z north (front). Yaw 0 looks north, yaw +90 east; pitch +90 is straight
up. Column 0 of a panorama is yaw -180, row 0 is pitch +90. All rooms share one ground
plan in metres, so yaw 0 is north in every scene (north offset 0) and the floor plan is
the same coordinates seen from above.

Everything is deterministic: the same room and width always give the same pixels.
"""

from __future__ import annotations

import io
import math
import os
import random
import zlib
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal

import numpy as np
from PIL import Image, ImageDraw, ImageFont

CREDIT = "Vitrine demo · CC0 1.0"  # one for all languages: who, and the licence
LICENCE = "CC0 1.0"

DEFAULT_WIDTH = 4096
EYE_HEIGHT = 1.6
TEXELS_PER_METRE = 160
PLAN_SIZE = (1200, 800)

# Rows rendered at once: a band's temporaries stay a few megabytes whatever the width.
_ROWS_PER_BAND = 64
_WORKERS = min(4, os.cpu_count() or 1)

Wall = Literal["north", "east", "south", "west"]
Floor = Literal["marble", "oak", "stone", "carpet"]
Ceiling = Literal["beams", "skylight", "panels"]
RGB = tuple[int, int, int]
Box = tuple[int, int, int, int]
Array = np.ndarray

GOLD: RGB = (196, 160, 82)
DARK_GOLD: RGB = (112, 82, 36)
FLESH: RGB = (226, 190, 160)


@dataclass(frozen=True)
class Direction:
    """Where to look from the camera, in degrees, as hotspots and viewers store it."""

    yaw: float
    pitch: float


@dataclass(frozen=True)
class Doorway:
    """An opening in a wall; `leads_to` is the key of the room behind it, "" for the street."""

    wall: Wall
    at: float  # centre along the wall: x on the north and south walls, z on east and west
    leads_to: str
    sign: str = ""
    width: float = 1.6
    height: float = 2.6


@dataclass(frozen=True)
class Exhibit:
    """Something hung on or set into a wall: a painting, a print, a wall case, a text.

    `key` is how the demo tour refers to it: an inventory number, or "story:<slug>" and
    "exhibition:<slug>" for the wall texts and banners that lead to pages.
    """

    key: str
    kind: str
    wall: Wall
    at: float
    centre_height: float
    width: float
    height: float
    caption: str = ""


@dataclass(frozen=True)
class Sign:
    wall: Wall
    at: float
    centre_height: float
    lines: tuple[str, ...]
    letter_height: float = 0.24


@dataclass(frozen=True)
class Room:
    """One room of the ground plan: a box from (west, 0, south) to (east, ceiling, north)."""

    key: str
    name: str
    west: float
    east: float
    south: float
    north: float
    ceiling: float
    camera: tuple[float, float]  # (x, z); the eye is EYE_HEIGHT above the floor
    wall_colour: RGB
    floor: Floor
    ceiling_kind: Ceiling
    sign: Sign
    doorways: tuple[Doorway, ...] = ()
    exhibits: tuple[Exhibit, ...] = ()

    def wall_length(self, wall: Wall) -> float:
        return self.east - self.west if wall in ("north", "south") else self.north - self.south

    def wall_point(self, wall: Wall, at: float, height: float) -> tuple[float, float, float]:
        """The point (x, y, z) on `wall`, `at` metres along the plan, `height` above the floor."""
        match wall:
            case "north":
                return at, height, self.north
            case "south":
                return at, height, self.south
            case "east":
                return self.east, height, at
            case "west":
                return self.west, height, at
        raise ValueError(wall)

    def across(self, wall: Wall, at: float) -> float:
        """Metres from the left end of `wall` as seen from inside the room (texture u)."""
        match wall:
            case "north":
                return at - self.west
            case "east":
                return self.north - at
            case "south":
                return self.east - at
            case "west":
                return at - self.south
        raise ValueError(wall)

    def direction_to(self, point: tuple[float, float, float]) -> Direction:
        x, y, z = point
        cx, cz = self.camera
        horizontal = math.hypot(x - cx, z - cz)
        return Direction(
            yaw=round(math.degrees(math.atan2(x - cx, z - cz)), 2),
            pitch=round(math.degrees(math.atan2(y - EYE_HEIGHT, horizontal)), 2),
        )

    def doorway_to(self, room_key: str) -> Doorway:
        return next(door for door in self.doorways if door.leads_to == room_key)

    def doorway_direction(self, room_key: str) -> Direction:
        """Where a "go there" hotspot belongs: the middle of the opening, below eye level."""
        door = self.doorway_to(room_key)
        return self.direction_to(self.wall_point(door.wall, door.at, door.height * 0.45))

    def exhibit(self, key: str) -> Exhibit:
        return next(exhibit for exhibit in self.exhibits if exhibit.key == key)

    def exhibit_direction(self, key: str) -> Direction:
        exhibit = self.exhibit(key)
        return self.direction_to(self.wall_point(exhibit.wall, exhibit.at, exhibit.centre_height))


def arrival_direction(origin: Room, destination: Room) -> Direction:
    """Where a visitor who walks from `origin` through the doorway into `destination` looks.

    Arriving facing the way one walked keeps the visitor oriented; arriving facing a wall
    (or back through the door) is the classic disorienting tour.
    """
    door = origin.doorway_to(destination.key)
    x, _height, z = origin.wall_point(door.wall, door.at, 0)
    cx, cz = destination.camera
    return Direction(yaw=round(math.degrees(math.atan2(cx - x, cz - z)), 2), pitch=0.0)


# --- the demo museum's ground floor -----------------------------------------------------
#
#   z=14 +-----------------------+----------------+
#        |  Vlaamse primitieven  | Prentenkabinet |
#    z=6 +----- door ------------+---- door ------+
#        |  Inkomhal           door   Zilverkamer |
#    z=0 +--- entrance ----------+----------------+
#        x=0                    x=12             x=20

HALL = Room(
    key="inkomhal",
    name="Inkomhal",
    west=0,
    east=12,
    south=0,
    north=6,
    ceiling=5.0,
    camera=(6.0, 2.6),
    wall_colour=(232, 226, 214),
    floor="marble",
    ceiling_kind="beams",
    sign=Sign("north", 8.6, 4.2, ("MUSEUM AAN DE LEIE", "Inkomhal"), letter_height=0.3),
    doorways=(
        Doorway("north", 3.4, "primitieven", sign="Vlaamse primitieven"),
        Doorway("east", 3.0, "zilverkamer", sign="Zilverkamer"),
        Doorway("south", 6.0, "", width=2.4, height=3.0),
    ),
    exhibits=(
        Exhibit(
            "exhibition:van-eyck-tot-rubens",
            "banner",
            "north",
            8.6,
            2.15,
            1.5,
            2.7,
            caption="Van Van Eyck\ntot Rubens\n\nMeesters\naan de Leie",
        ),
        Exhibit("MAL.1903.001", "tapestry", "west", 3.0, 2.6, 4.2, 2.8),
        Exhibit("MAL.1931.007", "winter", "south", 2.2, 1.9, 1.6, 1.1),
        Exhibit("MAL.1958.004", "landscape", "south", 9.8, 1.9, 1.6, 1.1),
    ),
)

PRIMITIVES = Room(
    key="primitieven",
    name="Vlaamse primitieven",
    west=0,
    east=12,
    south=6,
    north=14,
    ceiling=4.4,
    camera=(6.0, 9.6),
    wall_colour=(122, 38, 44),
    floor="oak",
    ceiling_kind="skylight",
    sign=Sign("north", 6.0, 3.5, ("VLAAMSE PRIMITIEVEN",)),
    doorways=(
        Doorway("south", 3.4, "inkomhal", sign="Inkomhal"),
        Doorway("east", 10.5, "prentenkabinet", sign="Prentenkabinet"),
    ),
    exhibits=(
        Exhibit("MAL.1952.002", "triptych", "north", 6.0, 1.75, 2.6, 1.5),
        Exhibit("MAL.1904.001", "religious", "north", 2.3, 1.7, 0.7, 1.05),
        Exhibit(
            "story:restauratie-madonna",
            "text-panel",
            "north",
            3.4,
            1.45,
            0.5,
            0.36,
            caption="Een Madonna\nonder de loep",
        ),
        Exhibit("MAL.1940.005", "annunciation", "north", 9.7, 1.7, 1.0, 1.15),
        Exhibit("MAL.1911.004", "portrait-red", "west", 8.2, 1.65, 0.8, 1.0),
        Exhibit("MAL.1923.010", "portrait", "west", 11.6, 1.65, 0.8, 1.0),
        Exhibit("MAL.1972.006", "portrait", "south", 8.4, 1.65, 0.8, 1.0),
    ),
)

SILVER = Room(
    key="zilverkamer",
    name="Zilverkamer",
    west=12,
    east=20,
    south=0,
    north=6,
    ceiling=3.6,
    camera=(16.0, 3.0),
    wall_colour=(36, 50, 82),
    floor="stone",
    ceiling_kind="panels",
    sign=Sign("east", 3.0, 2.95, ("ZILVERKAMER",)),
    doorways=(
        Doorway("west", 3.0, "inkomhal", sign="Inkomhal"),
        Doorway("north", 17.4, "prentenkabinet", sign="Prentenkabinet"),
    ),
    exhibits=(
        Exhibit("MAL.1909.022", "guild-chain", "east", 3.0, 1.55, 1.4, 1.3),
        Exhibit("MAL.1921.040", "silver-cup", "south", 17.6, 1.45, 1.0, 1.0),
        Exhibit("MAL.1921.041", "gilt-cup", "south", 14.4, 1.45, 1.0, 1.0),
        Exhibit("MAL.1930.009", "chalice", "north", 14.3, 1.45, 1.0, 1.0),
        Exhibit(
            "story:zilver-voor-de-gilden",
            "text-panel",
            "east",
            1.0,
            1.45,
            0.6,
            0.42,
            caption="Zilver voor\nde gilden",
        ),
    ),
)

PRINTS = Room(
    key="prentenkabinet",
    name="Prentenkabinet",
    west=12,
    east=20,
    south=6,
    north=14,
    ceiling=3.4,
    camera=(16.0, 10.0),
    wall_colour=(92, 108, 98),
    floor="carpet",
    ceiling_kind="panels",
    sign=Sign("north", 16.0, 2.75, ("PRENTENKABINET",)),
    doorways=(
        Doorway("west", 10.5, "primitieven", sign="Vlaamse primitieven"),
        Doorway("south", 17.4, "zilverkamer", sign="Zilverkamer"),
    ),
    exhibits=(
        Exhibit("MAL.1961.030", "print-portrait", "north", 13.9, 1.6, 0.62, 0.78),
        Exhibit("MAL.1961.031", "print-fish", "north", 16.0, 1.6, 0.9, 0.7),
        Exhibit("MAL.1948.012", "drawing-hands", "north", 18.1, 1.6, 0.62, 0.78),
        Exhibit("MAL.1955.021", "drawing-landscape", "east", 11.0, 1.6, 0.9, 0.7),
        Exhibit(
            "story:durer-in-gent",
            "text-panel",
            "east",
            8.4,
            1.45,
            0.55,
            0.4,
            caption="Dürer in Gent,\n1521",
        ),
    ),
)

ROOMS: tuple[Room, ...] = (HALL, PRIMITIVES, SILVER, PRINTS)


# --- ray casting --------------------------------------------------------------------------


def render_panorama(room: Room, width: int = DEFAULT_WIDTH) -> Image.Image:
    """The equirectangular view from the room's camera, `width` x `width / 2` pixels."""
    if width < 16 or width % 4:
        # A multiple of 4 keeps every pixel centre off the directions where a ray
        # component is zero (see _shade_band).
        raise ValueError("The width must be a multiple of 4, at least 16 pixels.")
    height = width // 2
    walls = {wall: _WallTexture(room, wall) for wall in ("north", "east", "south", "west")}
    out = np.empty((height, width, 3), dtype=np.uint8)
    lon = (np.arange(width, dtype=np.float32) + 0.5) * np.float32(2 * math.pi / width) - np.float32(
        math.pi
    )
    lat = np.float32(math.pi / 2) - (np.arange(height, dtype=np.float32) + 0.5) * np.float32(
        math.pi / height
    )
    sin_lon, cos_lon = np.sin(lon)[np.newaxis, :], np.cos(lon)[np.newaxis, :]

    def render_band(top: int) -> None:
        band = lat[top : top + _ROWS_PER_BAND, np.newaxis]
        cos_lat = np.cos(band)
        dx = cos_lat * sin_lon
        dz = cos_lat * cos_lon
        dy = np.broadcast_to(np.sin(band), dx.shape)
        out[top : top + _ROWS_PER_BAND] = _shade_band(room, walls, dx, dy, dz)

    # numpy releases the GIL in its loops, so bands render in parallel on threads.
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        list(pool.map(render_band, range(0, height, _ROWS_PER_BAND)))
    return Image.fromarray(out, "RGB")


def panorama_jpeg(room: Room, width: int = DEFAULT_WIDTH, quality: int = 88) -> bytes:
    buffer = io.BytesIO()
    render_panorama(room, width).save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def _shade_band(
    room: Room, walls: dict[Wall, _WallTexture], dx: Array, dy: Array, dz: Array
) -> Array:
    """Colour of the first surface each ray (dx, dy, dz) from the camera hits.

    No component is ever zero: rays go through pixel centres, and with a width that is a
    multiple of 4 no centre lies on the horizon or on the meridians of yaw 0, ±90 or 180.
    """
    f32 = np.float32
    cx, cy, cz = f32(room.camera[0]), f32(EYE_HEIGHT), f32(room.camera[1])
    tx = (np.where(dx > 0, f32(room.east), f32(room.west)) - cx) / dx
    ty = (np.where(dy > 0, f32(room.ceiling), f32(0)) - cy) / dy
    tz = (np.where(dz > 0, f32(room.north), f32(room.south)) - cz) / dz
    t = np.minimum(np.minimum(tx, ty), tz)
    hits_x, hits_y = tx == t, (ty == t) & (tx != t)
    hits_z = ~(hits_x | hits_y)
    x, y, z = cx + t * dx, cy + t * dy, cz + t * dz
    colour = np.empty((t.size, 3), dtype=np.uint8)
    faces: tuple[tuple[Array, str, Callable[[Array, Array, Array, Array], Array]], ...] = (
        (hits_x & (dx > 0), "zy", walls["east"].shade),
        (hits_x & (dx < 0), "zy", walls["west"].shade),
        (hits_z & (dz > 0), "xy", walls["north"].shade),
        (hits_z & (dz < 0), "xy", walls["south"].shade),
        (hits_y & (dy > 0), "xz", lambda x, y, z, t: _ceiling(room, x, z)),
        (hits_y & (dy < 0), "xz", lambda x, y, z, t: _floor(room, x, z, t)),
    )
    for mask, axes, shade in faces:
        index = np.flatnonzero(mask)
        if not index.size:
            continue
        hit = {"x": x.take(index), "y": y.take(index), "z": z.take(index)}
        light = _occlusion(room, axes, hit)
        values = shade(hit["x"], hit["y"], hit["z"], t.take(index)) * light[:, np.newaxis]
        colour[index] = np.clip(values, 0, 255, out=values)
    return colour.reshape(*t.shape, 3)


def _occlusion(room: Room, axes: str, hit: dict[str, Array]) -> Array:
    """Darker towards the face's edges and near the floor: cheap ambient occlusion.

    A flat-lit box reads as a diagram; shading the corners is what makes it read as a room.
    `axes` names the two coordinates that vary on the face that was hit.
    """
    bounds = {
        "x": (room.west, room.east),
        "y": (0.0, room.ceiling),
        "z": (room.south, room.north),
    }
    edge: Array | None = None
    for axis in axes:
        low, high = bounds[axis]
        nearest = np.minimum(hit[axis] - low, high - hit[axis])
        edge = nearest if edge is None else np.minimum(edge, nearest)
    assert edge is not None
    corner = 1.0 - 0.38 * np.exp(edge * np.float32(-1 / 0.45))
    height = 0.86 + 0.14 * np.clip(hit["y"] * np.float32(1 / room.ceiling), 0, 1)
    return corner * height


def _hash(i: Array, j: Array) -> Array:
    """A repeatable pseudo-random number in [0, 1) per integer cell (i, j)."""
    h = i.astype(np.int64) * 374761393 + j.astype(np.int64) * 668265263
    h = (h ^ (h >> 13)) * 1274126177
    h = h ^ (h >> 16)
    return ((h & 0xFFFF) / np.float32(65536)).astype(np.float32)


def _rgb(colour: RGB) -> Array:
    return np.asarray(colour, dtype=np.float32)


def _floor(room: Room, x: Array, z: Array, t: Array) -> Array:
    # Seams finer than a pixel far away would shimmer; fade them with distance.
    seam_weight = np.clip(np.float32(4.0) / (t + np.float32(1.0)), 0.15, 1.0)
    match room.floor:
        case "marble":
            size = np.float32(0.62 * math.sqrt(2))
            a, b = (x + z) / size, (x - z) / size
            dark = ((np.floor(a) + np.floor(b)) % 2).astype(bool)
            vein = np.sin(3.7 * x + 2.4 * np.sin(1.9 * z + 0.7 * x) + 1.1 * z) ** 2
            vein = (vein * vein) ** 3  # |sin|^12: thin veins; repeated squaring is cheap
            light_stone = _rgb((226, 222, 212)) - vein[:, None] * _rgb((46, 44, 40))
            dark_stone = _rgb((46, 46, 52)) + vein[:, None] * _rgb((40, 40, 40))
            colour = np.where(dark[:, None], dark_stone, light_stone)
            grout = np.minimum(
                np.minimum(a - np.floor(a), np.ceil(a) - a),
                np.minimum(b - np.floor(b), np.ceil(b) - b),
            )
            line = (grout < 0.012) * seam_weight
            return colour * (1 - 0.35 * line[:, None]) + 0.35 * line[:, None] * 150
        case "oak":
            board = np.float32(0.19)
            row = np.floor(x / board)
            offset = _hash(row, np.zeros_like(row)) * 2.3
            length = np.float32(2.3)
            along = (z + offset) / length
            piece = np.floor(along)
            tone = 0.82 + 0.3 * _hash(row, piece)
            grain = 1 + 0.05 * np.sin(z * 31 + 9 * _hash(piece, row) + 3 * np.sin(z * 3 + row))
            across = x / board - row
            seam = ((across < 0.05) | (along - piece < 0.006)) * seam_weight
            shade = tone * grain * (1 - 0.45 * seam)
            return _rgb((150, 104, 62)) * shade[:, None]
        case "stone":
            size = np.float32(0.8)
            i, j = np.floor(x / size), np.floor(z / size)
            tone = 0.85 + 0.22 * _hash(i, j)
            u, v = x / size - i, z / size - j
            seam = ((np.minimum(u, 1 - u) < 0.012) | (np.minimum(v, 1 - v) < 0.012)) * seam_weight
            return _rgb((118, 116, 110)) * (tone * (1 - 0.4 * seam))[:, None]
        case "carpet":
            fibre = 0.94 + 0.1 * _hash(np.floor(x * 90), np.floor(z * 90))
            return _rgb((64, 66, 74)) * fibre[:, None]
    raise ValueError(room.floor)


def _ceiling(room: Room, x: Array, z: Array) -> Array:
    plaster = _rgb((228, 226, 220))
    match room.ceiling_kind:
        case "beams":
            spacing = np.float32(1.5)
            u = (x - room.west) / spacing + np.float32(0.5)
            beam = np.abs(u - np.round(u)) < 0.11
            return np.where(beam[:, None], _rgb((92, 66, 44)), plaster)
        case "skylight":
            inside = (
                (x > room.west + 2.2)
                & (x < room.east - 2.2)
                & (z > room.south + 1.6)
                & (z < room.north - 1.6)
            )
            mullion = (np.abs((x - np.round(x)) * 2) < 0.05) | (np.abs(z - np.round(z)) < 0.025)
            glass = np.where(mullion[:, None], _rgb((120, 124, 130)), _rgb((250, 252, 255)))
            return np.where(inside[:, None], glass, plaster)
        case "panels":
            u = (x - room.west) / 2.0
            v = (z - room.south) / 2.0
            panel = (np.abs(u - np.floor(u) - 0.5) < 0.16) & (np.abs(v - np.floor(v) - 0.5) < 0.3)
            return np.where(panel[:, None], _rgb((255, 252, 242)), _rgb((210, 210, 206)))
    raise ValueError(room.ceiling_kind)


class _WallTexture:
    """One wall drawn flat with Pillow (doorways, exhibits, sign), then sampled by the rays.

    Text and frames are far easier to draw in two dimensions than to compute per ray, and
    sampling a picture costs four gathers per pixel.
    """

    def __init__(self, room: Room, wall: Wall) -> None:
        self.room, self.wall = room, wall
        length, height = room.wall_length(wall), room.ceiling
        size = (round(length * TEXELS_PER_METRE), round(height * TEXELS_PER_METRE))
        image = Image.new("RGB", size, room.wall_colour)
        draw = ImageDraw.Draw(image)
        skirting = _mix(room.wall_colour, (0, 0, 0), 0.45)
        draw.rectangle((0, size[1] - _texels(0.12), size[0], size[1]), fill=skirting)
        for door in room.doorways:
            if door.wall == wall:
                self._doorway(image, draw, door)
        for exhibit in room.exhibits:
            if exhibit.wall == wall:
                box = self._box(exhibit.at, exhibit.centre_height, exhibit.width, exhibit.height)
                _draw_exhibit(image, box, exhibit, room.wall_colour)
        if room.sign.wall == wall:
            self._sign(draw, room.sign)
        self.pixels = np.asarray(image.convert("RGBX"), dtype=np.uint8)
        self.packed = self.pixels.view(np.uint32).reshape(-1)

    def _box(self, at: float, centre_height: float, width: float, height: float) -> Box:
        u = self.room.across(self.wall, at)
        top = self.room.ceiling - centre_height - height / 2
        return (
            _texels(u - width / 2),
            _texels(top),
            _texels(u + width / 2),
            _texels(top + height),
        )

    def _doorway(self, image: Image.Image, draw: ImageDraw.ImageDraw, door: Doorway) -> None:
        left, top, right, bottom = self._box(door.at, door.height / 2, door.width, door.height)
        casing = _texels(0.09)
        draw.rectangle(
            (left - casing, top - casing, right + casing, bottom),
            fill=_mix(self.room.wall_colour, (255, 255, 255), 0.35),
        )
        draw.rectangle(
            (left - casing, top - casing, right + casing, bottom),
            outline=_mix(self.room.wall_colour, (0, 0, 0), 0.5),
            width=2,
        )
        if door.leads_to:
            # The room beyond is in shadow: dark, with a hint of floor at the threshold.
            _gradient(image, (left, top, right, bottom), (14, 14, 18), (44, 40, 36))
        else:
            _gradient(image, (left, top, right, bottom), (206, 222, 236), (170, 180, 184))
            middle = (left + right) // 2
            draw.rectangle((middle - 3, top, middle + 3, bottom), fill=(70, 74, 80))
            draw.rectangle(
                (left, top + (bottom - top) // 3, right, top + (bottom - top) // 3 + 5),
                fill=(70, 74, 80),
            )
        if door.sign:
            font = _font(_texels(0.16))
            colour = _ink_for(self.room.wall_colour)
            draw.text(
                ((left + right) / 2, top - casing - _texels(0.22)),
                door.sign,
                fill=colour,
                font=font,
                anchor="mm",
            )

    def _sign(self, draw: ImageDraw.ImageDraw, sign: Sign) -> None:
        u = _texels(self.room.across(self.wall, sign.at))
        line_height = _texels(sign.letter_height * 1.5)
        top = (
            _texels(self.room.ceiling - sign.centre_height)
            - line_height * (len(sign.lines) - 1) // 2
        )
        colour = _ink_for(self.room.wall_colour)
        for number, line in enumerate(sign.lines):
            size = sign.letter_height if number == 0 else sign.letter_height * 0.7
            draw.text(
                (u, top + number * line_height),
                line,
                fill=colour,
                font=_font(_texels(size * 1.35)),
                anchor="mm",
            )

    def shade(self, x: Array, y: Array, z: Array, t: Array) -> Array:
        """Bilinear samples of the wall texture at the hit points."""
        match self.wall:
            case "north":
                u = x - np.float32(self.room.west)
            case "east":
                u = np.float32(self.room.north) - z
            case "south":
                u = np.float32(self.room.east) - x
            case _:
                u = z - np.float32(self.room.south)
        rows, columns = self.pixels.shape[:2]
        texels = np.float32(TEXELS_PER_METRE)
        fu = np.clip(u * texels - 0.5, 0, columns - 1.001)
        fv = np.clip((np.float32(self.room.ceiling) - y) * texels - 0.5, 0, rows - 1.001)
        u0, v0 = fu.astype(np.int32), fv.astype(np.int32)
        wu, wv = (fu - u0)[:, np.newaxis], (fv - v0)[:, np.newaxis]
        corner = v0 * columns + u0

        def texel(offset: int) -> Array:
            # One gather fetches a whole pixel packed in a uint32 (R, G, B, padding).
            return self.packed.take(corner + offset).view(np.uint8).reshape(-1, 4)[:, :3]

        top = texel(0) * (1 - wu) + texel(1) * wu
        bottom = texel(columns) * (1 - wu) + texel(columns + 1) * wu
        return top * (1 - wv) + bottom * wv


# --- drawing on walls -----------------------------------------------------------------


def _texels(metres: float) -> int:
    return round(metres * TEXELS_PER_METRE)


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _ink_for(background: RGB) -> RGB:
    """Lettering that reads on the wall: dark on light walls, cream on dark ones."""
    luminance = 0.2126 * background[0] + 0.7152 * background[1] + 0.0722 * background[2]
    return (44, 38, 34) if luminance > 140 else (238, 228, 204)


def _font(pixels: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled font: the same letters on every machine, no system fonts needed."""
    return ImageFont.load_default(size=max(8, pixels))


def _gradient(image: Image.Image, box: Box, top: RGB, bottom: RGB) -> None:
    left, upper, right, lower = box
    if right <= left or lower <= upper:
        return
    ramp = np.linspace(0, 1, lower - upper, dtype=np.float32)[:, None, None]
    band = (1 - ramp) * _rgb(top) + ramp * _rgb(bottom)
    block = np.broadcast_to(band, (lower - upper, right - left, 3)).astype(np.uint8)
    image.paste(Image.fromarray(np.ascontiguousarray(block), "RGB"), (left, upper))


def _rng(key: str) -> random.Random:
    return random.Random(zlib.crc32(key.encode("utf-8")))


class _Canvas:
    """Draws inside one box of a wall texture, in fractions of the box (0..1 across and down).

    Fractions keep each motif readable as a list of shapes and let the same motif fill a
    small print or a large triptych panel.
    """

    def __init__(self, image: Image.Image, box: Box, rng: random.Random) -> None:
        self.image, self.draw, self.box, self.rng = image, ImageDraw.Draw(image), box, rng

    @property
    def width(self) -> int:
        return self.box[2] - self.box[0]

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]

    def point(self, fx: float, fy: float) -> tuple[float, float]:
        return self.box[0] + self.width * fx, self.box[1] + self.height * fy

    def area(self, fx0: float, fy0: float, fx1: float, fy1: float) -> Box:
        (x0, y0), (x1, y1) = self.point(fx0, fy0), self.point(fx1, fy1)
        return round(x0), round(y0), round(x1), round(y1)

    def inner(self, fx0: float, fy0: float, fx1: float, fy1: float) -> _Canvas:
        return _Canvas(self.image, self.area(fx0, fy0, fx1, fy1), self.rng)

    def inset(self, texels: int) -> _Canvas:
        left, top, right, bottom = self.box
        return _Canvas(
            self.image, (left + texels, top + texels, right - texels, bottom - texels), self.rng
        )

    def fill(self, colour: RGB) -> None:
        self.draw.rectangle(self.box, fill=colour)

    def gradient(self, top: RGB, bottom: RGB, fy0: float = 0, fy1: float = 1) -> None:
        _gradient(self.image, self.area(0, fy0, 1, fy1), top, bottom)

    def rect(self, colour: RGB, *area: float) -> None:
        self.draw.rectangle(self.area(*area), fill=colour)

    def oval(self, colour: RGB | None, *area: float, outline: RGB | None = None) -> None:
        self.draw.ellipse(self.area(*area), fill=colour, outline=outline, width=self.stroke())

    def poly(self, colour: RGB | None, *points: float, outline: RGB | None = None) -> None:
        pairs = [self.point(points[i], points[i + 1]) for i in range(0, len(points), 2)]
        self.draw.polygon(pairs, fill=colour, outline=outline)

    def line(self, colour: RGB, *points: float, width: int | None = None) -> None:
        pairs = [self.point(points[i], points[i + 1]) for i in range(0, len(points), 2)]
        self.draw.line(pairs, fill=colour, width=width or self.stroke())

    def stroke(self) -> int:
        return max(1, min(self.width, self.height) // 60)

    def frame(self, border: int, light: RGB, dark: RGB) -> _Canvas:
        """A moulded frame: bands from dark to light and back. Returns the picture inside."""
        left, top, right, bottom = self.box
        for i in range(border):
            t = abs(i - border / 2) / (border / 2)
            self.draw.rectangle(
                (left + i, top + i, right - i, bottom - i), outline=_mix(light, dark, t)
            )
        return self.inset(border)

    def shadow(self, wall: RGB) -> None:
        left, top, right, bottom = self.box
        offset = _texels(0.025)
        self.draw.rectangle(
            (left + offset, top + offset, right + offset, bottom + offset),
            fill=_mix(wall, (0, 0, 0), 0.4),
        )

    def lines_of_text(self, text: str, colour: RGB, size: float, fy: float, step: float) -> float:
        """Centred lines from `fy` down, `step` apart (fractions); returns where they end."""
        font = _font(_texels(size))
        for line in text.split("\n"):
            if line:
                x, y = self.point(0.5, fy)
                self.draw.text((x, y), line, fill=colour, font=font, anchor="mm")
            fy += step
        return fy


def _draw_exhibit(image: Image.Image, box: Box, exhibit: Exhibit, wall: RGB) -> None:
    canvas = _Canvas(image, box, _rng(exhibit.key))
    kind = exhibit.kind
    if kind in _PAINTINGS:
        canvas.shadow(wall)
        if kind == "triptych":
            _triptych(canvas)
        else:
            _PAINTINGS[kind](canvas.frame(_texels(0.07), (232, 200, 120), DARK_GOLD))
    elif kind in _PAPERS:
        canvas.shadow(wall)
        mat = canvas.frame(_texels(0.025), (60, 56, 52), (18, 16, 14))
        mat.fill((244, 240, 228))
        paper = mat.inset(_texels(0.09))
        paper.fill((230, 218, 190))
        _PAPERS[kind](paper)
    elif kind in _VESSELS:
        _wall_case(canvas, kind)
    elif kind == "tapestry":
        _tapestry(canvas)
    elif kind == "banner":
        canvas.fill((138, 26, 32))
        canvas.inset(8).draw.rectangle(canvas.inset(8).box, outline=(214, 180, 100), width=3)
        canvas.lines_of_text(exhibit.caption, (250, 240, 220), 0.15, 0.14, 0.085)
    elif kind == "text-panel":
        canvas.draw.rectangle(box, fill=(238, 234, 224), outline=(150, 146, 136), width=2)
        end = canvas.lines_of_text(exhibit.caption, (30, 28, 26), 0.045, 0.15, 0.15)
        while end < 0.9:
            canvas.line((150, 146, 140), 0.08, end, 0.92, end, width=2)
            end += 0.08
    else:
        raise ValueError(f"No drawing for exhibit kind {kind!r}")


def _portrait(c: _Canvas, hat: RGB = (30, 28, 30)) -> None:
    c.gradient((34, 40, 34), (18, 20, 18))
    x = 0.5 + c.rng.uniform(-0.05, 0.05)
    c.poly((24, 22, 26), 0.12, 1, x - 0.2, 0.55, x + 0.2, 0.55, 0.92, 1)
    c.oval(FLESH, x - 0.17, 0.24, x + 0.17, 0.6)
    c.oval(hat, x - 0.24, 0.12, x + 0.22, 0.33)
    c.oval(FLESH, x - 0.14, 0.84, x + 0.14, 0.95)


def _religious(c: _Canvas) -> None:
    """A Madonna in a church: columns, windows, a blue cloak, a gold halo."""
    c.gradient((92, 96, 104), (60, 58, 60))
    for x in (0.2, 0.5, 0.8):
        c.rect((120, 122, 128), x - 0.03, 0.08, x + 0.03, 1)
        c.draw.chord(c.area(x - 0.13, 0.02, x + 0.13, 0.3), 180, 360, fill=(170, 190, 210))
    c.poly((32, 52, 122), 0.5, 0.3, 0.18, 0.96, 0.82, 0.96)
    c.oval(None, 0.3, 0.12, 0.7, 0.36, outline=GOLD)
    c.oval(FLESH, 0.4, 0.17, 0.6, 0.32)
    c.oval(FLESH, 0.52, 0.42, 0.68, 0.54)


def _annunciation(c: _Canvas) -> None:
    """The angel and Mary on a chequered floor, a lily between them."""
    c.gradient((196, 164, 92), (150, 118, 60))
    for i in range(8):
        for j in range(3):
            colour = (60, 50, 44) if (i + j) % 2 else (220, 214, 200)
            c.rect(colour, i / 8, 0.76 + 0.08 * j, (i + 1) / 8, 0.84 + 0.08 * j)
    c.poly((236, 232, 224), 0.28, 0.32, 0.08, 0.8, 0.44, 0.8)
    c.poly((170, 40, 40), 0.05, 0.3, 0.22, 0.38, 0.1, 0.6)
    c.oval(FLESH, 0.21, 0.2, 0.35, 0.33)
    c.poly((32, 52, 122), 0.74, 0.32, 0.56, 0.8, 0.92, 0.8)
    c.oval(FLESH, 0.67, 0.2, 0.81, 0.33)
    c.line((60, 110, 60), 0.5, 0.8, 0.5, 0.45)
    for k in range(3):
        c.oval((248, 246, 240), 0.47, 0.45 + 0.06 * k, 0.53, 0.5 + 0.06 * k)


def _landscape(c: _Canvas, winter: bool = False) -> None:
    sky = ((176, 184, 186), (222, 214, 190)) if winter else ((92, 136, 186), (214, 222, 226))
    c.gradient(*sky, fy1=0.55)
    c.rect((226, 228, 230) if winter else (84, 112, 60), 0, 0.55, 1, 1)
    hills = [0.0, 0.55]
    for i in range(9):
        hills += [i / 8, 0.4 + c.rng.uniform(0, 0.12)]
    c.poly((150, 160, 170) if winter else (96, 126, 110), *hills, 1.0, 0.55)
    if not winter:
        c.rect((120, 150, 170), 0, 0.7, 1, 0.78)
        for i in range(4):
            x = 0.12 + 0.25 * i + c.rng.uniform(-0.05, 0.05)
            c.poly((110, 70, 50), x - 0.04, 0.55, x, 0.36, x + 0.04, 0.55)
            c.rect((150, 140, 120), x - 0.015, 0.42, x + 0.015, 0.55)
        return
    c.rect((196, 210, 220), 0, 0.7, 1, 0.86)
    for _ in range(18):
        x, y = c.rng.uniform(0.05, 0.95), c.rng.uniform(0.7, 0.9)
        c.line((30, 28, 30), x, y, x, y - 0.05)
    for x in (0.08, 0.9):
        c.line((40, 34, 30), x, 1, x, 0.2, width=max(2, c.width // 60))
        for k in range(5):
            y = 0.25 + 0.07 * k
            c.line((40, 34, 30), x, y, x + c.rng.uniform(-0.08, 0.08), y - 0.08, width=1)


def _triptych(c: _Canvas) -> None:
    """The Adoration of the Magi between two wings with kneeling donors."""
    centre = c.inner(0.26, 0, 0.74, 1).frame(_texels(0.06), (232, 200, 120), DARK_GOLD)
    _religious(centre)
    for x, robe in ((0.06, (150, 34, 34)), (0.2, (40, 100, 60)), (0.8, (190, 150, 60))):
        centre.poly(robe, x + 0.07, 0.62, x, 0.96, x + 0.14, 0.96)
        centre.oval(FLESH, x + 0.035, 0.55, x + 0.105, 0.64)
    for left in (0, 0.76):
        wing = c.inner(left, 0.03, left + 0.24, 0.97).frame(
            _texels(0.05), (232, 200, 120), DARK_GOLD
        )
        _portrait(wing, hat=(36, 30, 28))


def _print_portrait(c: _Canvas) -> None:
    ink = (30, 26, 22)
    for i in range(30):
        c.line((90, 80, 70), 0.08, i / 30, 0.2, i / 30, width=1)
    c.oval(None, 0.33, 0.18, 0.77, 0.62, outline=ink)
    c.rect(ink, 0.25, 0.1, 0.83, 0.2)
    c.poly((80, 70, 60), 0.1, 1, 0.35, 0.6, 0.8, 0.6, 0.95, 1, outline=ink)


def _print_fish(c: _Canvas) -> None:
    ink = (30, 26, 22)
    c.line((60, 54, 46), 0, 0.35, 1, 0.35, width=1)
    c.oval(None, 0.2, 0.45, 0.85, 0.8, outline=ink)
    c.poly(None, 0.85, 0.62, 0.97, 0.48, 0.97, 0.78, outline=ink)
    for _ in range(12):
        x, y = c.rng.uniform(0.05, 0.85), c.rng.uniform(0.4, 0.92)
        c.oval(None, x, y, x + 0.07, y + 0.03, outline=ink)


def _drawing_hands(c: _Canvas) -> None:
    ink = (98, 70, 48)
    for x in (0.32, 0.68):
        c.oval(None, x - 0.14, 0.4, x + 0.14, 0.72, outline=ink)
        for finger in range(4):
            fx = x - 0.1 + finger * 0.065
            c.line(ink, fx, 0.42, fx + 0.02, 0.18)


def _drawing_landscape(c: _Canvas) -> None:
    for layer in range(4):
        y = 0.35 + 0.13 * layer
        ridge = [v for i in range(11) for v in (i / 10, y + c.rng.uniform(-0.06, 0.06))]
        c.line((70, 56, 40), *ridge, width=1 + layer // 2)
    c.line((120, 130, 140), 0.2, 0.9, 0.55, 0.62, 0.9, 0.58)


# Profiles of turned silver, as (half width, height) fractions from the foot up.
_PROFILES = {
    "silver-cup": ((0.16, 0), (0.1, 0.05), (0.03, 0.12), (0.03, 0.3), (0.22, 0.42), (0.26, 0.72)),
    "gilt-cup": (
        (0.14, 0),
        (0.04, 0.08),
        (0.04, 0.25),
        (0.18, 0.35),
        (0.2, 0.6),
        (0.14, 0.66),
        (0.04, 0.74),
        (0.02, 0.8),
    ),
    "chalice": (
        (0.17, 0),
        (0.05, 0.08),
        (0.03, 0.3),
        (0.07, 0.36),
        (0.03, 0.42),
        (0.16, 0.5),
        (0.2, 0.7),
    ),
}


def _wall_case(c: _Canvas, kind: str) -> None:
    """A lit niche behind glass with one piece of silver on a plinth."""
    c.fill((28, 24, 22))
    case = c.inset(_texels(0.04))
    case.gradient((58, 70, 110), (18, 24, 46))
    case.rect((200, 196, 186), 0.25, 0.88, 0.75, 1)
    metal = (226, 196, 110) if kind in ("gilt-cup", "chalice") else (214, 218, 224)
    if kind == "guild-chain":
        for i in range(17):
            angle = math.pi * (0.1 + 0.8 * i / 16)
            x, y = 0.5 + math.cos(angle) * 0.36, 0.15 + math.sin(angle) * 0.5
            case.oval(metal, x - 0.03, y - 0.03, x + 0.03, y + 0.03, outline=(90, 92, 96))
        case.poly(metal, 0.4, 0.66, 0.62, 0.62, 0.52, 0.8)
    else:
        profile = _PROFILES[kind]
        right = [v for dx, dy in profile for v in (0.5 + dx, 0.88 - dy)]
        left = [v for dx, dy in reversed(profile) for v in (0.5 - dx, 0.88 - dy)]
        case.poly(metal, *right, *left, outline=_mix(metal, (0, 0, 0), 0.5))
        case.line(_mix(metal, (255, 255, 255), 0.6), 0.44, 0.48, 0.42, 0.26)
    case.line((120, 130, 160), 0.7, 0, 1, 0.35)


def _tapestry(c: _Canvas) -> None:
    """A verdure: a woven border around a field of leaves, a deer half hidden."""
    c.fill((120, 44, 40))
    border = _texels(0.22)
    inner = c.inset(border // 3)
    c.draw.rectangle(inner.box, outline=(200, 170, 100), width=max(1, border // 8))
    field = c.inset(border)
    field.fill((58, 84, 56))
    for _ in range(field.width * field.height // 420):
        x, y = c.rng.uniform(0, 1), c.rng.uniform(0, 1)
        size = c.rng.uniform(4, 12) / field.width
        colour = c.rng.choice([(84, 120, 70), (110, 140, 80), (44, 66, 46), (150, 150, 90)])
        field.oval(colour, x, y, x + size, y + size * 0.6 * field.width / field.height)
    field.poly((150, 110, 70), 0.3, 0.7, 0.45, 0.58, 0.55, 0.65, 0.48, 0.8)


_PAINTINGS: dict[str, Callable[[_Canvas], None]] = {
    "portrait": _portrait,
    "portrait-red": lambda canvas: _portrait(canvas, hat=(156, 30, 30)),
    "religious": _religious,
    "annunciation": _annunciation,
    "landscape": _landscape,
    "winter": lambda canvas: _landscape(canvas, winter=True),
    "triptych": _triptych,
}
_PAPERS: dict[str, Callable[[_Canvas], None]] = {
    "print-portrait": _print_portrait,
    "print-fish": _print_fish,
    "drawing-hands": _drawing_hands,
    "drawing-landscape": _drawing_landscape,
}
_VESSELS = frozenset(_PROFILES) | {"guild-chain"}


# --- the floor plan -----------------------------------------------------------------------


@dataclass(frozen=True)
class PlanFrame:
    """How plan metres map to floor-plan pixels: north up, east right, one scale."""

    west: float
    north: float
    scale: float  # pixels per metre
    left: float
    top: float
    size: tuple[int, int]

    @classmethod
    def around(cls, rooms: Iterable[Room], size: tuple[int, int] = PLAN_SIZE) -> PlanFrame:
        rooms = tuple(rooms)
        west, east = min(r.west for r in rooms), max(r.east for r in rooms)
        south, north = min(r.south for r in rooms), max(r.north for r in rooms)
        margin, header = 60, 70
        scale = min(
            (size[0] - 2 * margin) / (east - west),
            (size[1] - 2 * margin - header) / (north - south),
        )
        left = (size[0] - scale * (east - west)) / 2
        top = header + (size[1] - header - scale * (north - south)) / 2
        return cls(west, north, scale, left, top, size)

    def pixel(self, x: float, z: float) -> tuple[float, float]:
        return self.left + (x - self.west) * self.scale, self.top + (self.north - z) * self.scale

    def position(self, room: Room) -> tuple[float, float]:
        """The room's camera as fractions of the plan's width and height (scene plan_x, plan_y)."""
        px, py = self.pixel(*room.camera)
        return round(px / self.size[0], 4), round(py / self.size[1], 4)


def draw_floor_plan(
    rooms: Iterable[Room] = ROOMS, title: str = "Museum aan de Leie · begane grond"
) -> Image.Image:
    """A top view of the rooms with their names, doorways and what hangs on the walls."""
    rooms = tuple(rooms)
    frame = PlanFrame.around(rooms)
    image = Image.new("RGB", frame.size, (248, 246, 240))
    draw = ImageDraw.Draw(image)
    draw.text((40, 40), title, fill=(40, 36, 32), font=_font(34), anchor="lm")
    wall_width = 8
    for room in rooms:
        x0, y0 = frame.pixel(room.west, room.north)
        x1, y1 = frame.pixel(room.east, room.south)
        draw.rectangle((x0, y0, x1, y1), fill=_mix(room.wall_colour, (255, 255, 255), 0.78))
    for room in rooms:
        x0, y0 = frame.pixel(room.west, room.north)
        x1, y1 = frame.pixel(room.east, room.south)
        draw.rectangle((x0, y0, x1, y1), outline=(52, 48, 44), width=wall_width)
    for room in rooms:
        fill = _mix(room.wall_colour, (255, 255, 255), 0.78)
        for door in room.doorways:
            a = _plan_point(frame, room, door.wall, door.at - door.width / 2)
            b = _plan_point(frame, room, door.wall, door.at + door.width / 2)
            half = wall_width
            draw.rectangle(
                (
                    min(a[0], b[0]) - half * (a[0] == b[0]),
                    min(a[1], b[1]) - half * (a[1] == b[1]),
                    max(a[0], b[0]) + half * (a[0] == b[0]),
                    max(a[1], b[1]) + half * (a[1] == b[1]),
                ),
                fill=fill if door.leads_to else (248, 246, 240),
            )
        for exhibit in room.exhibits:
            a = _plan_point(frame, room, exhibit.wall, exhibit.at - exhibit.width / 2, inset=0.3)
            b = _plan_point(frame, room, exhibit.wall, exhibit.at + exhibit.width / 2, inset=0.3)
            draw.line((a, b), fill=DARK_GOLD, width=7)
        cx, cy = frame.pixel((room.west + room.east) / 2, (room.south + room.north) / 2)
        draw.text((cx, cy), room.name, fill=(40, 36, 32), font=_font(28), anchor="mm")
    _north_arrow(draw, (frame.size[0] - 70, 50))
    _scale_bar(draw, frame, (frame.size[0] - 60 - 5 * frame.scale, frame.size[1] - 30))
    return image


def floor_plan_png(rooms: Iterable[Room] = ROOMS) -> bytes:
    buffer = io.BytesIO()
    draw_floor_plan(rooms).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _plan_point(
    frame: PlanFrame, room: Room, wall: Wall, at: float, inset: float = 0.0
) -> tuple[float, float]:
    x, _y, z = room.wall_point(wall, at, 0)
    match wall:
        case "north":
            z -= inset
        case "south":
            z += inset
        case "east":
            x -= inset
        case "west":
            x += inset
    return frame.pixel(x, z)


def _north_arrow(draw: ImageDraw.ImageDraw, centre: tuple[float, float]) -> None:
    x, y = centre
    draw.polygon([(x, y - 26), (x - 12, y + 12), (x, y + 4), (x + 12, y + 12)], fill=(52, 48, 44))
    draw.text((x, y + 30), "N", fill=(52, 48, 44), font=_font(22), anchor="mm")


def _scale_bar(draw: ImageDraw.ImageDraw, frame: PlanFrame, start: tuple[float, float]) -> None:
    x, y = start
    length = 5 * frame.scale
    draw.line((x, y, x + length, y), fill=(52, 48, 44), width=4)
    for tick in (x, x + length):
        draw.line((tick, y - 8, tick, y + 8), fill=(52, 48, 44), width=3)
    draw.text((x + length / 2, y - 16), "5 m", fill=(52, 48, 44), font=_font(18), anchor="mm")
