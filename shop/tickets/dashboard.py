"""Today's admission on the museum dashboard (museum_site.dashboard): the day's time
slots of the editor's museum with sold and checked-in counts, linking to the ticket
calendar (shop.tickets.admin_slots), which is the host museum's for its own staff."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from museum_site.dashboard import DashboardEntry, DashboardPanel
from museum_site.museums.current import museum_for_request
from museum_site.museums.permissions import may_use
from shop.tickets import attendance


class TodaysSlotsPanel(DashboardPanel):
    name = "todays_slots"
    order = 20
    title = gettext_lazy("Today's ticket slots")
    empty_text = gettext_lazy("No time slot today.")
    limit = 8

    def is_shown(self) -> bool:
        user = self.request.user
        return user.has_perm("shop_tickets.view_timeslot") and may_use(
            user, museum_for_request(self.request)
        )

    def list_url(self) -> str:
        return reverse("ticket_calendar")

    def entries(self) -> tuple[int, list[DashboardEntry]]:
        today = timezone.localdate()
        rows = attendance.slots(museum_for_request(self.request).pk, today, today)
        slot_url = "ticket_slot"
        entries = [
            DashboardEntry(
                f"{timezone.localtime(row.slot.starts_at):%H:%M} · {row.slot.offer}",
                reverse(slot_url, args=[row.slot.pk]),
                _("%(sold)s of %(capacity)s sold, %(in)s in")
                % {"sold": row.sold, "capacity": row.slot.capacity, "in": row.checked_in},
            )
            for row in rows[: self.limit]
        ]
        return len(rows), entries


TICKET_PANELS = (TodaysSlotsPanel,)
