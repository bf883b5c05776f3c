"""grapple's `image`, `images`, `document` and `documents`, answering only public files.

grapple lists every image and document outside a restricted collection, drafts' and
unused ones included, and its `searchQuery` failed on every call. These fields keep
grapple's names and arguments (frontends written for grapple keep working) and answer
what museum_site.public_media allows. `searchQuery` matches every word (or any, with
`searchOperator: OR`) in the title; malformed ids answer nothing, never an exception.
"""

from __future__ import annotations

import graphene
from django.conf import settings
from django.db.models import Q, QuerySet
from grapple.types.documents import get_document_type
from grapple.types.structures import QuerySetList

from museum_site import public_media
from museum_site.graphql.images import Image

MAX_SEARCH_WORDS = 10
MAX_SEARCH_CHARACTERS = 200
MAX_OFFSET = 10_000
ORDERINGS = {"id", "-id", "title", "-title", "created_at", "-created_at"}


def _number(value) -> int | None:
    text = str(value).strip()
    return int(text) if text.isdigit() and len(text) <= 18 else None


def _matching(queryset: QuerySet, query: str, operator) -> QuerySet:
    words = query[:MAX_SEARCH_CHARACTERS].split()[:MAX_SEARCH_WORDS]
    if not words:
        return queryset
    any_word = str(getattr(operator, "value", operator) or "and").lower() == "or"
    condition = Q()
    for word in words:
        match = Q(title__icontains=word)
        condition = (condition | match) if any_word else (condition & match)
    return queryset.filter(condition)


def media_list(
    queryset: QuerySet,
    limit=None,
    offset=None,
    search_query=None,
    search_operator="and",
    id=None,
    order=None,
    collection=None,
    **kwargs,
) -> list:
    if id is not None:
        number = _number(id)
        if number is None:
            return []
        queryset = queryset.filter(pk=number)
    if collection is not None:
        number = _number(collection)
        if number is None:
            return []
        queryset = queryset.filter(collection_id=number)
    if search_query:
        queryset = _matching(queryset, search_query, search_operator)
    orderings = [part.strip() for part in (order or "").split(",") if part.strip()]
    queryset = queryset.order_by(*[o for o in orderings if o in ORDERINGS], "pk")
    page_size = settings.GRAPPLE["MAX_PAGE_SIZE"]
    limit = min(limit or settings.GRAPPLE["PAGE_SIZE"], page_size)
    offset = offset or 0
    if offset > MAX_OFFSET:
        return []
    return list(queryset[offset : offset + limit])


def _one(queryset: QuerySet, id):
    number = _number(id) if id is not None else None
    return None if number is None else queryset.filter(pk=number).first()


class MediaQuery:
    """Mixed into the root Query before grapple's, so these fields replace its own."""

    image = graphene.Field(
        Image, id=graphene.ID(), description="An image that published content uses."
    )
    images = QuerySetList(
        graphene.NonNull(Image),
        enable_search=True,
        required=True,
        collection=graphene.Argument(graphene.ID, description="Filter by collection id"),
        description="Images that published content uses.",
    )
    document = graphene.Field(
        get_document_type,
        id=graphene.ID(),
        description="A document that published content uses (never one the shop sells).",
    )
    documents = QuerySetList(
        graphene.NonNull(get_document_type),
        enable_search=True,
        required=True,
        collection=graphene.Argument(graphene.ID, description="Filter by collection id"),
        description="Documents that published content uses (never ones the shop sells).",
    )

    @staticmethod
    def resolve_image(root, info, id=None):
        return _one(public_media.public_images().prefetch_related("renditions"), id)

    @staticmethod
    def resolve_images(root, info, **kwargs):
        return media_list(public_media.public_images().prefetch_related("renditions"), **kwargs)

    @staticmethod
    def resolve_document(root, info, id=None):
        return _one(public_media.public_documents(), id)

    @staticmethod
    def resolve_documents(root, info, **kwargs):
        return media_list(public_media.public_documents(), **kwargs)
