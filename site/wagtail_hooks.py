"""The museum's admin: snippets for objects and terms, and our GraphQL fields."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from museum_site.models import CollectionObject, MuseumDetails, Term
from museum_site.museums.permissions import MuseumPermissionPolicy, MuseumScopedViewSet
from museum_site.object_chooser import CollectionObjectChooserViewSet


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


# Before the snippet is registered: Wagtail makes a fallback policy on first use.
register_permission_policy(
    CollectionObject, MuseumPermissionPolicy(CollectionObject), exact_class=True
)


class CollectionObjectViewSet(MuseumScopedViewSet, SnippetViewSet):
    model = CollectionObject
    icon = "folder-open-inverse"
    menu_label = _("Collection")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["inventory_number", "title", "date_text", "locale"]
    list_filter = ["rights", "live", "locale"]
    search_fields = ["title", "inventory_number"]
    chooser_viewset_class = CollectionObjectChooserViewSet


class MuseumDetailsViewSet(MuseumScopedViewSet, SnippetViewSet):
    """Under Settings, beside the contact details: the footer's name, address and hours,
    one per language (translated with wagtail-localize's "Translate")."""

    model = MuseumDetails
    icon = "home"
    menu_label = _("Museum details")
    add_to_settings_menu = True
    list_display = ["museum_name", "locale", "museum"]


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


@hooks.register("register_admin_urls")
def translation_review_urls() -> list:
    from django.urls import path

    from museum_site import scheduling_views, translation_views

    return [
        path(
            "translations/<int:translation_id>/changed/",
            translation_views.changed_passages,
            name="vitrine_changed_passages",
        ),
        path(
            "pages/<int:page_id>/publish-now/",
            scheduling_views.publish_now,
            name="vitrine_publish_now",
        ),
    ]


@hooks.register("after_publish_page")
def sync_translations_after_publishing_the_original(request, page) -> None:
    """What "Sync translated pages" did by hand, without publishing any translation."""
    from museum_site.translation_changes import sync_translations_of

    sync_translations_of(page)


@hooks.register("before_edit_page", order=-1)
def flag_changed_passages(request, page):
    """Before wagtail-localize's translation editor opens: say which passages of the
    original changed since they were translated, with a link to their previous
    translations. Returns nothing, so the editor opens as usual."""
    if request.method != "GET":
        return None
    from django.urls import reverse
    from wagtail.admin import messages
    from wagtail_localize.models import Translation

    from museum_site.translation_changes import changed_segments

    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    changed = changed_segments(translation)
    if changed:
        messages.warning(
            request,
            _("Passages of the original that changed since they were translated: %(count)s.")
            % {"count": len(changed)},
            buttons=[
                messages.button(
                    reverse("vitrine_changed_passages", args=[translation.pk]),
                    _("Review with the previous translation"),
                )
            ],
        )
    return None


@hooks.register("construct_homepage_panels")
def museum_dashboard_panels(request, panels: list) -> None:
    from museum_site.dashboard import SITE_PANELS, add_panels

    add_panels(request, panels, SITE_PANELS)


@hooks.register("register_page_action_menu_item")
def publish_now_menu_item():
    from museum_site.scheduling import PublishNowMenuItem

    return PublishNowMenuItem(order=15)


def _connect_schedule_cancelling() -> None:
    from django.db.models.signals import post_save
    from wagtail.models import Revision

    from museum_site.scheduling import forget_cancelled_schedule

    post_save.connect(forget_cancelled_schedule, sender=Revision, dispatch_uid="vitrine-unschedule")


_connect_schedule_cancelling()
