"""Editors see their draft in Wagtail's preview pane before anything is published."""

import html
import re

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.site import builders

pytestmark = pytest.mark.django_db


def test_preview_page_renders_the_draft_from_a_token(client):
    story = builders.story(
        title="Gepubliceerd",
        body=[
            ("text", "<p>Nieuwe alinea</p>"),
            ("quote", {"text": "Als ich can", "attribution": "Van Eyck", "source": ""}),
        ],
    )
    story.title = "Concepttitel"
    draft = story.save_revision().as_object()
    token = draft.create_page_preview().token

    response = client.get("/preview", {"content_type": "museum_site.storypage", "token": token})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Concepttitel" in html and "Nieuwe alinea" in html and "Als ich can" in html


def test_preview_refuses_forged_tokens_and_other_models(client):
    assert (
        client.get(
            "/preview", {"content_type": "museum_site.storypage", "token": "id=1:x"}
        ).status_code
        == 404
    )
    assert client.get("/preview", {"content_type": "auth.user", "token": "x"}).status_code == 404


def test_admin_preview_pane_points_at_the_preview_page(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    story = builders.story(title="Verhaal")
    preview_url = f"/admin/pages/{story.pk}/edit/preview/"
    data = nested_form_data(
        {
            "title": "Verhaal (concept)",
            "slug": story.slug,
            "intro": "Een inleiding",
            "date": "2026-01-01",
            "body": streamfield([("text", rich_text("<p>Concepttekst</p>"))]),
            "comments": inline_formset([]),
        }
    )
    assert client.post(preview_url, data).json()["is_valid"]
    pane = client.get(preview_url).content.decode()
    src = re.search(r'src="(/preview\?[^"]+)"', pane)
    assert src, pane
    shown = client.get(html.unescape(src.group(1))).content.decode()
    assert "Verhaal (concept)" in shown and "Concepttekst" in shown
