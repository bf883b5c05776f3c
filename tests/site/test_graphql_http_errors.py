"""Requests that are not GraphQL over HTTP answer 400 with a GraphQL-shaped error, never 500;
and with introspection off, error messages do not spell out the schema."""

import json

import pytest

from museum_site.graphql import view

pytestmark = pytest.mark.django_db


def post(client, body):
    raw = body if isinstance(body, str) else json.dumps(body)
    return client.post("/graphql/", raw, content_type="application/json")


def assert_bad_request(response, code: str | None = None) -> dict:
    assert response.status_code == 400, response.content[:300]
    answer = json.loads(response.content)
    assert set(answer) == {"errors"}, answer
    (error,) = answer["errors"]
    assert isinstance(error["message"], str) and error["message"]
    assert error["extensions"]["code"], error
    if code:
        assert error["extensions"]["code"] == code, error
    assert "Traceback" not in error["message"] and "Error(" not in error["message"]
    return error


@pytest.mark.parametrize(
    "body",
    [
        {"query": {"a": 1}},
        {"query": ["{ __typename }"]},
        {"query": 1},
        {"query": True},
    ],
    ids=["object", "array", "number", "boolean"],
)
def test_a_query_that_is_not_a_string_is_a_400(client, body):
    assert_bad_request(post(client, body), "INVALID_PARAMETER")


@pytest.mark.parametrize(
    "variables",
    [[1, 2], '{"a": 1}', "null-ish", 3, True],
    ids=["array", "json-string", "string", "number", "boolean"],
)
def test_variables_that_are_not_an_object_are_a_400(client, variables):
    response = post(client, {"query": "{ __typename }", "variables": variables})
    assert_bad_request(response, "INVALID_PARAMETER")


def test_variables_nested_100000_deep_are_a_400(client):
    deep = '{"query": "{ __typename }", "variables": {"a": ' + "[" * 100_000 + "]" * 100_000 + "}}"
    assert_bad_request(post(client, deep), "NESTED_TOO_DEEPLY")


def test_variables_nested_100000_deep_in_a_get_are_a_400(client):
    deep = '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.get("/graphql/", {"query": "{ __typename }", "variables": deep})
    assert_bad_request(response, "NESTED_TOO_DEEPLY")


def test_variables_nested_deeper_than_the_decoder_refuses_are_still_a_400(client):
    # 500 levels decode without recursion trouble; they are refused by the depth check.
    nested = "[" * 500 + "]" * 500
    body = '{"query": "{ __typename }", "variables": {"a": ' + nested + "}}"
    assert_bad_request(post(client, body), "NESTED_TOO_DEEPLY")


@pytest.mark.parametrize(
    "extensions", ["x", 1, True, [1]], ids=["string", "number", "bool", "array"]
)
def test_extensions_that_are_not_an_object_are_a_400(client, extensions):
    response = post(client, {"query": "{ __typename }", "extensions": extensions})
    assert_bad_request(response, "INVALID_PARAMETER")


@pytest.mark.parametrize("name", [1, ["A"], {"a": 1}, True], ids=["number", "array", "obj", "bool"])
def test_an_operation_name_that_is_not_a_string_is_a_400(client, name):
    response = post(client, {"query": "query A { __typename }", "operationName": name})
    assert_bad_request(response, "INVALID_PARAMETER")


@pytest.mark.parametrize(
    "raw", ["{not json", "[1, 2]", '"a string"', "3", "null", r'"\ud800"'], ids=repr
)
def test_a_body_that_is_not_a_json_object_is_a_400(client, raw):
    assert_bad_request(post(client, raw))


@pytest.mark.parametrize("field", ["query", "operationName"])
def test_a_lone_surrogate_in_the_query_or_operation_name_is_a_400(client, field):
    body = {"query": "{ __typename }", field: "{ __typename } # \ud800"}
    raw = json.dumps(body)  # ensure_ascii: the surrogate travels as an escape
    assert_bad_request(post(client, raw), "INVALID_PARAMETER")


def test_a_body_that_is_not_utf8_is_a_400(client):
    response = client.post("/graphql/", b'{"query": "\xff\xfe"}', content_type="application/json")
    assert_bad_request(response, "INVALID_JSON")


@pytest.mark.parametrize(
    "params",
    [
        {"query": "{ __typename }", "variables": "[1]"},
        {"query": "{ __typename }", "variables": "{not json"},
        {"query": "{ __typename }", "variables": "7"},
        {"query": "{ __typename }", "extensions": "[]"},
        {"query": "{ __typename }", "extensions": "{bad"},
        {"variables": "{}"},
        {},
    ],
    ids=["vars-array", "vars-bad", "vars-number", "ext-array", "ext-bad", "no-query", "empty"],
)
def test_a_get_with_bad_parameters_is_a_400(client, params):
    assert_bad_request(client.get("/graphql/", params, HTTP_ACCEPT="application/json"))


def test_a_get_with_url_encoded_variables_and_extensions_is_answered(client):
    response = client.get(
        "/graphql/",
        {
            "query": "query Q($n: String) { story(slug: $n) { title } }",
            "variables": json.dumps({"n": "x"}),
            "extensions": "{}",
            "operationName": "Q",
        },
    )
    assert response.status_code == 200
    assert json.loads(response.content) == {"data": {"story": None}}


def test_a_form_post_with_encoded_variables_is_answered(client):
    response = client.post(
        "/graphql/",
        {"query": "query Q($n: String) { story(slug: $n) { title } }", "variables": '{"n": "x"}'},
    )
    assert response.status_code == 200, response.content


def test_null_variables_extensions_and_operation_name_are_allowed(client):
    body = {"query": "{ __typename }", "variables": None, "extensions": None, "operationName": None}
    response = post(client, body)
    assert response.status_code == 200
    assert json.loads(response.content) == {"data": {"__typename": "Query"}}


@pytest.fixture
def introspection(settings):
    def switch(on: bool) -> None:
        settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "INTROSPECTION": on}

    yield switch
    view._validate.cache_clear()


def test_field_suggestions_are_off_when_introspection_is_off(graphql, introspection):
    introspection(False)
    message = graphql("{ me { emai } }")["errors"][0]["message"]
    assert "Cannot query field 'emai'" in message
    assert "Did you mean" not in message and "email" not in message.replace("emai'", "")


@pytest.mark.parametrize(
    "query, variables",
    [
        ("{ storys { totalCount } }", None),  # root field
        ('{ story(slugg: "x") { title } }', None),  # argument
        ("{ images { rendition(preset: CRD) { url } } }", None),  # enum value
        ("query($p: ImagePreset!) { images { rendition(preset: $p) { url } } }", {"p": "CRD"}),
        ("query($s: Strin) { __typename }", None),  # type name
    ],
    ids=["field", "argument", "enum-literal", "enum-variable", "type"],
)
def test_no_error_suggests_a_name_when_introspection_is_off(
    graphql, introspection, query, variables
):
    introspection(False)
    errors = graphql(query, variables)["errors"]
    assert errors
    assert not any("Did you mean" in error["message"] for error in errors), errors


def test_field_suggestions_stay_when_introspection_is_on(graphql, introspection):
    introspection(True)
    message = graphql("{ me { emai } }")["errors"][0]["message"]
    assert "Did you mean 'email'?" in message
