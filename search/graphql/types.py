"""GraphQL types of the search: results with snippets and images, facets, suggestions."""

from __future__ import annotations

import graphene
from django.utils.translation import gettext, gettext_noop

from museum_site.graphql.images import Image, make_rendition, rendition_field
from museum_site.graphql.pagination import PageInfo
from search import museums, registry
from search.backends import KIND_FACET, FacetCount, Suggestion
from search.services import ResultImage, SearchResult
from search.sources.products import PRICE_BANDS
from search.understanding import AppliedFilter, Rule

LANGUAGE_NAMES = {
    "nl": gettext_noop("Dutch"),
    "en": gettext_noop("English"),
    "fr": gettext_noop("French"),
}

KIND_DESCRIPTIONS = {
    registry.SearchKind.STORY: "A story (page).",
    registry.SearchKind.EXHIBITION: "An exhibition (page).",
    registry.SearchKind.OBJECT: "A collection object; `slug` is its inventory number.",
    registry.SearchKind.TOUR: "A virtual tour, or one scene of it (`sceneKey` set).",
    registry.SearchKind.PRODUCT: (
        "A product of the shop that can be bought (it may be sold out: see the inStock "
        "facet); `slug` is the product page's slug."
    ),
}

SearchScope = graphene.Enum.from_enum(
    museums.SearchScope,
    description=lambda value: (
        {
            museums.SearchScope.MUSEUM: "The museum the request is for.",
            museums.SearchScope.GROUP: "Every public museum of the group.",
        }[value]
        if value
        else "Where a search looks."
    ),
)

SearchKind = graphene.Enum.from_enum(
    registry.SearchKind,
    description=lambda value: KIND_DESCRIPTIONS[value] if value else "What a result is.",
)


PRICE_BAND_NAMES = {
    "0-10": "UNDER_10",
    "10-25": "FROM_10_TO_25",
    "25-50": "FROM_25_TO_50",
    "50-100": "FROM_50_TO_100",
    "100-": "FROM_100",
}
PriceBand = graphene.Enum(
    "PriceBand",
    [(PRICE_BAND_NAMES[band.value], band.value) for band in PRICE_BANDS],
    description="Price bands of products in EUR, VAT included: from the lower end up to "
    "(not including) the upper end.",
)


class SearchFilters(graphene.InputObjectType):
    """Narrow the results to documents with these facet values: any of the values given for
    one facet, and every facet given. Makers, materials, periods and centuries describe
    collection objects; categories, price bands and inStock describe products."""

    makers = graphene.List(graphene.NonNull(graphene.ID), description="Maker Term ids.")
    materials = graphene.List(graphene.NonNull(graphene.ID), description="Material Term ids.")
    periods = graphene.List(
        graphene.NonNull(graphene.ID), description="Period Term ids (styles and eras)."
    )
    object_types = graphene.List(
        graphene.NonNull(graphene.ID), description="Object type Term ids (what objects are)."
    )
    centuries = graphene.List(
        graphene.NonNull(graphene.Int),
        description="Centuries of the object's dating: 17 is 1600-1699; negative before year 1.",
    )
    categories = graphene.List(
        graphene.NonNull(graphene.String), description="Product category slugs."
    )
    price_bands = graphene.List(
        graphene.NonNull(PriceBand), description="Products with a variant in one of these bands."
    )
    in_stock = graphene.Boolean(
        description="Products that can (true) or cannot (false) be bought right now."
    )


class SearchImage(graphene.ObjectType):
    """The image of a result, with the alt text for this result."""

    image = graphene.Field(Image, required=True)
    alt = graphene.String(required=True)
    rendition = rendition_field()

    @staticmethod
    def resolve_rendition(root: ResultImage, info, preset, format):
        return make_rendition(root.image, preset, format, root.alt)


class SearchResultType(graphene.ObjectType):
    class Meta:
        name = "SearchResult"

    kind = graphene.Field(SearchKind, required=True)
    title = graphene.String(required=True)
    snippet = graphene.String(
        required=True,
        description="The best-matching passage: escaped text with matched words in "
        "<mark></mark>, safe to insert as HTML.",
    )
    url_path = graphene.String(
        description="The page's url path (as `urlPath` of pages); null for objects."
    )
    slug = graphene.String(
        required=True,
        description="Page slug; inventory number for an object; the tour's slug for a scene.",
    )
    scene_key = graphene.String(description="For a scene of a tour: which scene.")
    locale = graphene.String(
        required=True,
        description="The language the result is in: another than the requested one when "
        "the record has no translation into it (see `translated`).",
    )
    translated = graphene.Boolean(
        required=True,
        description="False when the record has no translation into the requested language "
        "and is shown in its own (found through names, types and numbers, which need none).",
    )
    note = graphene.String(
        description="For a result shown in another language: a note saying so, in the "
        "requested language."
    )
    image = graphene.Field(SearchImage)
    museum = graphene.Field(
        "museum_site.museums.graphql.MuseumType",
        description="Whose result it is: with `scope: GROUP`, results of several museums.",
    )
    score = graphene.Float(
        required=True,
        description="Relevance; compare only within one answer (0 when browsing).",
    )

    @staticmethod
    def resolve_kind(result: SearchResult, info):
        return result.kind

    @staticmethod
    def resolve_note(result: SearchResult, info) -> str | None:
        if result.translated:
            return None
        return gettext("Not translated; shown in %(language)s.") % {
            "language": gettext(LANGUAGE_NAMES.get(result.locale, result.locale))
        }


class KindFacetValue(graphene.ObjectType):
    kind = graphene.Field(SearchKind, required=True)
    count = graphene.Int(required=True)

    @staticmethod
    def resolve_kind(value: FacetCount, info):
        return registry.SearchKind(value.value)


class TermFacetValue(graphene.ObjectType):
    """A maker, material, period or object type Term: pass `id` in `filters` to narrow to
    it."""

    id = graphene.ID(required=True)
    label = graphene.String(required=True, description="In the requested locale.")
    count = graphene.Int(required=True)

    @staticmethod
    def resolve_id(value: FacetCount, info) -> str:
        return value.value


class CenturyFacetValue(graphene.ObjectType):
    century = graphene.Int(required=True, description="17 is 1600-1699.")
    label = graphene.String(required=True, description="E.g. '17de eeuw', '17th century'.")
    count = graphene.Int(required=True)

    @staticmethod
    def resolve_century(value: FacetCount, info) -> int:
        return int(value.value)


class CategoryFacetValue(graphene.ObjectType):
    """A product category: pass `slug` in `filters.categories` to narrow to it."""

    slug = graphene.String(required=True)
    label = graphene.String(required=True, description="The name in the requested locale.")
    count = graphene.Int(required=True)

    @staticmethod
    def resolve_slug(value: FacetCount, info) -> str:
        return value.value


class PriceBandFacetValue(graphene.ObjectType):
    band = graphene.Field(PriceBand, required=True)
    label = graphene.String(required=True, description="E.g. '€ 10 tot € 25', '€10 to €25'.")
    count = graphene.Int(required=True)

    @staticmethod
    def resolve_band(value: FacetCount, info) -> str:
        return value.value


class InStockFacetValue(graphene.ObjectType):
    in_stock = graphene.Boolean(required=True)
    label = graphene.String(required=True, description="E.g. 'op voorraad', 'sold out'.")
    count = graphene.Int(required=True)

    @staticmethod
    def resolve_in_stock(value: FacetCount, info) -> bool:
        return value.value == "true"


class SearchFacets(graphene.ObjectType):
    """How many results each value would give. Each facet is counted with the other facets'
    filters but not its own, so its other values stay visible. At most 50 values each,
    most frequent first. Makers, materials, periods and centuries describe collection
    objects; categories, price bands and inStock describe products."""

    kinds = graphene.List(graphene.NonNull(KindFacetValue), required=True)
    makers = graphene.List(graphene.NonNull(TermFacetValue), required=True)
    materials = graphene.List(graphene.NonNull(TermFacetValue), required=True)
    periods = graphene.List(graphene.NonNull(TermFacetValue), required=True)
    object_types = graphene.List(graphene.NonNull(TermFacetValue), required=True)
    centuries = graphene.List(graphene.NonNull(CenturyFacetValue), required=True)
    categories = graphene.List(graphene.NonNull(CategoryFacetValue), required=True)
    price_bands = graphene.List(graphene.NonNull(PriceBandFacetValue), required=True)
    in_stock = graphene.List(graphene.NonNull(InStockFacetValue), required=True)
    approximate = graphene.Boolean(
        required=True,
        description="True when the search matched so many documents (over 2,000 by "
        "default) that its facets' counts are estimated from a fixed sample of the "
        "documents (values found in none of the sample are left out); so are `totalCount` "
        "and the kinds unless `totalCountApproximate` is false (a narrow filter's few "
        "results are counted one by one). The first pages list the sample's results, best "
        "first; later pages the others.",
    )

    @staticmethod
    def resolve_approximate(facets: dict, info) -> bool:
        return bool(facets.get("approximate", False))

    @staticmethod
    def resolve_kinds(facets: dict[str, list[FacetCount]], info):
        return facets.get(KIND_FACET, [])

    @staticmethod
    def resolve_makers(facets: dict[str, list[FacetCount]], info):
        return facets.get("maker", [])

    @staticmethod
    def resolve_materials(facets: dict[str, list[FacetCount]], info):
        return facets.get("material", [])

    @staticmethod
    def resolve_periods(facets: dict[str, list[FacetCount]], info):
        return facets.get("period", [])

    @staticmethod
    def resolve_object_types(facets: dict[str, list[FacetCount]], info):
        return facets.get("object_type", [])

    @staticmethod
    def resolve_centuries(facets: dict[str, list[FacetCount]], info):
        return facets.get("century", [])

    @staticmethod
    def resolve_categories(facets: dict[str, list[FacetCount]], info):
        return facets.get("category", [])

    @staticmethod
    def resolve_price_bands(facets: dict[str, list[FacetCount]], info):
        return facets.get("price_band", [])

    @staticmethod
    def resolve_in_stock(facets: dict[str, list[FacetCount]], info):
        return facets.get("in_stock", [])


QueryRule = graphene.Enum.from_enum(
    Rule,
    name="QueryRule",
    description=lambda value: (
        RULE_DESCRIPTIONS[value] if value else "A rule of query understanding."
    ),
)
RULE_DESCRIPTIONS = {
    Rule.CENTURY: "Century words or Roman numerals ('zeventiende eeuw', 'XVIIe siècle') became "
    "the century filter; `value` is the century (17 is 1600-1699).",
    Rule.MAX_PRICE: "A price wish ('onder 20 euro', 'under €20', 'moins de 20 euros') keeps "
    "products up to that price; `value` is the amount in EUR.",
    Rule.PRODUCTS: "A gift or price wish ('cadeau', 'gift') keeps shop products only.",
}


class AppliedFilterType(graphene.ObjectType):
    """A filter the search read from the query's words. Show it, and let the visitor undo
    it: the same search with the rule in `skipRules` searches those words as words."""

    class Meta:
        name = "AppliedFilter"

    rule = graphene.Field(QueryRule, required=True)
    value = graphene.String(required=True)
    label = graphene.String(required=True, description="Shown to the visitor, translated.")
    text = graphene.String(required=True, description="The words of the query it came from.")

    @staticmethod
    def resolve_rule(applied: AppliedFilter, info):
        return applied.rule


class SearchResultsType(graphene.ObjectType):
    class Meta:
        name = "SearchResults"

    applied_filters = graphene.List(
        graphene.NonNull(AppliedFilterType),
        required=True,
        description="Filters read from the query's words (centuries, price wishes).",
    )

    total_count = graphene.Int(
        required=True,
        description="Results in the whole list; an estimate when `totalCountApproximate`.",
    )
    total_count_approximate = graphene.Boolean(
        required=True,
        description="True when `totalCount` is an estimate (very many matches, counted on "
        'a sample): show it as one ("about 59,000 results"). False when the results were '
        "counted one by one, also when the facets are estimates (`facets.approximate`: a "
        "narrow filter on a broad word).",
    )
    page_info = graphene.Field(PageInfo, required=True)
    nodes = graphene.List(graphene.NonNull(SearchResultType), required=True)
    facets = graphene.Field(SearchFacets, required=True)

    @staticmethod
    def resolve_total_count_approximate(root: dict, info) -> bool:
        return root["results"].count_approximate

    @staticmethod
    def resolve_facets(root: dict, info):
        results = root["results"]
        return {**results.facets(), "approximate": results.approximate}

    @staticmethod
    def resolve_applied_filters(root: dict, info):
        return root["results"].applied_filters


class SearchSuggestionType(graphene.ObjectType):
    """A completion: a document to go to, or a maker, material or period to search or filter
    for."""

    class Meta:
        name = "SearchSuggestion"

    text = graphene.String(required=True)
    kind = graphene.Field(SearchKind, description="The document's kind; null for a Term.")
    slug = graphene.String(description="Where the document is (as in SearchResult).")
    scene_key = graphene.String()
    url_path = graphene.String()
    term_id = graphene.ID(description="The maker, material or period Term; use it in `filters`.")
    facet = graphene.String(description="`maker`, `material` or `period` for a Term, else null.")

    @staticmethod
    def resolve_kind(suggestion: Suggestion, info):
        return suggestion.kind

    @staticmethod
    def resolve_slug(suggestion: Suggestion, info) -> str | None:
        return suggestion.slug or None

    @staticmethod
    def resolve_scene_key(suggestion: Suggestion, info) -> str | None:
        return suggestion.anchor or None

    @staticmethod
    def resolve_term_id(suggestion: Suggestion, info) -> str | None:
        return suggestion.value
