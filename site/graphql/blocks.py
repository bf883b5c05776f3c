"""Typed StreamField blocks: one GraphQL object type per block, joined in a union."""

from __future__ import annotations

import graphene
from wagtail.blocks import StreamValue, StructValue

from museum_site.graphql.images import Image, make_rendition, rendition_field
from museum_site.graphql.rich_text import rich_text_html
from museum_site.models import CollectionObject
from museum_site.visibility import is_visible_now


def _struct(child: StreamValue.StreamChild) -> StructValue:
    return child.value


class BlockFields:
    id = graphene.ID(required=True, description="Stable id of the block within the body.")

    @staticmethod
    def resolve_id(child, info) -> str:
        return child.id


class RichTextSection(BlockFields, graphene.ObjectType):
    html = graphene.String(required=True, description="Sanitised HTML.")

    @staticmethod
    def resolve_html(child, info) -> str:
        return rich_text_html(child.value)


class ImageSection(BlockFields, graphene.ObjectType):
    image = graphene.Field(Image, required=True)
    caption = graphene.String(required=True)
    credit = graphene.String(required=True)
    alt = graphene.String(required=True)
    rendition = rendition_field()

    @staticmethod
    def resolve_image(child, info):
        return child.value["image"]

    @staticmethod
    def resolve_caption(child, info) -> str:
        return child.value["caption"]

    @staticmethod
    def resolve_credit(child, info) -> str:
        return child.value["credit"] or child.value["image"].credit

    @staticmethod
    def resolve_alt(child, info) -> str:
        return child.value["alt_text"] or child.value["image"].default_alt_text

    @staticmethod
    def resolve_rendition(child, info, preset, format):
        return make_rendition(
            child.value["image"], preset, format, ImageSection.resolve_alt(child, info)
        )


class GalleryItem(graphene.ObjectType):
    """An image in a gallery; shaped like ImageSection without a block id."""

    image = graphene.Field(Image, required=True)
    caption = graphene.String(required=True)
    credit = graphene.String(required=True)
    alt = graphene.String(required=True)
    rendition = rendition_field()

    @staticmethod
    def resolve_image(value, info):
        return value["image"]

    @staticmethod
    def resolve_caption(value, info) -> str:
        return value["caption"]

    @staticmethod
    def resolve_credit(value, info) -> str:
        return value["credit"] or value["image"].credit

    @staticmethod
    def resolve_alt(value, info) -> str:
        return value["alt_text"] or value["image"].default_alt_text

    @staticmethod
    def resolve_rendition(value, info, preset, format):
        return make_rendition(value["image"], preset, format, GalleryItem.resolve_alt(value, info))


class QuoteSection(BlockFields, graphene.ObjectType):
    text = graphene.String(required=True)
    attribution = graphene.String(required=True)
    source = graphene.String(required=True)

    @staticmethod
    def resolve_text(child, info) -> str:
        return child.value["text"]

    @staticmethod
    def resolve_attribution(child, info) -> str:
        return child.value["attribution"]

    @staticmethod
    def resolve_source(child, info) -> str:
        return child.value["source"]


class GallerySection(BlockFields, graphene.ObjectType):
    title = graphene.String(required=True)
    items = graphene.List(graphene.NonNull(GalleryItem), required=True)

    @staticmethod
    def resolve_title(child, info) -> str:
        return child.value["title"]

    @staticmethod
    def resolve_items(child, info):
        return [item for item in child.value["images"] if item["image"] is not None]


class VideoSection(BlockFields, graphene.ObjectType):
    url = graphene.String(
        required=True, description="Page of the video at its host (YouTube, Vimeo, ...)."
    )
    title = graphene.String(required=True)
    poster = graphene.Field(Image)
    transcript = graphene.String(required=True)

    @staticmethod
    def resolve_url(child, info) -> str:
        return child.value["url"]

    @staticmethod
    def resolve_title(child, info) -> str:
        return child.value["title"]

    @staticmethod
    def resolve_poster(child, info):
        return child.value["poster"]

    @staticmethod
    def resolve_transcript(child, info) -> str:
        return child.value["transcript"]


class AudioSection(BlockFields, graphene.ObjectType):
    url = graphene.String(required=True)
    title = graphene.String(required=True)
    transcript = graphene.String(required=True)

    @staticmethod
    def resolve_url(child, info) -> str:
        return child.value["audio"].url

    @staticmethod
    def resolve_title(child, info) -> str:
        return child.value["title"]

    @staticmethod
    def resolve_transcript(child, info) -> str:
        return child.value["transcript"]


class CollectionObjectSection(BlockFields, graphene.ObjectType):
    collection_object = graphene.Field(
        "museum_site.graphql.types.CollectionObjectType", required=True
    )
    caption = graphene.String(required=True)

    @staticmethod
    def resolve_collection_object(child, info) -> CollectionObject:
        return child.value["collection_object"]

    @staticmethod
    def resolve_caption(child, info) -> str:
        return child.value["caption"]


BLOCK_TYPES = {
    "text": RichTextSection,
    "image": ImageSection,
    "quote": QuoteSection,
    "gallery": GallerySection,
    "video": VideoSection,
    "audio": AudioSection,
    "collection_object": CollectionObjectSection,
}


class ContentBlock(graphene.Union):
    """One section of a page body. Ask for the fields of each member type you render."""

    class Meta:
        types = tuple(BLOCK_TYPES.values())

    @classmethod
    def resolve_type(cls, child, info):
        return BLOCK_TYPES[child.block_type]


def visible_blocks(stream: StreamValue) -> list[StreamValue.StreamChild]:
    """Body blocks a visitor may see: chosen items that were deleted or unpublished are
    dropped rather than sent as nulls the frontend must guard against; so are objects whose
    `expire_at` passed or whose `go_live_at` is still to come."""
    visible = []
    for child in stream:
        value = child.value
        if child.block_type == "collection_object":
            obj = value["collection_object"]
            if not is_visible_now(obj):
                continue
        elif child.block_type in {"image", "audio"} and value[child.block_type] is None:
            continue
        visible.append(child)
    return visible
