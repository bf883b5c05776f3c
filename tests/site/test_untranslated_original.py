"""While a translation is a draft, its URL shows the original and says so.

The API answers the Dutch original for an English (or French) slug that has no live
translation, with `locale` telling the text's language; pageMeta gives that URL the
text's `lang`, the original as canonical, and no sitemap entry in the other language.
Once the translation is live, its own URL answers it and the original's slug in that
language is a 404 (one URL per text)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from museum_site.models import MuseumDetails
from tests.site import builders

pytestmark = pytest.mark.django_db

STORY = """query($slug: String!, $locale: String!) {
  story(slug: $slug, locale: $locale) { slug locale title } }"""
OBJECT = """query($number: String!, $locale: String!) {
  collectionObject(inventoryNumber: $number, locale: $locale) { inventoryNumber locale title } }"""
PAGE_META = """query($path: String!) { pageMeta(path: $path) {
  status lang canonical alternates { hreflang href } } }"""
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def origin(settings):
    settings.FRONTEND_URL = "https://museum.example"
    MuseumDetails.objects.create(museum_name="Museum aan de Leie", locale=builders.locale("nl"))
    return "https://museum.example"


def test_an_untranslated_story_answers_its_original_in_every_language(graphql, origin):
    builders.story(title="Het ijs", slug="het-ijs")
    builders.story_index("en")
    for language in ("en", "fr"):
        found = graphql(STORY, {"slug": "het-ijs", "locale": language})["data"]["story"]
        assert found == {"slug": "het-ijs", "locale": "nl", "title": "Het ijs"}


def test_a_draft_translation_leaves_the_original_in_place(graphql, origin):
    original = builders.story(title="Het ijs", slug="het-ijs")
    english = original.copy_for_translation(builders.locale("en"), copy_parents=True)
    english.title = "The ice"
    english.save_revision()  # a draft: not published
    found = graphql(STORY, {"slug": "het-ijs", "locale": "en"})["data"]["story"]
    assert (found["locale"], found["title"]) == ("nl", "Het ijs")


def test_a_live_translation_lives_at_its_own_url_only(graphql, origin):
    original = builders.story(title="Het ijs", slug="het-ijs")
    english = original.copy_for_translation(builders.locale("en"), copy_parents=True)
    english.title, english.slug = "The ice", "the-ice"
    english.save_revision().publish()
    assert graphql(STORY, {"slug": "het-ijs", "locale": "en"})["data"]["story"] is None
    found = graphql(STORY, {"slug": "the-ice", "locale": "en"})["data"]["story"]
    assert (found["locale"], found["title"]) == ("en", "The ice")


def test_an_unknown_slug_is_still_not_found_in_any_language(graphql, origin):
    builders.story(slug="het-ijs")
    for language in ("nl", "en"):
        assert graphql(STORY, {"slug": "niets", "locale": language})["data"]["story"] is None


def test_an_untranslated_object_answers_its_original(graphql, origin):
    builders.collection_object(inventory_number="1998-B-7", title="Drinkbeker")
    found = graphql(OBJECT, {"number": "1998-B-7", "locale": "fr"})["data"]["collectionObject"]
    assert (found["locale"], found["title"]) == ("nl", "Drinkbeker")


def test_the_head_of_a_fallback_url_names_the_texts_language_and_the_original(graphql, origin):
    builders.story(title="Het ijs", slug="het-ijs")
    builders.story_index("en")
    meta = graphql(PAGE_META, {"path": "/en/stories/het-ijs"})["data"]["pageMeta"]
    assert meta["status"] == 200
    assert meta["lang"] == "nl"
    assert meta["canonical"] == f"{origin}/nl/verhalen/het-ijs"
    assert {a["hreflang"] for a in meta["alternates"]} == {"nl", "x-default"}


def test_a_fallback_url_is_in_no_sitemap_of_its_language(client, origin):
    builders.story(title="Het ijs", slug="het-ijs")
    builders.story_index("en")
    english = ET.fromstring(client.get("/sitemap-en.xml").content)
    locations = [loc.text for loc in english.iter(f"{SITEMAP}loc")]
    assert not [loc for loc in locations if "het-ijs" in loc]
    dutch = ET.fromstring(client.get("/sitemap-nl.xml").content)
    assert f"{origin}/nl/verhalen/het-ijs" in [loc.text for loc in dutch.iter(f"{SITEMAP}loc")]
