"""Acceptance: 50 buyers race for the last 10 places; exactly 10 get tickets.

As for replicas (tests/shop/test_concurrent_buyers.py), every buyer fills a checkout,
pays at localstripe, then all complete at once, each thread a browser with its own
HTTP client and database connection, released together by a barrier. Holds are off
(VITRINE_TICKET_HOLD_MINUTES = 0) so that all 50 get through to paying and the race is
at completion, where places are taken under row locks: 10 PAID orders, 40 SLOT_FULL with
their money refunded. The second test limits the day by an exhibition quota that is
smaller than the slot, and a combined ticket's slot that shares the quota.
The third lets the holds decide: the race is then at checkoutPaymentCreate, and those
refused never pay.

Row locks only mean something on PostgreSQL: skipped on SQLite, saying so.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client

from shop.models import Order, Refund
from shop.services import payments
from shop.tickets.models import Quota, Ticket, TimeSlot
from tests.shop import builders as shop_builders
from tests.tickets import builders

BUYERS = 50
PLACES = 10

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres_only,
    pytest.mark.usefixtures("many_connections"),  # a connection per buyer
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: row locks decide who gets the last places",
    ),
]

ERRORS = "errors { field code message }"


def _graphql(client: Client, query: str, **variables) -> dict:
    response = client.post(
        "/graphql/", {"query": query, "variables": variables}, content_type="application/json"
    )
    answer = response.json()
    assert "errors" not in answer, answer["errors"]
    [payload] = answer["data"].values()
    return payload


class Buyer:
    def __init__(self, number: int, slot_id: int, category_id: int) -> None:
        self.client = Client()
        self.email = f"visitor{number}@example.be"
        self.slot_id = slot_id
        self.category_id = category_id
        self.token: str | None = None
        self.paid = False
        self.result: dict | Exception | None = None

    def fill(self) -> None:
        created = _graphql(
            self.client,
            f"mutation($input: CheckoutCreateInput!) {{ checkoutCreate(input: $input) "
            f"{{ {ERRORS} checkout {{ token }} }} }}",
            input={"email": self.email},
        )
        self.token = created["checkout"]["token"]
        added = _graphql(
            self.client,
            "mutation($token: UUID!, $slot: ID!, $tickets: [TicketCategoryInput!]!) {"
            f" checkoutTicketsAdd(token: $token, slot: $slot, tickets: $tickets) {{ {ERRORS} }} }}",
            token=self.token,
            slot=str(self.slot_id),
            tickets=[{"category": str(self.category_id), "quantity": 1}],
        )
        assert added["errors"] == [], added
        billing = _graphql(
            self.client,
            "mutation($token: UUID!, $value: AddressInput!) { checkoutBillingAddressUpdate("
            f"token: $token, billingAddress: $value) {{ {ERRORS} }} }}",
            token=self.token,
            value=shop_builders.address(),
        )
        assert billing["errors"] == [], billing

    def start_payment(self) -> dict:
        return _graphql(
            self.client,
            f"mutation($token: UUID!) {{ checkoutPaymentCreate(token: $token) "
            f"{{ {ERRORS} payment {{ intentId }} }} }}",
            token=self.token,
        )

    def pay(self, started: dict) -> None:
        intent_id = started["payment"]["intentId"]
        stripe = payments.client()
        stripe.v1.payment_intents.update(intent_id, params={"payment_method": "pm_card_visa"})
        assert stripe.v1.payment_intents.confirm(intent_id).status == "succeeded"
        self.paid = True

    def complete(self) -> dict:
        return _graphql(
            self.client,
            f"mutation($token: UUID!) {{ checkoutComplete(token: $token) "
            f"{{ {ERRORS} order {{ number status }} }} }}",
            token=self.token,
        )

    def race_at_completion(self, start: threading.Barrier) -> None:
        try:
            self.fill()
            started = self.start_payment()
            assert started["errors"] == [], started
            self.pay(started)
            start.wait(timeout=180)
            self.result = self.complete()
        except Exception as error:
            self.result = error
            start.abort()
        finally:
            connection.close()

    def race_at_payment(self, start: threading.Barrier) -> None:
        try:
            self.fill()
            start.wait(timeout=180)
            started = self.start_payment()
            if started["errors"]:
                self.result = started
                return
            self.pay(started)
            self.result = self.complete()
        except Exception as error:
            self.result = error
            start.abort()
        finally:
            connection.close()


def _race(buyers: list[Buyer], method: str) -> None:
    start = threading.Barrier(len(buyers))
    threads = [threading.Thread(target=getattr(buyer, method), args=(start,)) for buyer in buyers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=400)
    assert not any(thread.is_alive() for thread in threads), "a buyer hung"
    failures = [buyer.result for buyer in buyers if not isinstance(buyer.result, dict)]
    assert failures == [], failures


def _check_exactly_sold(buyers: list[Buyer], sold_places: int) -> None:
    sold = [buyer for buyer in buyers if buyer.result["errors"] == []]
    refused = [buyer for buyer in buyers if buyer.result["errors"] != []]
    assert len(sold) == sold_places
    assert all(buyer.result["order"]["status"] == "PAID" for buyer in sold)
    for buyer in refused:
        assert [error["code"] for error in buyer.result["errors"]] == ["SLOT_FULL"]
    assert Ticket.objects.filter(status=Ticket.Status.VALID).count() == sold_places
    assert Order.objects.filter(status=Order.Status.PAID).count() == sold_places
    canceled = Order.objects.filter(status=Order.Status.CANCELED)
    assert canceled.count() == sum(1 for buyer in refused if buyer.paid)
    assert Refund.objects.filter(order__in=canceled).count() == canceled.count()
    assert all(order.refunded == order.total_gross for order in canceled)


def _offer_and_slot(capacity: int, sold: int = 0):
    offer = builders.offer()
    slot = builders.slot(offer, capacity=capacity)
    TimeSlot.objects.filter(pk=slot.pk).update(sold=sold)
    return offer, slot


def test_fifty_buyers_for_the_last_ten_places_make_exactly_ten_tickets(stripe_settings):
    stripe_settings.VITRINE_TICKET_HOLD_MINUTES = 0
    offer, slot = _offer_and_slot(capacity=40, sold=40 - PLACES)
    adult = builders.category(offer)
    buyers = [Buyer(number, slot.pk, adult.pk) for number in range(BUYERS)]

    _race(buyers, "race_at_completion")

    _check_exactly_sold(buyers, PLACES)
    assert all(buyer.paid for buyer in buyers)
    slot.refresh_from_db()
    assert (slot.sold, slot.capacity) == (40, 40)


def test_two_overlapping_quotas_each_smaller_than_the_other_hold_together(stripe_settings):
    """The exhibition's slot has 8 places left, the day quota it shares with the
    combined ticket's slot 10: buyers of both race; neither limit is passed."""
    stripe_settings.VITRINE_TICKET_HOLD_MINUTES = 0
    exhibition = builders.offer(kind="exhibition")
    combination = builders.offer(kind="combination")
    expo_slot = builders.slot(exhibition, capacity=8)
    combined_slot = builders.slot(combination, capacity=30)
    day = builders.quota(10, expo_slot, combined_slot)
    buyers = [
        Buyer(number, expo_slot.pk, builders.category(exhibition).pk)
        if number % 2
        else Buyer(number, combined_slot.pk, builders.category(combination).pk)
        for number in range(BUYERS)
    ]

    _race(buyers, "race_at_completion")

    _check_exactly_sold(buyers, 10)
    expo_slot.refresh_from_db()
    day.refresh_from_db()
    assert expo_slot.sold <= 8 and day.sold == 10
    assert Quota.objects.get(pk=day.pk).sold == Ticket.objects.count()


def test_with_holds_the_race_is_decided_before_anyone_pays(stripe_settings):
    stripe_settings.VITRINE_TICKET_HOLD_MINUTES = 10
    offer, slot = _offer_and_slot(capacity=PLACES)
    adult = builders.category(offer)
    buyers = [Buyer(number, slot.pk, adult.pk) for number in range(BUYERS)]

    _race(buyers, "race_at_payment")

    _check_exactly_sold(buyers, PLACES)
    assert sum(buyer.paid for buyer in buyers) == PLACES  # the others never paid
    assert not Order.objects.filter(status=Order.Status.CANCELED).exists()
