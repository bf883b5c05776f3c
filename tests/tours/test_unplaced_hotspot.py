"""Saving a tour whose new hotspot is not placed yet is a form error, never a 500.

The editor adds a hotspot, then saves (or Wagtail 8's autosave posts the form) before
clicking "Place on panorama": yaw and pitch are empty. Hotspot.clean used to do angle
maths on None and the edit view answered a server error.
"""

from __future__ import annotations

import html

import pytest
from django.utils import translation
from wagtail.test.utils.form_data import querydict_from_html

from tests.tours import builders

pytestmark = pytest.mark.django_db

UNPLACED = {
    "en": "This hotspot is not placed yet",
    "nl": "Deze hotspot is nog niet geplaatst",
}


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


def form_with_an_unplaced_hotspot(editor, page) -> dict:
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(editor.get(url).content.decode(), form_id="page-edit-form")
    # A second hotspot added with "Add hotspot", given a label and a target, not placed.
    prefix = "scenes-0-hotspots"
    data[f"{prefix}-TOTAL_FORMS"] = "2"
    data.update(
        {
            f"{prefix}-1-id": "",
            f"{prefix}-1-ORDER": "2",
            f"{prefix}-1-DELETE": "",
            f"{prefix}-1-label": "To the hall",
            f"{prefix}-1-target_kind": "scene",
            f"{prefix}-1-target_scene_key": "hall",
            f"{prefix}-1-yaw": "",
            f"{prefix}-1-pitch": "",
        }
    )
    return data


@pytest.mark.parametrize("action", ["save", "publish"])
def test_saving_a_tour_with_an_unplaced_hotspot_is_a_form_error(editor, action):
    page = builders.tour([builders.scene("hall", [builders.go_to("hall")])])
    data = form_with_an_unplaced_hotspot(editor, page)
    if action == "publish":
        data["action-publish"] = "action-publish"
    with translation.override("en"):
        response = editor.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert UNPLACED["en"] in html.unescape(response.content.decode())
    assert page.scenes.get().hotspots.count() == 1


def test_the_autosave_of_an_unplaced_hotspot_answers_a_validation_error(editor):
    page = builders.tour([builders.scene("hall", [builders.go_to("hall")])])
    data = form_with_an_unplaced_hotspot(editor, page)
    response = editor.post(
        f"/admin/pages/{page.pk}/edit/", data, headers={"accept": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"


def test_the_unplaced_hotspot_message_is_in_dutch_for_a_dutch_editor():
    from tours.models import Hotspot

    hotspot = Hotspot(label="Naar de bib", target_kind="scene", target_scene_key="hall")
    with translation.override("nl"), pytest.raises(Exception) as raised:
        hotspot.clean()
    assert UNPLACED["nl"] in str(raised.value)
