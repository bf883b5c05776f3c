"""Publishing, unpublishing and deleting content write stream members after the commit.

Objects are publishable snippets (`published` / `unpublished`), exhibitions are pages
(`page_published` / `page_unpublished`), terms are plain rows (`post_save` /
`post_delete`). Deleting an object or page also ends its stream with a tombstone. A
term's change also reaches the published objects that name it: they get a new version
when their description changed.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, published, unpublished

from museum_site.models import CollectionObject, ExhibitionPage, Term

from . import services
from .tasks import record_objects_task


def _object_changed(instance: CollectionObject) -> None:
    key = instance.translation_key
    transaction.on_commit(lambda: services.record_object(key))


@receiver(published, sender=CollectionObject)
@receiver(unpublished, sender=CollectionObject)
def object_published(sender, instance, **kwargs) -> None:
    _object_changed(instance)


@receiver(post_delete, sender=CollectionObject)
def object_deleted(sender, instance, **kwargs) -> None:
    _object_changed(instance)


@receiver(page_published, sender=ExhibitionPage)
@receiver(page_unpublished, sender=ExhibitionPage)
def exhibition_published(sender, instance, **kwargs) -> None:
    key, page_id = instance.translation_key, instance.pk

    def record() -> None:
        from wagtail.models import Page

        page = Page.objects.filter(pk=page_id).first()
        museum = services.museum_of_page(page) if page is not None else None
        services.record_exhibition(key, museum)

    transaction.on_commit(record)


@receiver(post_delete, sender=ExhibitionPage)
def exhibition_deleted(sender, instance, **kwargs) -> None:
    key = instance.translation_key
    transaction.on_commit(lambda: services.record_exhibition(key))


def _term_changed(term_id: int, object_keys: list[str] | None = None) -> None:
    """The term's new version, then (in the background) new versions of the published
    objects that name it, where their description changed (a label, the authority URI).
    `object_keys` is given when the term is deleted: its uses are gone by then."""

    def record() -> None:
        written = services.record_term(term_id)
        keys = object_keys if object_keys is not None else services.objects_using_term(term_id)
        if keys and (written or object_keys is not None):
            record_objects_task.enqueue(keys)

    transaction.on_commit(record)


@receiver(post_save, sender=Term)
def term_saved(sender, instance, **kwargs) -> None:
    _term_changed(instance.pk)


@receiver(pre_delete, sender=Term)
def term_deleting(sender, instance, **kwargs) -> None:
    instance._ldes_object_keys = services.objects_using_term(instance.pk)


@receiver(post_delete, sender=Term)
def term_deleted(sender, instance, **kwargs) -> None:
    _term_changed(instance.pk, getattr(instance, "_ldes_object_keys", []))
