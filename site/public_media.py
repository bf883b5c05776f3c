"""Which images and documents the public may see: those that public content uses.

A library holds drafts' pictures, scans waiting for rights, board minutes and the files
the shop sells; only what a visitor can already reach through published content is
listed. "Uses" is Wagtail's reference index (fields, child rows, StreamField blocks and
rich text, written from the saved rows, i.e. the live version of a page or snippet);
"public" is a page a visitor may see (`public_pages`: live, unexpired, unrestricted) or
a live, unexpired snippet with drafts. Files in a private collection (or one below it)
and documents a `vitrine_private_documents` hook names (the shop's paid files) never
are. Each answer is one query with subqueries, plus one for restricted collections.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import (
    CollectionViewRestriction,
    DraftStateMixin,
    Page,
    ReferenceIndex,
)

from museum_site.models import MuseumImage, public_pages


def _as_keys(queryset: QuerySet) -> QuerySet:
    """Primary keys as text, as the reference index stores them."""
    return queryset.annotate(reference_key=Cast("pk", CharField())).values("reference_key")


def _public_sources() -> Q:
    """Reference index rows whose source a visitor may see."""
    now = timezone.now()
    sources = Q(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=_as_keys(public_pages(Page.objects.all())),
    )
    for model in ReferenceIndex.tracked_models:
        if issubclass(model, Page) or not issubclass(model, DraftStateMixin):
            continue
        if model._meta.parents:  # indexed under its base model
            continue
        visible = model._default_manager.filter(live=True).filter(
            Q(expire_at__isnull=True) | Q(expire_at__gt=now),
            Q(go_live_at__isnull=True) | Q(go_live_at__lte=now),
        )
        sources |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=_as_keys(visible),
        )
    return sources


def _used(model) -> QuerySet:
    """Rows of `model` (an image or document model) that public content uses."""
    used = ReferenceIndex.objects.filter(
        _public_sources(), to_content_type=ContentType.objects.get_for_model(model)
    ).values("to_object_id")
    return (
        model.objects.annotate(reference_key=Cast("pk", CharField()))
        .filter(reference_key__in=used)
        .exclude(_in_private_collection())
    )


def _in_private_collection() -> Q:
    """Files in a collection with a view restriction, or below one (one query)."""
    paths = set(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    hidden = Q(pk__in=[])
    for path in paths:
        hidden |= Q(collection__path__startswith=path)
    return hidden


def public_images() -> QuerySet:
    return _used(MuseumImage)


def public_image_ids() -> QuerySet:
    return public_images().values("pk")


def public_documents() -> QuerySet:
    documents = _used(get_document_model())
    for private in hooks.get_hooks("vitrine_private_documents"):
        documents = documents.exclude(pk__in=private())
    return documents
