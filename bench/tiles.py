"""Our tiler against the nona-based pipeline of Pannellum's generator, at 8k and 16k.

Run with ``.venv/bin/python bench/tiles.py`` (needs ``nona``: tests/tours/install.sh;
about 5 minutes, most of it nona at 16k). ``--sizes 8192`` runs one size only.

For each width (8192 × 4096 and 16384 × 8192, synthetic JPEGs made with libvips):

- ours: ``tours.tiler.tile_panorama`` reading the file and writing into a
  ``FileSystemStorage`` in a temporary folder, in a child interpreter that only tiles;
  its CPU time (user + system, all threads, from ``wait4``) and peak resident memory
  (the child's own ``VmHWM``: ``ru_maxrss`` would carry this parent's peak over
  ``execve``), per source pixel: in all, and above what the interpreter held before
  tiling (Python, numpy, Pillow, libvips, Django);
- nona: what Pannellum's ``utils/multires/generate.py`` does: ``nona`` projecting the
  six faces with the project file it writes (cube size ``8 * int(width / π / 8)``),
  then Pillow cutting its pyramid (512-px tiles cropped at the edges, levels halved
  with Lanczos), fallbacks and preview, in a child of its own: CPU time of nona and of
  that child, peak memory of each.

Goals (issue 17): at least 8× less CPU time than the nona pipeline, and at most 4 bytes
of peak memory per source pixel (the decoded RGB source alone would be 3). The tiler
makes faces of 512 px × a power of two (2048 at 8k, 4096 at 16k) where generate.py
makes width / π (2600, 5208): the last column compares CPU per output pixel too.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

# Run from a checkout as it is, installed or not.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_SPEED_UP = 8.0
GOAL_BYTES_PER_PIXEL = 4.0
# (pitch, yaw) of the source for faces f, b, u, d, l, r in Pannellum's generate.py.
PANNELLUM_FACES = [(0, 0), (0, 180), (-90, 0), (90, 0), (0, 90), (0, -90)]


def make_panorama(path: Path, width: int) -> None:
    """A JPEG with broad colour fields and fine noise, so it compresses like a photo.

    libvips computes and encodes it a strip at a time: a 16k source is made in seconds
    and without holding it.
    """
    import pyvips

    height = width // 2
    xy = pyvips.Image.xyz(width, height)
    x, y = xy[0], xy[1]
    noise = pyvips.Image.gaussnoise(width, height, sigma=10, mean=0)
    red = (x * (255 / width) + noise).cast("uchar")
    green = (y * (255 / height) - noise).cast("uchar")
    blue = (((x + y) * (6.283 / 2048)).sin() * 100 + 128 + noise).cast("uchar")
    image = red.bandjoin([green, blue]).copy(interpretation="srgb")
    image.jpegsave(str(path), Q=90)


def run_child(arguments: list[str]) -> tuple[str, resource.struct_rusage]:
    """Run this script as a child; its output and its own resource usage (not its siblings')."""
    command = [sys.executable, __file__, *arguments]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise subprocess.CalledProcessError(status, command)
    return output, usage


def cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def tile_in_child(path: Path) -> None:
    """Child side: print the RSS before tiling, then tile once."""
    from django.conf import settings

    settings.configure()
    from django.core.files.storage import FileSystemStorage

    from tours.tiler import tile_panorama

    print(high_water_kib())
    with tempfile.TemporaryDirectory() as folder, path.open("rb") as source:
        result = tile_panorama(
            source, FileSystemStorage(location=folder), "bench", max_pixels=1 << 30
        )
    print(result.face_size, len(result.paths), high_water_kib())


def high_water_kib() -> int:
    """This process's own peak resident memory since its ``execve``."""
    lines = Path("/proc/self/status").read_text().splitlines()
    status = dict(line.split(":", 1) for line in lines)
    return int(status["VmHWM"].split()[0])


def nona_in_child(path: Path, width: int, nona: str) -> None:
    """Child side: generate.py's nona step, then Pillow's pyramid from nona's faces."""
    from django.conf import settings

    settings.configure()
    from django.core.files.base import ContentFile
    from django.core.files.storage import FileSystemStorage

    from tours.tiler import PREVIEW_NAME

    Image.MAX_IMAGE_PIXELS = None
    height, cube = width // 2, 8 * int(width / math.pi / 8)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        image = f'i a0 b0 c0 d0 e0 f4 h{height} w{width} n"{path}" r0 v360'
        lines = [f'p E0 R0 f0 h{cube} w{cube} n"TIFF_m" u0 v90']
        lines += ["m g1 i0 m2 p0.00784314"]
        lines += [f"{image} p{pitch} y{yaw}" for pitch, yaw in PANNELLUM_FACES]
        (work / "cubic.pto").write_text("\n".join([*lines, "v", "*", ""]))
        command = [nona, "-d", "-o", str(work / "face"), str(work / "cubic.pto")]
        subprocess.run(command, check=True, capture_output=True)
        nona_usage = resource.getrusage(resource.RUSAGE_CHILDREN)

        storage = FileSystemStorage(location=work / "out")
        with Image.open(path) as panorama:
            panorama.thumbnail((1024, 512))
            buffer = io.BytesIO()
            panorama.save(buffer, "JPEG", quality=75)
        storage.save(f"bench/{PREVIEW_NAME}", ContentFile(buffer.getvalue()))
        written = 1
        for index, face in enumerate("fbudlr"):
            with Image.open(work / f"face{index:04d}.tif") as tif:
                written += generate_py_pyramid(tif.convert("RGB"), face, storage, cube)
    print(cpu(nona_usage), nona_usage.ru_maxrss, cube, written)


def generate_py_pyramid(face: Image.Image, name: str, storage, cube: int) -> int:
    """generate.py's own pyramid: 512-px tiles, cropped at the edges, levels halved with
    Lanczos, a 1024-px fallback; files written."""
    from django.core.files.base import ContentFile

    def save(relative: str, image: Image.Image) -> None:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=75)
        storage.save(f"bench/{relative}", ContentFile(buffer.getvalue()))

    levels = math.ceil(math.log2(cube / 512)) + 1
    size, image, written = cube, face, 0
    for level in range(levels, 0, -1):
        if level < levels:
            image = image.resize((size, size), Image.Resampling.LANCZOS)
        tiles = math.ceil(size / 512)
        for row in range(tiles):
            for col in range(tiles):
                box = (col * 512, row * 512, min(col * 512 + 512, size), min(row * 512 + 512, size))
                save(f"{level}/{name}{row}_{col}.jpg", image.crop(box))
                written += 1
        size //= 2
    save(f"fallback/{name}.jpg", face.resize((1024, 1024), Image.Resampling.LANCZOS))
    return written + 1


def bench(width: int, nona: str) -> bool:
    height = width // 2
    pixels = width * height
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pano.jpg"
        make_panorama(path, width)
        print(f"\n{width}x{height} JPEG, {path.stat().st_size / 1e6:.1f} MB")

        output, usage = run_child(["--tile", str(path)])
        before_kib, report = output.splitlines()[0], output.splitlines()[1]
        face, files, peak_kib = map(int, report.split())
        ours_cpu, peak = cpu(usage), peak_kib * 1024
        net = peak - int(before_kib) * 1024
        print(
            f"  ours: {ours_cpu:.2f} s CPU for {files} files (faces {face} px); "
            f"peak {peak / 1e6:.0f} MB = {peak / pixels:.2f} B/px in all, "
            f"{net / pixels:.2f} B/px above the idle interpreter"
        )

        start = time.perf_counter()
        output, usage = run_child(["--nona", str(path), str(width), nona])
        nona_cpu, nona_peak_kib, cube, nona_files = output.split()
        theirs_cpu = cpu(usage)  # nona (a child of the child) is included
        nona_peak = max(int(nona_peak_kib), usage.ru_maxrss) * 1024
        print(
            f"  nona + Pillow pyramid: {theirs_cpu:.2f} s CPU ({float(nona_cpu):.2f} in nona) "
            f"for {nona_files} files (faces {cube} px), {time.perf_counter() - start:.0f} s wall; "
            f"peak {nona_peak / 1e6:.0f} MB = {nona_peak / pixels:.2f} B/px"
        )
    speed_up = theirs_cpu / ours_cpu
    per_output = speed_up * (face / int(cube)) ** 2
    speed_ok, memory_ok = speed_up >= GOAL_SPEED_UP, peak / pixels <= GOAL_BYTES_PER_PIXEL
    print(
        f"  CPU nona / ours: {speed_up:.1f}x (goal >= {GOAL_SPEED_UP:g}x: "
        f"{'met' if speed_ok else 'NOT met'}); per output pixel {per_output:.1f}x"
    )
    print(
        f"  peak memory: ours {peak / pixels:.2f} B/px (goal <= {GOAL_BYTES_PER_PIXEL:g}: "
        f"{'met' if memory_ok else 'NOT met'}), {peak / nona_peak:.2f}x the nona pipeline's"
    )
    return speed_ok and memory_ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[8192, 16384])
    arguments = parser.parse_args()
    nona = shutil.which("nona")
    if nona is None:
        sys.exit("nona is not installed: run tests/tours/install.sh (Debian hugin-tools)")
    results = [bench(width, nona) for width in arguments.sizes]
    print("\nall goals met" if all(results) else "\nsome goals NOT met")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--tile"]:
        tile_in_child(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["--nona"]:
        nona_in_child(Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        main()
