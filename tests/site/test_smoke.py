import pytest

from tests.site import builders

pytestmark = pytest.mark.django_db


def test_exhibition_answers_chapters_and_objects(graphql):
    maker = builders.term(label="Jan van Eyck")
    objs = [builders.collection_object(makers=[maker]) for _ in range(3)]
    builders.exhibition(objects=objs, slug="eyck")
    result = graphql(
        """{ exhibition(slug: "eyck") { title chapters { heading objects { caption
             collectionObject { title makers { label } images { alt
               rendition(preset: CARD, format: WEBP) { url width height srcSet alt } } } } } } }"""
    )
    assert "errors" not in result, result
    chapter = result["data"]["exhibition"]["chapters"][0]
    assert len(chapter["objects"]) == 3
    first = chapter["objects"][0]["collectionObject"]
    assert first["makers"] == [{"label": "Jan van Eyck"}]
    rendition = first["images"][0]["rendition"]
    assert rendition["width"] == 640 and rendition["url"].endswith(".webp")
