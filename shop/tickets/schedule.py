"""Time slots from the week's pattern, closing days and exceptions.

`generate_slots` makes the slots that are missing between two dates and never touches
existing ones: a slot edited by hand (capacity, closed) keeps its edit when the pattern
is generated again. Times are wall-clock times of the museum (settings.TIME_ZONE), so a
10:00 slot stays at 10:00 across daylight-saving changes.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from shop.tickets.models import AdmissionOffer, ScheduleException, TimeSlot, WeeklyOpening


def _starts(day: date, opens: time, closes: time, interval: int) -> list[datetime]:
    zone = timezone.get_current_timezone()
    moment = datetime.combine(day, opens)
    end = datetime.combine(day, closes)
    starts = []
    while moment < end:
        starts.append(timezone.make_aware(moment, zone))
        moment += timedelta(minutes=interval)
    return starts


def planned_slots(offer: AdmissionOffer, first: date, last: date) -> list[TimeSlot]:
    """The slots the pattern and the exceptions give, unsaved."""
    openings: dict[int, list[WeeklyOpening]] = {}
    for opening in offer.openings.all():
        openings.setdefault(opening.weekday, []).append(opening)
    exceptions = {
        exception.date: exception
        for exception in ScheduleException.objects.filter(
            Q(offer=offer) | Q(offer__isnull=True, museum_id=offer.museum_id),
            date__range=(first, last),
        ).order_by("offer")[
            # an offer's own exception wins over the museum's (NULLs last)
            ::-1
        ]
    }
    slots = []
    day = first
    while day <= last:
        exception = exceptions.get(day)
        todays = openings.get(day.weekday(), [])
        if exception is not None and exception.closed:
            todays = []
        elif exception is not None and todays:
            base = todays[0]
            todays = [
                WeeklyOpening(
                    opens=exception.opens,
                    closes=exception.closes,
                    interval_minutes=base.interval_minutes,
                    capacity=base.capacity,
                )
            ]
        for opening in todays:
            for start in _starts(day, opening.opens, opening.closes, opening.interval_minutes):
                slots.append(
                    TimeSlot(
                        museum_id=offer.museum_id,
                        offer=offer,
                        starts_at=start,
                        ends_at=start + timedelta(minutes=opening.interval_minutes),
                        capacity=opening.capacity,
                    )
                )
        day += timedelta(days=1)
    return slots


def generate_slots(offer: AdmissionOffer, first: date, last: date) -> int:
    """Create the missing slots of `offer` from `first` to `last` (inclusive); returns
    how many were new."""
    planned = planned_slots(offer, first, last)
    existing = set(
        TimeSlot.objects.filter(
            offer=offer, starts_at__in=[slot.starts_at for slot in planned]
        ).values_list("starts_at", flat=True)
    )
    new = [slot for slot in planned if slot.starts_at not in existing]
    TimeSlot.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)
