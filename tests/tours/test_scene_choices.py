"""The tour editor without technical keys: scenes are chosen by title, keys are made."""

from __future__ import annotations

import html

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from tests.tours import builders
from tours import models
from tours.scene_choices import key_from_title

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


def test_a_key_is_made_from_the_title_and_never_taken_twice():
    assert key_from_title("Grote zaal", set()) == "grote-zaal"
    assert key_from_title("Grote zaal", {"grote-zaal"}) == "grote-zaal-2"
    assert key_from_title("Église", set()) == "eglise"
    assert key_from_title("???", set()) == "scene"


def test_the_editor_sees_no_key_field_and_chooses_the_target_from_a_list(editor):
    page = builders.tour([builders.scene("hall", [builders.go_to("hall")])])
    text = html.unescape(editor.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    assert 'type="hidden" name="scenes-0-key"' in text
    assert '<select name="scenes-0-hotspots-0-target_scene_key"' in text
    assert "data-scene-choice" in text and "tours/js/scene-choices.js" in text


def test_a_scene_added_without_a_key_gets_one_from_its_title(editor):
    page = builders.tour([builders.scene("hall", [builders.go_to("hall")])])
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(editor.get(url).content.decode(), form_id="page-edit-form")
    panorama = builders.panorama()
    data["scenes-TOTAL_FORMS"] = "2"
    data.update(
        {
            "scenes-1-id": "",
            "scenes-1-ORDER": "2",
            "scenes-1-DELETE": "",
            "scenes-1-key": "",
            "scenes-1-title": "Grote zaal",
            "scenes-1-description": "Een hoge zaal.",
            "scenes-1-panorama": str(panorama.pk),
            "scenes-1-full_sphere": "on",
            "scenes-1-initial_yaw": "0",
            "scenes-1-initial_pitch": "0",
            "scenes-1-initial_fov": "100",
            "scenes-1-north_offset": "0",
            "scenes-1-horizontal_angle": "360",
            "scenes-1-vertical_offset": "0",
            "scenes-1-hotspots-TOTAL_FORMS": "0",
            "scenes-1-hotspots-INITIAL_FORMS": "0",
            "scenes-1-hotspots-MIN_NUM_FORMS": "0",
            "scenes-1-hotspots-MAX_NUM_FORMS": "1000",
        }
    )
    data["action-publish"] = "action-publish"
    response = editor.post(url, data)
    assert response.status_code == 302, [
        (name, formset.errors, formset.non_form_errors())
        for name, formset in response.context["form"].formsets.items()
    ]
    keys = list(models.TourPage.objects.get(pk=page.pk).scenes.values_list("key", flat=True))
    assert keys == ["hall", "grote-zaal"]
