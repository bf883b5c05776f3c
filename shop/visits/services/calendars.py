"""iCalendar files: the group's confirmation and each guide's private feed.

Written with the `icalendar` library (RFC 5545 folding, escaping and UTC times are its
job, not ours), so any calendar application reads them.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar, Event

from shop.visits.models import Activity, Booking, Resource

PRODUCT_ID = "-//Vitrine//Group visits//EN"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(activity: Activity, summary: str, location: str, description: str = "") -> Event:
    event = Event()
    event.add("uid", f"activity-{activity.pk}@vitrine")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", activity.starts_at)
    event.add("dtend", activity.ends_at)
    event.add("summary", summary)
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    return event


def _address(museum) -> str:
    parts = [museum.name, museum.street_address, f"{museum.postal_code} {museum.city}".strip()]
    return ", ".join(part for part in parts if part)


def booking_ics(booking: Booking) -> bytes:
    activity = booking.activity
    assert activity is not None, "only a planned booking has a time"
    calendar = _calendar(booking.museum.name)
    calendar.add_component(
        _event(
            activity,
            f"{booking.offer.text('title', booking.locale)} — {booking.museum.name}",
            _address(booking.museum),
            booking.special_needs,
        )
    )
    return calendar.to_ical()


def guide_feed(guide: Resource, activities: Iterable[Activity]) -> bytes:
    calendar = _calendar(f"{guide.name} — {guide.museum.name}")
    for activity in activities:
        booking = getattr(activity, "booking", None)
        description = ""
        if booking is not None:
            description = (
                f"{booking.organisation}: {booking.pupils} + {booking.adults}, "
                f"{booking.get_language_display()}"
            )
        calendar.add_component(
            _event(activity, activity.title, _address(guide.museum), description)
        )
    return calendar.to_ical()
