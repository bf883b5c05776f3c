"""The `/graphql/` endpoint: graphene-django's view with limits and caching.

One parse and one validation per distinct query text (both memoised), the hostile-query
limits before anything else, and public answers served from cache with an ETag.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseNotAllowed, QueryDict
from django.utils import translation
from django.utils.cache import patch_vary_headers
from graphene_django.views import GraphQLView, HttpError
from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    execute,
    get_operation_ast,
    parse,
    validate,
)

from museum_site.graphql import errors, limits, response_cache
from museum_site.graphql.errors import BadRequest
from museum_site.graphql.hidden_content import HiddenContentMiddleware
from museum_site.graphql.input_text import InputTextMiddleware
from museum_site.graphql.limits import OrderingWhitelistMiddleware
from museum_site.museums.current import HEADER as MUSEUM_HEADER
from museum_site.museums.graphql_scope import MuseumScopeMiddleware

log = logging.getLogger(__name__)
# Requests carrying credentials are never answered from, or stored in, the shared cache.
CREDENTIAL_HEADERS = ("HTTP_AUTHORIZATION", "HTTP_AUTHORIZATION_BEARER")
# Variables and extensions nest no deeper than this: input objects of the schema are a few
# levels deep, and deeper JSON only costs recursion (100,000 levels overflowed the stack).
MAX_PARAMETER_DEPTH = 32
# graphql-core appends "Did you mean 'email'?" to unknown names; with introspection off
# that would spell the schema out one guess at a time.
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def _depth(value: Any) -> int:
    """Nesting depth of decoded JSON, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth > MAX_PARAMETER_DEPTH:
                break
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _decode_json(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise BadRequest(f"{what} are nested too deeply.", "NESTED_TOO_DEEPLY") from None
    except ValueError:
        raise BadRequest(f"{what} are not valid JSON.", "INVALID_JSON") from None


def _map_parameter(value: Any, encoded: bool, name: str, what: str) -> dict | None:
    """`variables` and `extensions`: a JSON object, or in a URL or form a JSON-encoded one."""
    if value is None:
        return None
    if encoded and isinstance(value, str):
        if value in ("", "null"):
            return None
        value = _decode_json(value, what)
        if value is None:
            return None
    if not isinstance(value, dict):
        raise BadRequest(f"`{name}` must be a JSON object.", "INVALID_PARAMETER")
    if _depth(value) > MAX_PARAMETER_DEPTH:
        raise BadRequest(f"{what} are nested too deeply.", "NESTED_TOO_DEEPLY")
    return value


def _is_unicode(text: str) -> bool:
    """False for strings with lone surrogates, which JSON escapes (\\ud800) let through."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _without_suggestions(result: ExecutionResult | None) -> ExecutionResult | None:
    """Strip "Did you mean …?" from every error unless the schema is public anyway."""
    if result is None or not result.errors or settings.VITRINE_GRAPHQL["INTROSPECTION"]:
        return result
    for error in result.errors:
        if "Did you mean" in error.message:
            error.message = _SUGGESTION.sub("", error.message)
            error.args = (error.message, *error.args[1:])
    return result


@lru_cache(maxsize=512)
def _parse(query: str) -> DocumentNode | GraphQLError:
    try:
        return parse(query)
    except GraphQLError as error:
        return error


@lru_cache(maxsize=512)
def _refused_unparsed(query: str) -> tuple[GraphQLError, ...]:
    """Size, alias and depth limits read off the text: no parsing for hostile queries."""
    too_large = limits.check_size(query)
    return (too_large,) if too_large else tuple(limits.prescan(query))


@lru_cache(maxsize=512)
def _document_limits(query: str) -> tuple[GraphQLError, ...]:
    """Depth, alias and field limits; `query` must already parse."""
    return tuple(limits.check_document(_parse(query)))


@lru_cache(maxsize=1024)
def _cost_refusal(
    schema,
    query: str,
    operation_name: str | None,
    sizes: tuple[tuple[str, int], ...],
    settings_key: tuple[int, int],
) -> tuple[GraphQLError, ...]:
    """The cost limit, for the integer variables that may size a list (part of the key,
    as are the budget and page size in `settings_key`)."""
    limits.enforce_list_maximums(schema)
    refusal = limits.check_cost(schema, _parse(query), dict(sizes), operation_name)
    return (refusal,) if refusal else ()


def _integer_variables(variables: dict | None) -> tuple[tuple[str, int], ...]:
    return tuple(
        sorted(
            (name, value)
            for name, value in (variables or {}).items()
            if isinstance(value, int) and not isinstance(value, bool)
        )
    )


@lru_cache(maxsize=512)
def _validate(schema, query: str, introspection: bool = True) -> tuple[GraphQLError, ...]:
    """Limits first, then graphql-core's rules; `query` must already parse."""
    document = _parse(query)
    errors = _document_limits(query)
    if errors:
        return errors
    if not introspection and limits.uses_introspection(document):
        return (
            GraphQLError(
                "Introspection is disabled on this server.",
                extensions={"code": "INTROSPECTION_DISABLED"},
            ),
        )
    return tuple(validate(schema, document))


def _is_public(
    operation: OperationDefinitionNode | None, variables: dict | None, request: HttpRequest
) -> bool:
    """Whether every root field is public content and nothing private was passed (and
    a museum that does not exist answers an error, which is never cached)."""
    if operation is None or operation.operation != OperationType.QUERY:
        return False
    if variables and response_cache.PRIVATE_ARGUMENTS & set(variables):
        return False
    for selection in operation.selection_set.selections:
        if not isinstance(selection, FieldNode):
            return False
        if selection.name.value not in response_cache.PUBLIC_ROOT_FIELDS:
            return False
        if any(
            argument.name.value in response_cache.PRIVATE_ARGUMENTS
            for argument in selection.arguments
        ):
            return False
    return True


class MuseumGraphQLView(GraphQLView):
    # Only our own messages and codes reach a client (site/graphql/errors.py).
    format_error = staticmethod(errors.format_error)

    def parse_body(self, request):
        """graphene's parsing, with every malformed body a 400 (never a RecursionError)."""
        if self.get_content_type(request) != "application/json":
            return super().parse_body(request)
        try:
            body = request.body.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest("The body is not UTF-8.", "INVALID_JSON") from None
        data = _decode_json(body, "The body's JSON values")
        if not isinstance(data, dict):
            raise BadRequest("The body must be a JSON object.", "INVALID_PARAMETER")
        return data

    @staticmethod
    def get_graphql_params(request, data):
        """`query` and `operationName` strings, `variables` and `extensions` objects.

        Parameters of the URL come first, as in graphene; anything else is a 400.
        """
        params, encoded = {}, {}
        for name in ("query", "variables", "operationName", "extensions", "id"):
            value = request.GET.get(name)
            encoded[name] = value is not None or isinstance(data, QueryDict)  # URL or form
            params[name] = value if value is not None else data.get(name)
        query, operation_name = params["query"], params["operationName"]
        if query is not None and not isinstance(query, str):
            raise BadRequest("`query` must be a string.", "INVALID_PARAMETER")
        if operation_name == "null" or operation_name == "":
            operation_name = None
        if operation_name is not None and not isinstance(operation_name, str):
            raise BadRequest("`operationName` must be a string.", "INVALID_PARAMETER")
        for name, value in (("query", query), ("operationName", operation_name)):
            if value is not None and not _is_unicode(value):
                raise BadRequest(f"`{name}` is not valid Unicode.", "INVALID_PARAMETER")
        variables = _map_parameter(
            params["variables"], encoded["variables"], "variables", "Variables"
        )
        _map_parameter(params["extensions"], encoded["extensions"], "extensions", "Extensions")
        return query, variables, operation_name, params["id"]

    def get_middleware(self, request):
        return [
            MuseumScopeMiddleware(),
            InputTextMiddleware(),
            OrderingWhitelistMiddleware(),
            HiddenContentMiddleware(),
            *(super().get_middleware(request) or []),
        ]

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        # graphene's dispatch sets a CSRF cookie on every answer, which would make public
        # GET answers uncacheable; this endpoint authenticates by header, not cookie.
        with translation.override(settings.LANGUAGE_CODE):
            response = GraphQLView.dispatch.__wrapped__(self, request, *args, **kwargs)
        if getattr(request, "_vitrine_public", False) and response.status_code == 200:
            # Browsers and proxies keep it no longer than we do (response_cache).
            seconds = getattr(request, "_vitrine_seconds", response_cache.timeout())
            response["Cache-Control"] = f"public, max-age={min(60, seconds)}"
            patch_vary_headers(response, ["X-Museum"])  # it names the museum as the host does
        else:
            response["Cache-Control"] = "private, no-store"
        return response

    def get_response(self, request, data, show_graphiql=False):
        query, variables, operation_name, _id = self.get_graphql_params(request, data)
        key = None
        cache_enabled = response_cache.timeout() > 0
        anonymous = not any(header in request.META for header in CREDENTIAL_HEADERS)
        if cache_enabled and query and not self.batch and anonymous:
            document = None if _refused_unparsed(query) else _parse(query)
            if isinstance(document, DocumentNode) and _is_public(
                get_operation_ast(document, operation_name), variables, request
            ):
                request._vitrine_public = True
                version = response_cache.content_version()  # the request's one read
                # Keyed by the museum: the host and the X-Museum header name it (read
                # without a query, so a cached answer still costs one).
                key = response_cache.cache_key(
                    f"{request.headers.get(MUSEUM_HEADER, '')}@{request.get_host()}",
                    query,
                    variables,
                    operation_name,
                    version,
                )
                cached = response_cache.cache.get(key)
                request._vitrine_seconds = response_cache.seconds_to_keep(version)
                if cached is not None:
                    return cached
        result, status = super().get_response(request, data, show_graphiql)
        if key is None:
            return result, status
        # Cut at the next go_live_at/expire_at as the answer is made, not as it was asked.
        request._vitrine_seconds = seconds = response_cache.seconds_to_keep(version)
        if status != 200 or not result or result.startswith('{"errors"'):
            request._vitrine_public = False  # an error is nobody's to cache
        elif seconds > 0:
            response_cache.cache.set(key, (result, status), seconds)
        return result, status

    def execute_graphql_request(
        self, request, data, query, variables, operation_name, show_graphiql=False
    ):
        return _without_suggestions(
            self._execute(request, query, variables, operation_name, show_graphiql)
        )

    def _execute(self, request, query, variables, operation_name, show_graphiql):
        if not query:
            if show_graphiql:
                return None
            raise BadRequest("Must provide query string.", "QUERY_MISSING")
        refused = _refused_unparsed(query)
        if refused:
            return ExecutionResult(errors=list(refused))
        document = _parse(query)
        if isinstance(document, GraphQLError):
            return ExecutionResult(errors=[document])
        operation = get_operation_ast(document, operation_name)
        if (
            request.method.lower() == "get"
            and operation is not None
            and operation.operation != OperationType.QUERY
        ):
            if show_graphiql:
                return None
            raise HttpError(HttpResponseNotAllowed(["POST"], "Mutations must be sent with POST."))
        schema = self.schema.graphql_schema
        errors = (
            _document_limits(query)
            or _cost_refusal(
                schema,
                query,
                operation_name,
                _integer_variables(variables),
                (limits.cost_budget(), limits.max_page_size()),
            )
            or _validate(schema, query, settings.VITRINE_GRAPHQL["INTROSPECTION"])
        )
        if errors:
            return ExecutionResult(errors=list(errors))
        try:
            return execute(
                schema,
                document,
                root_value=self.get_root_value(request),
                context_value=self.get_context(request),
                variable_values=variables,
                operation_name=operation_name,
                middleware=self.get_middleware(request),
            )
        except Exception as error:
            return ExecutionResult(errors=[GraphQLError(str(error), original_error=error)])
