"""Check-in at the door: valid once, then "already used" (when, by whom); wrong day,
wrong slot, canceled, another museum's ticket."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from shop.tickets import checkin
from shop.tickets.models import Ticket
from tests.tickets import builders

pytestmark = pytest.mark.django_db


def test_a_ticket_is_admitted_once_then_already_used_by_whom():
    offer = builders.offer()
    ticket = builders.ticket(builders.slot_open_now(offer))
    staff = get_user_model().objects.create_user("suppoost", first_name="Jan", last_name="Baert")
    first = checkin.check_in(ticket.code, ticket.museum_id, staff)
    second = checkin.check_in(ticket.code, ticket.museum_id)
    assert first.outcome == "valid"
    assert second.outcome == "used" and second.used_by == "Jan Baert"
    assert second.used_at == first.ticket.checked_in_at


def test_tomorrows_ticket_is_the_wrong_day_and_a_later_slot_the_wrong_slot(settings):
    settings.VITRINE_TICKET_CHECKIN_TOLERANCE_MINUTES = 30
    offer = builders.offer()
    tomorrow = builders.ticket(builders.slot(offer, timezone.now() + datetime.timedelta(days=1)))
    assert checkin.check_in(tomorrow.code, tomorrow.museum_id).outcome == "wrong_day"
    noon = builders.today_at(12)
    later = builders.ticket(builders.slot(offer, noon + datetime.timedelta(hours=3)))
    assert checkin.check_in(later.code, later.museum_id, now=noon).outcome == "wrong_slot"
    near = noon + datetime.timedelta(hours=2, minutes=45)  # within the tolerance
    assert checkin.check_in(later.code, later.museum_id, now=near).outcome == "valid"


def test_canceled_and_unknown_tickets_are_refused():
    offer = builders.offer()
    canceled = builders.ticket(builders.slot_open_now(offer), status=Ticket.Status.CANCELED)
    assert checkin.check_in(canceled.code, canceled.museum_id).outcome == "canceled"
    assert checkin.check_in("not-a-code", canceled.museum_id).outcome == "unknown"
    assert checkin.check_in(canceled.code, canceled.museum_id + 999).outcome == "unknown"
    ticket = Ticket.objects.get()
    assert ticket.checked_in_at is None


def test_counts_per_slot_of_the_day():
    offer = builders.offer()
    slot = builders.slot_open_now(offer)
    first, _second = builders.ticket(slot), builders.ticket(slot)
    checkin.check_in(first.code, first.museum_id)
    [count] = checkin.counts_of_day(slot.museum_id)
    assert (count.sold, count.checked_in, count.expected) == (2, 1, 1)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent connections")
def test_two_devices_scanning_at_once_admit_the_ticket_once():
    offer = builders.offer()
    ticket = builders.ticket(builders.slot_open_now(offer))
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def scan() -> None:
        try:
            start.wait(timeout=30)
            outcomes.append(checkin.check_in(ticket.code, ticket.museum_id).outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=scan) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["used", "valid"]
