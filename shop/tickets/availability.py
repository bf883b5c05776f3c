"""What a visitor may book: days, slots, places left and prices, for a range of dates.

A constant number of queries for any range (asserted in tests/tickets): the slots, the
categories, then capacity.rooms (memberships, quotas, holds).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from shop.graphql.errors import PayloadError
from shop.services.errors import CheckoutErrorCode
from shop.tickets import capacity
from shop.tickets.models import AdmissionOffer, TimeSlot, VisitorCategory

MAX_DAYS = 92
# Ten-minute slots over ten hours; the API answers no more per day.
MAX_SLOTS_PER_DAY = 60


@dataclass(frozen=True)
class SlotAvailability:
    slot: TimeSlot
    remaining: int
    state: str  # open, full, closed, past
    categories: list[VisitorCategory]


@dataclass(frozen=True)
class DayAvailability:
    date: date
    slots: list[SlotAvailability]

    @property
    def remaining(self) -> int:
        return sum(slot.remaining for slot in self.slots if slot.state == "open")


def _state(slot: TimeSlot, remaining: int, now: datetime) -> str:
    if slot.status != TimeSlot.Status.OPEN:
        return "closed"
    if slot.starts_at <= now:
        return "past"
    return "open" if remaining > 0 else "full"


def days(offer: AdmissionOffer, first: date, last: date) -> list[DayAvailability]:
    if last < first:
        raise PayloadError(CheckoutErrorCode.INVALID, "`to` is before `from`.", "to")
    if (last - first).days >= MAX_DAYS:
        raise PayloadError(CheckoutErrorCode.INVALID, f"At most {MAX_DAYS} days at once.", "to")
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(first, time.min), zone)
    end = timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min), zone)
    slots = list(
        TimeSlot.objects.filter(offer=offer, starts_at__gte=start, starts_at__lt=end).order_by(
            "starts_at"
        )
    )
    categories = list(offer.categories.all())
    now = timezone.now()
    rooms = capacity.rooms(slots, now)
    by_day: dict[date, list[SlotAvailability]] = {}
    for slot in slots:
        remaining = rooms[slot.pk].remaining
        by_day.setdefault(timezone.localtime(slot.starts_at, zone).date(), []).append(
            SlotAvailability(slot, remaining, _state(slot, remaining, now), categories)
        )
    result = []
    day = first
    while day <= last:
        result.append(DayAvailability(day, by_day.get(day, [])))
        day += timedelta(days=1)
    return result
