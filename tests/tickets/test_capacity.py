"""Places in slots and quotas: all or nothing, never over capacity, holds count."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from shop.graphql.errors import PayloadError
from shop.services.errors import CheckoutErrorCode
from shop.tickets import capacity
from shop.tickets.models import CheckoutTicketLine, Quota, TimeSlot
from tests.shop import builders as shop_builders
from tests.tickets import builders

pytestmark = pytest.mark.django_db


def test_taking_more_than_the_slot_has_takes_nothing():
    offer = builders.offer()
    slot = builders.slot(offer, capacity=3)
    capacity.take({slot.pk: 2})
    with pytest.raises(PayloadError) as refused:
        capacity.take({slot.pk: 2})
    assert refused.value.code == CheckoutErrorCode.SLOT_FULL
    slot.refresh_from_db()
    assert slot.sold == 2


def test_a_ticket_needs_room_in_every_quota_of_its_slot():
    exhibition = builders.offer(kind="exhibition")
    combination = builders.offer(kind="combination")
    morning = builders.slot(exhibition, capacity=10)
    combined = builders.slot(combination, capacity=10)
    day = builders.quota(4, morning, combined)
    capacity.take({morning.pk: 3})
    with pytest.raises(PayloadError) as refused:
        capacity.take({combined.pk: 2})  # the slot has room, the day quota has not
    assert refused.value.code == CheckoutErrorCode.SLOT_FULL
    capacity.take({combined.pk: 1})
    day.refresh_from_db()
    assert day.sold == 4
    rooms = capacity.rooms([morning, combined])
    assert rooms[morning.pk].remaining == 0 and rooms[combined.pk].remaining == 0


def test_closed_and_past_slots_are_refused():
    offer = builders.offer()
    closed = builders.slot(offer, status=TimeSlot.Status.CLOSED)
    past = builders.slot(offer, starts_at=timezone.now() - datetime.timedelta(hours=2))
    for slot, code in ((closed, "SLOT_CLOSED"), (past, "SLOT_PAST")):
        with pytest.raises(PayloadError) as refused:
            capacity.take({slot.pk: 1})
        assert refused.value.code.name == code


def test_the_database_refuses_more_sold_than_places():
    offer = builders.offer()
    slot = builders.slot(offer, capacity=2)
    quota = builders.quota(1, slot)
    with pytest.raises(IntegrityError), transaction.atomic():
        TimeSlot.objects.filter(pk=slot.pk).update(sold=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Quota.objects.filter(pk=quota.pk).update(sold=2)


def test_places_held_by_another_checkout_count_as_taken_until_the_hold_ends():
    offer = builders.offer()
    slot = builders.slot(offer, capacity=5)
    shop_builders.pickup()
    holder = shop_builders.ready_checkout()
    CheckoutTicketLine.objects.create(
        checkout=holder,
        slot=slot,
        category=builders.category(offer),
        quantity=4,
        held_until=timezone.now() + datetime.timedelta(minutes=5),
    )
    assert capacity.rooms([slot])[slot.pk].remaining == 1
    with pytest.raises(PayloadError):
        capacity.take({slot.pk: 2})
    capacity.take({slot.pk: 4}, holder.token)  # its own hold is its own
    CheckoutTicketLine.objects.update(held_until=timezone.now() - datetime.timedelta(seconds=1))
    slot.refresh_from_db()
    assert capacity.rooms([slot])[slot.pk].remaining == 1


def test_giving_back_frees_slot_and_quotas():
    offer = builders.offer()
    slot = builders.slot(offer, capacity=5)
    quota = builders.quota(5, slot)
    capacity.take({slot.pk: 5})
    capacity.give_back({slot.pk: 2})
    slot.refresh_from_db()
    quota.refresh_from_db()
    assert (slot.sold, quota.sold) == (3, 3)
