"""Changes to indexed content, and to whatever documents depend on, mark documents stale.

The receivers are generic: every registered source says which models it watches
(search.registry.Watch). Saves are seen after they happen; deletes before, so that the
relations a watch follows (a Term's objects, a page's descendants) still exist. Publishing
and unpublishing save the row (pages and snippets alike); moving a page changes url paths
without saving its descendants, so `post_page_move` is watched as well.
"""

from __future__ import annotations

from django.db.models import Model
from django.db.models.signals import post_save, pre_delete
from wagtail.signals import post_page_move

from search import registry
from search.indexing import mark_stale


def _changed(instance: Model) -> None:
    for source in registry.sources():
        for watch in source.watches:
            if isinstance(instance, watch.model):
                mark_stale(source, watch.affected(instance))


def _saved(sender, instance: Model, raw: bool = False, **kwargs) -> None:
    if not raw:  # fixtures load rows as they are; `update_index` indexes them afterwards
        _changed(instance)


def _deleting(sender, instance: Model, **kwargs) -> None:
    _changed(instance)


def _moved(sender, instance: Model, **kwargs) -> None:
    _changed(instance)


def connect() -> None:
    """Listen to every model: sources registered later (by apps after this one) count too,
    and a watch on a model covers its subclasses (Page covers every page type)."""
    post_save.connect(_saved, weak=False, dispatch_uid="vitrine-search-saved")
    pre_delete.connect(_deleting, weak=False, dispatch_uid="vitrine-search-deleting")
    post_page_move.connect(_moved, weak=False, dispatch_uid="vitrine-search-moved")
