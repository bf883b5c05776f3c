"""How long tiling an 8192 × 4096 panorama takes, against baselines measured in this run.

Run with ``.venv/bin/python bench/tiler.py``. It prints ratios, not pass or fail:
the machine decides the seconds, the ratios say where the time goes.

- baseline: Pillow decoding the same source and JPEG-encoding as many pixels as the
  tiler writes (tiles, fallback faces and preview). That is the floor for any tiler
  that decodes and encodes with Pillow; the rest of the tiler's time is projection,
  resampling and storage.
- nona (only if Hugin's ``nona`` is on the PATH): the cube faces Pannellum's own
  generator asks ``nona`` for, with the same project file, excluding the generator's
  tiling and encoding that would come on top.
"""

from __future__ import annotations

import io
import math
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

# Run from a checkout as it is, installed or not.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.conf import settings

if not settings.configured:
    settings.configure()

from django.core.files.storage import FileSystemStorage

from tours.tiler import Equirectangular, TileSet, cube_geometry, tile_panorama

WIDTH, HEIGHT = 8192, 4096
QUALITY = 75
REPEATS = 3
# (pitch, yaw) of the source for faces f, b, u, d, l, r in Pannellum's generate.py.
PANNELLUM_FACES = [(0, 0), (0, 180), (-90, 0), (90, 0), (0, 90), (0, -90)]


def synthetic_panorama() -> bytes:
    """A JPEG with broad colour fields and fine noise, so it compresses like a photo."""
    rng = np.random.default_rng(360)
    coarse = Image.fromarray(rng.integers(0, 256, (32, 64, 3), dtype=np.uint8))
    smooth = np.asarray(coarse.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC), np.int16)
    noisy = smooth + rng.integers(-16, 17, smooth.shape, dtype=np.int16)
    buffer = io.BytesIO()
    Image.fromarray(noisy.clip(0, 255).astype(np.uint8)).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def best_of(run: Callable[[], object]) -> float:
    """Fastest of a few runs: other work on a shared machine only ever adds time."""
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return min(timings)


def tile_once(source: bytes) -> TileSet:
    """Tile into a fresh folder, so the content-hash shortcut never kicks in."""
    with tempfile.TemporaryDirectory() as folder:
        return tile_panorama(source, FileSystemStorage(location=folder), "bench")


def peak_memory_mib(source: bytes) -> float:
    """Peak resident memory of a fresh interpreter that tiles ``source`` and exits.

    The child reports its own VmHWM: rusage would also count the parent's memory,
    which the child's address space briefly was before ``exec``.
    """
    with tempfile.NamedTemporaryFile(suffix=".jpg") as file:
        file.write(source)
        file.flush()
        command = [sys.executable, __file__, "--tile", file.name]
        report = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return int(report.split()[-2]) / 1024


def tile_and_report_peak(path: Path) -> None:
    """Child side of ``peak_memory_mib``: tile, then print the VmHWM line."""
    tile_once(path.read_bytes())
    status = Path("/proc/self/status").read_text().splitlines()
    print(next(line for line in status if line.startswith("VmHWM:")))


def output_pixels(result: TileSet) -> int:
    """Pixels the tiler encodes: every level of six faces, six fallbacks, one preview."""
    levels = sum(
        (result.face_size >> (result.levels - level)) ** 2 for level in range(1, result.levels + 1)
    )
    preview = 1024 * 512
    return 6 * (levels + result.fallback_size**2) + preview


def decode_and_encode(source: bytes, pixels: int, tile: int = 512) -> None:
    """Decode the source, then JPEG-encode tiles cut from it until ``pixels`` are out."""
    image = Image.open(io.BytesIO(source))
    image.load()
    columns, rows = image.width // tile, image.height // tile
    for index in range(math.ceil(pixels / tile**2)):
        row, col = divmod(index % (columns * rows), columns)
        box = (col * tile, row * tile, (col + 1) * tile, (row + 1) * tile)
        image.crop(box).save(io.BytesIO(), "JPEG", quality=QUALITY)


def project_faces(source: bytes) -> None:
    """The projection alone: six full-resolution faces, no pyramid, no encoding."""
    image = Image.open(io.BytesIO(source)).convert("RGB")
    panorama = Equirectangular(image)
    size = cube_geometry(WIDTH).face_size
    for face in "fbudlr":
        panorama.face(face, size)


def nona_faces(source: bytes, nona: str) -> float:
    """Time ``nona`` on the project file Pannellum's generate.py writes for cube faces."""
    cube = 8 * int(WIDTH / math.pi / 8)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "pano.jpg").write_bytes(source)
        image = f'i a0 b0 c0 d0 e0 f4 h{HEIGHT} w{WIDTH} n"{work / "pano.jpg"}" r0 v360'
        lines = [f'p E0 R0 f0 h{cube} w{cube} n"TIFF_m" u0 v90', "m g1 i0 m2 p0.00784314"]
        lines += [f"{image} p{pitch} y{yaw}" for pitch, yaw in PANNELLUM_FACES]
        (work / "cubic.pto").write_text("\n".join([*lines, "v", "*", ""]))
        command = [nona, "-d", "-o", str(work / "face"), str(work / "cubic.pto")]
        return best_of(lambda: subprocess.run(command, check=True, capture_output=True))


def main() -> None:
    source = synthetic_panorama()
    print(f"source: {WIDTH}x{HEIGHT} JPEG, {len(source) / 1e6:.1f} MB; best of {REPEATS} runs")

    result = tile_once(source)
    tiler = best_of(lambda: tile_once(source))
    pixels = output_pixels(result)
    print(
        f"tiler: {tiler:.2f} s for {len(result.paths)} files, {pixels / 1e6:.1f} Mpx out "
        f"(cube {result.face_size}, {result.levels} levels); "
        f"peak memory of a process that only tiles: {peak_memory_mib(source):.0f} MiB"
    )

    projection = best_of(lambda: project_faces(source))
    baseline = best_of(lambda: decode_and_encode(source, pixels))
    print(f"projection alone (decode + six faces): {projection:.2f} s")
    print(f"baseline (Pillow decode + JPEG-encode of {pixels / 1e6:.1f} Mpx): {baseline:.2f} s")
    print(f"ratio tiler / baseline: {tiler / baseline:.1f}")
    print(f"ratio projection / baseline: {projection / baseline:.1f}")

    nona = shutil.which("nona")
    if nona is None:
        print("nona: not installed (Debian hugin-tools), comparison skipped")
        return
    faces = nona_faces(source, nona)
    print(f"nona, cube faces only ({8 * int(WIDTH / math.pi / 8)} px): {faces:.2f} s")
    print(f"ratio nona faces / baseline: {faces / baseline:.1f}")
    print(f"ratio tiler (everything) / nona (faces only): {tiler / faces:.2f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--tile"]:
        tile_and_report_peak(Path(sys.argv[2]))
    else:
        main()
