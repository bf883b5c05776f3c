"""The tiler: cube faces oriented as Pannellum draws them, the tile pyramid, the refusals.

Panoramas are painted here with a known colour for every direction, so a test can
say "the front face's centre looks at yaw 0" and check the pixel instead of trusting
the projection formulas it would otherwise repeat.
"""

from __future__ import annotations

import io
import itertools
import json
import math
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from django.core.files.storage import FileSystemStorage
from PIL import Image, ImageFile

from tours import tiler
from tours.tiler import Equirectangular, TileSet, TilingError, cube_geometry, tile_panorama

pytestmark = pytest.mark.database_neutral

# 26 colours at least 127 apart in some channel, so JPEG noise never confuses two.
PALETTE = list(itertools.product((0, 128, 255), repeat=3))
UP_CAP, DOWN_CAP = PALETTE[24], PALETTE[25]
BANDS = ("upper", "middle", "lower")
JPEG_TOLERANCE = 40

# Yaw of each face's centre (right = +90, as in Pannellum).
SIDE_FACES = {"f": 0, "r": 90, "b": 180, "l": -90}


def sector_colour(yaw: float, band: str) -> tuple[int, int, int]:
    """Colour of the 45° sector around ``yaw`` in a latitude band."""
    sector = round(yaw / 45) % 8
    return PALETTE[BANDS.index(band) * 8 + sector]


def compass_panorama(width: int) -> np.ndarray:
    """An equirectangular image coloured by 45° sector of yaw and by latitude band.

    Sectors are centred on yaw 0, 45, 90 ... so each face centre and each face edge
    midpoint falls well inside one sector; bands are above 60°, 20..60°, -20..20°,
    -60..-20° and below -60°.
    """
    height = width // 2
    yaw = (np.arange(width) + 0.5) * 360 / width - 180
    pitch = 90 - (np.arange(height) + 0.5) * 180 / height
    sector = np.round(yaw / 45).astype(int) % 8
    band = np.select([pitch > 20, pitch >= -20], [0, 1], 2)
    index = band[:, None] * 8 + sector[None, :]
    index[pitch > 60] = 24
    index[pitch < -60] = 25
    return np.array(PALETTE, dtype=np.uint8)[index]


def jpeg_bytes(array: np.ndarray, quality: int = 95) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares its size but holds no pixels: decoding it would fail."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def pixel(image: Image.Image, x: float, y: float) -> tuple[int, int, int]:
    """The pixel at fractions ``x``, ``y`` of the image's width and height."""
    return image.convert("RGB").getpixel((int(x * image.width), int(y * image.height)))


def close(actual: tuple[int, ...], expected: tuple[int, ...], tolerance: int) -> bool:
    return max(abs(a - e) for a, e in zip(actual, expected, strict=True)) <= tolerance


def files_under(root: Path) -> dict[str, tuple[int, int]]:
    """Every file below ``root`` with its size and modification time in ns."""
    return {
        path.relative_to(root).as_posix(): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in root.rglob("*")
        if path.is_file()
    }


# --- cube faces ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def compass() -> Equirectangular:
    return Equirectangular(Image.fromarray(compass_panorama(1024)))


@pytest.mark.parametrize(("face", "yaw"), SIDE_FACES.items())
def test_side_face_centre_looks_at_its_yaw_on_the_horizon(compass, face, yaw):
    image = compass.face(face, 256)
    assert pixel(image, 0.5, 0.5) == sector_colour(yaw, "middle")


@pytest.mark.parametrize(("face", "yaw"), SIDE_FACES.items())
def test_side_face_is_upright_with_yaw_growing_to_the_right(compass, face, yaw):
    image = compass.face(face, 256)
    assert pixel(image, 0.9, 0.5) == sector_colour(yaw + 45, "middle")
    assert pixel(image, 0.1, 0.5) == sector_colour(yaw - 45, "middle")
    assert pixel(image, 0.5, 0.1) == sector_colour(yaw, "upper")
    assert pixel(image, 0.5, 0.9) == sector_colour(yaw, "lower")


def test_up_face_is_the_sky_seen_by_tilting_the_head_back_from_the_front(compass):
    image = compass.face("u", 256)
    assert pixel(image, 0.5, 0.5) == UP_CAP
    assert pixel(image, 0.5, 0.9) == sector_colour(0, "upper")  # bottom edge meets f
    assert pixel(image, 0.5, 0.1) == sector_colour(180, "upper")  # top edge meets b
    assert pixel(image, 0.9, 0.5) == sector_colour(90, "upper")
    assert pixel(image, 0.1, 0.5) == sector_colour(-90, "upper")


def test_down_face_is_the_floor_seen_by_looking_down_from_the_front(compass):
    image = compass.face("d", 256)
    assert pixel(image, 0.5, 0.5) == DOWN_CAP
    assert pixel(image, 0.5, 0.1) == sector_colour(0, "lower")  # top edge meets f
    assert pixel(image, 0.5, 0.9) == sector_colour(180, "lower")  # bottom edge meets b
    assert pixel(image, 0.9, 0.5) == sector_colour(90, "lower")
    assert pixel(image, 0.1, 0.5) == sector_colour(-90, "lower")


def test_back_face_blends_across_the_seam_instead_of_clamping_or_going_black():
    # All green, with the first column red and the last blue: the back face's two
    # centre columns look at the ±180° meridian, between those two columns.
    array = np.zeros((512, 1024, 3), dtype=np.uint8)
    array[:, :, 1] = 200
    array[:, 0] = (255, 0, 0)
    array[:, -1] = (0, 0, 255)
    back = np.asarray(Equirectangular(Image.fromarray(array)).face("b", 512)).astype(int)
    middle = back[256]
    for column in (255, 256):
        red, green, blue = middle[column]
        assert red > 40 and blue > 40 and green < 100, middle[column]
    assert middle.max(axis=1).min() >= 100  # no dark column anywhere on the row


def test_back_face_follows_a_smooth_panorama_across_the_seam():
    width, height = 2048, 1024
    yaw = np.radians((np.arange(width) + 0.5) * 360 / width - 180)
    array = np.zeros((height, width, 3), dtype=np.uint8)
    array[:, :, 0] = np.round(128 + 120 * np.sin(yaw))
    array[:, :, 1] = np.round(128 + 120 * np.cos(yaw))
    back = np.asarray(Equirectangular(Image.fromarray(array)).face("b", 512)).astype(int)
    # Along the back face's horizon a pixel at offset a (-1 left .. 1 right) looks at
    # yaw 180° + atan(a).
    a = (np.arange(512) + 0.5) / 256 - 1
    expected_yaw = np.pi + np.arctan(a)
    row = back[255:257].mean(axis=0)
    assert np.abs(row[:, 0] - (128 + 120 * np.sin(expected_yaw))).max() <= 2.5
    assert np.abs(row[:, 1] - (128 + 120 * np.cos(expected_yaw))).max() <= 2.5


def test_poles_sample_the_polar_rows_only():
    # Faces finer than the source, so the pixels around the pole look further north
    # than the centre of the panorama's first row.
    array = np.full((512, 1024, 3), 128, dtype=np.uint8)
    array[:20] = (255, 255, 255)
    array[-20:] = (0, 0, 0)
    panorama = Equirectangular(Image.fromarray(array))
    up = np.asarray(panorama.face("u", 1024))
    down = np.asarray(panorama.face("d", 1024))
    assert (up[502:522, 502:522] == 255).all()
    assert (down[502:522, 502:522] == 0).all()


def test_uniform_panorama_gives_uniform_faces():
    colour = (90, 140, 200)
    panorama = Equirectangular(Image.new("RGB", (1000, 500), colour))
    for face in tiler.FACES:
        values = np.asarray(panorama.face(face, 128)).reshape(-1, 3)
        assert (values == colour).all(), face


# --- cube geometry ------------------------------------------------------------------


def test_cube_faces_are_whole_512_px_tiles_near_the_source_resolution():
    # 8192 / π = 2608 px: 2048 (4 × 4 tiles) is nearer in ratio than 4096.
    geometry = cube_geometry(8192)
    assert (geometry.face_size, geometry.tile_resolution, geometry.levels) == (2048, 512, 3)
    assert [geometry.level_size(level) for level in (1, 2, 3)] == [512, 1024, 2048]
    # 16384 / π = 5215 px: 8 × 8 tiles of 512.
    assert cube_geometry(16384) == tiler.CubeGeometry(4096, 4, 512)


def test_cube_size_is_capped():
    assert cube_geometry(40_000, max_face_size=4096).face_size == 4096


def test_a_source_too_small_for_one_tile_gets_one_smaller_tile():
    assert cube_geometry(1000) == tiler.CubeGeometry(320, 1, 320)


@pytest.mark.parametrize("tile", [64, 256, 512])
def test_every_level_is_a_power_of_two_of_tiles_of_the_asked_size(tile):
    for width in range(64, 30_000, 97):
        geometry = cube_geometry(width, tile)
        target = min(width / math.pi, 8192)
        if target < tile:
            assert geometry.levels == 1 and geometry.face_size <= tile
            continue
        tiles = geometry.face_size // geometry.tile_resolution
        assert geometry.tile_resolution == tile
        assert tiles * tile == geometry.face_size
        assert tiles.bit_count() == 1  # a power of two across, at every level
        assert geometry.levels == tiles.bit_length()
        assert geometry.level_size(1) == tile
        # Within √2 of the source's own resolution at the face centre.
        assert target / math.sqrt(2) <= geometry.face_size <= target * math.sqrt(2) + 1


# --- tile sets in storage -----------------------------------------------------------


@pytest.fixture(scope="module")
def tiled(tmp_path_factory) -> tuple[TileSet, Path, bytes]:
    """A 4096 × 2048 compass panorama tiled once for the tests that only read it."""
    root = tmp_path_factory.mktemp("tiles")
    source = jpeg_bytes(compass_panorama(4096))
    result = tile_panorama(source, FileSystemStorage(location=root), "tours/tiles")
    return result, root, source


def test_tile_set_describes_a_pannellum_multires_panorama(tiled):
    result, _, _ = tiled
    assert result.base_name.startswith("tours/tiles/")
    assert len(result.source_sha256) == 64
    # Keyed on the content and on the layout: a file once written never changes.
    assert result.base_name == f"tours/tiles/{result.source_sha256}/512px-q75-v2"
    assert (result.face_size, result.levels, result.tile_resolution) == (1024, 2, 512)
    assert result.multires == {
        "path": "/%l/%s%y_%x",
        "fallbackPath": "/fallback/%s",
        "extension": "jpg",
        "tileResolution": 512,
        "maxLevel": 2,
        "cubeResolution": 1024,
    }
    assert result.reused is False


def test_pyramid_has_every_tile_of_every_level_and_nothing_else(tiled):
    result, root, _ = tiled
    base = root / result.base_name
    # 1024 px: 2 × 2 tiles; 512 px: one tile.
    expected = {
        f"{level}/{face}{row}_{col}.jpg"
        for level, count in ((2, 2), (1, 1))
        for face in "fbudlr"
        for row in range(count)
        for col in range(count)
    }
    expected |= {f"fallback/{face}.jpg" for face in "fbudlr"} | {"preview.jpg", "manifest.json"}
    assert set(files_under(base)) == expected
    assert sorted(result.paths) == sorted(f"{result.base_name}/{name}" for name in expected)


def test_tiles_of_every_level_are_512_px(tiled):
    result, root, _ = tiled
    base = root / result.base_name
    for face in "fbudlr":
        for level, count in ((2, 2), (1, 1)):
            for row, col in ((0, 0), (count - 1, count - 1), (0, count - 1)):
                with Image.open(base / f"{level}/{face}{row}_{col}.jpg") as tile:
                    assert tile.size == (512, 512), (face, level, row, col)
                    assert tile.format == "JPEG"


def test_tile_names_are_row_then_column(tiled):
    result, root, _ = tiled
    base = root / result.base_name
    # The top-right tile of the front face looks up and to the right of yaw 0.
    with Image.open(base / "2/f0_1.jpg") as top_right:
        assert close(pixel(top_right, 0.5, 0.5), sector_colour(45, "upper"), JPEG_TOLERANCE)
    with Image.open(base / "2/f1_0.jpg") as bottom_left:
        assert close(pixel(bottom_left, 0.5, 0.5), sector_colour(-45, "lower"), JPEG_TOLERANCE)
    # r0_1 is the top-right tile of the right face, whose right-hand side turns
    # towards the back.
    with Image.open(base / "2/r0_1.jpg") as right_top_right:
        assert close(pixel(right_top_right, 0.5, 0.25), sector_colour(135, "upper"), JPEG_TOLERANCE)


def test_smallest_level_and_fallback_show_each_face_centre(tiled):
    result, root, _ = tiled
    base = root / result.base_name
    centres = {face: sector_colour(yaw, "middle") for face, yaw in SIDE_FACES.items()}
    centres |= {"u": UP_CAP, "d": DOWN_CAP}
    for face, colour in centres.items():
        with Image.open(base / f"fallback/{face}.jpg") as fallback:
            assert fallback.size == (1024, 1024)
            assert close(pixel(fallback, 0.5, 0.5), colour, JPEG_TOLERANCE), face
        with Image.open(base / f"1/{face}0_0.jpg") as whole_face:
            assert close(pixel(whole_face, 0.5, 0.5), colour, JPEG_TOLERANCE), face


def test_preview_is_a_small_equirectangular_copy(tiled):
    result, root, _ = tiled
    with Image.open(root / result.preview_name) as preview:
        assert preview.size == (1024, 512)
        assert close(pixel(preview, 0.5, 0.5), sector_colour(0, "middle"), JPEG_TOLERANCE)
        assert close(pixel(preview, 0.75, 0.5), sector_colour(90, "middle"), JPEG_TOLERANCE)


def test_manifest_marks_the_set_complete_and_reads_back_as_the_result(tiled):
    result, root, _ = tiled
    manifest = json.loads((root / result.base_name / "manifest.json").read_bytes())
    assert manifest["version"] == tiler.MANIFEST_VERSION
    assert TileSet.from_manifest(json.dumps(manifest).encode()) == result
    assert result.paths[-1] == f"{result.base_name}/manifest.json"


def test_same_bytes_are_not_tiled_again(tiled, monkeypatch):
    result, root, source = tiled
    before = files_under(root)

    def refuse(*args, **kwargs):
        raise AssertionError("the panorama was decoded again")

    monkeypatch.setattr(Image, "open", refuse)
    again = tile_panorama(io.BytesIO(source), FileSystemStorage(location=root), "tours/tiles")
    assert again == result
    assert again.reused is True
    assert files_under(root) == before


def test_different_bytes_get_their_own_folder(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    array = compass_panorama(512)
    first = tile_panorama(jpeg_bytes(array, 90), storage, "p", tile_resolution=64)
    second = tile_panorama(jpeg_bytes(array, 80), storage, "p", tile_resolution=64)
    assert first.base_name != second.base_name
    assert not second.reused


def test_left_overs_of_an_interrupted_run_are_replaced_not_duplicated(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    source = jpeg_bytes(compass_panorama(512))
    base = tmp_path / "p" / tiler.hashlib.sha256(source).hexdigest() / "64px-q75-v2"
    (base / "1").mkdir(parents=True)
    (base / "1" / "f0_0.jpg").write_bytes(b"half a tile")

    result = tile_panorama(source, storage, "p", tile_resolution=64)

    level_one = result.face_size >> (result.levels - 1)
    with Image.open(base / "1" / "f0_0.jpg") as tile:
        tile.load()
        assert tile.size == (level_one, level_one)
    assert sorted(files_under(tmp_path)) == sorted(result.paths)


def test_small_tiles_give_deeper_pyramids_of_equal_tiles(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    # 1024 / π = 326 px: 4 tiles of 64 (256 px) are nearer than 8 (512 px); then 2
    # and 1 tiles on 128 and 64 px.
    result = tile_panorama(jpeg_bytes(compass_panorama(1024)), storage, "p", tile_resolution=64)
    assert (result.face_size, result.levels, result.tile_resolution) == (256, 3, 64)
    base = tmp_path / result.base_name
    for level, count in ((3, 4), (2, 2), (1, 1)):
        names = {p.name for p in (base / str(level)).iterdir() if p.name.startswith("u")}
        assert names == {f"u{row}_{col}.jpg" for row in range(count) for col in range(count)}
        for row in range(count):
            for col in range(count):
                with Image.open(base / str(level) / f"u{row}_{col}.jpg") as tile:
                    assert tile.size == (64, 64), (level, row, col)
    with Image.open(base / "fallback/u.jpg") as fallback:
        assert fallback.size == (256, 256)  # never upscaled past the face itself


def test_every_tile_matches_the_same_face_projected_whole(tmp_path):
    """Strip by strip, band by band, through a ring of rows: the same pixels as at once."""
    array = compass_panorama(2048)
    storage = FileSystemStorage(location=tmp_path)
    result = tile_panorama(jpeg_bytes(array, 98), storage, "p", tile_resolution=64)
    with Image.open(io.BytesIO(jpeg_bytes(array, 98))) as decoded:
        whole = Equirectangular(decoded.convert("RGB"))
    base = tmp_path / result.base_name
    tiles = result.face_size // result.tile_resolution
    for face in tiler.FACES:
        expected = np.asarray(whole.face(face, result.face_size)).astype(int)
        for row in range(tiles):
            for col in range(tiles):
                with Image.open(base / f"{result.levels}/{face}{row}_{col}.jpg") as tile:
                    got = np.asarray(tile.convert("RGB")).astype(int)
                box = expected[row * 64 : (row + 1) * 64, col * 64 : (col + 1) * 64]
                assert np.abs(got - box).mean() < 3, (face, row, col)


def test_a_file_object_is_keyed_like_its_bytes(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    source = jpeg_bytes(compass_panorama(512))
    from_file = tile_panorama(io.BytesIO(source), storage, "p", tile_resolution=64)
    from_bytes = tile_panorama(source, storage, "p", tile_resolution=64)
    assert from_bytes.reused and from_bytes == from_file


# --- refusals -----------------------------------------------------------------------


def test_three_to_one_image_is_refused_with_a_readable_message(tmp_path):
    source = jpeg_bytes(np.zeros((300, 900, 3), dtype=np.uint8))
    with pytest.raises(ValueError, match=r"twice as wide as it is high \(2:1\)") as caught:
        tile_panorama(source, FileSystemStorage(location=tmp_path), "p")
    assert isinstance(caught.value, TilingError)
    assert "900 × 300" in str(caught.value)
    assert files_under(tmp_path) == {}


def test_nearly_two_to_one_is_accepted(tmp_path):
    source = jpeg_bytes(np.zeros((500, 1005, 3), dtype=np.uint8))
    result = tile_panorama(source, FileSystemStorage(location=tmp_path), "p", tile_resolution=64)
    assert result.levels >= 1


def test_one_and_a_half_percent_off_is_refused(tmp_path):
    source = jpeg_bytes(np.zeros((500, 1015, 3), dtype=np.uint8))
    with pytest.raises(TilingError, match="2:1"):
        tile_panorama(source, FileSystemStorage(location=tmp_path), "p")


def test_truncated_jpeg_is_a_tiling_error_an_editor_can_read(tmp_path):
    source = jpeg_bytes(compass_panorama(1024))
    with pytest.raises(TilingError, match="damaged or incomplete") as caught:
        tile_panorama(source[: len(source) * 2 // 3], FileSystemStorage(location=tmp_path), "p")
    assert "Traceback" not in str(caught.value)
    assert caught.value.__cause__ is not None  # the decoder's own words, for the logs
    assert files_under(tmp_path) == {}


def test_bytes_that_are_no_image_are_refused(tmp_path):
    with pytest.raises(TilingError, match="not a panorama we can read"):
        tile_panorama(b"<html>not a picture</html>", FileSystemStorage(location=tmp_path), "p")


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail the test if any image's pixels are decoded."""

    def refuse(self, *args, **kwargs):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


def test_over_limit_image_is_refused_from_its_header(tmp_path, no_decoding):
    # 128 megapixels: above our default of 100, below Pillow's own refusal.
    with pytest.raises(TilingError, match="16000 × 8000 pixels") as caught:
        tile_panorama(png_header_only(16000, 8000), FileSystemStorage(location=tmp_path), "p")
    assert "100 megapixels" in str(caught.value)
    assert files_under(tmp_path) == {}


def test_decompression_bomb_is_refused_in_the_same_words(tmp_path, no_decoding):
    with pytest.raises(TilingError, match="larger than the limit"):
        tile_panorama(png_header_only(40000, 20000), FileSystemStorage(location=tmp_path), "p")


def test_pixel_limit_is_a_parameter(tmp_path, no_decoding):
    source = jpeg_bytes(np.zeros((512, 1024, 3), dtype=np.uint8))
    with pytest.raises(TilingError, match=r"limit of 0\.5 megapixels"):
        tile_panorama(source, FileSystemStorage(location=tmp_path), "p", max_pixels=500_000)
