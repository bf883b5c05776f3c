"""What a client is told when a GraphQL request goes wrong: only our own words.

Every top-level error that leaves `/graphql/` passes through `format_error`, and answers a
message and an `extensions.code` from a known set:

- errors we raise on purpose (a `GraphQLError` from our resolvers, the query limits,
  graphql-core's parser and validation rules) keep their message; those without a code
  get one (`GRAPHQL_PARSE_FAILED`, `GRAPHQL_VALIDATION_FAILED`, `BAD_ARGUMENT`);
- a Python exception anywhere (a resolver, a scalar's parser, grapple's id lookups, the
  database driver) is logged with its traceback and answered without its text, which can
  name tables, columns or internals: `BAD_ARGUMENT` when it came from converting an
  argument (ValueError, TypeError, ValidationError), `INTERNAL_ERROR` otherwise.

tests/site/test_error_codes.py pins the cases, tests/site/test_fuzz.py the whole schema.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from graphene_django.views import HttpError
from graphql import GraphQLError

log = logging.getLogger(__name__)

BAD_ARGUMENT = "BAD_ARGUMENT"
BAD_REQUEST = "BAD_REQUEST"
INTERNAL_ERROR = "INTERNAL_ERROR"
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"

# Codes of requests that are not GraphQL over HTTP (the view's BadRequest, answered 400).
REQUEST_CODES = frozenset(
    {"INVALID_JSON", "INVALID_PARAMETER", "NESTED_TOO_DEEPLY", "QUERY_MISSING"}
)
# Codes this module gives; the rest of the known set are the codes our own errors carry.
CODES = (
    frozenset({BAD_ARGUMENT, BAD_REQUEST, INTERNAL_ERROR, PARSE_FAILED, VALIDATION_FAILED})
    | REQUEST_CODES
)

INTERNAL_MESSAGE = "Internal error: the server could not answer this field."
BAD_ARGUMENT_MESSAGE = "An argument has a value this field cannot use."
UNREADABLE_MESSAGE = "The request could not be read: send UTF-8 JSON or a query string."

# Exceptions that, raised while a field converts its arguments, mean the caller's input
# was wrong (grapple's `page(id: "abc")`, Django's field conversions), not our code.
ARGUMENT_EXCEPTIONS = (ValueError, TypeError, ValidationError, OverflowError)

_VARIABLE = re.compile(r"^Variable '\$(\w+)' got invalid value")
_LITERAL = re.compile(r"^Expected value of type '([^']+)'")


class BadRequest(HttpError):
    """A request that is not GraphQL over HTTP: answered 400 with a GraphQL-shaped error
    that carries its own message and code."""

    def __init__(self, message: str, code: str = BAD_REQUEST):
        super().__init__(HttpResponseBadRequest(), message)
        self.code = code


def _python_cause(error: GraphQLError) -> BaseException | None:
    """The first exception in the error's chain that is not a GraphQLError: text we did
    not write."""
    seen = 0
    cause: BaseException | None = error.original_error
    while isinstance(cause, GraphQLError) and seen < 10:
        cause, seen = cause.original_error, seen + 1
    return cause if cause is not None and not isinstance(cause, GraphQLError) else None


def _with(error: GraphQLError, message: str, code: str) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={**(error.extensions or {}), "code": code},
    )


def client_error(error: GraphQLError) -> GraphQLError:
    """The error as a client may see it: our message and a code, never exception text."""
    cause = _python_cause(error)
    if cause is not None:
        variable = _VARIABLE.match(error.message)
        if variable:
            return _with(error, f"Variable '${variable[1]}' got an invalid value.", BAD_ARGUMENT)
        literal = _LITERAL.match(error.message)
        if literal and error.path is None:
            return _with(
                error, f"Expected a value of type '{literal[1]}' for an argument.", BAD_ARGUMENT
            )
        if isinstance(cause, ARGUMENT_EXCEPTIONS):
            log.warning("GraphQL argument refused: %s", error.path, exc_info=cause)
            return _with(error, BAD_ARGUMENT_MESSAGE, BAD_ARGUMENT)
        log.error("GraphQL resolver failed", exc_info=cause)
        return _with(error, INTERNAL_MESSAGE, INTERNAL_ERROR)
    extensions = error.extensions or {}
    if "code" in extensions:
        return error
    exception = extensions.get("exception")
    if isinstance(exception, dict) and exception.get("code"):
        return error  # Saleor's shape, which @saleor/sdk reads as it is
    if error.path is not None or _VARIABLE.match(error.message):
        return _with(error, error.message, BAD_ARGUMENT)
    if error.message.startswith("Syntax Error"):
        return _with(error, error.message, PARSE_FAILED)
    return _with(error, error.message, VALIDATION_FAILED)


def format_error(error: Exception) -> dict[str, Any]:
    """graphene-django's `format_error`, answering `client_error(error)`."""
    if isinstance(error, BadRequest):
        formatted = {"message": str(error.message), "extensions": {"code": error.code}}
    elif isinstance(error, HttpError):
        # graphene's view refusing a request (4xx) on purpose; one made from a Python
        # exception (its body decoding) would quote it.
        cause = error.__cause__ or error.__context__
        formatted = {
            "message": UNREADABLE_MESSAGE if cause is not None else str(error.message),
            "extensions": {"code": BAD_REQUEST},
        }
    elif not isinstance(error, GraphQLError):
        log.error("GraphQL request failed", exc_info=error)
        formatted: dict[str, Any] = {
            "message": INTERNAL_MESSAGE,
            "extensions": {"code": INTERNAL_ERROR},
        }
    else:
        formatted = client_error(error).formatted
    # @saleor/sdk reads `extensions.exception.code` and throws when `exception` is
    # missing from extensions that exist: mirror the code there.
    extensions = formatted.get("extensions")
    if extensions and "code" in extensions and "exception" not in extensions:
        extensions["exception"] = {"code": extensions["code"]}
    return formatted
