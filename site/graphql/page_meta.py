"""`pageMeta(path)`: the head and HTTP status of a public URL, for the page renderer."""

from __future__ import annotations

import graphene

from museum_site import page_meta

MAX_PATH_LENGTH = 1000


class PageMetaImage(graphene.ObjectType):
    """The share image: the SHARE preset (1200x630) of the page's share or hero image."""

    url = graphene.String(required=True)
    width = graphene.Int(required=True)
    height = graphene.Int(required=True)
    alt = graphene.String(required=True)


class PageMetaAlternate(graphene.ObjectType):
    hreflang = graphene.String(required=True, description="A language code or x-default.")
    href = graphene.String(required=True)


class PageMeta(graphene.ObjectType):
    status = graphene.Int(required=True, description="200, or 404 when nothing is at the path.")
    lang = graphene.String(required=True, description="Language of the page's text.")
    title = graphene.String(description="The page's search title; null for lists and forms.")
    full_title = graphene.String(description="`title — museum`, null when `title` is.")
    description = graphene.String(required=True)
    canonical = graphene.String(required=True, description="Absolute; empty on a 404.")
    noindex = graphene.Boolean(required=True)
    og_type = graphene.String(required=True)
    og_locale = graphene.String(required=True)
    site_name = graphene.String(required=True)
    alternates = graphene.List(graphene.NonNull(PageMetaAlternate), required=True)
    image = graphene.Field(PageMetaImage)
    json_ld = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="JSON-LD documents."
    )


class PageMetaQuery:
    page_meta = graphene.Field(
        PageMeta,
        path=graphene.String(
            required=True, description="A path of the public site, e.g. /en/stories/x."
        ),
        required=True,
        description="What a public URL shows, for its <head> and status (the page renderer).",
    )

    @staticmethod
    def resolve_page_meta(root, info, path: str) -> page_meta.PageMeta:
        return page_meta.describe(path[:MAX_PATH_LENGTH], info.context)
