"""The `search` and `searchSuggest` fields: parse the arguments, call the service, shape."""

from __future__ import annotations

import graphene
from django.utils import translation
from graphql import GraphQLError

from museum_site.graphql.locales import resolve_locale
from museum_site.graphql.pagination import list_arguments, paginate
from museum_site.graphql.queries import locale_arg
from museum_site.museums.current import museum_for_field
from museum_site.museums.graphql_scope import museum_argument
from search import museums, services
from search.graphql.types import (
    QueryRule,
    SearchFilters,
    SearchKind,
    SearchResultsType,
    SearchScope,
    SearchSuggestionType,
)
from search.museums import museums_searched

MAX_SUGGESTIONS = 20
FILTER_FACETS = {
    "makers": "maker",
    "materials": "material",
    "periods": "period",
    "object_types": "object_type",
    "centuries": "century",
    "categories": "category",
    "price_bands": "price_band",
}


def _facet_filters(filters: dict | None) -> dict[str, list[str]]:
    filters = filters or {}
    chosen = {
        facet: [str(getattr(value, "value", value)) for value in filters.get(argument) or ()]
        for argument, facet in FILTER_FACETS.items()
    }
    if filters.get("in_stock") is not None:
        chosen["in_stock"] = ["true" if filters["in_stock"] else "false"]
    return chosen


def _museums(info, scope) -> list:
    """The museums searched: the request's (host, header or `museum` argument), or with
    `scope: GROUP` every public museum of the group as well."""
    chosen = museums.SearchScope(getattr(scope, "value", scope))
    return museums_searched(museum_for_field(info), chosen)


class SearchQuery:
    """Mixed into the root Query type by the `register_schema_query` hook."""

    search = graphene.Field(
        SearchResultsType,
        required=True,
        query=graphene.String(
            required=True, description="What the visitor typed; empty to browse by facets."
        ),
        kinds=graphene.List(graphene.NonNull(SearchKind), description="Every kind if empty."),
        locale=locale_arg(),
        filters=graphene.Argument(SearchFilters),
        skip_rules=graphene.List(
            graphene.NonNull(QueryRule),
            description="Rules of query understanding not to apply (an applied filter the "
            "visitor removed): their words are searched as words.",
        ),
        scope=graphene.Argument(
            SearchScope,
            default_value=SearchScope.MUSEUM.value,
            description="The request's museum only (the default), or the whole group.",
        ),
        museum=museum_argument(),
        **list_arguments(),
        description="Published, public stories, exhibitions, objects, tours and purchasable "
        "products of one language, best match first, with facet counts.",
    )
    search_suggest = graphene.List(
        graphene.NonNull(SearchSuggestionType),
        required=True,
        prefix=graphene.String(required=True, description="What the visitor has typed so far."),
        locale=locale_arg(),
        first=graphene.Int(default_value=8, description=f"1 to {MAX_SUGGESTIONS}."),
        scope=graphene.Argument(
            SearchScope,
            default_value=SearchScope.MUSEUM.value,
            description="The request's museum only (the default), or the whole group.",
        ),
        museum=museum_argument(),
        description="As-you-type suggestions: makers, materials and periods, then titles.",
    )

    @staticmethod
    def resolve_search(
        root,
        info,
        query,
        first,
        after=None,
        kinds=None,
        locale=None,
        filters=None,
        skip_rules=None,
        scope=SearchScope.MUSEUM.value,
    ) -> dict:
        language = resolve_locale(locale)
        translation.activate(language)
        try:
            results = services.search(
                query,
                language,
                kinds=[kind if not hasattr(kind, "value") else kind.value for kind in kinds or ()],
                filters=_facet_filters(filters),
                skip_rules=[getattr(rule, "value", rule) for rule in skip_rules or ()],
                museums=_museums(info, scope),
            )
        except services.SearchInputError as error:
            raise GraphQLError(str(error)) from error
        return {**paginate(results, first, after), "results": results}

    @staticmethod
    def resolve_search_suggest(
        root, info, prefix, first, locale=None, scope=SearchScope.MUSEUM.value
    ):
        if not 1 <= first <= MAX_SUGGESTIONS:
            raise GraphQLError(f"`first` must be between 1 and {MAX_SUGGESTIONS}.")
        try:
            return services.suggest(
                prefix, resolve_locale(locale), first, museums=_museums(info, scope)
            )
        except services.SearchInputError as error:
            raise GraphQLError(str(error)) from error
