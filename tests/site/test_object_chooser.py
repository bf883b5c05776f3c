"""The collection-object picker: thumbnails, part-of-word and accent-free search."""

from __future__ import annotations

import pytest

from tests.site import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@museum.be", "pw"))
    return client


def chooser(editor, query: str = "") -> str:
    if query:  # the results panel, as the modal's search box asks for it
        url = "/admin/snippets/choose/museum_site/collectionobject/results/"
        return editor.get(url, {"q": query}).content.decode()
    return editor.get("/admin/snippets/choose/museum_site/collectionobject/").json()["html"]


def test_part_of_a_word_finds_the_object(editor):
    builders.collection_object(title="Drinkbeker met wapenschild")
    builders.collection_object(title="Schenkkan")
    html = chooser(editor, "beker")
    assert "Drinkbeker met wapenschild" in html and "Schenkkan" not in html


def test_accents_do_not_matter_either_way(editor):
    builders.collection_object(title="Église de Gand")
    assert "Église de Gand" in chooser(editor, "eglise")
    builders.collection_object(title="Kerk van Gent")
    assert "Église de Gand" in chooser(editor, "ÉGL")


def test_the_picker_shows_a_thumbnail_of_each_object(editor):
    builders.collection_object(title="Drinkbeker")
    html = chooser(editor)
    assert "Drinkbeker" in html and "<img" in html
