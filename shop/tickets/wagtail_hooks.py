"""Admission in the GraphQL schema grapple assembles from these hooks, and the
check-in page and the ticket calendar in the admin menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from shop.tickets import admin_slots, admin_views


@hooks.register("register_admin_urls")
def check_in_urls() -> list:
    return [
        path("tickets/check-in/", admin_views.check_in_page, name="ticket_check_in"),
        path("tickets/check-in/scan/", admin_views.check_in, name="ticket_check_in_post"),
        path("tickets/check-in/counts/", admin_views.counts, name="ticket_check_in_counts"),
        path("tickets/calendar/", admin_slots.calendar, name="ticket_calendar"),
        path("tickets/slots/<int:pk>/", admin_slots.slot_detail, name="ticket_slot"),
        path("tickets/attendance/", admin_slots.export, name="ticket_attendance_export"),
    ]


class CheckInMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def check_in_menu_item() -> MenuItem:
    return CheckInMenuItem(_("Check-in"), reverse("ticket_check_in"), icon_name="tick", order=230)


class CalendarMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_slots.VIEW)


@hooks.register("register_admin_menu_item")
def calendar_menu_item() -> MenuItem:
    return CalendarMenuItem(
        _("Ticket calendar"), reverse("ticket_calendar"), icon_name="date", order=231
    )


@hooks.register("register_schema_query")
def add_ticket_queries(query_mixins: list) -> None:
    from shop.tickets.graphql.queries import TicketQuery

    query_mixins.insert(0, TicketQuery)


@hooks.register("register_schema_mutation")
def add_ticket_mutations(mutation_mixins: list) -> None:
    from shop.tickets.graphql.mutations import TicketMutations

    mutation_mixins.insert(0, TicketMutations)


@hooks.register("vitrine_load_demo", order=110)
def load_demo_tickets(stdout) -> None:
    """After the museums: an admission offer for each demo museum."""
    from shop.tickets.demo import load_demo_tickets

    load_demo_tickets(stdout)


@hooks.register("construct_homepage_panels")
def ticket_dashboard_panels(request, panels: list) -> None:
    from museum_site.dashboard import add_panels
    from shop.tickets.dashboard import TICKET_PANELS

    add_panels(request, panels, TICKET_PANELS)
