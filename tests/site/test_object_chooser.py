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


# --- Through the search app, as a museum's staff sees it, in nl and en -------------------


@pytest.fixture
def staff_in(client, django_user_model):
    """One of the default museum's staff (not a superuser), in a chosen admin language."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.users.models import UserProfile

    from museum_site.museums.models import Museum
    from museum_site.museums.permissions import grant_staff

    group = Group.objects.create(name="Staff – picker")
    grant_staff(group, Museum.objects.default())
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "add_collectionobject",
                "change_collectionobject",
                "view_collectionobject",
            ]
        )
    )
    user = django_user_model.objects.create_user("balie", "balie@museum.be", "pw")
    user.groups.add(group)

    def login(language: str):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return login


def indexed(*objects):
    from search.indexing import rebuild

    rebuild()
    return objects


def titles_in_order(html: str, *titles: str) -> list[str]:
    return sorted((t for t in titles if t in html), key=html.index)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_typo_finds_the_object_through_the_search_app(staff_in, language):
    indexed(
        builders.collection_object(title="Drinkbeker met wapenschild"),
        builders.collection_object(title="Schenkkan"),
    )
    html = chooser(staff_in(language), "drinkbekre")  # two letters swapped
    assert "Drinkbeker met wapenschild" in html and "Schenkkan" not in html


@pytest.mark.parametrize(("language", "first"), [("nl", "Zilveren beker"), ("en", "Silver beaker")])
def test_the_admin_languages_objects_come_first(staff_in, language, first):
    indexed(
        builders.collection_object("nl", title="Zilveren beker", inventory_number="MAL.1.NL"),
        builders.collection_object("en", title="Silver beaker", inventory_number="MAL.1.EN"),
    )
    client = staff_in(language)
    for html in (chooser(client, "beker beaker"), chooser(client, "silver"), chooser(client)):
        found = titles_in_order(html, "Zilveren beker", "Silver beaker")
        if len(found) == 2:
            assert found[0] == first, (language, found)
    found = titles_in_order(chooser(client), "Zilveren beker", "Silver beaker")
    assert found[0] == first


@pytest.mark.parametrize(
    ("language", "wanted", "english"),
    [("nl", ("Zoekterm", "Afbeelding"), ("Search term",)), ("en", ("Search term", "Image"), ())],
)
def test_the_picker_speaks_the_editors_language(staff_in, language, wanted, english):
    from tests.site.test_admin_in_dutch import visible_text

    indexed(builders.collection_object(title="Drinkbeker"))
    client = staff_in(language)
    modal = client.get("/admin/snippets/choose/museum_site/collectionobject/").json()["html"]
    text = visible_text(modal) + " " + modal  # labels and placeholders
    for label in wanted:
        assert label in text, label
    for label in english:
        assert label not in text, label
    results = chooser(client, "beker")
    assert "Drinkbeker" in results and "<img" in results
