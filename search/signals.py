"""Changes to indexed content, and to whatever documents depend on, mark documents stale.

The receivers are generic: every registered source says which models it watches
(search.registry.Watch). Saves are seen after they happen; deletes before, so that the
relations a watch follows (a Term's objects, a page's descendants) still exist. Publishing
and unpublishing save the row (pages and snippets alike); moving a page changes url paths
without saving its descendants, so `post_page_move` is watched as well.
"""

from __future__ import annotations

from django.apps import apps
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
    """Saves: listen to every model, so a watch on a model covers its subclasses (Page
    covers every page type). Deletes: only the watched models and their subclasses (every
    source is registered by now, in search's `ready`), because a delete receiver without
    a sender keeps Django from deleting any other model's rows in one statement: a
    checkout's lines would be read before they are deleted, in every order placed."""
    post_save.connect(_saved, weak=False, dispatch_uid="vitrine-search-saved")
    watched = tuple({watch.model for source in registry.sources() for watch in source.watches})
    for model in apps.get_models():
        if issubclass(model, watched):
            pre_delete.connect(
                _deleting,
                sender=model,
                weak=False,
                dispatch_uid=f"vitrine-search-deleting-{model._meta.label_lower}",
            )
    post_page_move.connect(_moved, weak=False, dispatch_uid="vitrine-search-moved")
