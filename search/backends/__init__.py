"""Where documents are stored and searched: the project's database, or Elasticsearch.

Both backends answer the same questions (`SearchBackend`) with the same meaning, so the
GraphQL field does not know which one runs:

- every query term must match somewhere in a document (title, labels, body or related
  text); `match_any` relaxes that to one term, for the second try when nothing matched all;
- facet filters combine with OR within a facet and AND across facets, and each facet is
  counted with every filter but its own ("disjunctive" facets: the counts of a facet's
  other values say how many results choosing them instead would give);
- the `kinds` argument is one more such facet, named "kind". Since that facet is counted
  with every other filter, the number of results is the sum of its requested kinds: one
  `summary` answers the count and every facet with one evaluation of the match.
"""

from __future__ import annotations

import enum
import os
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache

from django.conf import settings

from search.registry import Document, SearchKind

KIND_FACET = "kind"


class Match(enum.IntEnum):
    """How an alternative relates to what was typed; lower ranks higher."""

    EXACT = 0  # the typed word's own term
    SYNONYM = 1  # another name of the Term the typed words name
    PART = 2  # a piece of a compound
    PREFIX = 3  # a word the typed one begins (unfinished, or inflected)
    TYPO = 4  # a held word within the typed word's edit distance


@dataclass(frozen=True)
class Alternative:
    """One way a query word may match: all of `terms` (a name of several words), the last
    as a prefix when `prefix`."""

    terms: tuple[str, ...]
    match: Match = Match.EXACT
    prefix: bool = False

    @property
    def strong(self) -> bool:
        """Matches what was typed, not a guess about it: ranked above the guesses."""
        return self.match <= Match.SYNONYM


@dataclass(frozen=True)
class QueryWord:
    """A word (or a run of words naming one Term) of the query and its alternatives, any
    of which may match."""

    typed: str
    alternatives: tuple[Alternative, ...]

    @property
    def strong(self) -> tuple[Alternative, ...]:
        return tuple(alternative for alternative in self.alternatives if alternative.strong)


@dataclass(frozen=True)
class SearchRequest:
    """`terms` is the query as analysed in Python (for the database); `query` is what was
    typed (Elasticsearch analyses it itself, with the same pipeline)."""

    terms: tuple[str, ...]  # empty means browse everything
    locale: str
    query: str = ""
    kinds: frozenset[SearchKind] = frozenset()  # empty means every kind
    filters: dict[str, frozenset[str]] = field(default_factory=dict)
    match_any: bool = False
    # The planned query (search.query); when empty, each term is one exact word.
    words: tuple[QueryWord, ...] = ()
    max_price: Decimal | None = None  # products only, below this price (a price wish)
    # The museums whose documents are searched (search.scope); empty means every museum,
    # for callers inside the install (the admin), never for a visitor's request.
    museums: frozenset[int] = frozenset()

    def query_words(self) -> tuple[QueryWord, ...]:
        if self.words:
            return self.words
        return tuple(QueryWord(term, (Alternative((term,)),)) for term in self.terms)

    def without(self, facet: str) -> SearchRequest:
        """The same request with one facet's filter lifted, to count that facet."""
        if facet == KIND_FACET:
            return replace(self, kinds=frozenset())
        return replace(
            self, filters={name: values for name, values in self.filters.items() if name != facet}
        )


@dataclass(frozen=True)
class Hit:
    kind: SearchKind
    title: str
    text: str
    slug: str
    anchor: str
    url_path: str | None
    locale: str
    image_id: int | None
    image_alt: str
    score: float
    source_locale: str = ""  # set when the record stands in for a missing translation
    museum_id: int | None = None  # whose document it is


@dataclass(frozen=True)
class FacetCount:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Suggestion:
    text: str
    kind: SearchKind | None = None  # the kind of document it names
    slug: str = ""
    anchor: str = ""
    url_path: str | None = None
    facet: str | None = None  # or the facet whose value it names
    value: str | None = None


@dataclass(frozen=True)
class Sample:
    """What a summary of very many matches was counted on: the documents whose sample
    number is below `below` (of SAMPLE_BUCKETS), of which `results` are results (every
    filter applied). The hits of the same request put the sample's first in each tier;
    `tiers`, where the backend counts them, are the results of each tier (as typed, with
    synonyms, guessed) in the sample, counted with the rest. `exact`: the ids of every
    result, where the backend read them one by one because the sample held too few of
    them to estimate (a narrow filter on a broad word); the count is exact then."""

    below: int
    results: int
    tiers: tuple[int, ...] = ()
    exact: tuple[int, ...] | None = None


SAMPLE_BUCKETS = 1024


@dataclass(frozen=True)
class Summary:
    count: int
    facets: dict[str, list[FacetCount]]  # KIND_FACET and the value facets asked for
    # Set when `count` and every facet's counts are estimates, scaled up from a sample.
    sample: Sample | None = None

    @property
    def approximate(self) -> bool:
        return self.sample is not None

    @property
    def count_approximate(self) -> bool:
        """Whether `count` is an estimate: results the sample held too few of to scale
        up were counted one by one (`Sample.exact`), though the facets are estimates."""
        return self.sample is not None and self.sample.exact is None


def count_from_kinds(request: SearchRequest, kinds: list[FacetCount]) -> int:
    wanted = {str(kind) for kind in request.kinds}
    return sum(value.count for value in kinds if not wanted or value.value in wanted)


# Facet values answered per facet: a facet is a menu, not a list of results.
MAX_FACET_VALUES = 50


class SearchBackend(ABC):
    # Whether queries are planned with the spelling list (search.spelling); a backend that
    # corrects typos and completes words itself says no.
    uses_spelling_list = True

    @abstractmethod
    def replace(self, source_label: str, source_ids: Sequence[int], documents: list[Document]):
        """Make `documents` the only documents of these source rows."""

    @abstractmethod
    def reset(self) -> None:
        """Remove every document (before a rebuild)."""

    @abstractmethod
    def optimize(self) -> None:
        """After a rebuild: let the store catch up (statistics, refresh)."""

    @abstractmethod
    def hits(
        self, request: SearchRequest, offset: int, limit: int, sample: Sample | None = None
    ) -> list[Hit]:
        """Best first; ties by title. Browsing (no terms) is by title. With the `sample` a
        summary of the same request was counted on, the sample's results come first
        within each tier of relevance (as typed, with synonyms, guessed)."""

    @abstractmethod
    def summary(self, request: SearchRequest, names: Sequence[str]) -> Summary:
        """The number of results, and the counts per value of KIND_FACET and of each facet
        in `names`, largest first."""

    @abstractmethod
    def suggest(
        self,
        words: Sequence[str],
        locale: str,
        facets: Sequence[str],
        limit: int,
        museums: frozenset[int] = frozenset(),
    ) -> list[Suggestion]:
        """Documents whose title, and values of `facets` whose label, have words starting
        with `words` (the last one a prefix): facet values first; only from documents of
        `museums` (every museum when empty)."""


def elasticsearch_url() -> str:
    return getattr(settings, "ELASTICSEARCH_URL", "") or os.environ.get("ELASTICSEARCH_URL", "")


@cache
def _backend(url: str) -> SearchBackend:
    if url:
        from search.backends.elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(url)
    from search.backends.database import DatabaseBackend

    return DatabaseBackend()


def get_backend() -> SearchBackend:
    """Elasticsearch when ELASTICSEARCH_URL is set, the project's database otherwise."""
    return _backend(elasticsearch_url())
