"""The museum's admin: snippets for objects and terms, and our GraphQL fields."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from museum_site.models import CollectionObject, MuseumDetails, Term


class TermFilterSet(WagtailFilterSet):
    class Meta:
        model = Term
        fields = ["kind"]


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "tag"
    menu_label = _("Terms")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["label_nl", "label_en", "kind", "authority_uri"]
    search_fields = ["label_nl", "label_en", "label_fr", "alt_labels"]
    filterset_class = TermFilterSet


class CollectionObjectViewSet(SnippetViewSet):
    model = CollectionObject
    icon = "folder-open-inverse"
    menu_label = _("Collection")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["inventory_number", "title", "date_text", "locale"]
    list_filter = ["rights", "live", "locale"]
    search_fields = ["title", "inventory_number"]


class MuseumDetailsViewSet(SnippetViewSet):
    """Under Settings, beside the contact details: the footer's name, address and hours,
    one per language (translated with wagtail-localize's "Translate")."""

    model = MuseumDetails
    icon = "home"
    menu_label = _("Museum details")
    add_to_settings_menu = True
    list_display = ["museum_name", "locale"]


register_snippet(TermViewSet)
register_snippet(CollectionObjectViewSet)
register_snippet(MuseumDetailsViewSet)


@hooks.register("register_schema_query", order=-1)
def add_content_queries(query_mixins: list) -> None:
    from museum_site.graphql.media import MediaQuery
    from museum_site.graphql.page_meta import PageMetaQuery
    from museum_site.graphql.queries import ContentQuery

    # First in the list, so our fields win over grapple's where names meet.
    query_mixins.insert(0, ContentQuery)
    query_mixins.insert(1, MediaQuery)
    query_mixins.insert(2, PageMetaQuery)


@hooks.register("register_schema_query", order=1000)
def remove_grapple_search(query_mixins: list) -> None:
    """grapple's `search` searches every image and document, private collections included,
    without a page size; the search app answers `search` instead."""
    query_mixins[:] = [
        mixin for mixin in query_mixins if mixin.__module__ != "grapple.types.search"
    ]


@hooks.register("register_schema_mutation", order=1000)
def end_mutations_with_object_type(mutation_mixins: list) -> None:
    """grapple builds `class Mutation(*mixins)` without adding graphene.ObjectType as it
    does for Query. Exactly once and last, whichever apps add mutations (a second copy
    would be a duplicate base class)."""
    import graphene

    mutation_mixins[:] = [
        mixin for mixin in mutation_mixins if mixin is not graphene.ObjectType
    ] + [graphene.ObjectType]
