"""Searching: from what a visitor typed to a page of results with snippets and facets.

The query is analysed in the requested language; every term must match. When no
document has them all, the search tries again for documents with any of them (ranked by
how many and where), so that "Johannes de Eyck portret" still finds something useful.
The answer is lazy: the count and the facets come together (one query on the database),
the page with its images costs three more, and only what is asked for is run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from museum_site.models import MuseumImage
from museum_site.museums.models import Museum
from search import registry
from search.analysis import analyzer, suggest_words
from search.backends import (
    KIND_FACET,
    FacetCount,
    Hit,
    SearchBackend,
    SearchRequest,
    Suggestion,
    Summary,
    get_backend,
)
from search.query import highlight_terms, plan
from search.registry import SearchKind
from search.snippets import snippet
from search.understanding import AppliedFilter, Rule, understand

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12
MIN_PREFIX_LENGTH = 2


class SearchInputError(ValueError):
    """A query the search will not run; the message is for the visitor's developer."""


@dataclass(frozen=True)
class ResultImage:
    image: MuseumImage
    alt: str


@dataclass(frozen=True)
class SearchResult:
    kind: SearchKind
    title: str
    snippet: str
    url_path: str | None
    slug: str
    scene_key: str | None
    locale: str  # the language the record is shown in
    image: ResultImage | None
    score: float
    translated: bool = True  # False: no translation into the requested language exists
    museum: Museum | None = None  # whose it is (tells a group search's results apart)


class SearchResults:
    """A lazy answer that `paginate` can count and slice like a queryset."""

    def __init__(self, backend: SearchBackend, request: SearchRequest, *, nothing: bool = False):
        self.backend = backend
        self.request = request
        self.nothing = nothing  # a query with nothing to look for answers nothing
        self._summary: Summary | None = None
        self.applied_filters: list[AppliedFilter] = []
        self.museums: dict[int, Museum] = {}  # the museums searched, by id

    def _settle(self) -> Summary:
        """Count and facets in one go, and the choice between all terms and any term."""
        if self._summary is None:
            names = registry.facet_names()
            if self.nothing:
                self._summary = Summary(0, {name: [] for name in [KIND_FACET, *names]})
                return self._summary
            self._summary = self.backend.summary(self.request, names)
            if self._summary.count == 0 and len(self.request.query_words()) > 1:
                self.request = replace(self.request, match_any=True)
                self._summary = self.backend.summary(self.request, names)
            if self._summary.count == 0 and self.applied_filters and self.request.terms:
                # The words left beside a rule ("a nice gift under 20 euro") found nothing
                # within its filters: the filters alone answer.
                self.request = replace(self.request, terms=(), words=(), match_any=False)
                self._summary = self.backend.summary(self.request, names)
        return self._summary

    def count(self) -> int:
        return self._settle().count

    def __getitem__(self, page: slice) -> list[SearchResult]:
        summary = self._settle()
        offset, stop = page.start or 0, page.stop
        if self.nothing or stop is None or stop <= offset:
            return []
        hits = self.backend.hits(self.request, offset, stop - offset, summary.sample)
        return self._results(hits)

    def _results(self, hits: list[Hit]) -> list[SearchResult]:
        image_ids = {hit.image_id for hit in hits if hit.image_id}
        images = (
            MuseumImage.objects.filter(pk__in=image_ids).prefetch_related("renditions").in_bulk()
            if image_ids
            else {}
        )
        terms = frozenset(self.request.terms) | highlight_terms(self.request.words)
        analysis = analyzer(self.request.locale)
        return [
            SearchResult(
                kind=hit.kind,
                title=hit.title,
                snippet=snippet(hit.text, terms, analysis),
                url_path=hit.url_path,
                slug=hit.slug,
                scene_key=hit.anchor or None,
                locale=hit.source_locale or hit.locale,
                translated=not hit.source_locale,
                image=(
                    ResultImage(images[hit.image_id], hit.image_alt)
                    if hit.image_id in images
                    else None
                ),
                score=hit.score,
                museum=self.museums.get(hit.museum_id),
            )
            for hit in hits
        ]

    def facets(self) -> dict[str, list[FacetCount]]:
        return self._settle().facets

    @property
    def approximate(self) -> bool:
        """Whether the facet counts are estimates (very many matches)."""
        return self._settle().approximate

    @property
    def count_approximate(self) -> bool:
        """Whether `count()` is an estimate: not when a narrow filter's few results were
        counted one by one, though the facets are estimates."""
        return self._settle().count_approximate


def search(
    query: str,
    locale: str,
    kinds: Sequence[SearchKind] = (),
    filters: dict[str, Sequence[str]] | None = None,
    skip_rules: Sequence[Rule] = (),
    museums: Sequence[Museum] = (),
) -> SearchResults:
    """Published, public documents of `locale` matching `query` (all of them when the query
    is blank), of `kinds` (every kind when empty), with facet `filters`, of `museums`
    (search.museums.museums_searched; every museum when empty: callers inside the install).

    Words that are really filters (a century, a price wish: search.understanding) become
    filters, listed in `applied_filters` of the answer; `skip_rules` keeps them words."""
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchInputError(f"A query has at most {MAX_QUERY_LENGTH} characters.")
    understood = understand(query, locale, frozenset(Rule(rule) for rule in skip_rules))
    text = understood.text
    terms = tuple(analyzer(locale).query_terms(text))
    if len(terms) > MAX_QUERY_TERMS:
        raise SearchInputError(f"A query has at most {MAX_QUERY_TERMS} words.")
    backend = get_backend()
    chosen = {name: frozenset(values) for name, values in (filters or {}).items() if values}
    if understood.centuries:
        wanted = {str(number) for number in understood.centuries}
        chosen["century"] = chosen.get("century", frozenset()) | wanted
    wanted_kinds = frozenset(SearchKind(kind) for kind in kinds)
    if understood.products_only and (not wanted_kinds or SearchKind.PRODUCT in wanted_kinds):
        wanted_kinds = frozenset({SearchKind.PRODUCT})
    request = SearchRequest(
        terms=terms,
        locale=locale,
        query=text,
        kinds=wanted_kinds,
        filters=chosen,
        words=plan(text, locale, spelling=backend.uses_spelling_list) if terms else (),
        max_price=understood.max_price,
        museums=frozenset(museum.pk for museum in museums),
    )
    # Only stop words ("de", "the") leave nothing to look for: that answers nothing, not
    # everything (a blank query browses everything) - unless a rule made them filters.
    nothing = bool(text.strip()) and not terms and not understood.applied
    results = SearchResults(backend, request, nothing=nothing)
    results.applied_filters = understood.applied
    results.museums = {museum.pk: museum for museum in museums}
    return results


def search_objects(text: str, locale: str, museums: Sequence[Museum] = ()) -> SearchResults:
    """Collection objects matching `text` as a visitor's search finds them (typos,
    synonyms, other languages' names): for pickers in the admin and other callers that
    need objects by text. Slice the answer for a page; each result's `slug` is the
    object's inventory number."""
    return search(text, locale, kinds=[SearchKind.OBJECT], museums=museums)


def suggest(
    prefix: str, locale: str, limit: int, museums: Sequence[Museum] = ()
) -> list[Suggestion]:
    """As-you-type completions: maker and material names, then document titles, from the
    documents of `museums` (every museum when empty)."""
    if len(prefix) > MAX_QUERY_LENGTH:
        raise SearchInputError(f"A prefix has at most {MAX_QUERY_LENGTH} characters.")
    words = suggest_words(prefix)[:MAX_QUERY_TERMS]
    if not words or len(" ".join(words)) < MIN_PREFIX_LENGTH:
        return []
    return get_backend().suggest(
        words,
        locale,
        registry.suggested_facet_names(),
        limit,
        frozenset(museum.pk for museum in museums),
    )
