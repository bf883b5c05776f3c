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
from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone

from shop.tickets.models import AdmissionOffer, Ticket, TimeSlot, VisitorCategory

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

    The door's common case, a valid ticket in its slot, is one committed statement: the
    conditional UPDATE that admits it (the ticket unused, valid, of this museum, its slot
    open now give or take the tolerance), in autocommit with no transaction or savepoint
    around it; on PostgreSQL it returns what the answer shows (slot, offer, category)
    as well, elsewhere one read follows. Only when the UPDATE changed nothing does a read
    decide which refusal it is. Two devices scanning at once both run the UPDATE; the
    database lets one of them change the row.
    """
    now = now or timezone.now()
    code = code.strip()
    if not code:
        return Verdict("unknown")
    margin = tolerance()
    day = timezone.localtime(now).date()
    zone = timezone.get_current_timezone()
    day_starts = timezone.make_aware(datetime.combine(day, datetime.min.time()), zone)
    window = (day_starts, day_starts + timedelta(days=1), now + margin, now - margin)
    if connection.vendor == "postgresql":
        ticket = _admit_returning(code, museum_id, user, now, window)
        if ticket is not None:
            return Verdict("valid", ticket)
        admitted = 0
    else:
        admitted = Ticket.objects.filter(
            code=code,
            museum_id=museum_id,
            checked_in_at__isnull=True,
            status=Ticket.Status.VALID,
            slot_id__in=TimeSlot.objects.filter(
                museum_id=museum_id,
                starts_at__gte=window[0],
                starts_at__lt=window[1],
                starts_at__lte=window[2],
                ends_at__gte=window[3],
            ).values("pk"),
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


# What the answer of an admission shows, returned by the UPDATE itself; every other field
# of these rows is deferred (read on first access, as `.only()` would).
_TICKET = ("id", "code", "museum_id", "order_id", "slot_id", "category_id", "status")
_SLOT = ("id", "museum_id", "offer_id", "starts_at", "ends_at")
_OFFER = ("id", "museum_id", "name_nl", "name_en", "name_fr")
_CATEGORY = ("id", "offer_id", "name_nl", "name_en", "name_fr")


def _in_model_order(model, names: tuple[str, ...]) -> list[str]:
    """`Model.from_db` takes the values of the named fields in the model's field order."""
    return [field.attname for field in model._meta.concrete_fields if field.attname in names]


def _admit_returning(code, museum_id, user, now, window) -> Ticket | None:
    """PostgreSQL: admit with one UPDATE ... FROM ... RETURNING; the ticket, or None when
    the conditions did not hold (nothing written)."""
    ticket_table = Ticket._meta.db_table
    slot_table = TimeSlot._meta.db_table
    offer_table = AdmissionOffer._meta.db_table
    category_table = VisitorCategory._meta.db_table
    parts = [
        (alias, model, _in_model_order(model, names))
        for alias, model, names in (
            ("t", Ticket, _TICKET),
            ("s", TimeSlot, _SLOT),
            ("o", AdmissionOffer, _OFFER),
            ("c", VisitorCategory, _CATEGORY),
        )
    ]
    returned = ", ".join(f"{alias}.{name}" for alias, _model, names in parts for name in names)
    sql = (
        f"UPDATE {ticket_table} AS t SET checked_in_at = %s, checked_in_by_id = %s "
        f"FROM {slot_table} AS s, {offer_table} AS o, {category_table} AS c "
        "WHERE t.code = %s AND t.museum_id = %s AND t.checked_in_at IS NULL "
        "AND t.status = %s AND s.id = t.slot_id AND s.museum_id = %s "
        "AND s.starts_at >= %s AND s.starts_at < %s AND s.starts_at <= %s "
        "AND s.ends_at >= %s AND o.id = s.offer_id AND c.id = t.category_id "
        f"RETURNING {returned}"
    )
    params = [now, getattr(user, "pk", None), code, museum_id, Ticket.Status.VALID, museum_id]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *window])
        row = cursor.fetchone()
    if row is None:
        return None
    values = iter(row)
    db = connection.alias

    ticket, slot, offer, category = (
        model.from_db(db, names, [next(values) for _name in names]) for _a, model, names in parts
    )
    slot.offer = offer
    ticket.slot, ticket.category = slot, category
    ticket.checked_in_at, ticket.checked_in_by = now, user
    return ticket


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
