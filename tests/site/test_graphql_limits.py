"""Hostile or careless queries get a GraphQL error, never a 500 and never a slow answer."""

import json

import pytest

from museum_site.graphql import view
from tests.site import builders

pytestmark = pytest.mark.django_db


def nested(depth: int) -> str:
    query = "id"
    for _ in range(depth):
        query = f"children {{ {query} }}"
    return f"{{ pages {{ {query} }} }}"


@pytest.fixture
def no_standard_validation(monkeypatch):
    """Fail if graphql-core's validation runs: the limits must reject before it."""

    def refuse(*args, **kwargs):
        raise AssertionError("standard validation ran before the limits rejected the query")

    view._validate.cache_clear()
    view._refused_unparsed.cache_clear()
    monkeypatch.setattr(view, "validate", refuse)
    yield
    view._validate.cache_clear()


def codes(result: dict) -> list[str]:
    return [error.get("extensions", {}).get("code") for error in result["errors"]]


def test_query_nested_30_levels_is_rejected_before_validation(graphql, no_standard_validation):
    result = graphql(nested(30))
    assert codes(result) == ["QUERY_TOO_DEEP"]
    assert "data" not in result or result["data"] is None


def test_query_with_500_aliases_is_rejected_before_validation(graphql, no_standard_validation):
    query = "{ " + " ".join(f"a{i}: stories {{ totalCount }}" for i in range(500)) + " }"
    result = graphql(query)
    assert "TOO_MANY_ALIASES" in codes(result)


def test_fragment_fan_out_counts_against_the_field_limit(graphql, no_standard_validation):
    # Each level doubles the fields through two spreads of the fragment below it.
    fragments = ["fragment F0 on Story { title slug intro }"]
    for level in range(1, 12):
        fragments.append(f"fragment F{level} on Story {{ ...F{level - 1} ...F{level - 1} }}")
    query = "{ stories { nodes { ...F11 } } } " + " ".join(fragments)
    assert "QUERY_TOO_COMPLEX" in codes(graphql(query))


def test_oversized_query_is_rejected(graphql, settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "MAX_QUERY_BYTES": 200}
    result = graphql("{ stories { totalCount } }" + " " * 300)
    assert codes(result) == ["QUERY_TOO_LARGE"]


def test_page_size_is_bounded(graphql):
    result = graphql("{ stories(first: 1000) { totalCount } }")
    assert "between 1 and 100" in result["errors"][0]["message"]


def test_pagination_walks_the_whole_list(graphql):
    for _ in range(5):
        builders.story()
    seen, after = [], None
    while True:
        page = graphql(
            "query($after: String) { stories(first: 2, after: $after, orderBy: TITLE_ASC) "
            "{ totalCount pageInfo { hasNextPage endCursor } nodes { title } } }",
            {"after": after},
        )["data"]["stories"]
        assert page["totalCount"] == 5
        seen += [node["title"] for node in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == sorted(seen) and len(set(seen)) == 5


def test_garbled_cursor_is_a_graphql_error(graphql):
    result = graphql('{ stories(after: "not-a-cursor") { totalCount } }')
    assert "Invalid cursor" in result["errors"][0]["message"]


def test_free_rendition_filters_do_not_exist(graphql):
    result = graphql('{ images { rendition(fill: "9999x9999") { url } } }')
    assert result["errors"]
    result = graphql("{ images { rendition(preset: ENORMOUS) { url } } }")
    assert "ENORMOUS" in result["errors"][0]["message"]


@pytest.mark.parametrize("order", ["owner__password", "title,locked_by__email"])
def test_grapple_ordering_takes_only_whitelisted_fields(graphql, order):
    builders.story()
    result = graphql("query($order: String) { pages(order: $order) { id } }", {"order": order})
    assert "`order` accepts" in result["errors"][0]["message"]


def test_grapple_ordering_by_a_whitelisted_field_works(graphql):
    builders.story(title="B")
    builders.story(title="A")
    result = graphql('{ pages(order: "title", contentType: "museum_site.StoryPage") { title } }')
    assert [page["title"] for page in result["data"]["pages"]] == ["A", "B"]


def test_introspection_can_be_switched_off(graphql, settings):
    view._validate.cache_clear()
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "INTROSPECTION": False}
    result = graphql("{ __schema { queryType { name } } }")
    assert codes(result) == ["INTROSPECTION_DISABLED"]
    assert graphql("{ __typename }")["data"] == {"__typename": "Query"}
    view._validate.cache_clear()


def test_malformed_json_is_a_400_not_a_500(client):
    response = client.post("/graphql/", "{not json", content_type="application/json")
    assert response.status_code == 400


def test_mutation_over_get_is_refused(client):
    response = client.get("/graphql/", {"query": "mutation { __typename }"})
    assert response.status_code == 405
    assert json.loads(response.content)["errors"]


def test_unexpected_failures_do_not_leak_internals(graphql, monkeypatch):
    from museum_site.graphql import queries

    def explode(*args, **kwargs):
        raise RuntimeError('relation "secret_table" does not exist')

    monkeypatch.setattr(queries, "paginate", explode)
    result = graphql("{ terms { totalCount } }")
    assert result["errors"][0]["extensions"]["code"] == "INTERNAL_ERROR"
    assert "secret_table" not in str(result)


def test_error_codes_are_mirrored_where_saleor_sdk_reads_them(graphql):
    # @saleor/sdk reads extensions.exception.code and fails if `exception` is absent.
    error = graphql(nested(30))["errors"][0]
    assert error["extensions"]["exception"] == {"code": "QUERY_TOO_DEEP"}


@pytest.fixture
def no_parsing(monkeypatch):
    """Fail if the query is parsed: these limits must be read off the text."""

    def refuse(*args, **kwargs):
        raise AssertionError("the query was parsed before the limits refused it")

    view._parse.cache_clear()
    view._refused_unparsed.cache_clear()
    monkeypatch.setattr(view, "parse", refuse)
    yield
    view._parse.cache_clear()


def test_500_aliases_and_30_levels_are_refused_without_parsing(graphql, no_parsing):
    aliases = "{ " + " ".join(f"a{i}: stories {{ totalCount }}" for i in range(500)) + " }"
    assert codes(graphql(aliases)) == ["TOO_MANY_ALIASES"]
    assert codes(graphql(nested(30))) == ["QUERY_TOO_DEEP"]


def test_colons_in_strings_arguments_and_comments_are_not_aliases(graphql):
    builders.story(slug="a-b")
    query = """query($slug: String = "x:y:z") {  # a: comment
      story(slug: $slug) { title }
      s2: stories(first: 2, orderBy: TITLE_ASC) { totalCount }
    }"""
    result = graphql(query, {"slug": "a-b"})
    assert "errors" not in result, result
    assert result["data"]["story"]["title"] and result["data"]["s2"]["totalCount"] == 1
