"""A page of N items costs a constant number of SQL queries (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from museum_site import models
from tests.site import builders

pytestmark = pytest.mark.django_db

EXHIBITION_PAGE = """query($slug: String!) {
  exhibition(slug: $slug) {
    title intro format startDate venue
    hero { rendition(preset: HERO) { url width height alt srcSet } }
    chapters {
      heading text
      objects {
        caption
        collectionObject {
          title inventoryNumber dateText
          makers { label authorityUri }
          materials { label }
          images { rendition(preset: CARD, format: WEBP) { url width height alt srcSet } }
        }
      }
    }
    relatedStories { title slug hero { rendition(preset: CARD) { url } } }
  }
}"""

# Pinned; raise only with a reason. View restrictions (for the page and for its related
# stories), the page with locale and hero, hero renditions, chapters, chapter objects,
# makers, materials, periods, object images, their renditions, related stories, their
# hero renditions, their tags.
# The museum the request is for costs none: its host was resolved (and cached) before.
EXHIBITION_QUERIES = 14


@pytest.fixture
def uncached(settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 0}
    # The first answer makes every rendition (in production the background job does;
    # tests/site/test_renditions.py pins the per-request budget).
    settings.VITRINE_IMAGES = {**settings.VITRINE_IMAGES, "RENDITIONS_PER_REQUEST": 10_000}


def _exhibition_with(count: int, slug: str) -> None:
    makers = [builders.term(label=f"Maker {i}") for i in range(3)]
    material = builders.term(kind=models.Term.Kind.MATERIAL, label="Oil paint")
    objects = [
        builders.collection_object(makers=makers[: 1 + i % 3], materials=[material])
        for i in range(count)
    ]
    exhibition = builders.exhibition(objects=objects, chapters=3, slug=slug, publish=False)
    exhibition.hero_image = builders.image("Hero")
    exhibition.related_stories = [
        models.ExhibitionRelatedStory(story=builders.story(hero_image=builders.image("S")))
    ]
    exhibition.save_revision().publish()


def _count_queries(graphql, slug: str) -> tuple[int, dict]:
    graphql(EXHIBITION_PAGE, {"slug": slug})  # first answer makes the renditions
    with CaptureQueriesContext(connection) as queries:
        result = graphql(EXHIBITION_PAGE, {"slug": slug})
    assert "errors" not in result, result["errors"]
    return len(queries), result["data"]["exhibition"]


def test_exhibition_page_costs_the_same_for_5_and_50_objects(graphql, uncached):
    _exhibition_with(5, "small")
    _exhibition_with(50, "large")

    small_count, small = _count_queries(graphql, "small")
    large_count, large = _count_queries(graphql, "large")

    assert sum(len(c["objects"]) for c in small["chapters"]) == 5
    assert sum(len(c["objects"]) for c in large["chapters"]) == 50
    first = large["chapters"][0]["objects"][0]["collectionObject"]
    assert first["makers"] and first["materials"] == [{"label": "Oil paint"}]
    assert first["images"][0]["rendition"]["url"].endswith(".webp")
    assert small_count == large_count == EXHIBITION_QUERIES


def test_story_list_costs_the_same_for_3_and_30_stories(graphql, uncached):
    query = """{ stories(first: 50) { totalCount nodes { title tags
        hero { rendition(preset: CARD) { url srcSet } } } } }"""
    counts = []
    for total in (3, 30):
        while models.StoryPage.objects.count() < total:
            story = builders.story(hero_image=builders.image("Hero"))
            story.tags.add("schilderkunst")
            story.save_revision().publish()
        graphql(query)
        with CaptureQueriesContext(connection) as queries:
            result = graphql(query)
        assert result["data"]["stories"]["totalCount"] == total
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_collection_objects_list_costs_the_same_for_4_and_40(graphql, uncached):
    query = """{ collectionObjects(first: 100) { totalCount nodes { title
        makers { label } materials { label } periods { label }
        images { alt rendition(preset: THUMBNAIL) { url } } } } }"""
    maker = builders.term(label="Rubens")
    baroque = builders.term(kind=models.Term.Kind.PERIOD, label="barok")
    counts = []
    for total in (4, 40):
        while models.CollectionObject.objects.count() < total:
            builders.collection_object(makers=[maker], periods=[baroque])
        graphql(query)
        with CaptureQueriesContext(connection) as queries:
            result = graphql(query)
        assert result["data"]["collectionObjects"]["totalCount"] == total
        assert all(
            node["periods"] == [{"label": "barok"}]
            for node in result["data"]["collectionObjects"]["nodes"]
        )
        counts.append(len(queries))
    assert counts[0] == counts[1]
