"""Our cube faces against Hugin's ``nona``, the projector Pannellum's own generator uses.

``nona`` is given the project file Pannellum's ``utils/multires/generate.py`` writes
for cube faces, so its six faces are by definition what Pannellum expects. Ours must
match them face by face (PSNR ≥ 30 dB), and a face turned or swapped must not: that
check proves the comparison can tell a wrong orientation from a right one.

Needs ``nona`` from Debian's hugin-tools: run ``tests/tours/install.sh``. Without it
the test fails rather than skips, so a missing tool never passes silently.
"""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from tours.tiler import FACES, Equirectangular

pytestmark = pytest.mark.database_neutral

NONA = Path("/usr/bin/nona")
WIDTH, HEIGHT = 2048, 1024
# generate.py's cube size for a full 360° source: 8 * int(width / π / 8).
CUBE = 8 * int(WIDTH / math.pi / 8)
# (pitch, yaw) of the source per face, in generate.py's order f, b, u, d, l, r.
PANNELLUM_FACES = {
    "f": (0, 0),
    "b": (0, 180),
    "u": (-90, 0),
    "d": (90, 0),
    "l": (0, 90),
    "r": (0, -90),
}
MIN_PSNR = 30.0
# A wrong orientation has to score well below the threshold, not just under it.
MAX_WRONG_PSNR = 20.0


def detailed_panorama() -> Image.Image:
    """Colour gradients in longitude and latitude, a labelled 15° grid and a few shapes.

    Nothing is symmetric, so a face that is mirrored, turned or taken from the wrong
    direction differs everywhere. A light blur keeps edges a couple of pixels wide:
    nona interpolates bicubically and we bilinearly, and on one-pixel lines that
    difference alone would dominate the score.
    """
    lon = np.linspace(0, 1, WIDTH, endpoint=False, dtype=np.float32)[np.newaxis, :]
    lat = np.linspace(0, 1, HEIGHT, endpoint=False, dtype=np.float32)[:, np.newaxis]
    red = 255 * lon * np.ones_like(lat)
    green = 255 * lat * np.ones_like(lon)
    blue = 127.5 + 127.5 * np.sin(2 * np.pi * (lon * 3 + lat * 2))
    image = Image.fromarray(np.stack([red, green, blue], axis=-1).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=22)
    step = WIDTH // 24  # 15°
    for x in range(0, WIDTH, step):
        draw.line([(x, 0), (x, HEIGHT)], fill=(255, 255, 255), width=3)
    for y in range(0, HEIGHT, step):
        draw.line([(0, y), (WIDTH, y)], fill=(0, 0, 0), width=3)
    for row, y in enumerate(range(0, HEIGHT, step)):
        for col, x in enumerate(range(0, WIDTH, step)):
            draw.text((x + 8, y + 10), f"{col}{chr(65 + row)}", fill=(0, 0, 0), font=font)
    draw.ellipse((300, 200, 500, 330), fill=(255, 255, 0), outline=(0, 0, 128), width=6)
    draw.polygon([(1300, 600), (1500, 640), (1380, 820)], fill=(0, 160, 255))
    draw.rectangle((900, 40, 1200, 90), fill=(200, 0, 120))  # near the zenith
    draw.rectangle((100, 950, 700, 1000), fill=(20, 120, 20))  # near the nadir
    return image.filter(ImageFilter.GaussianBlur(1.5))


def nona_faces(source: Path, work: Path) -> dict[str, np.ndarray]:
    """The six faces as ``nona`` renders them from generate.py's project file."""
    image = f'i a0 b0 c0 d0 e0 f4 h{HEIGHT} w{WIDTH} n"{source}" r0 v360'
    lines = [f'p E0 R0 f0 h{CUBE} w{CUBE} n"TIFF_m" u0 v90', "m g1 i0 m2 p0.00784314"]
    lines += [f"{image} p{pitch} y{yaw}" for pitch, yaw in PANNELLUM_FACES.values()]
    project = work / "cubic.pto"
    project.write_text("\n".join([*lines, "v", "*", ""]))
    subprocess.run(
        [str(NONA), "-d", "-o", str(work / "face"), str(project)], check=True, capture_output=True
    )
    return {
        face: np.asarray(Image.open(work / f"face{index:04d}.tif").convert("RGB"))
        for index, face in enumerate(PANNELLUM_FACES)
    }


def psnr(ours: np.ndarray, reference: np.ndarray) -> float:
    mse = np.mean((ours.astype(np.float64) - reference.astype(np.float64)) ** 2)
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)


def test_faces_match_nona(tmp_path: Path) -> None:
    if not NONA.exists():
        pytest.fail(f"{NONA} is missing: run tests/tours/install.sh (installs hugin-tools)")
    panorama = detailed_panorama()
    source = tmp_path / "pano.png"
    panorama.save(source)
    reference = nona_faces(source, tmp_path)
    sampler = Equirectangular(panorama)
    ours = {face: np.asarray(sampler.face(face, CUBE)) for face in FACES}

    scores = {face: psnr(ours[face], reference[face]) for face in FACES}
    for face in FACES:
        print(f"face {face}: PSNR {scores[face]:.1f} dB against nona ({CUBE} px)")
    assert all(score >= MIN_PSNR for score in scores.values()), scores

    # The same comparison has to reject a face turned a quarter or taken from the
    # opposite direction, or a passing score above would prove nothing.
    wrong = {}
    for face, opposite in zip(FACES, ("b", "f", "d", "u", "r", "l"), strict=True):
        wrong[f"{face} turned 90°"] = psnr(np.rot90(ours[face]), reference[face])
        wrong[f"{face} mirrored"] = psnr(ours[face][:, ::-1], reference[face])
        wrong[f"{face} as {opposite}"] = psnr(ours[opposite], reference[face])
    worst = max(wrong, key=wrong.__getitem__)
    print(f"best wrong orientation: {worst}, {wrong[worst]:.1f} dB")
    assert wrong[worst] < MAX_WRONG_PSNR, wrong
