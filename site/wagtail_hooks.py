"""The museum's admin: snippets for objects and terms, and our GraphQL fields."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from museum_site.models import CollectionObject, Term


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


register_snippet(TermViewSet)
register_snippet(CollectionObjectViewSet)


@hooks.register("register_schema_query", order=-1)
def add_content_queries(query_mixins: list) -> None:
    from museum_site.graphql.queries import ContentQuery

    # First in the list, so our fields win over grapple's where names meet.
    query_mixins.insert(0, ContentQuery)


@hooks.register("register_schema_query", order=1000)
def remove_grapple_search(query_mixins: list) -> None:
    """grapple's `search` searches every image and document, private collections included,
    without a page size; the search app answers `search` instead."""
    query_mixins[:] = [
        mixin for mixin in query_mixins if mixin.__module__ != "grapple.types.search"
    ]
