"""`pageMeta(path)`: the status and head of a public URL, what the renderer writes into
each page, and the sitemap and robots.txt built from the same descriptions.
Expected values come from the models the test made."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from museum_site.models import CollectionObjectImage, MuseumDetails
from tests.site import builders

pytestmark = pytest.mark.django_db

PAGE_META = """query($path: String!) { pageMeta(path: $path) {
  status lang title fullTitle description canonical noindex ogType siteName
  alternates { hreflang href } image { url width height alt } jsonLd } }"""


@pytest.fixture
def museum(settings):
    settings.FRONTEND_URL = "https://museum.example"
    MuseumDetails.objects.create(
        museum_name="Museum aan de Leie", address="Leiekaai 1, Gent", locale=builders.locale("nl")
    )


def meta(graphql, path: str) -> dict:
    answer = graphql(PAGE_META, {"path": path})
    assert "errors" not in answer, answer
    return answer["data"]["pageMeta"]


def test_a_story_has_its_title_share_image_translations_and_article(graphql, museum):
    story = builders.story(
        title="Bruegel op het ijs",
        slug="bruegel-op-het-ijs",
        seo_title="Bruegel en de winter",
        search_description="Waarom zoveel winterlandschappen?",
        hero_image=builders.image("Winter", size=(1600, 1000)),
        author="An Peeters",
    )
    english = story.copy_for_translation(builders.locale("en"), copy_parents=True)
    english.slug = "bruegel-on-the-ice"
    english.save_revision().publish()

    found = meta(graphql, "/nl/verhalen/bruegel-op-het-ijs")
    assert found["status"] == 200 and found["lang"] == "nl" and not found["noindex"]
    assert found["title"] == "Bruegel en de winter"
    assert found["fullTitle"] == "Bruegel en de winter — Museum aan de Leie"
    assert found["description"] == "Waarom zoveel winterlandschappen?"
    assert found["canonical"] == "https://museum.example/nl/verhalen/bruegel-op-het-ijs"
    assert {(a["hreflang"], a["href"]) for a in found["alternates"]} == {
        ("nl", "https://museum.example/nl/verhalen/bruegel-op-het-ijs"),
        ("en", "https://museum.example/en/stories/bruegel-on-the-ice"),
        ("x-default", "https://museum.example/nl/verhalen/bruegel-op-het-ijs"),
    }
    image = found["image"]
    assert (image["width"], image["height"]) == (1200, 630)
    assert image["url"].startswith("https://museum.example/media/")
    documents = {doc["@type"]: doc for doc in map(json.loads, found["jsonLd"])}
    article = documents["Article"]
    assert article["author"] == {"@type": "Person", "name": "An Peeters"}
    assert article["datePublished"] == story.date.isoformat()
    crumbs = documents["BreadcrumbList"]["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == [
        "Museum aan de Leie",
        "Verhalen",
        "Bruegel en de winter",
    ]


def test_a_chosen_share_image_wins_over_the_hero(graphql, museum):
    share = builders.image("Deelbeeld", size=(2000, 1200))
    builders.story(slug="met-deelbeeld", hero_image=builders.image("Held"), share_image=share)
    found = meta(graphql, "/nl/verhalen/met-deelbeeld")
    assert found["image"]["alt"] == share.default_alt_text


def test_unknown_unpublished_and_expired_paths_are_404(graphql, museum):
    builders.story(slug="concept", publish=False)
    expired = builders.story(slug="verlopen")
    expired.expire_at = "2020-01-01T00:00:00Z"
    expired.save()
    for path in (
        "/nl/bestaat-niet",
        "/nl/verhalen/bestaat-niet",
        "/nl/verhalen/concept",
        "/nl/verhalen/verlopen",
        "/de/x",
        "/nl/zoeken/iets",
    ):
        assert meta(graphql, path)["status"] == 404, path


def test_lists_are_indexed_and_per_visitor_pages_are_not(graphql, museum):
    index = builders.story_index()
    index.intro = "Verhalen uit de collectie."
    index.save_revision().publish()
    stories = meta(graphql, "/nl/verhalen")
    assert (stories["noindex"], stories["description"]) == (False, "Verhalen uit de collectie.")
    for path in ("/nl/zoeken", "/en/cart", "/fr/commande", "/nl/account/orders"):
        found = meta(graphql, path)
        assert (found["status"], found["noindex"]) == (200, True), path


def test_a_collection_object_is_a_visual_artwork(graphql, museum):
    maker = builders.term(label="Pieter Bruegel")
    obj = builders.collection_object(
        inventory_number="MAL.1",
        title="Winterlandschap",
        makers=[maker],
        date_text="c. 1565",
        with_image=False,
    )
    CollectionObjectImage.objects.create(
        collection_object=obj, image=builders.image("Winter", size=(1600, 1000))
    )
    found = meta(graphql, "/nl/collectie/MAL.1")
    artwork = next(d for d in map(json.loads, found["jsonLd"]) if d["@type"] == "VisualArtwork")
    assert artwork["identifier"] == obj.inventory_number
    assert artwork["creator"] == [{"@type": "Person", "name": "Pieter Bruegel"}]
    assert found["image"]["width"] == 1200


def test_the_sitemap_lists_public_content_only(client, museum):
    builders.story(slug="zichtbaar", hero_image=builders.image("Held"))
    builders.story(slug="concept", publish=False)
    builders.collection_object(inventory_number="MAL.2")
    index = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    sitemaps = [loc.text for loc in index.findall("s:sitemap/s:loc", ns)]
    assert sitemaps == [f"https://museum.example/sitemap-{lang}.xml" for lang in ("nl", "en", "fr")]
    dutch = ET.fromstring(client.get("/sitemap-nl.xml").content)
    urls = {url.find("s:loc", ns).text: url for url in dutch.findall("s:url", ns)}
    assert "https://museum.example/nl/verhalen/zichtbaar" in urls
    assert "https://museum.example/nl/collectie/MAL.2" in urls
    assert "https://museum.example/nl/verhalen/concept" not in urls
    story = urls["https://museum.example/nl/verhalen/zichtbaar"]
    assert story.find("s:lastmod", ns) is not None
    image = story.find("{http://www.google.com/schemas/sitemap-image/1.1}image")
    assert image is not None
    alternates = story.findall("{http://www.w3.org/1999/xhtml}link")
    assert {a.get("hreflang") for a in alternates} == {"nl", "x-default"}
    assert client.get("/sitemap-de.xml").status_code == 404


def test_the_privacy_policy_is_listed_at_its_areas_path(client, museum):
    from museum_site.models.legal import PrivacyPolicyPage

    home = builders.home()
    policy = home.add_child(
        instance=PrivacyPolicyPage(
            title="Privacy", slug="privacybeleid", version="1", effective_date="2026-01-01"
        )
    )
    policy.save_revision().publish()
    dutch = client.get("/sitemap-nl.xml").content.decode()
    assert "<loc>https://museum.example/nl/privacy</loc>" in dutch
    assert "privacybeleid" not in dutch


def test_robots_names_the_sitemap(client, museum):
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://museum.example/sitemap.xml" in robots
    assert "Disallow: /preview" in robots


def test_editors_see_the_share_preview_of_a_page_and_an_object(client, museum, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    story = builders.story(title="Een verhaal", hero_image=builders.image("Held"))
    page = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "w-share-preview" in page and "fill-1200x630" in page
    obj = builders.collection_object(title="Een kom")
    edit = client.get(f"/admin/snippets/museum_site/collectionobject/edit/{obj.pk}/")
    assert edit.status_code == 200
    assert "w-share-preview" in edit.content.decode()
    assert 'name="share_image"' in edit.content.decode()
