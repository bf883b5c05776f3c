"""What staff see of visitors in the Wagtail admin: the newsletter's subscribers, and the
record of erasures carried out (the museum's answer to a regulator).

Both lists are read-only for everyone, superusers included: a subscription is the
person's own consent, given by following the e-mailed link, and a member of staff
cannot give it for them; an erasure record is proof, and proof is not edited. Each list
opens for users with the model's view permission (Settings > Groups), the only one
offered there.

They are plain admin viewsets, not snippets: grapple puts every snippet model in the
public GraphQL schema, and a subscriber list must never be there.
"""

from __future__ import annotations

import django_filters
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from museum_site.museums.permissions import MuseumScopedViewSet
from shop.accounts.models import ErasureRecord, NewsletterSubscription

# A spreadsheet program runs a cell that starts with one of these as a formula, and an
# e-mail address may start with them ("=cmd|'/C calc'!A0@example.org" is valid).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Viewing needs the model's view permission; adding, changing, copying and deleting
    are refused to everyone."""

    def user_has_permission(self, user, action: str) -> bool:
        return action == "view" and super().user_has_permission(user, "view")

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


class ViewOnlyViewSet(ModelViewSet):
    """A list (and a page per row, where enabled), without the views that write: no
    form to add or edit is built, and no URL leads to one."""

    copy_view_enabled = False
    add_to_reference_index = False

    def get_urlpatterns(self):
        urls = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
        if self.inspect_view_enabled:
            urls.append(
                path(f"inspect/<{self.pk_path_converter}:pk>/", self.inspect_view, name="inspect")
            )
        return urls

    def register_admin_url_finder(self):
        """Nothing to find: the admin's links to "edit" a row would lead nowhere."""

    def get_permissions_to_register(self):
        """Only the view permission: the others would grant nothing."""
        content_type = ContentType.objects.get_for_model(self.model)
        return Permission.objects.filter(
            content_type=content_type,
            codename=get_permission_codename("view", self.model_opts),
        )


class SubscriberIndexView(IndexView):
    """The list, and the export of the addresses that may be sent the newsletter.

    The export holds confirmed subscribers only, whatever the filters say: it is what
    a mailing goes to, and mailing a pending or unsubscribed address is mail without
    consent. Other filters (language, search) still narrow it."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.is_export:
            queryset = queryset.filter(status=NewsletterSubscription.Status.CONFIRMED)
        return queryset

    def write_csv_row(self, writer, row_dict):
        for field, value in row_dict.items():
            if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                row_dict[field] = "'" + value
        return super().write_csv_row(writer, row_dict)


class NewsletterSubscriptionViewSet(MuseumScopedViewSet, ViewOnlyViewSet):
    """Each museum's subscribers (its own newsletter): staff of a museum list, inspect
    and export only theirs; the group role sees every museum's."""

    model = NewsletterSubscription
    index_view_class = SubscriberIndexView
    icon = "mail"
    menu_label = _("Newsletter")
    name = "newsletter_subscribers"
    list_display = ["email", "museum", "status", "language_code", "requested_at", "confirmed_at"]
    list_filter = ["museum", "status", "language_code"]
    search_fields = ["email"]
    search_backend_name = None  # not a Wagtail-indexed model: the database searches
    ordering = ["-requested_at"]
    list_per_page = 50
    # A mailing goes out per museum: the group role filters by museum before exporting.
    list_export = ["email", "language_code", "confirmed_at"]
    export_headings = {
        "email": _("E-mail address"),
        "language_code": _("Language"),
        "confirmed_at": _("Confirmed at"),
    }
    export_filename = "newsletter-confirmed-subscribers"
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "museum",
        "status",
        "language_code",
        "policy_version",
        "requested_at",
        "confirmed_at",
        "unsubscribed_at",
    ]


class ErasureRecordFilterSet(WagtailFilterSet):
    erased_at = django_filters.DateFromToRangeFilter(
        label=_("Erased between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ErasureRecord
        fields = ["erased_at", "had_account"]


class ErasureRecordViewSet(ViewOnlyViewSet):
    """When each erasure asked for by e-mailed link was carried out and what it covered.
    The record names no one (see ErasureRecord), so neither does its list."""

    model = ErasureRecord
    icon = "bin"
    menu_label = _("Erasures")
    name = "erasure_records"
    list_display = [
        "erased_at",
        "request_id",
        BooleanColumn("had_account", label=_("An account was anonymised"), sort_key="had_account"),
        "orders",
        "checkouts",
    ]
    filterset_class = ErasureRecordFilterSet
    ordering = ["-erased_at"]
    list_per_page = 50
    list_export = ["erased_at", "request_id", "had_account", "orders", "checkouts"]
    export_filename = "erasure-records"


class VisitorsViewSetGroup(ModelViewSetGroup):
    items = (NewsletterSubscriptionViewSet, ErasureRecordViewSet)
    menu_icon = "group"
    menu_label = _("Visitors")
    menu_name = "visitors"
    menu_order = 230
