"""Hostile input on every argument of the schema, built from the schema itself (a new
query field or mutation is covered without touching this file): zero HTTP 500s, and
every error a client sees carries a message and a code from our own known set.

- every String/ID leaf of every mutation's arguments (input objects included) gets a NUL,
  a 100 kB string, a lone surrogate, control characters, and invalid UTF-8 bytes;
- every argument of every root query field and mutation gets values of wrong types,
  once as a variable and once inline.

One request per (field, argument, bad value); the other arguments get valid values.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from graphene_django.settings import graphene_settings
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)

from museum_site.graphql import errors, input_text, pagination
from tests.accounts import builders as account_builders

pytestmark = [pytest.mark.django_db, pytest.mark.database_neutral]

# Codes a client may see: ours (site/graphql/errors.py, the query limits, Saleor's JWT
# exception names for @saleor/sdk). Payload error codes are enums of the schema itself.
KNOWN_CODES = errors.CODES | {
    "QUERY_TOO_LARGE",
    "TOO_MANY_ALIASES",
    "QUERY_TOO_DEEP",
    "QUERY_TOO_COMPLEX",
    "QUERY_TOO_COSTLY",
    "INTROSPECTION_DISABLED",
    "PermissionDenied",
    "ExpiredSignatureError",
    "InvalidTokenError",
    "DecodeError",
}
# Messages: our own, and graphql-core's validation messages (which quote the caller's
# own input and the schema's names, nothing of the server's internals).
OWN_MESSAGES = [
    re.escape(errors.INTERNAL_MESSAGE),
    re.escape(errors.BAD_ARGUMENT_MESSAGE),
    re.escape(errors.UNREADABLE_MESSAGE),
    re.escape(input_text.MESSAGE),
    re.escape(pagination.INVALID_CURSOR),
    r"Must provide query string\.|Variables are invalid JSON\.|POST body sent invalid JSON\.",
    # the view's refusals of what is not GraphQL over HTTP (errors.BadRequest)
    r"The body is not UTF-8\.|The body must be a JSON object\.",
    r"`\w+` must be a (string|JSON object)\.|`\w+` is not valid Unicode\.",
    r"(Variables|Extensions|The body's JSON values) are (nested too deeply|not valid JSON)\.",
    r"`first` must be between 1 and \d+\.",
    r"Unknown locale '.*'\. Use one of: .*",
    r"Invalid or expired preview token\.",
    r"Give a `slug` or a `previewToken`\.",
    r"`order` accepts: .*",
    r"Query is larger than \d+ bytes\.",
    r"You need to be signed in to do this\.",
    r"Expected a value of type '[\w!\[\]]+' for an argument\.",
    r"Variable '\$\w+' got an invalid value\.",
]
# graphql-core's own words for a value of the wrong type (they quote the caller's value).
CORE_DETAILS = [
    r"(Enum '\w+'|\w+) cannot represent .*",
    r"Expected type '\w+'( to be a \w+)?\.",
    r"Field '\w+' of required type '.*' was not provided\.",
    r"Field '\w+' is not defined by type '\w+'\..*",
    r"Value '.*' does not exist in '\w+' enum\..*",
]
CORE = "(?:" + "|".join(CORE_DETAILS) + ")"
KNOWN_MESSAGES = [
    *OWN_MESSAGES,
    CORE,
    r"Variable '\$\w+' got invalid value .*?; " + CORE,
    r"Variable '\$\w+' of non-null type '.*' must not be null\.",
    r"Variable '\$\w+' of required type '.*' was not provided\.",
    r"Expected value of type '.*', found .*?(; " + CORE + r")?",
    r"Field '\w+' argument '\w+' of type '.*' is required, but it was not provided\.",
    r"Field '\w+\.\w+' of required type '.*' was not provided\.",
]
KNOWN = re.compile("|".join(f"(?:{pattern})" for pattern in KNOWN_MESSAGES), re.DOTALL)

BAD_TEXT = {
    "nul": "a\x00b",
    "long": "x" * 100_000,
    "surrogate": "\ud800",
    "controls": "\x1b[31m\x07\x08\x7f\x9b",
}
INVALID_UTF8 = b"\xff\xfe\xc3\x28"


def schema():
    return graphene_settings.SCHEMA.graphql_schema


def valid_value(type_) -> Any:
    """A value of the type that a field accepts, to fill the arguments not under test."""
    if isinstance(type_, GraphQLNonNull):
        return valid_value(type_.of_type)
    if isinstance(type_, GraphQLList):
        return [valid_value(type_.of_type)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: valid_value(field.type)
            for name, field in type_.fields.items()
            if isinstance(field.type, GraphQLNonNull)
        }
    return {
        "Int": 1,
        "PositiveInt": 1,
        "Float": 1.0,
        "Boolean": True,
        "UUID": str(uuid.uuid4()),
        "JSONString": "{}",
        "DateTime": "2026-01-01T00:00:00+00:00",
        "Date": "2026-01-01",
    }.get(type_.name, "1")


def wrong_values(type_) -> list[Any]:
    """JSON values of other types than the argument's."""
    named = get_named_type(type_)
    values: list[Any] = [{"a": {"b": 1}}, [[1]], "not-a-value"]
    if isinstance(named, GraphQLScalarType) and named.name in {"String", "ID"}:
        values = [{"a": 1}, [1], 1.5, True]
    elif isinstance(named, GraphQLScalarType):
        values += [2**40, -1, 1.5, True, ""]
    elif isinstance(named, GraphQLInputObjectType):
        values += [{"nope": 1}, 7]
    if not isinstance(type_, GraphQLNonNull):
        return values
    return [*values, None]


def selection(field_type) -> str:
    """The smallest valid selection for a field's type."""
    named = get_named_type(field_type)
    if isinstance(named, GraphQLObjectType):
        if "errors" in named.fields:
            return "{ errors { field code message } }"
        return "{ __typename }"
    if hasattr(named, "fields") or hasattr(named, "types"):
        return "{ __typename }"
    return ""


def operation(kind: str, name: str, field, arguments: dict[str, Any], inline: dict[str, str]):
    """A request for one field: `arguments` as variables, `inline` as literals."""
    declared = ", ".join(f"${arg}: {field.args[arg].type}" for arg in arguments)
    passed = [f"{arg}: ${arg}" for arg in arguments] + [f"{a}: {v}" for a, v in inline.items()]
    head = f"{kind}({declared})" if declared else kind
    call = f"{name}({', '.join(passed)})" if passed else name
    return f"{head} {{ {call} {selection(field.type)} }}"


def string_paths(type_, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Paths to String/ID leaves inside an argument's type (input objects included)."""
    named = get_named_type(type_)
    if isinstance(named, GraphQLScalarType) and named.name in {"String", "ID"}:
        yield path
    elif isinstance(named, GraphQLInputObjectType):
        for name, field in named.fields.items():
            yield from string_paths(field.type, (*path, name))


def put(value: Any, path: tuple[str, ...], leaf: Any) -> Any:
    """`value` with the leaf at `path` replaced (through lists, the first item)."""
    if isinstance(value, list):
        return [put(value[0] if value else {}, path, leaf)]
    if not path:
        return leaf
    return {**(value or {}), path[0]: put((value or {}).get(path[0]), path[1:], leaf)}


def cases() -> Iterator[tuple[str, str, dict[str, Any], dict[str, str]]]:
    """(id, query, variables, inline) for every field, argument and bad value."""
    graphql_schema = schema()
    roots = [("query", graphql_schema.query_type), ("mutation", graphql_schema.mutation_type)]
    for kind, root in roots:
        for name, field in root.fields.items():
            filled = {arg: valid_value(a.type) for arg, a in field.args.items()}
            required = {
                arg: value
                for arg, value in filled.items()
                if isinstance(field.args[arg].type, GraphQLNonNull)
            }
            for arg, argument in field.args.items():
                for number, wrong in enumerate(wrong_values(argument.type)):
                    variables = {**required, arg: wrong}
                    yield (
                        f"{name}.{arg}.type{number}",
                        operation(kind, name, field, variables, {}),
                        variables,
                        {},
                    )
                others = {k: v for k, v in required.items() if k != arg}
                inline = {arg: "{a: 1}" if get_named_type(argument.type).name != "String" else "12"}
                yield (
                    f"{name}.{arg}.inline",
                    operation(kind, name, field, others, inline),
                    others,
                    inline,
                )
                if kind != "mutation" and get_named_type(argument.type).name != "String":
                    continue
                for path in string_paths(argument.type):
                    for label, text in BAD_TEXT.items():
                        if kind != "mutation" and label != "nul":
                            continue
                        variables = {**required, arg: put(filled[arg], path, text)}
                        dotted = ".".join((arg, *path))
                        yield (
                            f"{name}.{dotted}.{label}",
                            operation(kind, name, field, variables, {}),
                            variables,
                            {},
                        )
                    if kind == "mutation":
                        variables = {**required, arg: put(filled[arg], path, "\ufffd")}
                        yield (
                            f"{name}.{'.'.join((arg, *path))}.utf8",
                            operation(kind, name, field, variables, {}),
                            variables,
                            {"utf8": ""},
                        )


def check(answer: dict, case: str) -> None:
    for error in answer.get("errors") or []:
        extensions = error.get("extensions") or {}
        code = extensions.get("code") or (extensions.get("exception") or {}).get("code")
        assert code in KNOWN_CODES, (case, code, error["message"][:200])
        assert KNOWN.fullmatch(error["message"]), (case, error["message"][:200])
        assert code != errors.INTERNAL_ERROR, (case, code, error.get("path"))


def _needs_customer(answer: dict) -> bool:
    return any(
        ((error.get("extensions") or {}).get("exception") or {}).get("code") == "PermissionDenied"
        for error in answer.get("errors") or []
    )


def test_no_argument_of_the_schema_makes_a_500_or_leaks_exception_text(client, settings):
    settings.DEBUG = False
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "INTROSPECTION": False}
    all_cases = list(cases())
    assert len(all_cases) > 300  # every field of the schema, not a handful
    failures = []
    customer = account_builders.customer("fuzz@example.be")
    for case, query, variables, inline in all_cases:
        body = json.dumps({"query": query, "variables": variables}).encode()
        if "utf8" in inline:
            # The replacement character's JSON escape becomes raw invalid UTF-8 bytes.
            body = body.replace(b"\\ufffd", INVALID_UTF8)
        for signed_in in (False, True):
            # A field that needs a customer is tried again as one, to reach its resolver.
            headers = (
                {"HTTP_AUTHORIZATION_BEARER": account_builders.tokens_for(customer)[0]}
                if signed_in
                else {}
            )
            response = client.post("/graphql/", body, content_type="application/json", **headers)
            if response.status_code >= 500:
                failures.append((case, response.status_code, response.content[:300]))
                break
            if response.status_code == 400 and not response.content.startswith(b"{"):
                break  # the request was refused before GraphQL: nothing of ours leaked
            answer = response.json()
            try:
                check(answer, case)
            except AssertionError as failure:
                failures.append(failure.args[0])
            if not _needs_customer(answer):
                break
    assert not failures, "\n".join(str(failure) for failure in failures[:60])
