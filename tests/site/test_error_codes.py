"""Bad input gets a clear error with a code from our own set; no Python, grapple or
database text reaches a client, whatever the database (run on PostgreSQL and SQLite)."""

from __future__ import annotations

import base64
import logging

import pytest

from museum_site.graphql import errors
from tests.site import builders

pytestmark = pytest.mark.django_db

LEAKS = (
    "expected a number",
    "not enough values",
    "badly formed",
    "string literal",
    "0x00",
    "Traceback",
    "psycopg",
    "sqlite",
    "invalid literal",
)


@pytest.fixture(autouse=True)
def _production(settings):
    settings.DEBUG = False


def only_error(result: dict) -> dict:
    [error] = result["errors"]
    for leak in LEAKS:
        assert leak not in error["message"], error
    return error


def code(result: dict) -> str:
    return only_error(result)["extensions"]["code"]


def cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


def test_a_cursor_with_a_23_digit_offset_is_a_bad_argument(graphql):
    builders.term(label="Rubens")
    after = cursor("offset:" + "9" * 23)
    result = graphql(
        "query($after: String) { terms(after: $after) { totalCount } }", {"after": after}
    )
    assert code(result) == "BAD_ARGUMENT"
    assert only_error(result)["message"] == "Invalid cursor: pass `pageInfo.endCursor` unchanged."


@pytest.mark.parametrize(
    "text", ["offset:-1", "offset:", "page:3", "offset:1e3", "offset:\u0663", "\udcff"]
)
def test_a_cursor_we_did_not_make_is_a_bad_argument(graphql, text):
    after = cursor(text) if text != "\udcff" else text
    result = graphql(
        "query($after: String) { terms(after: $after) { totalCount } }", {"after": after}
    )
    assert code(result) == "BAD_ARGUMENT"


def test_a_cursor_we_made_still_pages(graphql):
    for label in ("A", "B", "C"):
        builders.term(label=label)
    first = graphql("{ terms(first: 2) { nodes { label } pageInfo { endCursor } } }")
    after = first["data"]["terms"]["pageInfo"]["endCursor"]
    rest = graphql(
        "query($after: String) { terms(first: 2, after: $after) { nodes { label } } }",
        {"after": after},
    )
    assert [node["label"] for node in rest["data"]["terms"]["nodes"]] == ["C"]


def test_a_checkout_token_that_is_not_a_uuid_is_a_bad_argument_inline(graphql):
    result = graphql('{ checkout(token: "not-a-uuid") { token } }')
    assert code(result) == "BAD_ARGUMENT"
    assert only_error(result)["message"] == "Expected a value of type 'UUID!' for an argument."


def test_a_checkout_token_that_is_not_a_uuid_is_a_bad_argument_as_variable(graphql):
    result = graphql("query($t: UUID!) { checkout(token: $t) { token } }", {"t": "not-a-uuid"})
    assert code(result) == "BAD_ARGUMENT"
    assert only_error(result)["message"].startswith("Variable '$t' got")


def test_grapple_page_id_that_is_not_a_number_says_nothing_of_django(graphql):
    result = graphql('{ page(id: "abc") { id } }')
    assert code(result) == "BAD_ARGUMENT"
    assert only_error(result)["message"] == errors.BAD_ARGUMENT_MESSAGE


@pytest.mark.parametrize("value", ["a\x00b", "\x1b[2J", "\x7f", "\ud800", "a\x85"])
def test_control_characters_in_a_query_argument_are_a_bad_argument(graphql, value):
    result = graphql(
        "query($n: String!) { collectionObject(inventoryNumber: $n) { title } }", {"n": value}
    )
    error = only_error(result)
    assert error["extensions"]["code"] == "BAD_ARGUMENT"
    assert error["extensions"]["field"] == "inventoryNumber"


def test_a_nul_in_a_nested_grapple_argument_is_a_bad_argument(graphql):
    builders.home()
    result = graphql('{ pages { children(searchQuery: "a\\u0000b") { id } } }')
    assert {error["extensions"]["code"] for error in result["errors"]} == {"BAD_ARGUMENT"}


def test_tabs_and_newlines_are_text(graphql):
    result = graphql(
        "query($n: String!) { collectionObject(inventoryNumber: $n) { title } }",
        {"n": "a\tb\r\nc"},
    )
    assert "errors" not in result and result["data"]["collectionObject"] is None


def test_a_python_failure_is_logged_and_answered_as_internal(graphql, monkeypatch, caplog):
    from museum_site.graphql import queries

    def explode(*args, **kwargs):
        raise KeyError("auth_user.password")

    monkeypatch.setattr(queries, "paginate", explode)
    with caplog.at_level(logging.ERROR, logger="museum_site.graphql.errors"):
        result = graphql("{ terms { totalCount } }")
    error = only_error(result)
    assert error["extensions"]["code"] == "INTERNAL_ERROR"
    assert "auth_user" not in str(result)
    assert any(record.exc_info for record in caplog.records)


def test_the_internal_message_is_generic_also_in_debug(graphql, monkeypatch, settings):
    from museum_site.graphql import queries

    settings.DEBUG = True

    def explode(*args, **kwargs):
        raise RuntimeError('relation "secret_table" does not exist')

    monkeypatch.setattr(queries, "paginate", explode)
    result = graphql("{ terms { totalCount } }")
    assert code(result) == "INTERNAL_ERROR" and "secret_table" not in str(result)


def test_validation_errors_carry_a_code(graphql):
    result = graphql("{ terms { nope } }")
    assert code(result) == "GRAPHQL_VALIDATION_FAILED"
    result = graphql("{ terms { ")
    assert code(result) == "GRAPHQL_PARSE_FAILED"


def test_our_own_argument_errors_carry_a_code(graphql):
    assert code(graphql("{ terms(first: 0) { totalCount } }")) == "BAD_ARGUMENT"
    assert code(graphql('{ homePage(locale: "xx") { title } }')) == "BAD_ARGUMENT"
