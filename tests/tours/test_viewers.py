"""Viewer configs: each viewer gets its own units, names and tile layout for the same tour.

Tours here are tiled for real (``tours.services.tile_image``), so a test can follow a
tile URL from a config to the file the tiler wrote instead of trusting the templates.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from tests.site import builders as site_builders
from tests.tours import builders
from tours import models, viewers
from tours.services import tile_image

pytestmark = pytest.mark.django_db

FORMATS = sorted(viewers.BUILDERS)
HOSTILE_LABEL = "<img src=x onerror=alert(1)>Hall"


def tiled(image: models.MuseumImage) -> models.MuseumImage:
    assert tile_image(image.pk).status == models.PanoramaTiles.Status.READY
    return image


def media_path(url: str) -> Path:
    assert url.startswith(settings.MEDIA_URL), url
    return Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)


@pytest.fixture
def museum_tour() -> models.TourPage:
    """Three tiled scenes: hall -> garden -> attic -> hall, plus information hotspots."""
    hall = builders.scene(
        "hall",
        [builders.go_to("garden", yaw=30, pitch=-10, label=HOSTILE_LABEL, target_yaw=90)],
        title="Great <b>hall</b>",
        initial_yaw=-45,
        initial_pitch=10,
        initial_fov=90,
        north_offset=20,
        panorama=tiled(builders.panorama()),
    )
    garden = builders.scene(
        "garden",
        [
            builders.go_to("attic", yaw=-120, pitch=5),
            models.Hotspot(
                yaw=10,
                pitch=0,
                label="Draft story",
                target_kind="story",
                target_story=site_builders.story(publish=False),
            ),
            models.Hotspot(
                yaw=20,
                pitch=0,
                label="Published story",
                target_kind="story",
                target_story=site_builders.story(),
            ),
            models.Hotspot(
                yaw=40,
                pitch=0,
                label="Website",
                target_kind="url",
                target_url="https://example.org/",
            ),
        ],
        panorama=tiled(builders.panorama()),
    )
    attic = builders.scene(
        "attic",
        [builders.go_to("hall", yaw=180, pitch=-30, target_pitch=-20)],
        panorama=tiled(builders.panorama()),
    )
    return builders.tour([hall, garden, attic])


def test_builders_are_the_three_viewers_and_emit_json(museum_tour):
    assert set(viewers.BUILDERS) == {"pannellum", "photo_sphere_viewer", "marzipano"}
    for build in viewers.BUILDERS.values():
        json.dumps(build(museum_tour), allow_nan=False)


def test_pannellum_tour_starts_at_the_first_scene_and_links_scenes_in_degrees(museum_tour):
    config = viewers.pannellum(museum_tour)

    assert config["escapeHTML"] is True  # read from the top level only
    assert config["default"]["firstScene"] == "hall"
    assert list(config["scenes"]) == ["hall", "garden", "attic"]
    hall = config["scenes"]["hall"]
    assert (hall["yaw"], hall["pitch"], hall["hfov"], hall["northOffset"]) == (-45, 10, 90, 20)
    assert hall["title"] == "Great hall"
    assert hall["type"] == "multires"
    tiles = models.PanoramaTiles.objects.get(image=museum_tour.scenes.get(key="hall").panorama)
    assert hall["multiRes"] == {
        "basePath": tiles.url_of("base"),
        **tiles.manifest["multires"],
    }
    (link,) = hall["hotSpots"]
    assert link == {
        "id": "hall-0",
        "type": "scene",
        "pitch": -10,
        "yaw": 30,
        "text": "Hall",
        "sceneId": "garden",
        "targetYaw": 90,
    }
    back = config["scenes"]["attic"]["hotSpots"][0]
    assert (back["sceneId"], back["targetPitch"], "targetYaw" in back) == ("hall", -20, False)
    for scene in config["scenes"].values():
        for hotspot in scene["hotSpots"]:
            if hotspot["type"] == "scene":
                assert hotspot["sceneId"] in config["scenes"]


def test_pannellum_multires_paths_lead_to_the_tiles_on_disk(museum_tour):
    multires = viewers.pannellum(museum_tour)["scenes"]["hall"]["multiRes"]
    for level in range(1, multires["maxLevel"] + 1):
        for face in "fbudlr":
            path = (
                multires["path"]
                .replace("%l", str(level))
                .replace("%s", face)
                .replace("%y", "0")
                .replace("%x", "0")
            )
            assert media_path(f"{multires['basePath']}{path}.{multires['extension']}").is_file()


def test_photo_sphere_viewer_nodes_link_in_radians(museum_tour):
    config = viewers.photo_sphere_viewer(museum_tour)

    assert config["adapter"] == "cubemap-tiles"
    assert (config["startNodeId"], config["positionMode"], config["renderMode"]) == (
        "hall",
        "manual",
        "2d",
    )
    nodes = {node["id"]: node for node in config["nodes"]}
    assert list(nodes) == ["hall", "garden", "attic"]
    hall = nodes["hall"]
    assert (hall["name"], hall["caption"]) == ("Great hall", "Great hall")
    assert hall["data"]["initialPosition"] == pytest.approx(
        {"yaw": math.radians(-45), "pitch": math.radians(10)}
    )
    assert hall["data"]["initialHorizontalFov"] == 90
    (link,) = hall["links"]
    assert link["nodeId"] == "garden"
    assert link["position"] == pytest.approx({"yaw": math.radians(30), "pitch": math.radians(-10)})
    assert link["data"]["label"] == "Hall"
    # Only the yaw was chosen: the target scene's own pitch fills in.
    assert link["data"]["arrivePosition"] == pytest.approx({"yaw": math.radians(90), "pitch": 0})
    for node in config["nodes"]:
        assert all(link["nodeId"] in nodes for link in node["links"])


def test_photo_sphere_viewer_tiles_are_the_adapter_format_with_url_templates(museum_tour):
    node = viewers.photo_sphere_viewer(museum_tour)["nodes"][0]
    panorama = node["panorama"]

    assert panorama["levels"] == [{"faceSize": 328, "nbTiles": 1}]
    assert panorama["flipTopBottom"] is True
    assert set(panorama["baseUrl"]) == {"left", "front", "right", "back", "top", "bottom"}
    assert all(media_path(url).is_file() for url in panorama["baseUrl"].values())
    assert panorama["faceLetters"]["top"] == "u"
    (template,) = panorama["tileUrlTemplates"]
    assert template.endswith("/1/{face}{row}_{col}.jpg")
    assert "tileUrl" not in panorama  # a function in PSV: the frontend builds it


def test_marzipano_scenes_use_radians_with_pitch_positive_downwards(museum_tour):
    config = viewers.marzipano(museum_tour)

    scenes = {scene["id"]: scene for scene in config["scenes"]}
    assert list(scenes) == ["hall", "garden", "attic"]
    hall = scenes["hall"]
    assert hall["geometry"] == "cube"
    assert hall["levels"] == [{"tileSize": 328, "size": 328}]
    assert hall["faceSize"] == 328
    view = hall["initialViewParameters"]
    assert (view["yaw"], view["pitch"]) == pytest.approx((math.radians(-45), math.radians(-10)))
    # Vertical for a 16:9 viewer, narrower than the editor's horizontal 90°.
    assert view["fov"] == pytest.approx(2 * math.atan(math.tan(math.pi / 4) * 9 / 16))
    assert hall["initialHorizontalFov"] == pytest.approx(math.pi / 2)
    (link,) = hall["linkHotspots"]
    assert (link["yaw"], link["pitch"]) == pytest.approx((math.radians(30), math.radians(10)))
    assert (link["target"], link["rotation"], link["title"]) == ("garden", 0, "Hall")
    assert link["targetViewParameters"] == pytest.approx({"yaw": math.pi / 2, "pitch": 0})
    for scene in config["scenes"]:
        assert all(link["target"] in scenes for link in scene["linkHotspots"])


@pytest.mark.parametrize("width", [2048, 4096])
def test_every_tile_url_the_configs_can_make_is_a_tile_of_the_announced_size(width):
    """Every level of the pyramid reaches both viewers: power-of-two counts of equal
    tiles are the only levels PSV and Marzipano can place."""
    image = tiled(builders.panorama(width, width // 2))
    tour = builders.tour([builders.scene("hall", panorama=image)])

    psv = viewers.photo_sphere_viewer(tour)["nodes"][0]["panorama"]
    for level, template in zip(psv["levels"], psv["tileUrlTemplates"], strict=True):
        tile_size = level["faceSize"] // level["nbTiles"]
        for face, letter in psv["faceLetters"].items():
            for row in range(level["nbTiles"]):
                for col in range(level["nbTiles"]):
                    url = template.format(face=letter, row=row, col=col)
                    with Image.open(media_path(url)) as tile:
                        assert tile.size == (tile_size, tile_size), (face, url)

    marzipano = viewers.marzipano(tour)["scenes"][0]
    for level, template in zip(marzipano["levels"], marzipano["tileUrlTemplates"], strict=True):
        count = level["size"] // level["tileSize"]
        assert count * level["tileSize"] == level["size"]
        for face in "fbudlr":
            for y in range(count):
                for x in range(count):
                    with Image.open(media_path(template.format(f=face, y=y, x=x))) as tile:
                        assert tile.size == (level["tileSize"], level["tileSize"])

    sizes = {2048: [512], 4096: [512, 1024]}[width]  # 512-px tiles at every level
    assert [level["faceSize"] for level in psv["levels"]] == sizes
    assert [level["size"] for level in marzipano["levels"]] == sizes
    assert marzipano["faceSize"] == sizes[-1]


def _texts(format_name: str, config: dict) -> list[str]:
    if format_name == "pannellum":
        scene = config["scenes"]["hall"]
        return [scene["title"], scene["hotSpots"][0]["text"]]
    if format_name == "photo_sphere_viewer":
        node = config["nodes"][0]
        return [node["name"], node["caption"], node["links"][0]["data"]["label"]]
    scene = config["scenes"][0]
    return [scene["name"], scene["linkHotspots"][0]["title"]]


@pytest.mark.parametrize("format_name", FORMATS)
def test_labels_reach_every_viewer_without_markup(museum_tour, format_name):
    texts = _texts(format_name, viewers.BUILDERS[format_name](museum_tour))
    assert texts[-1] == "Hall"
    assert texts[0] == "Great hall"


@pytest.mark.parametrize(
    ("format_name", "expected"),
    [
        # Pannellum escapes it itself (escapeHTML) ...
        ("pannellum", "<script>x</script> & co"),
        # ... PSV and Marzipano's template insert HTML: the text arrives escaped.
        ("photo_sphere_viewer", "&lt;script&gt;x&lt;/script&gt; &amp; co"),
        ("marzipano", "&lt;script&gt;x&lt;/script&gt; &amp; co"),
    ],
)
def test_decoded_entities_cannot_become_markup(format_name, expected):
    label = "&lt;script&gt;x&lt;/script&gt; &amp; co"
    tour = builders.tour(
        [
            builders.scene("hall", [builders.go_to("hall", label=label)], title=label),
        ]
    )
    texts = _texts(format_name, viewers.BUILDERS[format_name](tour))
    assert set(texts) == {expected}


def test_a_hotspot_to_an_unpublished_story_is_not_a_link(museum_tour):
    story_id = str(
        museum_tour.scenes.get(key="garden").hotspots.get(label="Published story").target_story_id
    )
    pannellum = {
        hotspot["text"]: hotspot
        for hotspot in viewers.pannellum(museum_tour)["scenes"]["garden"]["hotSpots"]
    }
    assert pannellum["Draft story"] == {
        "id": "garden-1",
        "type": "info",
        "pitch": 0,
        "yaw": 10,
        "text": "Draft story",
    }
    assert pannellum["Published story"]["target"] == {"kind": "story", "id": story_id}
    assert "URL" not in pannellum["Published story"]
    assert pannellum["Website"]["URL"] == "https://example.org/"
    assert pannellum["Website"]["target"] == {"kind": "url", "url": "https://example.org/"}

    psv_markers = {
        marker["tooltip"]["content"]: marker
        for marker in viewers.photo_sphere_viewer(museum_tour)["nodes"][1]["markers"]
    }
    assert "target" not in psv_markers["Draft story"]["data"]
    assert psv_markers["Published story"]["data"]["target"] == {"kind": "story", "id": story_id}
    assert psv_markers["Draft story"]["position"] == pytest.approx(
        {"yaw": math.radians(10), "pitch": 0}
    )

    marzipano = {
        hotspot["title"]: hotspot
        for hotspot in viewers.marzipano(museum_tour)["scenes"][1]["infoHotspots"]
    }
    assert "target" not in marzipano["Draft story"]
    assert marzipano["Published story"]["target"] == {"kind": "story", "id": story_id}
    assert [
        link["target"] for link in viewers.marzipano(museum_tour)["scenes"][1]["linkHotspots"]
    ] == ["attic"]


def test_scenes_without_ready_tiles_fall_back_to_the_equirectangular_image():
    ready = builders.scene("ready", panorama=tiled(builders.panorama()))
    untiled = builders.scene("untiled", panorama=builders.panorama(1024, 512))
    failed_image = builders.panorama(1024, 512)
    models.PanoramaTiles.objects.create(
        image=failed_image, status=models.PanoramaTiles.Status.FAILED, error="Damaged"
    )
    failed = builders.scene("failed", panorama=failed_image)
    stale_image = tiled(builders.panorama(1024, 512))
    models.PanoramaTiles.objects.filter(image=stale_image).update(image_file_hash="replaced")
    stale = builders.scene("stale", panorama=stale_image)
    tour = builders.tour([ready, untiled, failed, stale])

    pannellum = viewers.pannellum(tour)["scenes"]
    assert pannellum["ready"]["type"] == "multires"
    for key in ("untiled", "failed", "stale"):
        assert pannellum[key]["type"] == "equirectangular"
        assert "multiRes" not in pannellum[key]
        with Image.open(media_path(pannellum[key]["panorama"])) as image:
            assert image.size == (1024, 512)  # the rendition never enlarges

    marzipano = {scene["id"]: scene for scene in viewers.marzipano(tour)["scenes"]}
    assert marzipano["ready"]["geometry"] == "cube"
    assert marzipano["untiled"]["geometry"] == "equirect"
    assert marzipano["untiled"]["url"] == pannellum["untiled"]["panorama"]
    assert marzipano["untiled"]["levels"] == [{"width": 1024}]

    # PSV keeps one adapter per viewer: one untiled scene puts the tour on images.
    psv = viewers.photo_sphere_viewer(tour)
    assert psv["adapter"] == "equirectangular"
    assert all(isinstance(node["panorama"], str) for node in psv["nodes"])
    assert psv["nodes"][1]["panorama"] == pannellum["untiled"]["panorama"]


def test_a_tour_costs_a_fixed_number_of_queries(django_assert_max_num_queries):
    def tour_of(count: int) -> models.TourPage:
        image = tiled(builders.panorama())
        story = site_builders.story()
        scenes = [
            builders.scene(
                f"room-{n}",
                [
                    builders.go_to(f"room-{(n + 1) % count}"),
                    models.Hotspot(
                        yaw=0, pitch=0, label="Story", target_kind="story", target_story=story
                    ),
                ],
                panorama=image,
            )
            for n in range(count)
        ]
        return builders.tour(scenes)

    tours = [tour_of(2), tour_of(8)]
    for build in viewers.BUILDERS.values():
        for tour in tours:
            page = models.TourPage.objects.get(pk=tour.pk)
            with django_assert_max_num_queries(3):
                build(page)


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_draft_tour_in_memory_builds_too(format_name):
    """Preview renders the editor's unsaved cluster, where scenes and hotspots are not
    in the database yet."""
    draft = models.TourPage(
        title="Draft",
        slug="draft",
        intro="Not saved.",
        scenes=[
            builders.scene("hall", [builders.go_to("attic")], panorama=tiled(builders.panorama())),
            builders.scene("attic", [builders.go_to("hall")]),
        ],
    )
    config = viewers.BUILDERS[format_name](draft)
    assert "hall" in json.dumps(config) and "attic" in json.dumps(config)


def test_a_partial_panorama_is_shown_at_its_angle_of_view_not_over_the_sphere():
    # A 180° strip 1024 x 256 px: 180 * 256 / 1024 = 45° high, its middle 10° up.
    strip = builders.scene(
        "strip",
        panorama=builders.panorama(1024, 256),
        full_sphere=False,
        horizontal_angle=180,
        vertical_offset=10,
    )
    whole = builders.scene("whole", panorama=builders.panorama(1024, 512))
    tour = builders.tour([strip, whole])

    pannellum = viewers.pannellum(tour)["scenes"]
    assert pannellum["strip"]["type"] == "equirectangular"
    assert (pannellum["strip"]["haov"], pannellum["strip"]["vaov"]) == (180, 45)
    assert pannellum["strip"]["vOffset"] == 10
    assert "haov" not in pannellum["whole"] and "vOffset" not in pannellum["whole"]

    nodes = {node["id"]: node for node in viewers.photo_sphere_viewer(tour)["nodes"]}
    # The strip sits in a 2048 x 1024 sphere (360° / 180° = twice its width), centred
    # across, and 10° (10 * 2048 / 360 ≈ 57 px) above the middle.
    assert nodes["strip"]["panoData"] == {
        "fullWidth": 2048,
        "fullHeight": 1024,
        "croppedWidth": 1024,
        "croppedHeight": 256,
        "croppedX": 512,
        "croppedY": 384 - 57,
    }
    assert "panoData" not in nodes["whole"]


def test_a_partial_panorama_never_passes_a_pole():
    # 360° wide and 1024 x 400 px: 140.6° high, so at most 19.7° off the horizon.
    scene = builders.scene(
        "tall",
        panorama=builders.panorama(1024, 400),
        full_sphere=False,
        horizontal_angle=360,
        vertical_offset=-60,
    )
    haov, vaov, v_offset = scene.angles_of_view()
    assert (haov, round(vaov, 1), round(v_offset, 1)) == (360, 140.6, -19.7)
    pano_data = viewers.photo_sphere_viewer(builders.tour([scene]))["nodes"][0]["panoData"]
    assert pano_data["croppedY"] + pano_data["croppedHeight"] <= pano_data["fullHeight"]
    assert builders.scene("sphere", panorama=builders.panorama()).angles_of_view() is None
