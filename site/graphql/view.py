"""The `/graphql/` endpoint: graphene-django's view with limits and caching.

One parse and one validation per distinct query text (both memoised), the hostile-query
limits before anything else, and public answers served from cache with an ETag.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponseBadRequest, HttpResponseNotAllowed
from django.utils import translation
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
from museum_site.graphql.hidden_content import HiddenContentMiddleware
from museum_site.graphql.input_text import InputTextMiddleware
from museum_site.graphql.limits import OrderingWhitelistMiddleware

log = logging.getLogger(__name__)
# Requests carrying credentials are never answered from, or stored in, the shared cache.
CREDENTIAL_HEADERS = ("HTTP_AUTHORIZATION", "HTTP_AUTHORIZATION_BEARER")


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
def _validate(schema, query: str) -> tuple[GraphQLError, ...]:
    """Limits first, then graphql-core's rules; `query` must already parse."""
    document = _parse(query)
    errors = limits.check_document(document)
    if errors:
        return tuple(errors)
    if not settings.VITRINE_GRAPHQL["INTROSPECTION"] and limits.uses_introspection(document):
        return (
            GraphQLError(
                "Introspection is disabled on this server.",
                extensions={"code": "INTROSPECTION_DISABLED"},
            ),
        )
    return tuple(validate(schema, document))


def _is_public(operation: OperationDefinitionNode | None, variables: dict | None) -> bool:
    """Whether every root field is public content and nothing private was passed."""
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

    def get_middleware(self, request):
        return [
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
                get_operation_ast(document, operation_name), variables
            ):
                request._vitrine_public = True
                version = response_cache.content_version()  # the request's one read
                key = response_cache.cache_key(
                    request.get_host(), query, variables, operation_name, version
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
        if not query:
            if show_graphiql:
                return None
            raise HttpError(HttpResponseBadRequest("Must provide query string."))
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
        errors = _validate(schema, query)
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
