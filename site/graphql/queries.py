"""Top-level content fields: what a frontend developer finds first in the schema.

Resolvers parse arguments, fetch through the loaders and shape output; what a visitor may
see now (`live`, `go_live_at`, `expire_at`, view restrictions) is museum_site.visibility.
"""

from __future__ import annotations

import graphene
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import translation
from graphql import GraphQLError
from grapple.types.interfaces import SnippetInterface
from wagtail.models import DraftStateMixin, Page

from museum_site import models
from museum_site.graphql import loaders
from museum_site.graphql.locales import locale_argument_description, resolve_locale
from museum_site.graphql.pagination import (
    connection_type,
    list_arguments,
    max_page_size,
    paginate,
)
from museum_site.graphql.types import (
    SNIPPET_TYPES,
    CollectionObjectType,
    ExhibitionType,
    HomePageType,
    MuseumDetailsType,
    StoryType,
    TermKind,
    TermType,
)
from museum_site.models import public_pages
from museum_site.museums.current import museum_for_field
from museum_site.museums.graphql_scope import museum_argument
from museum_site.museums.models import Museum
from museum_site.museums.scoping import pages_of
from museum_site.original_language import in_language_or_original
from museum_site.visibility import public_objects


class StoryOrder(graphene.Enum):
    DATE_DESC = "-date"
    DATE_ASC = "date"
    TITLE_ASC = "title"
    TITLE_DESC = "-title"


class ExhibitionOrder(graphene.Enum):
    START_DATE_DESC = "-start_date"
    START_DATE_ASC = "start_date"
    TITLE_ASC = "title"


class CollectionObjectOrder(graphene.Enum):
    INVENTORY_NUMBER = "inventory_number"
    TITLE = "title"
    EARLIEST_YEAR = "earliest_year"


class TermOrder(graphene.Enum):
    LABEL = "label"
    KIND = "kind"


def locale_arg() -> graphene.Argument:
    return graphene.Argument(graphene.String, description=locale_argument_description())


def activate_locale(locale: str | None) -> str:
    """The language asked for (or the default), active for the rest of the request."""
    code = resolve_locale(locale)
    translation.activate(code)
    return code


def in_locale(queryset: QuerySet, locale: str | None) -> QuerySet:
    return queryset.filter(locale__language_code=activate_locale(locale))


def preview_page(model: type[Page], token: str) -> Page:
    """The draft a preview token points at; only pages of `model` are answered."""
    from django.core.signing import BadSignature

    try:
        page = model.get_page_from_preview_token(token)
    except BadSignature as error:
        raise GraphQLError("Invalid or expired preview token.") from error
    if page is None:
        raise GraphQLError("Invalid or expired preview token.")
    translation.activate(page.locale.language_code)
    return page


def page_by_slug_or_preview(
    model: type[Page],
    load,
    slug: str | None,
    locale: str | None,
    preview_token: str | None,
    museum: Museum,
) -> Page | None:
    """One published page of the museum by slug in a locale (fetched through `load`), or
    its draft by token."""
    if preview_token:
        return preview_page(model, preview_token)
    if not slug:
        raise GraphQLError("Give a `slug` or a `previewToken`.")
    queryset = pages_of(museum, public_pages(model.objects.filter(slug=slug)))
    return in_language_or_original(queryset, activate_locale(locale), load=load)


class ContentQuery:
    """Mixed into the root Query type by the `register_schema_query` hook."""

    stories = graphene.Field(
        connection_type(StoryType, "Story"),
        museum=museum_argument(),
        required=True,
        locale=locale_arg(),
        tag=graphene.String(description="Only stories with this tag."),
        order_by=graphene.Argument(StoryOrder, default_value=StoryOrder.DATE_DESC),
        **list_arguments(),
        description="Published stories, newest first by default.",
    )
    story = graphene.Field(
        StoryType,
        museum=museum_argument(),
        slug=graphene.String(),
        locale=locale_arg(),
        preview_token=graphene.String(
            description="Token from Wagtail's preview: answers the draft."
        ),
        description="One published story by slug, or a draft by preview token.",
    )
    exhibitions = graphene.Field(
        connection_type(ExhibitionType, "Exhibition"),
        museum=museum_argument(),
        required=True,
        locale=locale_arg(),
        order_by=graphene.Argument(ExhibitionOrder, default_value=ExhibitionOrder.START_DATE_DESC),
        **list_arguments(),
    )
    exhibition = graphene.Field(
        ExhibitionType,
        museum=museum_argument(),
        slug=graphene.String(),
        locale=locale_arg(),
        preview_token=graphene.String(
            description="Token from Wagtail's preview: answers the draft."
        ),
    )
    collection_objects = graphene.Field(
        connection_type(CollectionObjectType, "CollectionObject"),
        museum=museum_argument(),
        required=True,
        locale=locale_arg(),
        maker=graphene.ID(description="Only objects made by this Term."),
        material=graphene.ID(description="Only objects of this material Term."),
        order_by=graphene.Argument(
            CollectionObjectOrder, default_value=CollectionObjectOrder.INVENTORY_NUMBER
        ),
        **list_arguments(),
    )
    collection_object = graphene.Field(
        CollectionObjectType,
        museum=museum_argument(),
        inventory_number=graphene.String(required=True),
        locale=locale_arg(),
    )
    terms = graphene.Field(
        connection_type(TermType, "Term"),
        required=True,
        kind=graphene.Argument(TermKind),
        locale=graphene.Argument(graphene.String, description="Language of `label`."),
        order_by=graphene.Argument(TermOrder, default_value=TermOrder.LABEL),
        **list_arguments(),
    )

    home_page = graphene.Field(
        HomePageType,
        museum=museum_argument(),
        locale=locale_arg(),
        description=(
            "The published home page in the locale; the site's language's where that "
            "locale has none (check `locale` on the answer)."
        ),
    )
    museum_details = graphene.Field(
        MuseumDetailsType,
        locale=locale_arg(),
        description=(
            "The museum's name, address and opening hours in the locale; in the site's "
            "language where they are not translated yet. Null only before any are entered."
        ),
    )

    snippets = graphene.List(
        graphene.NonNull(SnippetInterface),
        required=True,
        locale=locale_arg(),
        description="Published snippets of every kind (at most 100 of each kind).",
    )

    @staticmethod
    def resolve_home_page(root, info, locale=None):
        code = resolve_locale(locale)
        translation.activate(code)
        homes = public_pages(
            pages_of(museum_for_field(info), models.HomePage.objects)
            .filter(locale__language_code__in={code, settings.LANGUAGE_CODE})
            .select_related("locale")
        ).order_by("path")
        by_language: dict[str, models.HomePage] = {}
        for home in homes:
            by_language.setdefault(home.locale.language_code, home)
        return by_language.get(code) or by_language.get(settings.LANGUAGE_CODE)

    @staticmethod
    def resolve_museum_details(root, info, locale=None):
        return models.MuseumDetails.for_language(resolve_locale(locale), museum_for_field(info))

    @staticmethod
    def resolve_snippets(root, info, locale=None):
        # Replaces grapple's field, which lists every row, drafts included.
        found: list = []
        for model in SNIPPET_TYPES:
            queryset = model.objects.all()
            if issubclass(model, DraftStateMixin):
                queryset = public_objects(queryset)
            queryset = in_locale(queryset, locale).select_related("locale")
            found.extend(queryset.order_by("pk")[: max_page_size()])
        return found

    @staticmethod
    def resolve_stories(
        root, info, first, after=None, locale=None, tag=None, order_by=StoryOrder.DATE_DESC
    ):
        stories = pages_of(museum_for_field(info), models.StoryPage.objects.all())
        queryset = in_locale(public_pages(stories), locale)
        if tag:
            queryset = queryset.filter(tags__name=tag)
        return paginate(loaders.stories(queryset.order_by(order_by.value, "pk")), first, after)

    @staticmethod
    def resolve_story(root, info, slug=None, locale=None, preview_token=None):
        story = page_by_slug_or_preview(
            models.StoryPage, loaders.stories, slug, locale, preview_token, museum_for_field(info)
        )
        if story is not None:
            loaders.stream_bodies([story])
        return story

    @staticmethod
    def resolve_exhibitions(
        root, info, first, after=None, locale=None, order_by=ExhibitionOrder.START_DATE_DESC
    ):
        exhibitions = pages_of(museum_for_field(info), models.ExhibitionPage.objects.all())
        queryset = in_locale(public_pages(exhibitions), locale)
        return paginate(loaders.exhibitions(queryset.order_by(order_by.value, "pk")), first, after)

    @staticmethod
    def resolve_exhibition(root, info, slug=None, locale=None, preview_token=None):
        return page_by_slug_or_preview(
            models.ExhibitionPage,
            loaders.exhibitions,
            slug,
            locale,
            preview_token,
            museum_for_field(info),
        )

    @staticmethod
    def resolve_collection_objects(
        root,
        info,
        first,
        after=None,
        locale=None,
        maker=None,
        material=None,
        order_by=CollectionObjectOrder.INVENTORY_NUMBER,
    ):
        own = models.CollectionObject.objects.filter(museum=museum_for_field(info))
        queryset = in_locale(own, locale)
        if maker:
            queryset = queryset.filter(makers__pk=maker)
        if material:
            queryset = queryset.filter(materials__pk=material)
        return paginate(
            loaders.collection_objects(queryset.order_by(order_by.value, "pk")), first, after
        )

    @staticmethod
    def resolve_collection_object(root, info, inventory_number, locale=None):
        # Its own objects, and other museums' shareable ones (shown in its exhibitions).
        shown = models.CollectionObject.objects.filter(
            Q(museum=museum_for_field(info)) | Q(shareable=True), inventory_number=inventory_number
        )
        return in_language_or_original(
            shown,
            activate_locale(locale),
            public=public_objects,
            load=loaders.collection_objects,
        )

    @staticmethod
    def resolve_terms(
        root, info, first, after=None, kind=None, locale=None, order_by=TermOrder.LABEL
    ):
        language = resolve_locale(locale)
        translation.activate(language)
        queryset = models.Term.objects.all()
        if kind is not None:
            queryset = queryset.filter(kind=kind.value)
        ordering = {"label": f"label_{language}", "kind": "kind"}[order_by.value]
        return paginate(queryset.order_by(ordering, "label_nl", "pk"), first, after)
