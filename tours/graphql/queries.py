"""Top-level tour fields."""

import graphene

from museum_site.graphql.pagination import connection_type, list_arguments, paginate
from museum_site.graphql.queries import in_locale, locale_arg, page_by_slug_or_preview
from museum_site.models import public_pages
from museum_site.museums.current import museum_for_field
from museum_site.museums.graphql_scope import museum_argument
from museum_site.museums.scoping import pages_of
from tours import models
from tours.graphql import loaders
from tours.graphql.types import TourType


class TourQuery:
    """Mixed into the root Query type by the `register_schema_query` hook."""

    tours = graphene.Field(
        connection_type(TourType, "Tour"),
        museum=museum_argument(),
        required=True,
        locale=locale_arg(),
        **list_arguments(),
        description="Published virtual tours, in page-tree order.",
    )
    tour = graphene.Field(
        TourType,
        museum=museum_argument(),
        slug=graphene.String(),
        locale=locale_arg(),
        preview_token=graphene.String(
            description="Token from Wagtail's preview: answers the draft."
        ),
    )

    @staticmethod
    def resolve_tours(root, info, first, after=None, locale=None):
        tours = pages_of(museum_for_field(info), models.TourPage.objects.all())
        queryset = in_locale(public_pages(tours), locale)
        return paginate(loaders.tours(queryset.order_by("path")), first, after)

    @staticmethod
    def resolve_tour(root, info, slug=None, locale=None, preview_token=None):
        return page_by_slug_or_preview(
            models.TourPage,
            loaders.tours,
            slug,
            locale,
            preview_token,
            museum_for_field(info),
        )
