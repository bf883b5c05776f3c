"""Slots from the weekly pattern, closing days and exceptions; hand edits survive."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from shop.tickets.models import ScheduleException, TimeSlot, WeeklyOpening
from shop.tickets.schedule import generate_slots
from tests.tickets import builders

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2031, 3, 3)


def _week(offer, capacity=25):
    for weekday in range(1, 7):  # closed on Mondays
        WeeklyOpening.objects.create(
            offer=offer,
            weekday=weekday,
            opens=datetime.time(10),
            closes=datetime.time(17, 30),
            interval_minutes=30,
            capacity=capacity,
        )


def _local_starts(day):
    return [
        timezone.localtime(slot.starts_at).time()
        for slot in TimeSlot.objects.filter(starts_at__date=day).order_by("starts_at")
    ]


def test_a_week_of_slots_every_half_hour_closed_on_monday():
    offer = builders.offer()
    _week(offer)
    made = generate_slots(offer, MONDAY, MONDAY + datetime.timedelta(days=6))
    assert made == 6 * 15  # 10:00 .. 17:00 every 30 minutes
    assert not TimeSlot.objects.filter(starts_at__date=MONDAY).exists()
    tuesday = TimeSlot.objects.filter(offer=offer).order_by("starts_at").first()
    assert timezone.localtime(tuesday.starts_at).time() == datetime.time(10)
    assert tuesday.ends_at - tuesday.starts_at == datetime.timedelta(minutes=30)
    assert tuesday.capacity == 25


def test_closing_day_and_late_opening_replace_the_week():
    offer = builders.offer()
    _week(offer)
    wednesday, thursday = MONDAY + datetime.timedelta(days=2), MONDAY + datetime.timedelta(days=3)
    ScheduleException.objects.create(date=wednesday, closed=True, note="Feestdag")
    ScheduleException.objects.create(
        offer=offer, date=thursday, closed=False, opens=datetime.time(18), closes=datetime.time(22)
    )
    generate_slots(offer, MONDAY, MONDAY + datetime.timedelta(days=6))
    assert _local_starts(wednesday) == []
    starts = [
        timezone.localtime(slot.starts_at).time()
        for slot in TimeSlot.objects.filter(offer=offer).order_by("starts_at")
        if timezone.localtime(slot.starts_at).date() == thursday
    ]
    assert starts[0] == datetime.time(18) and starts[-1] == datetime.time(21, 30)


def test_generating_again_keeps_slots_edited_by_hand():
    offer = builders.offer()
    _week(offer)
    week = (MONDAY, MONDAY + datetime.timedelta(days=6))
    generate_slots(offer, *week)
    edited = TimeSlot.objects.filter(offer=offer).order_by("starts_at").first()
    edited.capacity = 3
    edited.status = TimeSlot.Status.CLOSED
    edited.save()
    assert generate_slots(offer, *week) == 0
    edited.refresh_from_db()
    assert (edited.capacity, edited.status) == (3, TimeSlot.Status.CLOSED)


def test_the_command_makes_the_next_days():
    offer = builders.offer()
    _week(offer)
    call_command("generate_ticket_slots", days=14, stdout=io.StringIO())
    assert TimeSlot.objects.filter(offer=offer).count() == 12 * 15
