"""Public answers are cacheable (ETag, 304) and never stale after a publish."""

import pytest

from tests.site import builders

pytestmark = pytest.mark.django_db

QUERY = "{ stories { totalCount nodes { title } } }"


def test_get_answers_carry_an_etag_and_revalidate_with_304(client):
    builders.story(title="Eerste")
    first = client.get("/graphql/", {"query": QUERY})
    assert first.status_code == 200
    assert first["Cache-Control"].startswith("public")
    assert "csrftoken" not in first.cookies
    again = client.get("/graphql/", {"query": QUERY}, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_publishing_invalidates_cached_answers(client, django_capture_on_commit_callbacks):
    story = builders.story(title="Oude titel")
    before = client.get("/graphql/", {"query": QUERY}).json()
    assert before["data"]["stories"]["nodes"] == [{"title": "Oude titel"}]

    story.title = "Nieuwe titel"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    after = client.get("/graphql/", {"query": QUERY}).json()
    assert after["data"]["stories"]["nodes"] == [{"title": "Nieuwe titel"}]


def test_cached_answer_costs_one_query_the_content_version(client, django_assert_num_queries):
    builders.story()
    client.get("/graphql/", {"query": QUERY})
    with django_assert_num_queries(1):
        assert client.get("/graphql/", {"query": QUERY}).status_code == 200


def test_preview_answers_are_private(client):
    story = builders.story(slug="s")
    token = story.create_page_preview().token
    response = client.get(
        "/graphql/",
        {
            "query": "query($t: String) { story(previewToken: $t) { title } }",
            "variables": f'{{"t": "{token}"}}',
        },
    )
    assert response.json()["data"]["story"]["title"]
    assert response["Cache-Control"] == "private, no-store"


def test_answers_with_errors_are_not_cached(client):
    bad = '{ stories(locale: "xx") { totalCount } }'
    response = client.get("/graphql/", {"query": bad})
    assert response.json()["errors"]
    assert response["Cache-Control"] == "private, no-store"
