"""The tour editor in Wagtail: the scene panel carries the panorama editor."""

import pytest

from tests.tours import builders
from tours import models

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


def test_tour_edit_form_shows_a_panorama_editor_per_scene(editor):
    page = builders.tour(
        [builders.scene("hall", [builders.go_to("library")]), builders.scene("library")]
    )
    html = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'data-form-prefix="scenes-0"' in html and 'data-form-prefix="scenes-1"' in html
    assert "tours/js/panorama-editor.js" in html and "pannellum.js" in html
    assert 'id="id_scenes-0-hotspots-0-yaw"' in html


def test_panorama_preview_gives_the_editor_a_light_rendition(editor):
    image = builders.panorama(2048, 1024)
    data = editor.get(f"/admin/tours/panorama/{image.pk}/").json()
    assert data["fullSphere"] is True and data["url"].endswith(".jpg")


def test_panorama_preview_is_for_editors_only(client):
    image = builders.panorama()
    assert client.get(f"/admin/tours/panorama/{image.pk}/").status_code == 302  # to the login


def test_saving_a_tour_warns_about_unreachable_scenes(rf):
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage

    from tours.wagtail_hooks import warn_about_unreachable_scenes

    page = builders.tour(
        [
            builders.scene("hall", [builders.go_to("library")]),
            builders.scene("library"),
            builders.scene("attic"),
        ]
    )
    request = rf.post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    warn_about_unreachable_scenes(request, page)
    [message] = list(get_messages(request))
    assert "Attic" in str(message) and "Library" not in str(message)


def test_the_scene_panel_tells_the_editor_why_tiling_failed(editor):
    page = builders.tour([builders.scene("hall")])
    models.PanoramaTiles.objects.update_or_create(
        image=page.scenes.get().panorama,
        defaults={
            "status": models.PanoramaTiles.Status.FAILED,
            "error": "This file is damaged: upload it again.",
        },
    )
    html = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'data-tiles-status="failed"' in html and "This file is damaged: upload it again." in html
