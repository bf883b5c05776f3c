"""What each app contributes to the search: its kinds of documents and what they depend on.

An app registers a `SearchSource` from its AppConfig.ready(): the model whose rows become
documents, a function that builds the documents of the *visible* rows among some primary
keys (a row that is hidden or gone simply yields none, and its documents are removed), and
the other models whose changes make those documents stale (`Watch`). The search app does
the rest: it listens to those models, rebuilds the affected documents after commit, and
answers one query over every registered kind.

The shop's products (PRODUCT) are registered this way too (search.sources.products);
stock changes, which save no rows, reach it through the shop's `stock_changed` signal.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models


class SearchKind(enum.StrEnum):
    STORY = "story"
    EXHIBITION = "exhibition"
    OBJECT = "object"
    TOUR = "tour"
    PRODUCT = "product"


class Field(enum.StrEnum):
    """The weighted text fields of a document, from most to least telling."""

    TITLE = "title"
    LABELS = "labels"  # other names: authority labels, alternative spellings, numbers, tags
    BODY = "body"  # the text itself
    RELATED = "related"  # what it shows or links to: objects in an exhibition, hotspot targets


@dataclass(frozen=True)
class FacetValue:
    """One value of one facet on a document, with its label in the document's language."""

    name: str
    value: str
    label: str


@dataclass
class Document:
    """A search document as a source builds it, before any backend analyses or stores it.

    `source` is the row the document is rebuilt from; one row may give several documents
    (a tour and each of its scenes), told apart by `anchor`.
    """

    kind: SearchKind
    source: models.Model
    locale: str
    title: str
    fields: dict[Field, list[str]]
    text: str
    slug: str
    anchor: str = ""
    url_path: str | None = None
    image_id: int | None = None
    image_alt: str = ""
    expires_at: datetime.datetime | None = None
    visible_from: datetime.datetime | None = None  # the source's go_live_at
    facets: list[FacetValue] = field(default_factory=list)
    # For a record without a translation into `locale`: the language it is shown in.
    source_locale: str = ""
    price: Decimal | None = None  # a product's lowest price, for price wishes
    # The museum the source row belongs to; a source may leave it unset, and the indexer
    # then takes the row's own `museum` or the museum whose page tree holds the page
    # (search.museums).
    museum_id: int | None = None


@dataclass(frozen=True)
class Watch:
    """`model`'s changes make the documents of the source rows `affected` returns stale.

    `affected` runs when the change happens (before a delete, so relations still exist);
    the documents are rebuilt after commit.
    """

    model: type[models.Model]
    affected: Callable[[models.Model], Iterable[int]]


@dataclass(frozen=True)
class SearchSource:
    kind: SearchKind
    model: type[models.Model]
    build: Callable[[Sequence[int]], Iterable[Document]]
    watches: tuple[Watch, ...] = ()
    facets: tuple[str, ...] = ()  # facet names its documents carry
    suggested_facets: tuple[str, ...] = ()  # facets whose labels searchSuggest completes
    # How a document of this kind ranks against another kind's that matches as well: a
    # multiplier of its relevance score (1: no preference).
    weight: float = 1.0

    def label(self) -> str:
        return self.model._meta.label_lower


_sources: dict[str, SearchSource] = {}


def register(source: SearchSource) -> None:
    """Add a source; registering the same model again replaces it (reloads, tests)."""
    _sources[source.label()] = source


def sources() -> list[SearchSource]:
    return list(_sources.values())


def source_for(label: str) -> SearchSource:
    return _sources[label]


def kind_weights() -> dict[str, float]:
    """Relevance multipliers of the kinds that have one other than 1, by kind value."""
    return {
        source.kind.value: source.weight for source in _sources.values() if source.weight != 1.0
    }


def facet_names() -> list[str]:
    return sorted({name for source in _sources.values() for name in source.facets})


def suggested_facet_names() -> list[str]:
    return sorted({name for source in _sources.values() for name in source.suggested_facets})
