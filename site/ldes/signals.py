"""Publishing, unpublishing and deleting content write stream members after the commit.

Objects are publishable snippets (`published` / `unpublished`), exhibitions are pages
(`page_published` / `page_unpublished`), terms are plain rows (`post_save` /
`post_delete`). Deleting an object or page also ends its stream with a tombstone.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, published, unpublished

from museum_site.models import CollectionObject, ExhibitionPage, Term

from . import services


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


@receiver(post_save, sender=Term)
@receiver(post_delete, sender=Term)
def term_changed(sender, instance, **kwargs) -> None:
    term_id = instance.pk
    transaction.on_commit(lambda: services.record_term(term_id))
