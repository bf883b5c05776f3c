"""Admitting a ticket at the door: once, even when two devices scan it at the same time.

The admission is one conditional UPDATE (`... WHERE checked_in_at IS NULL AND status =
'valid' AND slot_id IN (the museum's slots open now)`): the database lets exactly one
of two concurrent scans change the row; the other changes nothing and answers "already
used", with when and by whom. A ticket is
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
    """Admit the ticket `code` of the museum, or say why not.

    The door's common case, a valid ticket in its slot, costs one committed statement
    and one read: the conditional UPDATE that admits it (the ticket unused, valid, of
    this museum, its slot open now give or take the tolerance; its own statement in
    autocommit, no transaction or savepoint around it), then the ticket with its slot,
    offer and category for the answer. Only when the UPDATE changed nothing does the
    read decide which refusal it is; two devices scanning at once both run the UPDATE and
    the database lets one of them change the row.
    """
    now = now or timezone.now()
    code = code.strip()
    if not code:
        return Verdict("unknown")
    margin = tolerance()
    day = timezone.localtime(now).date()
    zone = timezone.get_current_timezone()
    day_starts = timezone.make_aware(datetime.combine(day, datetime.min.time()), zone)
    open_now = TimeSlot.objects.filter(
        museum_id=museum_id,
        starts_at__gte=day_starts,
        starts_at__lt=day_starts + timedelta(days=1),
        starts_at__lte=now + margin,
        ends_at__gte=now - margin,
    ).values("pk")
    admitted = Ticket.objects.filter(
        code=code,
        museum_id=museum_id,
        checked_in_at__isnull=True,
        status=Ticket.Status.VALID,
        slot_id__in=open_now,
    ).update(checked_in_at=now, checked_in_by=user)
    ticket = (
        Ticket.objects.select_related("slot__offer", "category", "checked_in_by")
        .filter(code=code, museum_id=museum_id)
        .first()
    )
    if ticket is None:
        return Verdict("unknown")
    if admitted == 1:
        return Verdict("valid", ticket)
    if ticket.status == Ticket.Status.CANCELED:
        return Verdict("canceled", ticket)
    if ticket.checked_in_at is not None:
        return Verdict("used", ticket, ticket.checked_in_at, _by(ticket.checked_in_by))
    if timezone.localtime(ticket.slot.starts_at).date() != day:
        return Verdict("wrong_day", ticket)
    return Verdict("wrong_slot", ticket)


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
