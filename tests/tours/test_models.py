"""Tours keep angles canonical, targets typed, and references inside the tour."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.site import builders as site_builders
from tests.tours import builders
from tours import models
from tours.angles import clamp_pitch, normalise_yaw

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _messages_in_english():
    """The rules' messages are matched in English here; without this they come in the
    museum's default language, Dutch (tests/site/test_admin_translations.py checks
    that every one of them is translated)."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("given", "expected"),
    [(0, 0), (180, 180), (-180, 180), (270, -90), (-190, 170), (540, 180), (359.5, -0.5)],
)
def test_yaw_is_normalised_to_minus_180_exclusive_180_inclusive(given, expected):
    assert normalise_yaw(given) == pytest.approx(expected)


def test_pitch_is_clamped():
    assert (clamp_pitch(120), clamp_pitch(-95), clamp_pitch(12.5)) == (90, -90, 12.5)


def test_angles_are_stored_canonical():
    page = builders.tour(
        [builders.scene("hall", [builders.go_to("hall", yaw=270, pitch=100)], initial_yaw=-180)]
    )
    scene = page.scenes.get()
    hotspot = scene.hotspots.get()
    assert (scene.initial_yaw, hotspot.yaw, hotspot.pitch) == (180, -90, 90)


def test_database_refuses_a_hotspot_with_two_targets():
    page = builders.tour([builders.scene("hall")])
    hotspot = models.Hotspot(
        scene=page.scenes.get(),
        yaw=0,
        pitch=0,
        label="x",
        target_kind="scene",
        target_scene_key="hall",
        target_url="https://example.org/",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        hotspot.save()


def test_database_refuses_a_hotspot_without_its_target():
    page = builders.tour([builders.scene("hall")])
    hotspot = models.Hotspot(
        scene=page.scenes.get(), yaw=0, pitch=0, label="x", target_kind="object"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        hotspot.save()


def test_clean_keeps_only_the_target_of_the_chosen_kind():
    obj = site_builders.collection_object()
    hotspot = models.Hotspot(
        yaw=10,
        pitch=0,
        label="Vase",
        target_kind="object",
        target_object=obj,
        target_url="https://example.org/",
    )
    hotspot.clean()
    assert hotspot.target == obj and hotspot.target_url == ""


def test_navigation_to_a_scene_of_another_tour_is_refused():
    with pytest.raises(ValidationError, match="leads to scene 'elsewhere'"):
        builders.tour([builders.scene("hall", [builders.go_to("elsewhere")])], publish=False)


def test_duplicate_scene_keys_are_refused():
    with pytest.raises(ValidationError, match="share the key hall"):
        builders.tour([builders.scene("hall"), builders.scene("hall")], publish=False)


def test_stop_on_an_unknown_scene_is_refused():
    page = builders.tour([builders.scene("hall")], publish=False)
    page.stops = [models.GuidedStop(scene_key="attic", narration="Up here...")]
    with pytest.raises(ValidationError, match="scene 'attic'"):
        page.full_clean()


def test_unreachable_scenes_are_named():
    page = builders.tour(
        [
            builders.scene("hall", [builders.go_to("library")]),
            builders.scene("library", [builders.go_to("hall")]),
            builders.scene("attic"),
        ],
        publish=False,
    )
    assert [scene.key for scene in page.unreachable_scenes()] == ["attic"]


def test_full_sphere_scene_refuses_a_panorama_that_is_not_2_to_1():
    scene = builders.scene("hall", panorama=builders.panorama(900, 600))
    with pytest.raises(ValidationError, match="twice as wide as high; this image is 900 x 600"):
        scene.clean()
    scene.full_sphere = False
    scene.clean()  # a partial panorama may have any shape


def test_audio_needs_a_transcript(django_user_model):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    audio = Document.objects.create(title="Audio", file=ContentFile(b"ID3", name="a.mp3"))
    scene = builders.scene("hall", audio=audio)
    with pytest.raises(ValidationError, match="transcript"):
        scene.clean()


def test_a_tour_with_hotspots_can_be_translated():
    from tests.site.builders import locale

    source = builders.tour([builders.scene("hall", [builders.go_to("hall")])])
    english = source.copy_for_translation(locale("en"), copy_parents=True)
    english.save_revision().publish()
    hotspot = models.Hotspot.objects.get(scene__tour=english)
    assert hotspot.locale.language_code == "en"


def test_scenes_made_without_a_sort_order_keep_the_order_they_were_given():
    page = builders.tour(
        [builders.scene("hall"), builders.scene("library"), builders.scene("attic")]
    )
    assert [scene.key for scene in page.scenes.all()] == ["hall", "library", "attic"]
    assert list(
        models.Scene.objects.filter(tour=page).order_by("sort_order").values_list("key", flat=True)
    ) == [
        "hall",
        "library",
        "attic",
    ]
    assert page.start_scene.key == "hall"
