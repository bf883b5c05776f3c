"""Batched loading: every query the API answers costs a constant number of SQL queries.

Resolvers never reach for the database per item; the root resolvers fetch what a page of
results needs up front with `select_related`/`prefetch_related`, and nested resolvers
read from those caches. tests/site/test_query_counts.py pins the numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue

from museum_site import models
from museum_site.models import public_pages
from museum_site.visibility import public_objects, visible_now

OBJECT_PREFETCHES = (
    "makers",
    "materials",
    "periods",
    Prefetch(
        "images",
        queryset=models.CollectionObjectImage.objects.select_related("image").prefetch_related(
            "image__renditions"
        ),
    ),
)


def collection_objects(queryset: QuerySet) -> QuerySet:
    return (
        public_objects(queryset)
        .select_related("locale", "object_type")
        .prefetch_related(*OBJECT_PREFETCHES)
    )


def stories(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("locale", "hero_image").prefetch_related(
        "hero_image__renditions", "tags"
    )


def exhibitions(queryset: QuerySet) -> QuerySet:
    chapter_objects = models.ChapterObject.objects.filter(
        visible_now(prefix="collection_object__")
    ).select_related("collection_object__locale", "collection_object__object_type")
    public_story_links = models.ExhibitionRelatedStory.objects.filter(
        story__in=public_pages(models.StoryPage.objects.all()).values("pk")
    ).select_related("story__locale", "story__hero_image")
    return queryset.select_related("locale", "hero_image").prefetch_related(
        "hero_image__renditions",
        Prefetch("chapters", queryset=models.ExhibitionChapter.objects.all()),
        Prefetch("chapters__exhibited_objects", queryset=chapter_objects),
        *(
            f"chapters__exhibited_objects__collection_object__{relation}"
            for relation in ("makers", "materials", "periods")
        ),
        Prefetch(
            "chapters__exhibited_objects__collection_object__images",
            queryset=models.CollectionObjectImage.objects.select_related("image").prefetch_related(
                "image__renditions"
            ),
        ),
        Prefetch("related_stories", queryset=public_story_links, to_attr="public_related_stories"),
        "public_related_stories__story__hero_image__renditions",
        "public_related_stories__story__tags",
    )


def _walk(value: object, images: list, objects: list) -> None:
    if isinstance(value, models.MuseumImage):
        images.append(value)
    elif isinstance(value, models.CollectionObject):
        objects.append(value)
    elif isinstance(value, StreamValue):
        for child in value:
            _walk(child.value, images, objects)
    elif isinstance(value, StructValue):
        for item in value.values():
            _walk(item, images, objects)
    elif isinstance(value, ListValue | list):
        for item in value:
            _walk(item, images, objects)


def stream_bodies(pages: Iterable[object], field: str = "body") -> None:
    """Prefetch the renditions of images and the relations of objects in StreamField bodies.

    Wagtail already fetches each body's chosen images and snippets in bulk per block
    type; this adds their renditions, makers, materials, periods and images in one pass.
    """
    images: list = []
    objects: list = []
    for page in pages:
        _walk(getattr(page, field), images, objects)
    if objects:
        prefetch_related_objects(objects, "locale", "object_type", *OBJECT_PREFETCHES)
        images.extend(item.image for obj in objects for item in obj.images.all())
    if images:
        prefetch_related_objects(images, "renditions")
