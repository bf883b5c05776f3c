"""The demo tour: drawn panoramas whose hotspots sit on what they point at, loaded once.

Panoramas are drawn small here (the geometry does not depend on the width), so drawing
and tiling four of them stays well under a second or two.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from museum_site.models import MuseumImage
from tests.site import builders as site_builders
from tours import demo, demo_panoramas
from tours.demo_panoramas import HALL, PRIMITIVES, ROOMS, Direction
from tours.models import FloorPlan, GuidedStop, Hotspot, PanoramaTiles, Scene, TourPage

TEST_WIDTH = 512
PAINTINGS = {"religious", "annunciation", "portrait", "portrait-red", "triptych", "winter"}


def pixel(image: Image.Image, direction: Direction) -> tuple[int, int, int]:
    """The panorama's pixel in `direction` (column 0 is yaw -180, row 0 is pitch +90)."""
    column = int((direction.yaw + 180) / 360 * image.width) % image.width
    row = min(image.height - 1, int((90 - direction.pitch) / 180 * image.height))
    r, g, b = image.getpixel((column, row))[:3]
    return r, g, b


def distance(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def test_a_drawn_panorama_is_dark_through_its_doorways_and_wall_coloured_beside_them():
    image = demo_panoramas.render_panorama(HALL, TEST_WIDTH)

    assert image.size == (TEST_WIDTH, TEST_WIDTH // 2)
    doorway = pixel(image, HALL.doorway_direction("primitieven"))
    bare_wall = pixel(image, HALL.direction_to(HALL.wall_point("east", 5.2, 1.6)))
    assert max(doorway) < 60, doorway
    assert distance(bare_wall, HALL.wall_colour) < 50, bare_wall  # shaded, not painted over
    assert distance(doorway, bare_wall) > 120


def test_every_doorway_and_painting_is_where_its_hotspot_will_be():
    for room in ROOMS:
        image = demo_panoramas.render_panorama(room, TEST_WIDTH)
        for door in room.doorways:
            if door.leads_to:
                assert max(pixel(image, room.doorway_direction(door.leads_to))) < 60, (
                    room.key,
                    door,
                )
        for exhibit in room.exhibits:
            if exhibit.kind in PAINTINGS:
                centre = pixel(image, room.exhibit_direction(exhibit.key))
                assert distance(centre, room.wall_colour) > 40, (room.key, exhibit.key)


def test_drawing_is_deterministic_and_encodes_as_a_two_to_one_jpeg():
    first = demo_panoramas.panorama_jpeg(PRIMITIVES, 256)
    assert first == demo_panoramas.panorama_jpeg(PRIMITIVES, 256)
    assert Image.open(io.BytesIO(first)).size == (256, 128)


def test_the_floor_plan_holds_every_camera():
    plan = Image.open(io.BytesIO(demo_panoramas.floor_plan_png()))
    frame = demo_panoramas.PlanFrame.around(ROOMS)

    assert plan.size == demo_panoramas.PLAN_SIZE
    positions = [frame.position(room) for room in ROOMS]
    assert all(0 < x < 1 and 0 < y < 1 for x, y in positions)
    assert len(set(positions)) == len(ROOMS)


@pytest.mark.django_db
def test_loading_the_demo_tour_twice_builds_one_tour_that_is_tiled_and_walkable(
    django_capture_on_commit_callbacks,
):
    triptych = site_builders.collection_object(inventory_number="MAL.1952.002", title="Drieluik")
    story = site_builders.story(slug="zilver-voor-de-gilden", title="Zilver voor de gilden")
    exhibition = site_builders.exhibition(slug="van-eyck-tot-rubens", title="Van Eyck")
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        demo.load_demo_tour(out, panorama_width=TEST_WIDTH)
    counts = (
        TourPage.objects.count(),
        Scene.objects.count(),
        Hotspot.objects.count(),
        MuseumImage.objects.count(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        demo.load_demo_tour(out, panorama_width=TEST_WIDTH)

    assert (
        TourPage.objects.count(),
        Scene.objects.count(),
        Hotspot.objects.count(),
        MuseumImage.objects.count(),
    ) == counts
    assert "already there" in out.getvalue()
    tour = TourPage.objects.get(slug="rondleiding", locale__language_code="nl")
    assert tour.live and tour.title == "Rondleiding door het museum"
    scenes = list(tour.scenes.all())
    assert len(scenes) >= 4
    assert tour.unreachable_scenes() == []
    tour.clean()  # every key a hotspot, stop or scene refers to exists

    assert GuidedStop.objects.filter(tour=tour).count() == 3
    (plan,) = FloorPlan.objects.filter(tour=tour)
    for scene in scenes:
        assert scene.floor_plan_key == plan.key
        assert 0 <= scene.plan_x <= 1 and 0 <= scene.plan_y <= 1
        assert scene.panorama.width == 2 * scene.panorama.height
        tiles = PanoramaTiles.objects.get(image=scene.panorama)
        assert tiles.status == PanoramaTiles.Status.READY, tiles.error

    info = {
        hotspot.target_kind: hotspot
        for hotspot in Hotspot.objects.filter(scene__tour=tour).exclude(target_kind="scene")
    }
    assert info["object"].target_object == triptych
    assert info["story"].target_story.pk == story.pk
    assert info["exhibition"].target_exhibition.pk == exhibition.pk
    # Only the three targets that exist got hotspots; the rest were skipped, not broken.
    assert Hotspot.objects.filter(scene__tour=tour).exclude(target_kind="scene").count() == 3
    expected = PRIMITIVES.exhibit_direction("MAL.1952.002")
    assert (info["object"].yaw, info["object"].pitch) == (expected.yaw, expected.pitch)


@pytest.mark.django_db
def test_every_doorway_leads_both_ways_and_arrives_looking_onwards():
    demo.load_demo_tour(panorama_width=TEST_WIDTH)
    tour = TourPage.objects.get(slug="rondleiding", locale__language_code="nl")

    links = {
        (hotspot.scene.key, hotspot.target_scene_key): hotspot
        for hotspot in Hotspot.objects.filter(scene__tour=tour, target_kind="scene")
    }
    assert len(links) >= 8
    for origin, destination in links:
        assert (destination, origin) in links
        assert links[(origin, destination)].target_yaw is not None


@pytest.mark.django_db
def test_the_english_translation_points_at_english_objects():
    site_builders.home("en")
    site_builders.collection_object("nl", inventory_number="MAL.1909.022", title="Koningsbreuk")
    collar = site_builders.collection_object(
        "en", inventory_number="MAL.1909.022", title="King's collar"
    )
    out = io.StringIO()

    demo.load_demo_tour(out, panorama_width=TEST_WIDTH)

    tour = TourPage.objects.get(slug="rondleiding", locale__language_code="nl")
    english = tour.get_translation(site_builders.locale("en"))
    assert english.live and english.title == "A walk through the museum"
    assert english.get_parent().slug == "tours"
    assert [scene.title for scene in english.scenes.all()][:2] == [
        "Entrance hall",
        "Flemish Primitives",
    ]
    assert english.unreachable_scenes() == []
    assert english.stops.count() == 3
    assert english.stops.first().narration.startswith("Welcome")
    (object_hotspot,) = Hotspot.objects.filter(scene__tour=english, target_kind="object")
    assert object_hotspot.target_object == collar
    assert object_hotspot.label == "King's collar"
    assert "published the en translation" in out.getvalue()
    # The Dutch tour keeps its own scenes and hotspots.
    assert Hotspot.objects.get(scene__tour=tour, target_kind="object").label == "Koningsbreuk"
