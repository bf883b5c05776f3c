"""`images`, `image`, `documents` and `document` answer only files that published,
unexpired, unrestricted content uses, in a constant number of queries."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.site import builders

pytestmark = pytest.mark.django_db

IMAGES = "{ images(limit: 100) { id title } }"
DOCUMENTS = "{ documents(limit: 100) { id title url } }"


def _document(title: str):
    document = get_document_model()(title=title, file=ContentFile(b"ID3 audio", name="a.mp3"))
    document.save()
    return document


def _audio(document) -> tuple:
    return ("audio", {"audio": document, "title": "Listen", "transcript": "Words."})


def _ids(result, field: str) -> set[int]:
    assert "errors" not in result, result["errors"]
    return {int(item["id"]) for item in result["data"][field]}


def test_images_answers_only_images_that_published_content_uses(graphql):
    used = builders.image("Hero of a published story")
    builders.story(hero_image=used)
    in_object = builders.collection_object().images.get().image
    unused = builders.image("Only in the library")
    draft_only = builders.image("Hero of a draft")
    builders.story(hero_image=draft_only, publish=False)
    expired = builders.image("Hero of an expired story")
    story = builders.story(hero_image=expired)
    type(story).objects.filter(pk=story.pk).update(
        expire_at=timezone.now() - datetime.timedelta(days=1)
    )
    private = builders.image("Hero of a private story")
    restricted = builders.story(hero_image=private)
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    hidden_object = builders.collection_object(live=False).images.get().image

    listed = _ids(graphql(IMAGES), "images")

    assert used.pk in listed and in_object.pk in listed
    assert not listed & {unused.pk, draft_only.pk, expired.pk, private.pk, hidden_object.pk}
    for image, visible in ((used, True), (unused, False), (private, False)):
        answer = graphql("query($id: ID) { image(id: $id) { id } }", {"id": image.pk})
        assert (answer["data"]["image"] is not None) is visible, image.title


def test_an_image_in_a_private_collection_is_not_listed(graphql):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    image = builders.image("Private collection")
    image.collection = private
    image.save()
    builders.story(hero_image=image)

    assert image.pk not in _ids(graphql(IMAGES), "images")


def test_documents_answers_only_documents_that_published_content_uses(graphql):
    used = _document("Audio guide")
    builders.story(body=[_audio(used)])
    unused = _document("Minutes of the board")
    draft = _document("Draft audio")
    builders.story(body=[_audio(draft)], publish=False)

    listed = _ids(graphql(DOCUMENTS), "documents")

    assert used.pk in listed
    assert not listed & {unused.pk, draft.pk}
    answer = graphql("query($id: ID) { document(id: $id) { id } }", {"id": unused.pk})
    assert answer["data"]["document"] is None


@pytest.mark.parametrize("field", ["images", "documents"])
def test_search_query_answers_matching_files_without_an_error(graphql, field):
    if field == "images":
        builders.story(hero_image=builders.image("Gilded beaker"))
        builders.story(hero_image=builders.image("Portrait"))
    else:
        builders.story(body=[_audio(_document("Gilded beaker audio"))])
        builders.story(body=[_audio(_document("Portrait audio"))])

    result = graphql(f'{{ {field}(searchQuery: "gilded") {{ title }} }}')

    assert "errors" not in result, result["errors"]
    assert [item["title"] for item in result["data"][field]] == [
        "Gilded beaker" if field == "images" else "Gilded beaker audio"
    ]


@pytest.mark.parametrize("value", ["abc", "1; drop", "99999999999999999999999", "-1"])
def test_a_malformed_id_answers_nothing_and_no_exception_text(graphql, value):
    for query in (
        "query($id: ID) { image(id: $id) { id } }",
        "query($id: ID) { document(id: $id) { id } }",
        "query($id: ID) { images(id: $id) { id } }",
        "query($id: ID) { documents(id: $id) { id } }",
    ):
        result = graphql(query, {"id": value})
        assert "errors" not in result, result["errors"]


def test_images_list_costs_the_same_for_3_and_30_images(graphql, settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 0}
    settings.VITRINE_IMAGES = {**settings.VITRINE_IMAGES, "RENDITIONS_PER_REQUEST": 100}
    query = "{ images(limit: 100) { id title alt rendition(preset: THUMBNAIL) { url } } }"
    counts = []
    for total in (3, 30):
        while len(_ids(graphql("{ images(limit: 100) { id } }"), "images")) < total:
            builders.story(hero_image=builders.image("Hero"))
        graphql(query)  # makes the thumbnails (a budget of 100 here)
        with CaptureQueriesContext(connection) as queries:
            result = graphql(query)
        assert len(result["data"]["images"]) == total
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_documents_list_costs_the_same_for_2_and_20_documents(graphql, settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 0}
    counts = []
    for total in (2, 20):
        while len(_ids(graphql(DOCUMENTS), "documents")) < total:
            builders.story(body=[_audio(_document("Audio"))])
        with CaptureQueriesContext(connection) as queries:
            result = graphql(DOCUMENTS)
        assert len(result["data"]["documents"]) == total
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
