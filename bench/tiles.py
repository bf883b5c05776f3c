"""Our tiler against the nona-based pipeline of Pannellum's generator, on 8192 × 4096.

Run with ``.venv/bin/python bench/tiles.py`` (needs ``nona``: tests/tours/install.sh).
Both pipelines run in this process, on the same synthetic JPEG, best of a few runs:

- ours: ``tours.tiler.tile_panorama`` into a ``FileSystemStorage`` in a temporary
  folder, i.e. decode, six faces, tile pyramid, fallback faces, preview, manifest;
- nona: ``nona`` projecting the six faces with the project file Pannellum's
  ``utils/multires/generate.py`` writes (cube size ``8 * int(width / π / 8)``), then
  Pillow cutting the same pyramid, fallbacks and preview from nona's faces with the
  tiler's own helpers, into the same kind of storage.

Goals: ours at least 3× faster, and a process that only tiles peaking below 500 MB
of resident memory (measured in a child process, since numpy's and Pillow's buffers
are invisible to tracemalloc). A last line keeps the floor for any Pillow-based
tiler: decoding the source and JPEG-encoding as many pixels as ours writes.
"""

from __future__ import annotations

import io
import math
import os
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

from tours.tiler import (
    FACES,
    PREVIEW_NAME,
    CubeGeometry,
    TileSet,
    _preview,
    _write_face,
    _Writer,
    tile_panorama,
)

WIDTH, HEIGHT = 8192, 4096
QUALITY = 75
TILE = 512
FALLBACK = 1024
REPEATS = 2
# generate.py's cube size for a full 360° source.
NONA_CUBE = 8 * int(WIDTH / math.pi / 8)
# (pitch, yaw) of the source for faces f, b, u, d, l, r in Pannellum's generate.py.
PANNELLUM_FACES = [(0, 0), (0, 180), (-90, 0), (90, 0), (0, 90), (0, -90)]
GOAL_SPEED_UP = 3.0
GOAL_PEAK_MB = 500


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
    """Our pipeline into a fresh folder, so the content-hash shortcut never kicks in."""
    with tempfile.TemporaryDirectory() as folder:
        return tile_panorama(source, FileSystemStorage(location=folder), "bench")


def nona_pipeline(source: Path, nona: str) -> int:
    """generate.py's nona step, then the same pyramid, fallbacks and preview; files written."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        image = f'i a0 b0 c0 d0 e0 f4 h{HEIGHT} w{WIDTH} n"{source}" r0 v360'
        lines = [f'p E0 R0 f0 h{NONA_CUBE} w{NONA_CUBE} n"TIFF_m" u0 v90']
        lines += ["m g1 i0 m2 p0.00784314"]
        lines += [f"{image} p{pitch} y{yaw}" for pitch, yaw in PANNELLUM_FACES]
        (work / "cubic.pto").write_text("\n".join([*lines, "v", "*", ""]))
        command = [nona, "-d", "-o", str(work / "face"), str(work / "cubic.pto")]
        subprocess.run(command, check=True, capture_output=True)

        writer = _Writer(FileSystemStorage(location=work / "out"), "bench", QUALITY)
        with Image.open(source) as panorama:
            writer.save_image(PREVIEW_NAME, _preview(panorama.convert("RGB"), 1024))
        levels = math.ceil(math.log2(NONA_CUBE / TILE)) + 1
        geometry = CubeGeometry(NONA_CUBE, levels, TILE)
        for index, face in enumerate(FACES):
            with Image.open(work / f"face{index:04d}.tif") as tif:
                full = tif.convert("RGB")
            _write_face(writer, face, full, geometry, FALLBACK)
        return len(writer.written)


def peak_memory_mb(source: Path) -> tuple[float, float]:
    """Peak resident memory of a child interpreter that only tiles ``source``.

    Returns the child's ``ru_maxrss`` from ``wait4`` (its own, where ``RUSAGE_CHILDREN``
    would be the largest of all children so far, the panorama maker included) and the
    child's VmHWM as a check.
    """
    command = [sys.executable, __file__, "--tile", str(source)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    report = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, command)
    return usage.ru_maxrss * 1024 / 1e6, int(report.split()[-2]) * 1024 / 1e6  # KiB


def tile_and_report_peak(path: Path) -> None:
    """Child side of ``peak_memory_mb``: tile, then print the VmHWM line."""
    tile_once(path.read_bytes())
    status = Path("/proc/self/status").read_text().splitlines()
    print(next(line for line in status if line.startswith("VmHWM:")))


def output_pixels(result: TileSet) -> int:
    """Pixels our tiler encodes: every level of six faces, six fallbacks, one preview."""
    levels = sum(
        (result.face_size >> (result.levels - level)) ** 2 for level in range(1, result.levels + 1)
    )
    return 6 * (levels + result.fallback_size**2) + 1024 * 512


def decode_and_encode(source: bytes, pixels: int) -> None:
    """Decode the source, then JPEG-encode tiles cut from it until ``pixels`` are out."""
    image = Image.open(io.BytesIO(source))
    image.load()
    columns, rows = image.width // TILE, image.height // TILE
    for index in range(math.ceil(pixels / TILE**2)):
        row, col = divmod(index % (columns * rows), columns)
        box = (col * TILE, row * TILE, (col + 1) * TILE, (row + 1) * TILE)
        image.crop(box).save(io.BytesIO(), "JPEG", quality=QUALITY)


def main() -> None:
    nona = shutil.which("nona")
    if nona is None:
        sys.exit("nona is not installed: run tests/tours/install.sh (Debian hugin-tools)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pano.jpg"
        subprocess.run([sys.executable, __file__, "--make", str(path)], check=True)
        rusage_peak, hwm_peak = peak_memory_mb(path)
        source = path.read_bytes()
        print(f"source: {WIDTH}x{HEIGHT} JPEG, {len(source) / 1e6:.1f} MB; best of {REPEATS}")

        result = tile_once(source)
        ours = best_of(lambda: tile_once(source))
        print(
            f"ours: {ours:.2f} s for {len(result.paths)} files "
            f"(cube {result.face_size}, {result.levels} levels)"
        )
        files = nona_pipeline(path, nona)
        theirs = best_of(lambda: nona_pipeline(path, nona))
        print(f"nona + Pillow pyramid: {theirs:.2f} s for {files} files (cube {NONA_CUBE})")

    speed_up = theirs / ours
    verdict = "met" if speed_up >= GOAL_SPEED_UP else "NOT met"
    print(f"speed-up nona / ours: {speed_up:.2f}x (goal >= {GOAL_SPEED_UP:g}x: {verdict})")
    verdict = "met" if rusage_peak < GOAL_PEAK_MB else "NOT met"
    print(
        f"our peak RSS (child that only tiles): {rusage_peak:.0f} MB by getrusage, "
        f"{hwm_peak:.0f} MB by VmHWM (goal < {GOAL_PEAK_MB} MB: {verdict})"
    )
    pixels = output_pixels(result)
    start = time.perf_counter()
    decode_and_encode(source, pixels)
    baseline = time.perf_counter() - start
    print(
        f"baseline (Pillow decode + JPEG-encode of {pixels / 1e6:.1f} Mpx): {baseline:.2f} s; "
        f"ours / baseline {ours / baseline:.1f}"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--tile"]:
        tile_and_report_peak(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["--make"]:
        Path(sys.argv[2]).write_bytes(synthetic_panorama())
    else:
        main()
