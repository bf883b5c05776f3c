"""Group visits on the museum dashboard (museum_site.dashboard): booking requests that
wait for a planner, narrowed to the museums the planner works for, as the bookings list
it links to is."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from museum_site.dashboard import DashboardEntry, DashboardPanel
from museum_site.museums.permissions import scope_queryset
from shop.visits.models import Booking


def requests_waiting() -> QuerySet[Booking]:
    """Requests nobody has planned or refused yet, the oldest first (they wait longest)."""
    return Booking.objects.filter(status=Booking.Status.REQUESTED).order_by("created_at", "pk")


class BookingRequestsPanel(DashboardPanel):
    name = "booking_requests"
    order = 30
    title = gettext_lazy("Group-visit requests to plan")
    empty_text = gettext_lazy("No request is waiting.")

    def is_shown(self) -> bool:
        user = self.request.user
        return user.has_perm("shop_visits.view_booking") or user.has_perm(
            "shop_visits.change_booking"
        )

    def list_url(self) -> str:
        listing = reverse(Booking.snippet_viewset.get_url_name("list"))
        return f"{listing}?{urlencode({'status': Booking.Status.REQUESTED})}"

    def entries(self) -> tuple[int, list[DashboardEntry]]:
        waiting = scope_queryset(self.request.user, requests_waiting()).select_related("offer")
        inspect = Booking.snippet_viewset.get_url_name("inspect")
        rows = [
            DashboardEntry(
                booking.organisation,
                reverse(inspect, args=[booking.pk]),
                _("%(pupils)s + %(adults)s, asks for %(when)s")
                % {
                    "pupils": booking.pupils,
                    "adults": booking.adults,
                    "when": date_format(localtime(booking.preferred_start), "DATETIME_FORMAT"),
                },
            )
            for booking in waiting[: self.limit]
        ]
        return waiting.count(), rows


VISIT_PANELS = (BookingRequestsPanel,)
