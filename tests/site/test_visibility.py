"""Nothing unpublished, expired or view-restricted reaches the public API."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from museum_site import models
from tests.site import builders

pytestmark = pytest.mark.django_db

STORY = """query($slug: String, $token: String) {
  story(slug: $slug, previewToken: $token) { title intro }
}"""
LISTS = """{ stories { totalCount nodes { slug } } pages { ... on Story { slug } } }"""


def test_draft_change_is_invisible_publicly_and_visible_with_preview_token(graphql):
    story = builders.story(slug="restauratie", title="Published title")
    story.title = "Draft title"
    story.save_revision()  # saved, not published

    public = graphql(STORY, {"slug": "restauratie"})
    assert public["data"]["story"]["title"] == "Published title"

    draft = models.StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    token = draft.create_page_preview().token
    preview = graphql(STORY, {"token": token})
    assert preview["data"]["story"]["title"] == "Draft title"


def test_a_forged_preview_token_is_refused(graphql):
    builders.story(slug="restauratie")
    result = graphql(STORY, {"token": "id=1:forged"})
    assert result["data"]["story"] is None
    assert "preview token" in result["errors"][0]["message"]


def test_unpublished_story_is_invisible(graphql):
    builders.story(slug="zichtbaar")
    hidden = builders.story(slug="verborgen")
    hidden.unpublish()
    builders.story(slug="nooit-gepubliceerd", publish=False)

    assert graphql(STORY, {"slug": "verborgen"})["data"]["story"] is None
    assert graphql(STORY, {"slug": "nooit-gepubliceerd"})["data"]["story"] is None
    data = graphql(LISTS)["data"]
    assert data["stories"]["totalCount"] == 1
    assert [node["slug"] for node in data["stories"]["nodes"]] == ["zichtbaar"]
    assert [page["slug"] for page in data["pages"] if page] == ["zichtbaar"]


def test_expired_story_is_invisible_before_the_scheduler_runs(graphql):
    story = builders.story(slug="verlopen")
    models.StoryPage.objects.filter(pk=story.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert graphql(STORY, {"slug": "verlopen"})["data"]["story"] is None
    assert graphql(LISTS)["data"]["stories"]["totalCount"] == 0


def test_view_restricted_story_is_invisible(graphql):
    story = builders.story(slug="leden")
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert graphql(STORY, {"slug": "leden"})["data"]["story"] is None
    assert graphql(LISTS)["data"]["stories"]["totalCount"] == 0


def test_draft_collection_object_is_invisible_everywhere(graphql):
    shown = builders.collection_object(inventory_number="A.1")
    draft = builders.collection_object(inventory_number="B.2", live=False)
    builders.exhibition(objects=[shown, draft], slug="expo")
    builders.story(
        slug="verhaal",
        body=[
            ("collection_object", {"collection_object": draft, "caption": "hidden"}),
            ("collection_object", {"collection_object": shown, "caption": "shown"}),
        ],
    )
    data = graphql(
        """{
          collectionObjects { totalCount nodes { inventoryNumber } }
          collectionObject(inventoryNumber: "B.2") { title }
          snippets { ... on CollectionObject { inventoryNumber } }
          exhibition(slug: "expo") { chapters { objects { collectionObject { inventoryNumber } } } }
          story(slug: "verhaal") { body { ... on CollectionObjectSection { caption } } }
        }"""
    )["data"]
    assert data["collectionObjects"]["totalCount"] == 1
    assert data["collectionObject"] is None
    assert data["snippets"] == [{"inventoryNumber": "A.1"}]
    objects = data["exhibition"]["chapters"][0]["objects"]
    assert [o["collectionObject"]["inventoryNumber"] for o in objects] == ["A.1"]
    assert data["story"]["body"] == [{"caption": "shown"}]


def test_unpublished_related_story_is_not_listed(graphql):
    shown = builders.story(slug="gepubliceerd")
    hidden = builders.story(slug="concept", publish=False)
    exhibition = builders.exhibition(slug="expo", publish=False)
    exhibition.related_stories = [
        models.ExhibitionRelatedStory(story=shown, sort_order=0),
        models.ExhibitionRelatedStory(story=hidden, sort_order=1),
    ]
    exhibition.save_revision().publish()
    query = '{ exhibition(slug: "expo") { relatedStories { slug } } }'
    assert graphql(query)["data"]["exhibition"]["relatedStories"] == [{"slug": "gepubliceerd"}]
    grapple = '{ page(slug: "expo") { ... on Exhibition { relatedStories { slug } } } }'
    assert graphql(grapple)["data"]["page"]["relatedStories"] == [{"slug": "gepubliceerd"}]


def test_stories_are_answered_in_the_requested_language(graphql):
    builders.story(slug="nl-verhaal")
    english = builders.story("en", slug="english-story")
    result = graphql(
        """{ nl: stories { totalCount } en: stories(locale: "en") { nodes { slug locale } } }"""
    )["data"]
    assert result["nl"]["totalCount"] == 1
    assert result["en"]["nodes"] == [{"slug": english.slug, "locale": "en"}]


def test_unknown_locale_is_a_graphql_error_not_a_crash(graphql):
    result = graphql('{ stories(locale: "de") { totalCount } }')
    assert "Unknown locale 'de'" in result["errors"][0]["message"]


def test_search_is_ours_not_grapples(graphql):
    # grapple's `search` lists images and documents of private collections; ours does not.
    result = graphql('{ search(query: "x") { __typename } }')
    assert result["data"]["search"]["__typename"] == "SearchResults"
