"""Tours over GraphQL: scenes, typed hotspot targets, tiles, constant query counts."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.site import builders as site_builders
from tests.tours import builders
from tours import models

pytestmark = pytest.mark.django_db

TOUR = """query($slug: String!) { tour(slug: $slug) {
  title unreachableSceneKeys
  scenes { key title description initialYaw panorama { rendition(preset: THUMBNAIL) { url } }
    tiles { status baseUrl levels faceSize path }
    hotspots { yaw pitch label kind target {
      __typename
      ... on SceneLink { sceneKey sceneTitle yaw }
      ... on CollectionObject { inventoryNumber }
      ... on Story { slug }
      ... on ExternalLink { url }
    } } }
  floorPlans { key title }
  stops { sceneKey narration dwellSeconds }
} }"""


@pytest.fixture
def uncached(settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 0}
    # The first answer makes every rendition (in production the background job does).
    settings.VITRINE_IMAGES = {**settings.VITRINE_IMAGES, "RENDITIONS_PER_REQUEST": 10_000}


def test_tour_answers_scenes_and_typed_targets(graphql):
    obj = site_builders.collection_object(inventory_number="V.1")
    story = site_builders.story(slug="de-zaal")
    hidden = site_builders.story(slug="concept", publish=False)
    builders.tour(
        [
            builders.scene(
                "hall",
                [
                    builders.go_to(
                        "library", yaw=90, target_yaw=-45, label="<b>To the</b> library"
                    ),
                    models.Hotspot(
                        yaw=10, pitch=5, label="Vase", target_kind="object", target_object=obj
                    ),
                    models.Hotspot(
                        yaw=20, pitch=0, label="Story", target_kind="story", target_story=story
                    ),
                    models.Hotspot(
                        yaw=30, pitch=0, label="Draft", target_kind="story", target_story=hidden
                    ),
                    models.Hotspot(
                        yaw=40,
                        pitch=0,
                        label="Web",
                        target_kind="url",
                        target_url="https://example.org/",
                    ),
                ],
            ),
            builders.scene("library", [builders.go_to("hall")]),
            builders.scene("attic"),
        ],
        slug="rondgang",
        stops=[models.GuidedStop(scene_key="hall", narration="Welkom", dwell_seconds=15)],
    )
    tour = graphql(TOUR, {"slug": "rondgang"})["data"]["tour"]
    assert [scene["key"] for scene in tour["scenes"]] == ["hall", "library", "attic"]
    assert tour["unreachableSceneKeys"] == ["attic"]
    hotspots = tour["scenes"][0]["hotspots"]
    assert hotspots[0]["label"] == "To the library"
    assert hotspots[0]["target"] == {
        "__typename": "SceneLink",
        "sceneKey": "library",
        "sceneTitle": "Library",
        "yaw": -45.0,
    }
    assert hotspots[1]["target"] == {"__typename": "CollectionObject", "inventoryNumber": "V.1"}
    assert hotspots[2]["target"] == {"__typename": "Story", "slug": "de-zaal"}
    assert hotspots[3]["target"] is None  # unpublished story: no link
    assert hotspots[4]["target"] == {"__typename": "ExternalLink", "url": "https://example.org/"}
    assert tour["stops"] == [{"sceneKey": "hall", "narration": "Welkom", "dwellSeconds": 15}]


def test_viewer_configs_hold_only_the_tours_own_scenes(graphql):
    """Two tours with the same scene keys (a tour and its translation look like this)."""
    for slug in ("eerste", "tweede"):
        builders.tour(
            [builders.scene("hall", [builders.go_to("attic")]), builders.scene("attic")],
            slug=slug,
        )
    answer = graphql(
        """query { tour(slug: "tweede") {
          psv: viewerConfig(format: PHOTO_SPHERE_VIEWER)
          pannellum: viewerConfig(format: PANNELLUM)
          marzipano: viewerConfig(format: MARZIPANO)
        } }"""
    )["data"]["tour"]
    assert [node["id"] for node in json.loads(answer["psv"])["nodes"]] == ["hall", "attic"]
    assert list(json.loads(answer["pannellum"])["scenes"]) == ["hall", "attic"]
    assert [scene["id"] for scene in json.loads(answer["marzipano"])["scenes"]] == ["hall", "attic"]


def test_publishing_a_tour_tiles_its_panoramas(graphql, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        builders.tour([builders.scene("hall")], slug="getegeld")
    scene = graphql(TOUR, {"slug": "getegeld"})["data"]["tour"]["scenes"][0]
    assert scene["tiles"]["status"] == "READY"
    assert scene["tiles"]["levels"] >= 1 and scene["tiles"]["path"] == "/%l/%s%y_%x"


def test_a_damaged_panorama_fails_with_a_message_for_the_editor(django_capture_on_commit_callbacks):
    from pathlib import Path

    image = builders.panorama()
    stored = Path(image.file.path)
    # Wagtail refuses damaged uploads, but storage can still lose a file's tail.
    stored.write_bytes(stored.read_bytes()[: stored.stat().st_size // 3])
    with django_capture_on_commit_callbacks(execute=True):
        builders.tour([builders.scene("hall", panorama=image)])
    tiles = models.PanoramaTiles.objects.get(image=image)
    assert tiles.status == models.PanoramaTiles.Status.FAILED
    assert "damaged" in tiles.error.lower() or "truncated" in tiles.error.lower(), tiles.error
    assert "Traceback" not in tiles.error


def test_tour_costs_the_same_queries_for_3_and_30_scenes(graphql, uncached):
    counts = []
    for size in (3, 30):
        keys = [f"s{i}" for i in range(size)]
        obj = site_builders.collection_object()
        scenes = [
            builders.scene(
                key,
                [
                    builders.go_to(keys[(i + 1) % size]),
                    models.Hotspot(
                        yaw=5, pitch=0, label="Obj", target_kind="object", target_object=obj
                    ),
                ],
                panorama=builders.panorama(64, 32),
            )
            for i, key in enumerate(keys)
        ]
        builders.tour(scenes, slug=f"tour-{size}")
        graphql(TOUR, {"slug": f"tour-{size}"})
        with CaptureQueriesContext(connection) as queries:
            result = graphql(TOUR, {"slug": f"tour-{size}"})
        assert len(result["data"]["tour"]["scenes"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_tour_list_card_makes_renditions_of_the_start_scene_only(graphql, uncached):
    """The tours list shows one still per tour: asking for every scene's image made a cold
    list render a rendition set of each panorama (four times the work for the demo tour)."""
    panoramas = [builders.panorama(64, 32, title=f"Room {i}") for i in range(3)]
    builders.tour(
        [builders.scene(key, panorama=image) for key, image in zip("abc", panoramas, strict=True)],
        slug="rooms",
    )
    result = graphql(
        """{ tours { nodes { scenes { key title }
             startScene { key panorama { rendition(preset: CARD, format: WEBP) { url } } } } } }"""
    )
    (card,) = result["data"]["tours"]["nodes"]
    assert [scene["key"] for scene in card["scenes"]] == ["a", "b", "c"]
    assert card["startScene"]["key"] == "a"
    assert card["startScene"]["panorama"]["rendition"]["url"].endswith(".webp")
    assert panoramas[0].renditions.exists()
    assert not any(image.renditions.exists() for image in panoramas[1:])
