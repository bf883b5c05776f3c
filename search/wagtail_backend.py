"""`manage.py update_index` rebuilds the search documents through this Wagtail backend.

Wagtail's `update_index` (django-modelsearch's rebuild command) walks the backends listed
in WAGTAILSEARCH_BACKENDS. Listing this module there,

    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database"},
        "vitrine": {"BACKEND": "search.wagtail_backend"},
    }

makes the command rebuild every document of every registered source (search.indexing.
rebuild) when it has walked the models. Wagtail's own per-save calls (`add`, `delete`) are
deliberately ignored: they run during the save, before a page's child rows are written
and without regard to the transaction, where search.signals rebuilds after commit. This
backend does not answer queries: search.services does, with facets Wagtail's backend
interface has no room for.
"""

from __future__ import annotations

from modelsearch.backends.base import BaseIndex, BaseSearchBackend

from search import indexing


class DocumentIndex(BaseIndex):
    """All search documents, whatever the model. Adding and deleting items stay the base
    class's no-ops: the rebuild reads the sources itself, once the command has walked the
    models."""

    def get_key(self) -> str:
        return "vitrine-search-documents"


class DocumentRebuilder:
    def __init__(self, index: DocumentIndex) -> None:
        self.index = index

    def start(self) -> DocumentIndex:
        return self.index

    def finish(self) -> None:
        indexing.rebuild()


class SearchBackend(BaseSearchBackend):
    index_class = DocumentIndex
    rebuilder_class = DocumentRebuilder

    def search(self, *args, **kwargs):
        raise NotImplementedError("Search with search.services.search (GraphQL `search`).")

    def autocomplete(self, *args, **kwargs):
        raise NotImplementedError("Suggest with search.services.suggest (`searchSuggest`).")
