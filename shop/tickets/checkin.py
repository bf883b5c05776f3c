"""Admitting a ticket at the door: once, even when two devices scan it at the same time.

The admission is one conditional UPDATE (`... WHERE checked_in_at IS NULL AND status =
'valid'`): the database lets exactly one of two concurrent scans change the row; the
other changes nothing and answers "already used", with when and by whom. A ticket is
admitted only on its day, from `tolerance` minutes before its slot to the end of it
(VITRINE_TICKET_CHECKIN_TOLERANCE_MINUTES, default 30), and only at its own museum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from shop.tickets.models import Ticket, TimeSlot

DEFAULT_TOLERANCE_MINUTES = 30


def tolerance() -> timedelta:
    return timedelta(
        minutes=int(
            getattr(settings, "VITRINE_TICKET_CHECKIN_TOLERANCE_MINUTES", DEFAULT_TOLERANCE_MINUTES)
        )
    )


@dataclass(frozen=True)
class Verdict:
    """valid, used, wrong_day, wrong_slot, canceled or unknown; with the ticket."""

    outcome: str
    ticket: Ticket | None = None
    used_at: datetime | None = None
    used_by: str = ""


def _by(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def check_in(code: str, museum_id: int, user=None, now: datetime | None = None) -> Verdict:
    now = now or timezone.now()
    code = code.strip()
    ticket = (
        Ticket.objects.select_related("slot__offer", "category", "checked_in_by")
        .filter(code=code, museum_id=museum_id)
        .first()
    )
    if ticket is None:
        return Verdict("unknown")
    if ticket.status == Ticket.Status.CANCELED:
        return Verdict("canceled", ticket)
    if ticket.checked_in_at is not None:
        return Verdict("used", ticket, ticket.checked_in_at, _by(ticket.checked_in_by))
    slot = ticket.slot
    if timezone.localtime(slot.starts_at).date() != timezone.localtime(now).date():
        return Verdict("wrong_day", ticket)
    if not (slot.starts_at - tolerance() <= now <= slot.ends_at + tolerance()):
        return Verdict("wrong_slot", ticket)
    admitted = Ticket.objects.filter(
        pk=ticket.pk, checked_in_at__isnull=True, status=Ticket.Status.VALID
    ).update(checked_in_at=now, checked_in_by=user)
    if admitted == 1:
        ticket.checked_in_at, ticket.checked_in_by = now, user
        return Verdict("valid", ticket)
    ticket.refresh_from_db()
    if ticket.status == Ticket.Status.CANCELED:
        return Verdict("canceled", ticket)
    return Verdict("used", ticket, ticket.checked_in_at, _by(ticket.checked_in_by))


@dataclass(frozen=True)
class SlotCount:
    slot: TimeSlot
    sold: int
    checked_in: int

    @property
    def expected(self) -> int:
        return self.sold - self.checked_in


def counts_of_day(museum_id: int, day=None) -> list[SlotCount]:
    """Sold, checked in and still expected per slot of the day: one query."""
    day = day or timezone.localdate()
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(day, datetime.min.time()), zone)
    slots = (
        TimeSlot.objects.filter(
            museum_id=museum_id, starts_at__gte=start, starts_at__lt=start + timedelta(days=1)
        )
        .select_related("offer")
        .annotate(
            valid=Count("tickets", filter=Q(tickets__status=Ticket.Status.VALID)),
            admitted=Count(
                "tickets",
                filter=Q(tickets__status=Ticket.Status.VALID, tickets__checked_in_at__isnull=False),
            ),
        )
        .order_by("starts_at", "offer")
    )
    return [SlotCount(slot, slot.valid, slot.admitted) for slot in slots]
