"""The admin's proxy views and the lookup panel in the Term editor."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.termennetwerk.fake_server import WIKIDATA

pytestmark = pytest.mark.django_db

BRONZE = "http://vocab.getty.edu/aat/300010957"


def staff(django_user_model, username: str, *codenames: str, language: str = "en"):
    user = django_user_model.objects.create_user(username, f"{username}@museum.be", "pw")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language  # the admin speaks it, whatever the browser says
    profile.save()
    return user


@pytest.fixture
def term_editor(django_user_model):
    return staff(django_user_model, "termen", "change_term")


def search_url(**params):
    from urllib.parse import urlencode

    return reverse("termennetwerk_search") + "?" + urlencode(params)


def lookup_url(uri):
    return reverse("termennetwerk_lookup") + "?uri=" + uri


def test_anonymous_visitors_are_sent_to_the_login(client, fake_termennetwerk):
    for url in (search_url(q="brons", kind="material"), lookup_url(BRONZE)):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    assert fake_termennetwerk.requests == []


def test_an_editor_who_may_not_edit_terms_is_refused(client, django_user_model, fake_termennetwerk):
    client.force_login(staff(django_user_model, "pages-only", "view_term"))

    assert client.get(search_url(q="brons", kind="material")).status_code == 403
    assert client.get(lookup_url(BRONZE)).status_code == 403
    assert fake_termennetwerk.requests == []


@pytest.mark.parametrize("codename", ["add_term", "change_term"])
def test_an_editor_who_may_add_or_change_terms_searches(
    client, django_user_model, fake_termennetwerk, codename
):
    client.force_login(staff(django_user_model, "termen", codename))

    response = client.get(search_url(q="brons", kind="material"))

    assert response.status_code == 200
    (aat,) = response.json()["sources"]
    assert aat["name"] == "Art & Architecture Thesaurus"
    assert aat["answered"] is True
    assert [(term["uri"], term["label"]) for term in aat["terms"]] == [(BRONZE, "bronze")]


def test_results_are_labelled_in_the_editors_language(
    client, django_user_model, fake_termennetwerk
):
    client.force_login(staff(django_user_model, "termen-en", "change_term", language="en"))
    in_english = client.get(search_url(q="brons", kind="material")).json()
    client.force_login(staff(django_user_model, "termen-nl", "change_term", language="nl"))
    in_dutch = client.get(search_url(q="brons", kind="material")).json()

    assert in_english["sources"][0]["terms"][0]["label"] == "bronze"
    assert in_dutch["sources"][0]["terms"][0]["label"] == "brons"
    assert in_dutch["sources"][0]["name"] == "Art & Architecture Thesaurus"


def test_a_source_that_did_not_answer_is_named(client, term_editor, fake_termennetwerk):
    fake_termennetwerk.failing_sources.add(WIKIDATA)
    client.force_login(term_editor)

    response = client.get(search_url(q="Rembrandt", kind="person"))

    rkd, wikidata = response.json()["sources"]
    assert rkd["answered"] and rkd["terms"]
    assert wikidata == {
        "uri": WIKIDATA,
        "name": "Wikidata",
        "answered": False,
        "message": "Source Wikidata did not answer.",
        "terms": [],
    }


def test_without_the_api_the_editor_is_told_to_type_by_hand(
    client, term_editor, settings, refused_url
):
    settings.TERMENNETWERK_URL = refused_url
    client.force_login(term_editor)

    response = client.get(search_url(q="brons", kind="material"))

    assert response.status_code == 200
    assert response.json()["status"] == "unavailable"
    assert "fill in the labels and the authority URI by hand" in response.json()["message"]


def test_an_unknown_kind_is_refused(client, term_editor, fake_termennetwerk):
    client.force_login(term_editor)

    assert client.get(search_url(q="brons", kind="spaceship")).status_code == 400
    assert fake_termennetwerk.requests == []


def test_lookup_gives_the_fields_to_fill(client, term_editor, fake_termennetwerk):
    client.force_login(term_editor)

    response = client.get(lookup_url(BRONZE))

    assert response.status_code == 200
    assert response.json()["term"]["fields"] == {
        "authority_uri": BRONZE,
        "label_nl": "brons",
        "label_en": "bronze",
        "label_fr": "",
        "alt_labels": "bronze (metal)\nbronze alloy",
        "scope_note": "Legering van koper en tin, soms met kleine hoeveelheden andere metalen.",
    }


def test_lookup_of_an_unknown_term_is_not_found(client, term_editor, fake_termennetwerk):
    client.force_login(term_editor)

    assert client.get(lookup_url("http://vocab.getty.edu/aat/999999999")).status_code == 404
    assert client.get(lookup_url("javascript:alert(1)")).status_code == 400


def test_the_term_editor_has_the_lookup_in_the_editors_language(client, django_user_model):
    client.force_login(
        staff(django_user_model, "termen-fr", "add_term", "change_term", language="fr")
    )

    response = client.get(reverse("wagtailsnippets_museum_site_term:add"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "data-termennetwerk-lookup" in html
    assert reverse("termennetwerk_search") in html
    assert "termennetwerk/lookup.js" in html
    assert "Rechercher dans les autorités" in html


def test_lookup_names_our_term_for_the_authoritys_broader_concept(
    client, term_editor, fake_termennetwerk
):
    from museum_site.models import Term

    client.force_login(term_editor)
    answer = client.get(lookup_url(BRONZE)).json()
    assert answer["term"]["broader"] == [
        {"uri": "http://vocab.getty.edu/aat/300010942", "label": "koperlegering"}
    ]
    assert answer["broader_term"] is None  # we do not hold copper alloy yet

    alloy = Term.objects.create(
        kind=Term.Kind.MATERIAL,
        label_nl="koperlegering",
        label_en="copper alloy",
        authority_uri="http://vocab.getty.edu/aat/300010942",
    )
    answer = client.get(lookup_url(BRONZE)).json()
    assert answer["broader_term"] == {
        "id": alloy.pk,
        "string": "copper alloy (Material)",  # in the editor's language
        "edit_url": reverse("wagtailsnippets_museum_site_term:edit", args=[alloy.pk]),
    }
