"""Pictures for the demo museum, drawn with Pillow.

The demo needs images that look like what they stand for (a framed panel, a silver cup,
a tapestry) so that a frontend developer can judge crops, renditions and alt texts, but
it must not ship or download photographs. Each motif is a small drawing routine; a seed
derived from the image's key makes every run produce the same bytes, so re-running the
loader or the tests never changes what an editor sees.

`render(motif, key)` returns JPEG bytes of WIDTH x HEIGHT pixels. `silent_mp3(seconds)`
returns a short silent MP3 for the audio block, built frame by frame because no encoder
is installed.
"""

from __future__ import annotations

import io
import math
import random
import zlib
from collections.abc import Callable, Sequence

from PIL import Image, ImageDraw, ImageFilter, ImageOps

from museum_site.demo.records import Text

WIDTH, HEIGHT = 1200, 900
# The image library's credit is one for all languages, so it names only who and under
# what licence; pages that show an image say it in their own language (CREDIT_SENTENCE).
CREDIT = "Vitrine demo · CC0 1.0"
LICENCE = "CC0 1.0"
CREDIT_SENTENCE = Text(
    "Beeld gemaakt voor de Vitrine-demo (CC0)",
    "Image made for the Vitrine demo (CC0)",
    "Image réalisée pour la démo Vitrine (CC0)",
)

RGB = tuple[int, int, int]
Box = tuple[int, int, int, int]
Profile = Sequence[tuple[float, float]]

GOLD: RGB = (196, 160, 82)
DARK_GOLD: RGB = (120, 90, 40)
SILVER: RGB = (200, 202, 206)
DEEP_SILVER: RGB = (70, 74, 82)
DELFT_BLUE: RGB = (38, 66, 140)
FLESH: RGB = (226, 188, 160)


# --- small drawing tools ------------------------------------------------------------


def _rng(key: str) -> random.Random:
    """A generator seeded from the key, identical on every machine and every run."""
    return random.Random(zlib.crc32(key.encode("utf-8")))


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _vary(colour: RGB, rng: random.Random, amount: int = 18) -> RGB:
    return (
        max(0, min(255, colour[0] + rng.randint(-amount, amount))),
        max(0, min(255, colour[1] + rng.randint(-amount, amount))),
        max(0, min(255, colour[2] + rng.randint(-amount, amount))),
    )


def _vertical_gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    ramp = Image.linear_gradient("L").resize(size)
    return ImageOps.colorize(ramp, top, bottom)


def _shine(size: tuple[int, int], dark: RGB, light: RGB) -> Image.Image:
    """A horizontal metallic sheen: dark edges, a bright band left of centre."""
    line = Image.new("L", (256, 1))
    line.putdata(
        [round(255 * (0.5 + 0.5 * math.cos((i / 255 - 0.38) * math.pi * 1.6))) for i in range(256)]
    )
    return ImageOps.colorize(line.resize(size), dark, light)


def _backdrop(img: Image.Image, wall: RGB, floor: RGB | None = None) -> None:
    """A photographer's backdrop: a graded wall and, optionally, a table top."""
    img.paste(
        _vertical_gradient(img.size, _mix(wall, (255, 255, 255), 0.15), _mix(wall, (0, 0, 0), 0.35))
    )
    if floor is not None:
        top = int(HEIGHT * 0.78)
        img.paste(
            _vertical_gradient((WIDTH, HEIGHT - top), floor, _mix(floor, (0, 0, 0), 0.3)), (0, top)
        )


def _shadow(img: Image.Image, box: Box, strength: int = 110) -> None:
    mask = Image.new("L", img.size, 0)
    ImageDraw.Draw(mask).ellipse(box, fill=strength)
    mask = mask.filter(ImageFilter.GaussianBlur(18))
    img.paste((0, 0, 0), (0, 0), mask)


def _silhouette(
    profile: Profile, centre_x: int, top: int, height: int, width: int
) -> list[tuple[float, float]]:
    """Mirror a half-profile (height fraction, half-width fraction) into a closed outline."""
    right = [(centre_x + w * width, top + y * height) for y, w in profile]
    left = [(centre_x - w * width, top + y * height) for y, w in reversed(profile)]
    return right + left


def _mask(outline: list[tuple[float, float]]) -> Image.Image:
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    ImageDraw.Draw(mask).polygon(outline, fill=255)
    return mask


def _leaf(
    draw: ImageDraw.ImageDraw, x: float, y: float, length: float, angle: float, fill: RGB
) -> None:
    """A pointed leaf as a polygon, since Pillow cannot rotate an ellipse."""
    dx, dy = math.cos(angle), math.sin(angle)
    nx, ny = -dy, dx
    points = []
    for i in range(9):
        t = i / 8
        half = math.sin(t * math.pi) * length * 0.28
        points.append((x + dx * length * t + nx * half, y + dy * length * t + ny * half))
    for i in range(8, -1, -1):
        t = i / 8
        half = math.sin(t * math.pi) * length * 0.28
        points.append((x + dx * length * t - nx * half, y + dy * length * t - ny * half))
    draw.polygon(points, fill=fill)
    draw.line(
        [(x, y), (x + dx * length * 0.9, y + dy * length * 0.9)],
        fill=_mix(fill, (0, 0, 0), 0.35),
        width=2,
    )


# --- paintings ------------------------------------------------------------------------


def _scene_portrait(img: Image.Image, box: Box, rng: random.Random) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    img.paste(_vertical_gradient((w, h), _vary((46, 40, 34), rng, 10), (14, 12, 10)), (x0, y0))
    draw = ImageDraw.Draw(img)
    cx = x0 + w // 2 + rng.randint(-w // 12, w // 12)
    robe = _vary(rng.choice([(30, 30, 34), (110, 24, 28), (36, 44, 70)]), rng, 10)
    draw.ellipse((cx - w * 0.48, y0 + h * 0.62, cx + w * 0.48, y1 + h * 0.4), fill=robe)
    draw.rectangle(
        (cx - w * 0.09, y0 + h * 0.5, cx + w * 0.09, y0 + h * 0.66),
        fill=_mix(FLESH, (0, 0, 0), 0.15),
    )
    draw.polygon(
        [(cx - w * 0.2, y0 + h * 0.64), (cx + w * 0.2, y0 + h * 0.64), (cx, y0 + h * 0.76)],
        fill=(236, 232, 220),
    )
    face = _vary(FLESH, rng, 10)
    draw.ellipse((cx - w * 0.16, y0 + h * 0.24, cx + w * 0.16, y0 + h * 0.6), fill=face)
    shade = _mix(face, (60, 40, 30), 0.35)
    draw.chord((cx - w * 0.16, y0 + h * 0.24, cx + w * 0.16, y0 + h * 0.6), 300, 60, fill=shade)
    for side in (-1, 1):
        ex = cx + side * w * 0.06
        draw.ellipse((ex - 7, y0 + h * 0.39 - 4, ex + 7, y0 + h * 0.39 + 4), fill=(60, 40, 30))
    draw.line(
        [(cx - w * 0.04, y0 + h * 0.52), (cx + w * 0.04, y0 + h * 0.52)],
        fill=(150, 80, 70),
        width=4,
    )
    hat = rng.choice([(20, 20, 20), (140, 30, 30), (40, 30, 26)])
    draw.pieslice((cx - w * 0.22, y0 + h * 0.12, cx + w * 0.22, y0 + h * 0.46), 180, 360, fill=hat)
    hands_y = y0 + h * 0.86
    draw.ellipse((cx - w * 0.16, hands_y - 18, cx + w * 0.02, hands_y + 18), fill=face)
    if rng.random() < 0.6:
        for i in range(9):
            bx = cx + w * 0.04 + i * 9
            draw.ellipse(
                (bx - 5, hands_y - 4 + (i % 3) * 4, bx + 5, hands_y + 6 + (i % 3) * 4),
                fill=(150, 30, 40),
            )


def _hills(
    draw: ImageDraw.ImageDraw,
    box: Box,
    base: float,
    amplitude: float,
    colour: RGB,
    rng: random.Random,
) -> None:
    x0, y0, x1, y1 = box
    steps = 12
    points = [(x0, y1)]
    for i in range(steps + 1):
        x = x0 + (x1 - x0) * i / steps
        points.append(
            (
                x,
                y0
                + (y1 - y0) * base
                - amplitude * (0.5 + 0.5 * math.sin(i * 0.9 + rng.random() * 2)),
            )
        )
    points.append((x1, y1))
    draw.polygon(points, fill=colour)


def _tree(
    draw: ImageDraw.ImageDraw, x: float, ground: float, size: float, crown: RGB | None
) -> None:
    draw.line([(x, ground), (x, ground - size)], fill=(70, 50, 35), width=max(3, int(size / 14)))
    if crown is None:
        for angle in (-0.7, -0.35, 0.35, 0.7):
            draw.line(
                [
                    (x, ground - size * 0.6),
                    (x + math.sin(angle) * size * 0.4, ground - size * 1.05),
                ],
                fill=(60, 45, 35),
                width=3,
            )
    else:
        r = size * 0.38
        draw.ellipse((x - r, ground - size - r * 0.6, x + r, ground - size + r * 1.1), fill=crown)


def _scene_landscape(img: Image.Image, box: Box, rng: random.Random, winter: bool = False) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    sky_top, sky_low = (
        ((150, 160, 170), (220, 222, 215)) if winter else ((70, 120, 180), (215, 225, 220))
    )
    img.paste(_vertical_gradient((w, int(h * 0.6)), sky_top, sky_low), (x0, y0))
    draw = ImageDraw.Draw(img)
    ground = (236, 238, 240) if winter else (96, 124, 60)
    draw.rectangle((x0, y0 + int(h * 0.58), x1, y1), fill=ground)
    _hills(draw, box, 0.6, h * 0.12, (150, 170, 190) if not winter else (200, 206, 214), rng)
    _hills(
        draw, box, 0.72, h * 0.08, _vary((70, 110, 50), rng) if not winter else (226, 230, 236), rng
    )
    if winter:
        draw.ellipse(
            (x0 + w * 0.2, y0 + h * 0.74, x0 + w * 0.85, y0 + h * 0.94), fill=(176, 200, 214)
        )
        for _ in range(14):
            fx, fy = x0 + w * rng.uniform(0.25, 0.8), y0 + h * rng.uniform(0.77, 0.9)
            draw.line([(fx, fy), (fx, fy - 16)], fill=(30, 30, 34), width=4)
            draw.ellipse((fx - 4, fy - 24, fx + 4, fy - 16), fill=(40, 34, 30))
    tower_x = x0 + w * rng.uniform(0.55, 0.8)
    draw.rectangle(
        (tower_x, y0 + h * 0.48, tower_x + w * 0.025, y0 + h * 0.62), fill=(120, 100, 90)
    )
    draw.polygon(
        [
            (tower_x - 3, y0 + h * 0.48),
            (tower_x + w * 0.0125, y0 + h * 0.42),
            (tower_x + w * 0.025 + 3, y0 + h * 0.48),
        ],
        fill=(90, 60, 50),
    )
    for i in range(5):
        hx = x0 + w * (0.05 + 0.08 * i)
        draw.rectangle((hx, y0 + h * 0.62, hx + w * 0.06, y0 + h * 0.7), fill=(180, 150, 120))
        draw.polygon(
            [
                (hx - 4, y0 + h * 0.62),
                (hx + w * 0.03, y0 + h * 0.56),
                (hx + w * 0.06 + 4, y0 + h * 0.62),
            ],
            fill=(160, 60, 40),
        )
    for i in range(4):
        tx = x0 + w * (0.1 + 0.25 * i + rng.uniform(-0.05, 0.05))
        _tree(
            draw,
            tx,
            y0 + h * 0.95,
            h * rng.uniform(0.25, 0.4),
            None if winter else _vary((50, 80, 40), rng),
        )


def _scene_still_life(
    img: Image.Image, box: Box, rng: random.Random, flowers: bool = False
) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    img.paste(_vertical_gradient((w, h), (40, 38, 34), (12, 12, 12)), (x0, y0))
    draw = ImageDraw.Draw(img)
    table = y0 + h * 0.68
    draw.rectangle((x0, table, x1, y1), fill=(84, 56, 34))
    draw.rectangle((x0, table, x1, table + 8), fill=(120, 84, 52))
    if flowers:
        cx = x0 + w * 0.5
        draw.polygon(
            [
                (cx - w * 0.08, table),
                (cx + w * 0.08, table),
                (cx + w * 0.06, table - h * 0.2),
                (cx - w * 0.06, table - h * 0.2),
            ],
            fill=(150, 170, 160),
        )
        for _ in range(26):
            angle = rng.uniform(-2.6, -0.5)
            reach = rng.uniform(0.2, 0.5) * h
            fx, fy = cx + math.cos(angle) * reach * 0.9, table - h * 0.2 + math.sin(angle) * reach
            draw.line([(cx, table - h * 0.2), (fx, fy)], fill=(60, 90, 40), width=3)
            r = rng.uniform(14, 30)
            colour = rng.choice(
                [(210, 40, 50), (240, 220, 210), (240, 190, 60), (180, 80, 140), (230, 120, 60)]
            )
            draw.ellipse((fx - r, fy - r, fx + r, fy + r), fill=colour)
            draw.ellipse(
                (fx - r * 0.35, fy - r * 0.35, fx + r * 0.35, fy + r * 0.35),
                fill=_mix(colour, (60, 30, 0), 0.5),
            )
        return
    draw.ellipse((x0 + w * 0.12, table - 24, x0 + w * 0.55, table + 30), fill=(200, 200, 196))
    draw.polygon(
        [(x0 + w * 0.2, table), (x0 + w * 0.45, table), (x0 + w * 0.4, table - h * 0.14)],
        fill=(236, 196, 80),
    )
    draw.pieslice(
        (x0 + w * 0.5, table - h * 0.18, x0 + w * 0.8, table + h * 0.04),
        180,
        360,
        fill=(200, 150, 40),
    )
    draw.ellipse((x0 + w * 0.58, table - h * 0.1, x0 + w * 0.9, table + 10), fill=(170, 110, 60))
    for i in range(2):
        px = x0 + w * (0.2 + i * 0.12)
        draw.ellipse(
            (px, table + h * 0.08, px + w * 0.1, table + h * 0.2), outline=(150, 90, 40), width=8
        )
    gx = x0 + w * 0.72
    draw.rectangle(
        (gx, table - h * 0.36, gx + w * 0.09, table - h * 0.12), outline=(200, 210, 200), width=3
    )
    draw.rectangle(
        (gx + 3, table - h * 0.24, gx + w * 0.09 - 3, table - h * 0.12), fill=(150, 40, 40)
    )


def _scene_religious(img: Image.Image, box: Box, rng: random.Random) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    img.paste(_vertical_gradient((w, h), (214, 180, 96), (170, 130, 60)), (x0, y0))
    draw = ImageDraw.Draw(img)
    _hills(draw, box, 0.78, h * 0.06, (80, 110, 70), rng)
    draw.rectangle((x0, y0 + h * 0.86, x1, y1), fill=(70, 96, 60))
    count = rng.choice([2, 3])
    for i in range(count):
        fx = x0 + w * (i + 1) / (count + 1)
        robe = rng.choice([(36, 60, 140), (150, 30, 34), (40, 90, 60), (120, 80, 120)])
        draw.polygon(
            [(fx, y0 + h * 0.34), (fx - w * 0.13, y0 + h * 0.92), (fx + w * 0.13, y0 + h * 0.92)],
            fill=robe,
        )
        draw.ellipse(
            (fx - w * 0.09, y0 + h * 0.16, fx + w * 0.09, y0 + h * 0.3),
            outline=(240, 210, 120),
            width=5,
        )
        draw.ellipse((fx - w * 0.05, y0 + h * 0.18, fx + w * 0.05, y0 + h * 0.3), fill=FLESH)


def _scene_company(img: Image.Image, box: Box, rng: random.Random) -> None:
    """A feast or genre scene: people round a table, one glass raised."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    img.paste(_vertical_gradient((w, h), (80, 60, 40), (30, 22, 16)), (x0, y0))
    draw = ImageDraw.Draw(img)
    table = y0 + h * 0.66
    for i in range(6):
        fx = x0 + w * (0.1 + 0.16 * i)
        fy = table - h * rng.uniform(0.2, 0.3)
        draw.ellipse(
            (fx - w * 0.08, fy + h * 0.06, fx + w * 0.08, table + 20),
            fill=_vary((120, 40, 30), rng, 40),
        )
        draw.ellipse(
            (fx - w * 0.045, fy - h * 0.05, fx + w * 0.045, fy + h * 0.07),
            fill=_vary((232, 170, 140), rng, 12),
        )
    draw.rectangle((x0, table, x1, table + h * 0.12), fill=(236, 230, 214))
    draw.rectangle((x0, table + h * 0.12, x1, y1), fill=(60, 40, 26))
    gx = x0 + w * 0.42
    draw.line(
        [(gx, table - h * 0.3), (gx + w * 0.03, table - h * 0.5)],
        fill=_vary(FLESH, rng, 5),
        width=10,
    )
    draw.rectangle(
        (gx + w * 0.015, table - h * 0.6, gx + w * 0.055, table - h * 0.5), fill=(210, 190, 120)
    )
    draw.pieslice((gx - w * 0.06, y0 + h * 0.06, gx + w * 0.06, y0 + h * 0.18), 180, 360, fill=GOLD)


def _scene_sketch(img: Image.Image, box: Box, rng: random.Random) -> None:
    """An oil sketch: warm ground, loose strokes of figures."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    img.paste(_vertical_gradient((w, h), (190, 150, 100), (150, 110, 70)), (x0, y0))
    draw = ImageDraw.Draw(img)
    for _ in range(70):
        sx, sy = x0 + rng.uniform(0.05, 0.95) * w, y0 + rng.uniform(0.1, 0.95) * h
        angle = rng.uniform(-1.2, -0.3) if rng.random() < 0.5 else rng.uniform(0.3, 1.2)
        length = rng.uniform(30, 110)
        colour = rng.choice(
            [(110, 60, 30), (230, 210, 180), (60, 40, 30), (150, 50, 40), (80, 90, 120)]
        )
        draw.line(
            [(sx, sy), (sx + math.cos(angle) * length, sy + math.sin(angle) * length)],
            fill=colour,
            width=rng.randint(6, 14),
        )
    for i in range(3):
        fx = x0 + w * (0.3 + 0.2 * i)
        draw.ellipse((fx - 22, y0 + h * 0.25, fx + 22, y0 + h * 0.33), fill=(230, 200, 170))


SCENES: dict[str, Callable[[Image.Image, Box, random.Random], None]] = {
    "portrait": _scene_portrait,
    "landscape": _scene_landscape,
    "winter": lambda img, box, rng: _scene_landscape(img, box, rng, winter=True),
    "still-life": _scene_still_life,
    "flowers": lambda img, box, rng: _scene_still_life(img, box, rng, flowers=True),
    "religious": _scene_religious,
    "company": _scene_company,
    "sketch": _scene_sketch,
}


def _paint_scene(img: Image.Image, scene: str, box: Box, rng: random.Random) -> None:
    """Paint a scene on its own canvas and paste it, so no stroke spills onto the frame."""
    canvas = Image.new("RGB", img.size)
    SCENES[scene](canvas, box, rng)
    img.paste(canvas.crop(box), box[:2])


def _framed(scene: str) -> Callable[[Image.Image, random.Random], None]:
    """A painting in a gilt frame on a museum wall."""

    def draw_painting(img: Image.Image, rng: random.Random) -> None:
        wall = _vary(
            rng.choice([(70, 84, 74), (110, 40, 44), (60, 70, 96), (150, 146, 136)]), rng, 10
        )
        _backdrop(img, wall)
        upright = scene in {"portrait", "religious", "flowers"}
        fw, fh = (520, 720) if upright else (860, 620)
        x0, y0 = (WIDTH - fw) // 2, (HEIGHT - fh) // 2
        _shadow(img, (x0 + 20, y0 + 30, x0 + fw + 40, y0 + fh + 50), 140)
        draw = ImageDraw.Draw(img)
        border = 46
        for i in range(border):
            t = abs(i - border / 2) / (border / 2)
            draw.rectangle(
                (x0 + i, y0 + i, x0 + fw - i, y0 + fh - i), outline=_mix(GOLD, DARK_GOLD, t)
            )
        _paint_scene(
            img, scene, (x0 + border, y0 + border, x0 + fw - border, y0 + fh - border), rng
        )

    return draw_painting


def _triptych(img: Image.Image, rng: random.Random) -> None:
    _backdrop(img, _vary((96, 88, 80), rng, 8))
    draw = ImageDraw.Draw(img)
    centre = (430, 180, 770, 720)
    wings = [(230, 220, 420, 700), (780, 220, 970, 700)]
    for box in [centre, *wings]:
        x0, y0, x1, y1 = box
        _shadow(img, (x0 + 10, y0 + 20, x1 + 25, y1 + 30), 90)
        draw.rectangle((x0 - 14, y0 - 14, x1 + 14, y1 + 14), fill=DARK_GOLD)
        draw.rectangle((x0 - 6, y0 - 6, x1 + 6, y1 + 6), fill=GOLD)
        _paint_scene(img, "religious", box, rng)
        draw = ImageDraw.Draw(img)


# --- works on paper -------------------------------------------------------------------


def _paper(kind: str) -> Callable[[Image.Image, random.Random], None]:
    def draw_sheet(img: Image.Image, rng: random.Random) -> None:
        _backdrop(img, (120, 120, 118))
        x0, y0, x1, y1 = 200, 90, 1000, 820
        _shadow(img, (x0 + 10, y0 + 16, x1 + 24, y1 + 26), 100)
        draw = ImageDraw.Draw(img)
        draw.rectangle((x0, y0, x1, y1), fill=_vary((236, 226, 204), rng, 6))
        ink = (30, 28, 26) if kind != "red-chalk" else (170, 70, 50)
        if kind in {"print", "fish"}:
            draw.rectangle((x0 + 50, y0 + 50, x1 - 50, y1 - 90), outline=(190, 180, 160), width=3)
            px0, py0, px1, py1 = x0 + 70, y0 + 70, x1 - 70, y1 - 110
            for i in range(0, py1 - py0, 7):
                if i < (py1 - py0) * 0.4:
                    draw.line(
                        [(px0, py0 + i), (px1, py0 + i)],
                        fill=_mix(ink, (236, 226, 204), 0.65),
                        width=1,
                    )
            horizon = py0 + (py1 - py0) * 0.45
            for i in range(60):
                hx = px0 + (px1 - px0) * i / 60
                draw.line([(hx, horizon + 40 * math.sin(i / 6)), (hx + 14, py1)], fill=ink, width=1)
            if kind == "fish":
                fx, fy = (px0 + px1) / 2, horizon + 60
                draw.ellipse(
                    (fx - 230, fy - 80, fx + 170, fy + 80),
                    fill=(236, 226, 204),
                    outline=ink,
                    width=4,
                )
                draw.polygon(
                    [(fx + 160, fy), (fx + 250, fy - 70), (fx + 250, fy + 70)],
                    outline=ink,
                    fill=(236, 226, 204),
                )
                for i in range(-200, 150, 12):
                    draw.line(
                        [(fx + i, fy - 60), (fx + i + 20, fy + 60)],
                        fill=_mix(ink, (236, 226, 204), 0.4),
                        width=1,
                    )
                draw.ellipse((fx - 190, fy - 30, fx - 170, fy - 10), fill=ink)
                for j in range(5):
                    sx = fx - 330 + j * 28
                    draw.ellipse(
                        (sx, fy + 20 - j * 6, sx + 30, fy + 36 - j * 6), outline=ink, width=2
                    )
            else:
                cx, cy = (px0 + px1) / 2, py0 + (py1 - py0) * 0.45
                draw.ellipse(
                    (cx - 150, cy - 190, cx + 150, cy + 190),
                    fill=(236, 226, 204),
                    outline=ink,
                    width=4,
                )
                draw.ellipse((cx - 60, cy - 110, cx + 60, cy + 20), outline=ink, width=3)
                draw.arc((cx - 120, cy + 10, cx + 120, cy + 250), 200, 340, fill=ink, width=3)
                for i in range(-50, 60, 9):
                    draw.line(
                        [(cx + i, cy - 100), (cx + i + 10, cy + 10)],
                        fill=_mix(ink, (236, 226, 204), 0.5),
                        width=1,
                    )
            for i in range(3):
                draw.rectangle(
                    (x0 + 120 + i * 230, y1 - 70, x0 + 300 + i * 230, y1 - 58),
                    fill=_mix(ink, (236, 226, 204), 0.4),
                )
        else:
            for _ in range(5):
                hx, hy = rng.uniform(x0 + 150, x1 - 250), rng.uniform(y0 + 120, y1 - 260)
                for finger in range(4):
                    angle = -1.9 + finger * 0.22 + rng.uniform(-0.1, 0.1)
                    draw.line(
                        [
                            (hx, hy + 90),
                            (hx + math.cos(angle) * 150, hy + 90 + math.sin(angle) * 150),
                        ],
                        fill=ink,
                        width=5,
                    )
                draw.line([(hx, hy + 90), (hx - 70, hy + 40)], fill=ink, width=5)
                draw.arc((hx - 70, hy + 60, hx + 60, hy + 200), 20, 200, fill=ink, width=4)
                for i in range(12):
                    draw.line(
                        [(hx - 40 + i * 6, hy + 120), (hx - 30 + i * 6, hy + 170)],
                        fill=_mix(ink, (236, 226, 204), 0.5),
                        width=2,
                    )

    return draw_sheet


def _pen_landscape(img: Image.Image, rng: random.Random) -> None:
    _backdrop(img, (120, 120, 118))
    draw = ImageDraw.Draw(img)
    x0, y0, x1, y1 = 150, 160, 1050, 760
    draw.rectangle((x0, y0, x1, y1), fill=(232, 220, 196))
    ink = (70, 50, 34)
    for layer in range(4):
        base = y0 + 150 + layer * 120
        points = [
            (x0 + (x1 - x0) * i / 30, base - 90 * abs(math.sin(i / 4 + layer + rng.random() * 0.3)))
            for i in range(31)
        ]
        draw.line(points, fill=ink, width=3)
        for px, py in points[::2]:
            draw.line(
                [(px, py + 6), (px - 14, py + 40)], fill=_mix(ink, (232, 220, 196), 0.4), width=1
            )
    for _ in range(7):
        tx = rng.uniform(x0 + 60, x1 - 60)
        _tree(draw, tx, y1 - 30, 90, None)


# --- objects on a backdrop ------------------------------------------------------------

CUP: Profile = [
    (0, 0.5),
    (0.05, 0.46),
    (0.35, 0.36),
    (0.6, 0.2),
    (0.7, 0.07),
    (0.86, 0.07),
    (0.92, 0.2),
    (0.97, 0.3),
    (1, 0.3),
]
CHALICE: Profile = [
    (0, 0.42),
    (0.08, 0.36),
    (0.3, 0.4),
    (0.42, 0.26),
    (0.5, 0.08),
    (0.55, 0.15),
    (0.6, 0.08),
    (0.82, 0.1),
    (0.92, 0.24),
    (1, 0.36),
]
EWER: Profile = [
    (0, 0.26),
    (0.05, 0.18),
    (0.12, 0.32),
    (0.35, 0.42),
    (0.55, 0.34),
    (0.72, 0.16),
    (0.85, 0.18),
    (0.95, 0.3),
    (1, 0.3),
]
COFFEE_POT: Profile = [
    (0, 0.03),
    (0.04, 0.06),
    (0.1, 0.18),
    (0.16, 0.26),
    (0.22, 0.22),
    (0.38, 0.24),
    (0.62, 0.36),
    (0.88, 0.34),
    (0.97, 0.18),
    (1, 0.22),
]
ALBARELLO: Profile = [
    (0, 0.34),
    (0.04, 0.32),
    (0.12, 0.36),
    (0.5, 0.3),
    (0.86, 0.36),
    (0.9, 0.22),
    (0.96, 0.2),
    (1, 0.25),
]
VASE: Profile = [
    (0, 0.26),
    (0.04, 0.22),
    (0.2, 0.38),
    (0.45, 0.44),
    (0.65, 0.3),
    (0.8, 0.14),
    (0.95, 0.16),
    (1, 0.2),
]
BOWL: Profile = [(0, 0.8), (0.4, 0.72), (0.7, 0.5), (0.85, 0.24), (1, 0.22)]
TEAPOT: Profile = [
    (0, 0.04),
    (0.06, 0.08),
    (0.12, 0.2),
    (0.2, 0.36),
    (0.5, 0.46),
    (0.85, 0.4),
    (0.95, 0.3),
    (1, 0.28),
]
ROEMER: Profile = [
    (0, 0.3),
    (0.25, 0.36),
    (0.45, 0.3),
    (0.5, 0.16),
    (0.85, 0.18),
    (0.9, 0.3),
    (1, 0.34),
]
MORTAR: Profile = [(0, 0.42), (0.1, 0.4), (0.2, 0.36), (0.8, 0.42), (0.9, 0.48), (1, 0.48)]
CANDLESTICK: Profile = [
    (0, 0.12),
    (0.04, 0.1),
    (0.22, 0.1),
    (0.26, 0.3),
    (0.3, 0.06),
    (0.62, 0.07),
    (0.66, 0.14),
    (0.7, 0.08),
    (0.86, 0.12),
    (0.92, 0.4),
    (1, 0.45),
]

FINISHES: dict[str, tuple[RGB, RGB]] = {
    "silver": (DEEP_SILVER, SILVER),
    "gilt": (DARK_GOLD, (240, 214, 140)),
    "bronze": ((50, 40, 26), (170, 130, 80)),
    "brass": ((110, 80, 30), (236, 200, 110)),
    "white": ((170, 172, 176), (250, 250, 248)),
    "glass": ((40, 90, 50), (170, 210, 160)),
}


def _vessel(
    profile: Profile, finish: str, decoration: str = "", height: int = 600, width: int = 520
) -> Callable[[Image.Image, random.Random], None]:
    """An object photographed on a table: silhouette, sheen, and optional painted bands."""

    def draw_vessel(img: Image.Image, rng: random.Random) -> None:
        _backdrop(
            img,
            _vary((150, 150, 152) if finish != "white" else (70, 80, 96), rng, 10),
            _vary((200, 196, 188), rng, 8),
        )
        top = int(HEIGHT * 0.84) - height
        outline = _silhouette(profile, WIDTH // 2, top, height, width)
        _shadow(
            img,
            (
                WIDTH // 2 - width * 0.55,
                top + height - 30,
                WIDTH // 2 + width * 0.65,
                top + height + 40,
            ),
        )
        mask = _mask(outline)
        dark, light = FINISHES[finish]
        body = _shine((WIDTH, HEIGHT), dark, light)
        if decoration:
            layer = body.copy()
            draw = ImageDraw.Draw(layer)
            ink = DELFT_BLUE if decoration != "polychrome" else (40, 90, 150)
            bands = [0.12, 0.3, 0.72, 0.88]
            for band in bands:
                y = top + band * height
                draw.rectangle((0, y - 6, WIDTH, y + 6), fill=ink)
            for i in range(7):
                x = WIDTH // 2 - width * 0.45 + i * width * 0.15
                y = top + height * 0.5
                if decoration == "panels":
                    draw.rectangle((x - 30, y - 80, x + 30, y + 80), outline=ink, width=5)
                    draw.line([(x - 20, y + 50), (x, y - 40), (x + 20, y + 50)], fill=ink, width=3)
                else:
                    for angle in (-2.2, -1.57, -0.9):
                        _leaf(draw, x, y + 40, 70, angle, ink)
                    if decoration == "polychrome":
                        draw.ellipse((x - 14, y - 50, x + 14, y - 22), fill=(220, 150, 40))
            body = Image.composite(layer, body, Image.new("L", body.size, 235))
        img.paste(body, (0, 0), mask)
        draw = ImageDraw.Draw(img)
        draw.line([*outline, outline[0]], fill=_mix(dark, (0, 0, 0), 0.4), width=3)
        if profile in (EWER, COFFEE_POT, TEAPOT):
            cx = WIDTH // 2
            handle = (210, 190, 160) if profile is COFFEE_POT else dark
            draw.arc(
                (cx + width * 0.2, top + height * 0.2, cx + width * 0.75, top + height * 0.7),
                270,
                90,
                fill=handle,
                width=22,
            )
            draw.line(
                [
                    (cx - width * 0.3, top + height * 0.5),
                    (cx - width * 0.55, top + height * 0.3),
                    (cx - width * 0.65, top + height * 0.18),
                ],
                fill=light if profile is not TEAPOT else dark,
                width=26,
            )
        if profile is MORTAR:
            for y in (0.3, 0.55):
                draw.rectangle(
                    (
                        WIDTH // 2 - width * 0.38,
                        top + y * height,
                        WIDTH // 2 + width * 0.38,
                        top + y * height + 16,
                    ),
                    fill=_mix(dark, light, 0.6),
                )
            for side in (-1, 1):
                draw.rectangle(
                    (
                        WIDTH // 2 + side * width * 0.44 - 20,
                        top + height * 0.4,
                        WIDTH // 2 + side * width * 0.44 + 20,
                        top + height * 0.5,
                    ),
                    fill=dark,
                )
        if profile is ROEMER:
            for i in range(8):
                px = WIDTH // 2 - width * 0.1 + (i % 4) * width * 0.06
                py = top + height * (0.6 if i < 4 else 0.72)
                draw.ellipse(
                    (px - 12, py - 12, px + 12, py + 12), fill=_mix(light, (255, 255, 255), 0.3)
                )

    return draw_vessel


def _plate(img: Image.Image, rng: random.Random) -> None:
    _backdrop(img, _vary((64, 70, 84), rng, 8))
    cx, cy, r = WIDTH // 2, HEIGHT // 2, 380
    _shadow(img, (cx - r + 20, cy - r + 30, cx + r + 30, cy + r + 40), 140)
    draw = ImageDraw.Draw(img)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(244, 242, 234))
    draw.ellipse(
        (cx - r * 0.66, cy - r * 0.66, cx + r * 0.66, cy + r * 0.66), outline=DELFT_BLUE, width=6
    )
    for i in range(16):
        angle = i * math.pi / 8
        _leaf(
            draw,
            cx + math.cos(angle) * r * 0.72,
            cy + math.sin(angle) * r * 0.72,
            r * 0.22,
            angle + 0.9,
            DELFT_BLUE,
        )
    shield = [
        (cx - 120, cy - 150),
        (cx + 120, cy - 150),
        (cx + 120, cy + 20),
        (cx, cy + 160),
        (cx - 120, cy + 20),
    ]
    draw.polygon(shield, fill=(30, 30, 30))
    draw.polygon(
        [
            (cx - 50, cy + 60),
            (cx - 10, cy - 90),
            (cx + 40, cy - 60),
            (cx + 60, cy + 40),
            (cx + 10, cy + 10),
        ],
        fill=(236, 236, 230),
    )
    draw.ellipse((cx - 4, cy - 100, cx + 36, cy - 60), fill=(236, 236, 230))


def _textile(kind: str) -> Callable[[Image.Image, random.Random], None]:
    def draw_textile(img: Image.Image, rng: random.Random) -> None:
        if kind == "tapestry":
            img.paste(_vertical_gradient(img.size, (70, 96, 84), (40, 60, 56)))
            draw = ImageDraw.Draw(img)
            for _ in range(140):
                x, y = rng.uniform(60, WIDTH - 60), rng.uniform(60, HEIGHT - 60)
                _leaf(
                    draw,
                    x,
                    y,
                    rng.uniform(60, 150),
                    rng.uniform(0, 2 * math.pi),
                    _vary(
                        rng.choice([(90, 120, 70), (60, 100, 90), (140, 150, 80), (50, 80, 60)]),
                        rng,
                        16,
                    ),
                )
            for edge in range(0, 60, 2):
                draw.rectangle(
                    (edge, edge, WIDTH - edge, HEIGHT - edge),
                    outline=_mix((130, 60, 40), (200, 150, 90), edge / 60),
                )
            for i in range(0, WIDTH, 40):
                for y in (28, HEIGHT - 28):
                    draw.ellipse((i + 8, y - 12, i + 32, y + 12), fill=(220, 190, 110))
        else:
            ground = (120, 20, 34) if kind != "chasuble" else (140, 110, 40)
            img.paste(
                _vertical_gradient(
                    img.size, _mix(ground, (255, 255, 255), 0.1), _mix(ground, (0, 0, 0), 0.3)
                )
            )
            draw = ImageDraw.Draw(img)
            motif = _mix(ground, (255, 220, 160), 0.45)
            for row in range(-1, 7):
                for col in range(-1, 9):
                    x = col * 150 + (75 if row % 2 else 0)
                    y = row * 150
                    draw.polygon(
                        [(x, y - 60), (x + 50, y), (x, y + 60), (x - 50, y)], outline=motif, width=5
                    )
                    draw.ellipse((x - 22, y - 26, x + 22, y + 26), fill=motif)
                    _leaf(draw, x, y + 30, 50, 1.2, motif)
                    _leaf(draw, x, y + 30, 50, 1.9, motif)
            if kind == "chasuble":
                cloth = img.copy()
                _backdrop(img, (60, 60, 66))
                outline = [
                    (420, 80),
                    (780, 80),
                    (860, 250),
                    (800, 470),
                    (860, 820),
                    (340, 820),
                    (400, 470),
                    (340, 250),
                ]
                mask = _mask(outline)
                img.paste(cloth, (0, 0), mask)
                draw = ImageDraw.Draw(img)
                draw.rectangle((570, 80, 630, 820), fill=(220, 190, 100))
                draw.line([(420, 120), (600, 330), (780, 120)], fill=(220, 190, 100), width=60)
                draw.line([*outline, outline[0]], fill=(60, 40, 20), width=3)

    return draw_textile


def _bust(img: Image.Image, rng: random.Random) -> None:
    _backdrop(img, _vary((40, 44, 52), rng, 6), (90, 88, 84))
    marble = _shine((WIDTH, HEIGHT), (150, 148, 144), (248, 246, 240))
    mask = Image.new("L", img.size, 0)
    draw = ImageDraw.Draw(mask)
    cx = WIDTH // 2
    draw.ellipse((cx - 130, 140, cx + 130, 470), fill=255)
    draw.rectangle((cx - 70, 420, cx + 70, 540), fill=255)
    draw.ellipse((cx - 320, 480, cx + 320, 780), fill=255)
    draw.rectangle((cx - 110, 700, cx + 110, 770), fill=255)
    draw.rectangle((cx - 170, 760, cx + 170, 800), fill=255)
    _shadow(img, (cx - 240, 770, cx + 260, 830))
    img.paste(marble, (0, 0), mask)
    detail = ImageDraw.Draw(img)
    detail.arc((cx - 200, 520, cx + 200, 760), 200, 340, fill=(170, 168, 160), width=4)
    detail.pieslice((cx - 140, 120, cx + 140, 330), 180, 360, fill=(200, 198, 190))


def _crucifix(img: Image.Image, rng: random.Random) -> None:
    _backdrop(img, _vary((110, 30, 40), rng, 8))
    draw = ImageDraw.Draw(img)
    cx = WIDTH // 2
    _shadow(img, (cx - 200, 780, cx + 200, 840))
    draw.rectangle((cx - 28, 60, cx + 28, 820), fill=(50, 34, 24))
    draw.rectangle((cx - 260, 220, cx + 260, 272), fill=(50, 34, 24))
    ivory = (236, 226, 196)
    draw.ellipse((cx - 30, 180, cx + 30, 250), fill=ivory)
    draw.polygon(
        [
            (cx - 230, 240),
            (cx - 40, 270),
            (cx + 40, 270),
            (cx + 230, 240),
            (cx + 230, 256),
            (cx + 45, 300),
            (cx - 45, 300),
            (cx - 230, 256),
        ],
        fill=ivory,
    )
    draw.polygon([(cx - 45, 290), (cx + 45, 290), (cx + 36, 470), (cx - 36, 470)], fill=ivory)
    draw.polygon(
        [(cx - 50, 460), (cx + 50, 460), (cx + 30, 520), (cx - 30, 520)], fill=(226, 214, 180)
    )
    draw.polygon([(cx - 30, 510), (cx + 30, 510), (cx + 12, 690), (cx - 12, 690)], fill=ivory)


def _chain(img: Image.Image, rng: random.Random) -> None:
    _backdrop(img, _vary((30, 50, 80), rng, 8))
    draw = ImageDraw.Draw(img)
    cx = WIDTH // 2
    for i in range(34):
        t = -1 + 2 * i / 33
        x = cx + t * 420
        y = 120 + 460 * (1 - t * t) ** 0.9
        draw.ellipse((x - 26, y - 18, x + 26, y + 18), outline=SILVER, width=9)
        draw.ellipse((x - 12, y - 8, x + 12, y + 8), fill=DEEP_SILVER)
    draw.polygon(
        [(cx - 80, 600), (cx + 80, 600), (cx + 80, 700), (cx, 790), (cx - 80, 700)],
        fill=SILVER,
        outline=DEEP_SILVER,
        width=5,
    )
    draw.ellipse((cx - 40, 520, cx + 50, 600), fill=(210, 210, 214))
    draw.polygon([(cx + 40, 550), (cx + 100, 530), (cx + 45, 575)], fill=(200, 200, 206))


# --- rooms for story and exhibition heroes -------------------------------------------


def _room(kind: str) -> Callable[[Image.Image, random.Random], None]:
    def draw_room(img: Image.Image, rng: random.Random) -> None:
        wall = _vary(
            rng.choice([(196, 192, 184), (120, 60, 60), (70, 90, 100), (150, 160, 150)]), rng, 8
        )
        img.paste(_vertical_gradient(img.size, _mix(wall, (255, 255, 255), 0.2), wall))
        draw = ImageDraw.Draw(img)
        back = (260, 170, 940, 620)
        draw.polygon(
            [(0, 0), (back[0], back[1]), (back[0], back[3]), (0, HEIGHT)],
            fill=_mix(wall, (0, 0, 0), 0.18),
        )
        draw.polygon(
            [(WIDTH, 0), (back[2], back[1]), (back[2], back[3]), (WIDTH, HEIGHT)],
            fill=_mix(wall, (0, 0, 0), 0.25),
        )
        floor = (150, 110, 76) if kind != "depot" else (150, 150, 150)
        draw.polygon(
            [(0, HEIGHT), (back[0], back[3]), (back[2], back[3]), (WIDTH, HEIGHT)], fill=floor
        )
        for i in range(1, 12):
            x = back[0] + (back[2] - back[0]) * i / 12
            draw.line(
                [(x, back[3]), (WIDTH * i / 12, HEIGHT)], fill=_mix(floor, (0, 0, 0), 0.15), width=2
            )
        if kind == "gallery":
            for i in range(3):
                x0 = back[0] + 50 + i * 215
                colour = rng.choice([(60, 90, 130), (150, 60, 40), (60, 100, 60), (200, 160, 60)])
                draw.rectangle((x0 - 10, 270, x0 + 150, 470), fill=GOLD)
                draw.rectangle((x0 + 4, 284, x0 + 136, 456), fill=colour)
                draw.ellipse((x0 + 40, 320, x0 + 100, 400), fill=_mix(colour, (255, 255, 255), 0.4))
            draw.polygon([(30, 160), (200, 240), (200, 520), (30, 640)], fill=GOLD)
            draw.polygon([(46, 190), (186, 256), (186, 505), (46, 610)], fill=(90, 70, 110))
            draw.rectangle((460, 700, 760, 740), fill=(60, 40, 30))
            draw.rectangle((480, 740, 500, 800), fill=(60, 40, 30))
            draw.rectangle((720, 740, 740, 800), fill=(60, 40, 30))
        elif kind == "studio":
            draw.line([(560, 760), (640, 250), (720, 760)], fill=(110, 80, 50), width=16)
            draw.rectangle((500, 300, 780, 620), fill=DARK_GOLD)
            _paint_scene(img, rng.choice(["portrait", "religious"]), (514, 314, 766, 606), rng)
            draw = ImageDraw.Draw(img)
            draw.rectangle((480, 620, 800, 640), fill=(110, 80, 50))
            draw.rectangle((880, 600, 1120, 640), fill=(200, 200, 200))
            for i in range(5):
                jx = 900 + i * 44
                draw.rectangle(
                    (jx, 560, jx + 30, 600),
                    fill=rng.choice(
                        [(200, 60, 40), (40, 80, 160), (230, 200, 80), (240, 240, 240)]
                    ),
                )
            draw.line([(950, 0), (950, 300)], fill=(40, 40, 40), width=5)
            draw.polygon([(880, 300), (1020, 300), (990, 250), (910, 250)], fill=(40, 40, 40))
        elif kind == "depot":
            for row in range(4):
                y = 220 + row * 110
                draw.rectangle((back[0] + 20, y, back[2] - 20, y + 10), fill=(80, 90, 110))
                x = back[0] + 30
                while x < back[2] - 90:
                    bw = rng.randint(50, 110)
                    draw.rectangle(
                        (x, y - rng.randint(50, 90), x + bw, y),
                        fill=_vary((196, 170, 130), rng, 20),
                        outline=(120, 100, 70),
                    )
                    x += bw + 10
            for i in range(5):
                x = 60 + i * 36
                draw.rectangle(
                    (x, 200 + i * 10, x + 16, 760 - i * 10), fill=_vary((170, 150, 110), rng, 12)
                )
        else:  # cafe
            for i in range(3):
                tx = 300 + i * 300
                draw.ellipse((tx - 90, 640, tx + 90, 690), fill=(230, 228, 220))
                draw.rectangle((tx - 8, 665, tx + 8, 800), fill=(60, 60, 60))
                for side in (-1, 1):
                    draw.rectangle(
                        (tx + side * 130 - 30, 600, tx + side * 130 + 30, 720), fill=(180, 60, 40)
                    )
            draw.rectangle(
                (back[0] + 100, back[1] + 60, back[2] - 100, back[1] + 240), fill=(200, 220, 230)
            )

    return draw_room


MOTIFS: dict[str, Callable[[Image.Image, random.Random], None]] = {
    **{f"painting-{scene}": _framed(scene) for scene in SCENES},
    "triptych": _triptych,
    "drawing-hands": _paper("hands"),
    "drawing-red-chalk": _paper("red-chalk"),
    "drawing-landscape": _pen_landscape,
    "print-portrait": _paper("print"),
    "print-fish": _paper("fish"),
    "silver-cup": _vessel(CUP, "silver"),
    "gilt-cup": _vessel(CUP, "gilt"),
    "chalice": _vessel(CHALICE, "gilt"),
    "ewer": _vessel(EWER, "silver"),
    "coffee-pot": _vessel(COFFEE_POT, "silver"),
    "guild-chain": _chain,
    "albarello": _vessel(ALBARELLO, "white", "polychrome", 560, 440),
    "delft-vase": _vessel(VASE, "white", "leaves", 680, 520),
    "kraak-bowl": _vessel(BOWL, "white", "panels", 300, 520),
    "teapot": _vessel(TEAPOT, "white", "leaves", 420, 440),
    "plate": _plate,
    "tapestry": _textile("tapestry"),
    "damask": _textile("damask"),
    "chasuble": _textile("chasuble"),
    "bronze-mortar": _vessel(MORTAR, "bronze", "", 420, 520),
    "brass-candlestick": _vessel(CANDLESTICK, "brass", "", 660, 380),
    "roemer": _vessel(ROEMER, "glass", "", 560, 360),
    "marble-bust": _bust,
    "ivory-crucifix": _crucifix,
    "room-gallery": _room("gallery"),
    "room-studio": _room("studio"),
    "room-depot": _room("depot"),
    "room-cafe": _room("cafe"),
}


def render(motif: str, key: str) -> bytes:
    """Draw `motif` for the image called `key`; the same pair always gives the same JPEG."""
    img = Image.new("RGB", (WIDTH, HEIGHT))
    MOTIFS[motif](img, _rng(f"{motif}:{key}"))
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=84, optimize=True)
    return buffer.getvalue()


def silent_mp3(seconds: float = 3.0) -> bytes:
    """A valid MPEG-1 Layer III stream of silence.

    Each frame is a 4-byte header (32 kbit/s, 32 kHz, mono, no CRC) followed by zeroed
    side information and main data: zero-length granules decode to silence in every
    player. At these settings a frame is exactly 144 bytes and lasts 36 ms.
    """
    header = bytes([0xFF, 0xFB, 0x18, 0xC0])
    frame = header + bytes(144 - len(header))
    frames = max(1, round(seconds / 0.036))
    return frame * frames
