"""A museum-size panorama (16384 × 8192, 134 megapixels) tiles in bounded memory.

The tiling runs in a child interpreter that does nothing else; its peak resident memory
must stay within 4 bytes per source pixel, everything included (the interpreter, numpy,
Pillow, libvips, Django): the decoded RGB source alone would be 3. The child reads its
own high-water mark (``VmHWM``): ``ru_maxrss`` from ``getrusage(RUSAGE_CHILDREN)`` or
``wait4`` is no good here, as Linux carries the parent's peak over ``execve`` into the
child's, so any child of this pytest process would report at least pytest's own size.
``bench/tiles.py`` prints the same figure at 8k and 16k against nona's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyvips
from PIL import Image

WIDTH, HEIGHT = 16384, 8192
MAX_BYTES_PER_PIXEL = 4.0

CHILD = """
import json, sys
from django.conf import settings
settings.configure()
from django.core.files.storage import FileSystemStorage
from tours.tiler import tile_panorama
with open(sys.argv[1], "rb") as source:
    result = tile_panorama(source, FileSystemStorage(location=sys.argv[2]), "tiles",
                           max_pixels=16384 * 8192)
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
print(json.dumps({"base": result.base_name, "face": result.face_size,
                  "levels": result.levels, "tile": result.tile_resolution,
                  "files": len(result.paths), "peak_kib": int(status["VmHWM"].split()[0])}))
"""


def museum_size_panorama(path: Path) -> None:
    """Colour gradients, computed and encoded by libvips a strip at a time."""
    xy = pyvips.Image.xyz(WIDTH, HEIGHT)
    red = (xy[0] * (255 / WIDTH)).cast("uchar")
    green = (xy[1] * (255 / HEIGHT)).cast("uchar")
    blue = ((xy[0] + xy[1]) & 255).cast("uchar")
    image = red.bandjoin([green, blue]).copy(interpretation="srgb")
    image.jpegsave(str(path), Q=85)


def test_a_16k_panorama_is_tiled_in_512_px_tiles_within_4_bytes_per_pixel(tmp_path):
    started = time.monotonic()
    source = tmp_path / "museum.jpg"
    museum_size_panorama(source)
    made = time.monotonic()
    out = tmp_path / "out"
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(source), str(out)],
        stdout=subprocess.PIPE,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    report = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    result = json.loads(report)

    peak = result["peak_kib"] * 1024
    print(
        f"16k: source made in {made - started:.0f} s, tiled in {time.monotonic() - made:.0f} s "
        f"({usage.ru_utime + usage.ru_stime:.1f} s CPU), peak {peak / 1e6:.0f} MB = "
        f"{peak / (WIDTH * HEIGHT):.2f} B/px"
    )
    assert peak <= MAX_BYTES_PER_PIXEL * WIDTH * HEIGHT

    # 16384 / π = 5215 px: 8 × 8 tiles of 512 at the top level, 4 levels.
    assert (result["face"], result["levels"], result["tile"]) == (4096, 4, 512)
    base = out / result["base"]
    for level, count in ((4, 8), (3, 4), (2, 2), (1, 1)):
        for face in "fbudlr":
            names = {path.name for path in (base / str(level)).glob(f"{face}*.jpg")}
            assert len(names) == count * count, (level, face)
        with Image.open(base / str(level) / f"d{count - 1}_{count - 1}.jpg") as tile:
            assert tile.size == (512, 512)
