"""`museums` and `museum`: the group's public museums, each with its identity and brand.

A frontend serving one hostname asks `museum` (the host's, or the one its `museum`
argument or `X-Museum` header names) for its name, logo, colours and typeface; a group
portal asks `museums`. Both are public content, cached per museum like the rest.
"""

from __future__ import annotations

import graphene

from museum_site.graphql.images import Image

from .current import museum_for_field
from .graphql_scope import museum_argument
from .models import Museum, Typeface

TypefaceEnum = graphene.Enum.from_enum(
    Typeface, description=lambda value: "A font stack the reference frontend ships."
)


class MuseumBranding(graphene.ObjectType):
    logo = graphene.Field(Image)
    primary_colour = graphene.String(required=True, description="#rrggbb")
    accent_colour = graphene.String(required=True, description="#rrggbb")
    typeface = graphene.Field(TypefaceEnum, required=True)
    languages = graphene.List(graphene.NonNull(graphene.String), required=True)

    @staticmethod
    def resolve_typeface(museum: Museum, info):
        return Typeface(museum.typeface)

    @staticmethod
    def resolve_languages(museum: Museum, info) -> list[str]:
        return museum.language_codes


class MuseumAddress(graphene.ObjectType):
    street_address = graphene.String(required=True)
    postal_code = graphene.String(required=True)
    city = graphene.String(required=True)
    country = graphene.String(required=True, description="ISO 3166-1 alpha-2")


class MuseumContact(graphene.ObjectType):
    email = graphene.String(required=True)
    phone = graphene.String(required=True)
    opening_hours = graphene.String(required=True)


class MuseumType(graphene.ObjectType):
    """A museum of the group: one hostname, one page tree, its own shop and brand."""

    class Meta:
        name = "Museum"

    slug = graphene.String(required=True, description="What the `museum` argument takes.")
    name = graphene.String(required=True)
    hostname = graphene.String(required=True)
    url = graphene.String(required=True, description="The museum's site, e.g. for links.")
    currency = graphene.String(required=True)
    is_default = graphene.Boolean(required=True)
    branding = graphene.Field(MuseumBranding, required=True)
    address = graphene.Field(MuseumAddress, required=True)
    contact = graphene.Field(MuseumContact, required=True)

    @staticmethod
    def resolve_hostname(museum: Museum, info) -> str:
        return museum.site.hostname

    @staticmethod
    def resolve_url(museum: Museum, info) -> str:
        # Where visitors reach it (`FRONTEND_URL` for the default museum), the same origin
        # as every link and identifier made for it (museum_site.museums.links).
        return museum.public_origin

    @staticmethod
    def resolve_is_default(museum: Museum, info) -> bool:
        return museum.is_default

    @staticmethod
    def resolve_branding(museum: Museum, info) -> Museum:
        return museum

    @staticmethod
    def resolve_address(museum: Museum, info) -> Museum:
        return museum

    @staticmethod
    def resolve_contact(museum: Museum, info) -> Museum:
        return museum


class MuseumQuery:
    museums = graphene.List(
        graphene.NonNull(MuseumType),
        required=True,
        description="The group's listed museums, by name.",
    )
    museum = graphene.Field(
        MuseumType,
        museum=museum_argument(),
        required=True,
        description="The museum this request is for (host, `museum` argument or header).",
    )

    @staticmethod
    def resolve_museums(root, info) -> list[Museum]:
        return list(Museum.objects.public().select_related("site", "logo").order_by("name"))

    @staticmethod
    def resolve_museum(root, info) -> Museum:
        return museum_for_field(info)
