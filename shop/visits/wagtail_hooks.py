"""Group visits in the admin: offers, bookings with their workflow actions, guides,
rooms and materials, the week's planning; and their place in the GraphQL schema."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from museum_site.museums.permissions import MuseumScopedViewSet
from shop.visits import admin_views
from shop.visits.models import Activity, Booking, Resource, VisitCalendar, VisitOffer


class VisitOfferViewSet(MuseumScopedViewSet, SnippetViewSet):
    model = VisitOffer
    icon = "group"
    menu_label = _("Offers")
    list_display = ["__str__", "kind", "min_group", "max_group", "price", "active"]
    list_filter = ["kind", "active"]


class BookingViewSet(MuseumScopedViewSet, SnippetViewSet):
    model = Booking
    icon = "date"
    menu_label = _("Bookings")
    list_display = [
        "organisation",
        "offer",
        "status",
        "preferred_start",
        "pupils",
        "adults",
        "paid_at",
    ]
    list_filter = ["status", "language"]
    search_fields = ["organisation", "contact_name", "email", "purchase_order"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False


class ResourceViewSet(MuseumScopedViewSet, SnippetViewSet):
    model = Resource
    icon = "user"
    menu_label = _("Guides, rooms and materials")
    list_display = ["name", "kind", "languages", "capacity", "stock", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name"]


class ActivityViewSet(MuseumScopedViewSet, SnippetViewSet):
    model = Activity
    icon = "time"
    menu_label = _("Activities")
    list_display = ["title", "kind", "starts_at", "ends_at"]
    list_filter = ["kind"]


class VisitCalendarViewSet(MuseumScopedViewSet, SnippetViewSet):
    model = VisitCalendar
    icon = "cog"
    menu_label = _("Days, hours and fees")


class VisitsViewSetGroup(SnippetViewSetGroup):
    items = (
        BookingViewSet,
        VisitOfferViewSet,
        ResourceViewSet,
        ActivityViewSet,
        VisitCalendarViewSet,
    )
    menu_icon = "group"
    menu_label = _("Group visits")
    menu_name = "group-visits"
    menu_order = 230


register_snippet(VisitsViewSetGroup)


@hooks.register("register_admin_urls")
def visit_urls() -> list:
    return [
        path("visits/bookings/<int:pk>/plan/", admin_views.plan, name="shop_visits_plan"),
        path("visits/bookings/<int:pk>/record/", admin_views.record, name="shop_visits_record"),
        path("visits/bookings/<int:pk>/invoice/", admin_views.invoice, name="shop_visits_invoice"),
        path("visits/bookings/<int:pk>/cancel/", admin_views.cancel, name="shop_visits_cancel"),
        path(
            "visits/bookings/<int:pk>/invoice.pdf",
            admin_views.invoice_pdf,
            name="shop_visits_invoice_pdf",
        ),
        path("visits/planning/", admin_views.week, name="shop_visits_week"),
    ]


@hooks.register("register_admin_menu_item")
def planning_menu_item() -> MenuItem:
    return MenuItem(_("Planning"), reverse("shop_visits_week"), icon_name="date", order=231)


@hooks.register("register_snippet_listing_buttons")
def booking_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Booking) or not user.has_perm("shop_visits.change_booking"):
        return
    status = Booking.Status
    if snippet.status in (status.REQUESTED, status.CONFIRMED):
        label = _("Move") if snippet.status == status.CONFIRMED else _("Plan")
        yield ListingButton(label, reverse("shop_visits_plan", args=[snippet.pk]), priority=10)
    if snippet.status == status.CONFIRMED:
        yield ListingButton(
            _("Record who came"), reverse("shop_visits_record", args=[snippet.pk]), priority=20
        )
    if snippet.status == status.DONE:
        yield ListingButton(
            _("Send the invoice"), reverse("shop_visits_invoice", args=[snippet.pk]), priority=30
        )
    if snippet.invoice_number:
        yield ListingButton(
            _("Invoice (PDF)"), reverse("shop_visits_invoice_pdf", args=[snippet.pk]), priority=35
        )
    if snippet.status in (status.REQUESTED, status.CONFIRMED):
        yield ListingButton(
            _("Cancel the visit"), reverse("shop_visits_cancel", args=[snippet.pk]), priority=40
        )


@hooks.register("register_schema_query")
def add_visit_queries(query_mixins: list) -> None:
    from shop.visits.graphql.queries import VisitQuery

    query_mixins.append(VisitQuery)


@hooks.register("register_schema_mutation")
def add_visit_mutations(mutation_mixins: list) -> None:
    from shop.visits.graphql.mutations import VisitMutations

    mutation_mixins.append(VisitMutations)


@hooks.register("vitrine_load_demo")
def load_demo_visits(stdout) -> None:
    from shop.visits.demo import load_demo_visits

    load_demo_visits(stdout)


@hooks.register("construct_homepage_panels")
def visit_dashboard_panels(request, panels: list) -> None:
    from museum_site.dashboard import add_panels
    from shop.visits.dashboard import VISIT_PANELS

    add_panels(request, panels, VISIT_PANELS)
