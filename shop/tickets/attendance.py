"""Who came: the slots of a museum over some days, with sold, checked-in and still
expected counts, as rows for the admin's calendar and for the attendance export.

One query for any range (the counts are aggregated in the database, not per slot).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.tickets.models import Ticket, TimeSlot

MAX_DAYS = 366


@dataclass(frozen=True)
class SlotAttendance:
    slot: TimeSlot
    sold: int
    checked_in: int

    @property
    def expected(self) -> int:
        return self.sold - self.checked_in

    @property
    def day(self) -> date:
        return timezone.localtime(self.slot.starts_at).date()


def slots(museum_id: int, first: date, last: date) -> list[SlotAttendance]:
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(first, time.min), zone)
    end = timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min), zone)
    valid = Q(tickets__status=Ticket.Status.VALID)
    rows = (
        TimeSlot.objects.filter(museum_id=museum_id, starts_at__gte=start, starts_at__lt=end)
        .select_related("offer")
        .annotate(
            valid=Count("tickets", filter=valid),
            admitted=Count("tickets", filter=valid & Q(tickets__checked_in_at__isnull=False)),
        )
        .order_by("starts_at", "offer")
    )
    return [SlotAttendance(slot, slot.valid, slot.admitted) for slot in rows]


def table(rows: list[SlotAttendance], language: str) -> list[list]:
    """A header and a row per slot, in the staff member's language."""
    header = [
        _("Date"),
        _("Start"),
        _("End"),
        _("Offer"),
        _("Status"),
        _("Places"),
        _("Sold"),
        _("Checked in"),
        _("Expected"),
    ]
    body = [
        [
            row.day.isoformat(),
            f"{timezone.localtime(row.slot.starts_at):%H:%M}",
            f"{timezone.localtime(row.slot.ends_at):%H:%M}",
            row.slot.offer.translated("name", language),
            str(row.slot.get_status_display()),
            row.slot.capacity,
            row.sold,
            row.checked_in,
            row.expected,
        ]
        for row in rows
    ]
    return [header, *body]
