"""The home page in the visitor's language, and the lists the collection page filters by."""

from __future__ import annotations

import pytest

from museum_site import models
from tests.site import builders

pytestmark = pytest.mark.django_db

HOME = """query($locale: String) {
  homePage(locale: $locale) { locale title intro featuredExhibition { title } }
}"""


def _publish_english_home() -> models.HomePage:
    english = builders.home("en")
    english.title, english.intro = "Museum on the Leie", "Art and history of Ghent."
    english.save_revision().publish()
    return english


def test_the_home_page_answers_in_the_asked_language(graphql):
    _publish_english_home()

    home = graphql(HOME, {"locale": "en"})["data"]["homePage"]

    assert home == {
        "locale": "en",
        "title": "Museum on the Leie",
        "intro": "Art and history of Ghent.",
        "featuredExhibition": None,
    }


def test_a_language_without_a_home_page_gets_the_dutch_one(graphql):
    builders.locale("fr")

    home = graphql(HOME, {"locale": "fr"})["data"]["homePage"]

    assert home["locale"] == "nl"


def test_an_unpublished_translation_is_not_answered(graphql, django_capture_on_commit_callbacks):
    english = _publish_english_home()
    graphql(HOME, {"locale": "en"})
    with django_capture_on_commit_callbacks(execute=True):  # the answer cache is dropped
        models.HomePage.objects.get(pk=english.pk).unpublish()

    assert graphql(HOME, {"locale": "en"})["data"]["homePage"]["locale"] == "nl"


def test_terms_are_listed_by_their_own_kinds(graphql):
    maker = builders.term(models.Term.Kind.PERSON, "Clara Peeters")
    builders.term(models.Term.Kind.MATERIAL, "zilver")

    result = graphql("{ terms(kind: PERSON) { nodes { id label } } }")

    assert "errors" not in result, result
    assert result["data"]["terms"]["nodes"] == [{"id": str(maker.pk), "label": "Clara Peeters"}]
