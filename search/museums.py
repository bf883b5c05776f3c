"""Whose documents a search reads, and which museum each document belongs to.

A visitor of a museum searches that museum's documents; `scope: GROUP` searches the
whole group, which sees only what every museum shows the public: the documents of the
museums listed in the group's list (`Museum.is_public`), plus the asking museum's own.
Both backends filter on the document's museum, so one museum's unpublished neighbour is
never a result, a facet count or a suggestion of another's.

A source may say which museum a document is (`Document.museum_id`); otherwise the row's
own `museum` answers, and for a page the museum whose page tree (its site's root page or
a translation of it) holds the page. A page outside every museum's tree belongs to the
default museum, as rows made before there were several museums do.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from wagtail.models import Page

from museum_site.museums.models import Museum, default_museum_id
from search.registry import Document


class SearchScope(enum.StrEnum):
    MUSEUM = "museum"  # the request's museum only
    GROUP = "group"  # every public museum of the group


def museums_searched(museum: Museum, scope: SearchScope) -> list[Museum]:
    """The museums whose documents a visitor of `museum` searches in `scope` (one query
    for the group, none for the museum itself)."""
    if scope == SearchScope.GROUP:
        public = Museum.objects.public().exclude(pk=museum.pk).select_related("site")
        return [museum, *public]
    return [museum]


class PageMuseums:
    """The museum of a page by its tree path: the longest museum root path it starts with.
    Reads the roots once (one query), then answers without the database."""

    def __init__(self) -> None:
        root_keys = dict(
            Museum.objects.values_list("site__root_page__translation_key", "pk").order_by("pk")
        )
        roots = Page.objects.filter(translation_key__in=list(root_keys)).values_list(
            "path", "translation_key"
        )
        # Longest first: a museum whose tree lies inside another's wins for its pages.
        self.roots = sorted(
            ((path, root_keys[key]) for path, key in roots), key=lambda root: -len(root[0])
        )
        self._default: int | None = None

    def default(self) -> int:
        if self._default is None:
            self._default = default_museum_id()
        return self._default

    def for_path(self, path: str) -> int:
        for root_path, museum_id in self.roots:
            if path.startswith(root_path):
                return museum_id
        return self.default()


def assign_museums(documents: Iterable[Document]) -> list[Document]:
    """`documents` with their museum set, from the source row when the source left it."""
    documents = list(documents)
    pages: PageMuseums | None = None
    for document in documents:
        if document.museum_id is not None:
            continue
        row = document.source
        own = getattr(row, "museum_id", None)
        if own is not None:
            document.museum_id = own
            continue
        if pages is None:
            pages = PageMuseums()
        path = getattr(row, "path", None)
        document.museum_id = pages.for_path(path) if path else pages.default()
    return documents
