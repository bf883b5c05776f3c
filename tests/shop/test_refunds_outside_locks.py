"""Point 8 of issue 12: no lock waits on the network.

A refund is decided under the order's lock, asked of Stripe with no transaction open,
and recorded under the lock again (shop.services.orders.refund, as Saleor splits it);
`checkoutComplete` reads the PaymentIntent before it locks anything and refunds a buyer
who lost the race after its order's transaction committed. These tests watch the Stripe
calls themselves (the real localstripe behind them): while Stripe is asked, this
connection has no transaction open and another connection can take the order's and the
stock's row locks at once (NOWAIT).
"""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal

import pytest
import stripe
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from shop.graphql.errors import PayloadError
from shop.models import Order, RefundAttempt, Stock
from shop.services import orders as order_service
from shop.services import payments
from tests.shop import builders

pytestmark = pytest.mark.django_db

ON_POSTGRES = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks and concurrent writers need PostgreSQL"
)


@pytest.fixture
def shop():
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=3)
    builders.pickup()


@pytest.fixture
def place(pay_api, browser_pays):
    def order(*lines: tuple[str, int]) -> Order:
        checkout = builders.ready_checkout(*lines)
        browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
        payload = pay_api("checkoutComplete", checkout.token)
        assert payload["errors"] == []
        return Order.objects.get(checkout_token=checkout.token)

    return order


def _stripe_refunds(order: Order) -> list[int]:
    intent = order.payments.get().intent_id
    return sorted(refund.amount for refund in payments.refunds_of(intent))


def _lockable_elsewhere(model, **lookup) -> bool:
    """Whether another connection can lock these rows right now, without waiting."""
    answer: list[bool] = []

    def probe() -> None:
        try:
            with transaction.atomic():
                list(model.objects.select_for_update(nowait=True).filter(**lookup))
            answer.append(True)
        except Exception:  # "could not obtain lock" is the answer
            answer.append(False)
        finally:
            connections.close_all()

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join(timeout=60)
    return answer == [True]


@pytest.fixture
def watched_stripe(monkeypatch):
    """Wrap the Stripe calls that refund or read a payment; each records what it saw."""
    seen: list[dict] = []

    def watch(name: str, lock_probe):
        real = getattr(payments, name)

        def call(*args, **kwargs):
            seen.append(
                {"call": name, "in_transaction": payments.in_transaction(), "free": lock_probe()}
            )
            return real(*args, **kwargs)

        monkeypatch.setattr(payments, name, call)

    return seen, watch


@ON_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_staff_refund_button_asks_stripe_with_no_lock_held(
    shop, place, admin_client, watched_stripe
):
    order = place(("POSTER", 2))
    seen, watch = watched_stripe
    watch("refund", lambda: _lockable_elsewhere(Order, pk=order.pk))

    response = admin_client.post(
        reverse("shop_order_refund", args=[order.pk]),
        {"amount": "5.00", "reason": "dented", "key": f"admin-{uuid.uuid4().hex}"},
    )

    assert response.status_code == 302
    assert seen == [{"call": "refund", "in_transaction": False, "free": True}]
    order.refresh_from_db()
    assert (order.status, order.refunded) == (Order.Status.PARTIALLY_REFUNDED, Decimal("5.00"))
    assert _stripe_refunds(order) == [500]
    [attempt] = RefundAttempt.objects.filter(order=order)
    assert attempt.status == RefundAttempt.Status.SUCCEEDED and attempt.refund.amount == Decimal(
        "5.00"
    )


@ON_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_buyer_who_lost_the_race_is_refunded_with_no_stock_row_locked(
    shop, pay_api, browser_pays, watched_stripe
):
    checkout = builders.ready_checkout(("POSTER", 2))
    browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
    builders.set_stock("POSTER", 3, allocated=2)  # another buyer was faster
    seen, watch = watched_stripe
    stock_free = lambda: _lockable_elsewhere(Stock, variant__sku="POSTER")  # noqa: E731
    watch("retrieve_intent", stock_free)
    watch("refund", stock_free)

    payload = pay_api("checkoutComplete", checkout.token)

    assert [error["code"] for error in payload["errors"]] == ["INSUFFICIENT_STOCK"]
    assert payload["order"]["status"] == "CANCELED"
    assert payload["order"]["refunded"]["amount"] == "24.20"
    assert [(call["call"], call["in_transaction"], call["free"]) for call in seen] == [
        ("retrieve_intent", False, True),
        ("refund", False, True),
    ]


@ON_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_staff_refunding_at_once_refund_once(shop, place, admin_user, monkeypatch):
    """The first click is at Stripe when the second arrives: the second is told a refund
    is under way and asks Stripe nothing; the order records exactly what Stripe refunded."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"  # the admin's messages, in English here
    profile.save()
    order = place(("POSTER", 2))  # € 24.20
    at_stripe, second_answered = threading.Event(), threading.Event()
    real = payments.refund
    calls: list[str] = []

    def slow_refund(*args, **kwargs):
        calls.append(kwargs["idempotency_key"])
        at_stripe.set()
        assert second_answered.wait(timeout=60)
        return real(*args, **kwargs)

    monkeypatch.setattr(payments, "refund", slow_refund)
    answers: dict[str, object] = {}

    def staff(name: str) -> None:
        client = Client()
        client.force_login(admin_user)
        try:
            answers[name] = client.post(
                reverse("shop_order_refund", args=[order.pk]),
                {"amount": "24.20", "reason": name, "key": f"admin-{uuid.uuid4().hex}"},
            )
        finally:
            connections.close_all()

    first = threading.Thread(target=staff, args=("first",))
    first.start()
    assert at_stripe.wait(timeout=60)
    staff("second")
    second_answered.set()
    first.join(timeout=60)

    assert answers["first"].status_code == 302
    assert answers["second"].status_code == 200
    assert "being made at this moment" in answers["second"].content.decode()
    assert len(calls) == 1
    order.refresh_from_db()
    assert (order.status, order.refunded) == (Order.Status.REFUNDED, Decimal("24.20"))
    assert _stripe_refunds(order) == [2420]
    assert order.refunds.count() == 1


def test_the_same_refund_form_sent_twice_is_one_refund(shop, place, admin_client):
    order = place(("POSTER", 2))
    form = {"amount": "3.00", "reason": "double click", "key": f"admin-{uuid.uuid4().hex}"}

    for _ in range(2):
        response = admin_client.post(reverse("shop_order_refund", args=[order.pk]), form)
        assert response.status_code == 302

    order.refresh_from_db()
    assert order.refunded == Decimal("3.00") and order.refunds.count() == 1
    assert _stripe_refunds(order) == [300]


def test_the_refund_form_carries_a_fresh_key(shop, place, admin_client):
    order = place(("POSTER", 1))
    pages = [
        admin_client.get(reverse("shop_order_refund", args=[order.pk])).content.decode()
        for _ in range(2)
    ]
    keys = [page.split('name="key" value="')[1].split('"')[0] for page in pages]
    assert all(key.startswith("admin-") for key in keys) and keys[0] != keys[1]


def test_a_refund_stripe_refuses_records_nothing_and_may_be_made_again(shop, place, monkeypatch):
    order = place(("POSTER", 2))
    real = payments.refund

    def down(*args, **kwargs):
        raise stripe.APIConnectionError("Stripe cannot be reached")

    monkeypatch.setattr(payments, "refund", down)
    with pytest.raises(PayloadError) as refused:
        order_service.refund(order.pk, Decimal("5.00"), key="admin-1")
    assert "Stripe did not refund" in refused.value.message
    order.refresh_from_db()
    assert (order.status, order.refunded) == (Order.Status.PAID, Decimal("0.00"))
    assert order.refunds.count() == 0
    assert RefundAttempt.objects.get(order=order).status == RefundAttempt.Status.FAILED

    monkeypatch.setattr(payments, "refund", real)
    order_service.refund(order.pk, Decimal("5.00"), key="admin-1")  # the form sent again
    order.refresh_from_db()
    assert order.refunded == Decimal("5.00") and _stripe_refunds(order) == [500]


def test_a_refund_left_pending_by_a_dead_process_blocks_only_for_a_while(shop, place):
    from django.utils import timezone

    order = place(("POSTER", 2))
    stuck = order_service.request_refund(order.pk, Decimal("5.00"))  # Stripe never asked
    with pytest.raises(PayloadError) as refused:
        order_service.refund(order.pk, Decimal("1.00"))
    assert refused.value.message == order_service.REFUND_UNDER_WAY

    RefundAttempt.objects.filter(pk=stuck.pk).update(
        updated_at=timezone.now() - order_service.STALE_ATTEMPT * 2
    )
    order_service.refund(order.pk, Decimal("1.00"))
    order.refresh_from_db()
    assert order.refunded == Decimal("1.00")
    stuck.refresh_from_db()
    assert stuck.status == RefundAttempt.Status.FAILED


def test_a_lost_race_whose_refund_stripe_did_not_take_is_refunded_on_the_next_try(
    shop, pay_api, browser_pays, monkeypatch
):
    checkout = builders.ready_checkout(("POSTER", 2))
    browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
    builders.set_stock("POSTER", 3, allocated=2)
    real = payments.refund

    def down(*args, **kwargs):
        raise stripe.APIConnectionError("Stripe cannot be reached")

    monkeypatch.setattr(payments, "refund", down)
    first = pay_api("checkoutComplete", checkout.token)
    assert [error["code"] for error in first["errors"]] == ["PAYMENT_ERROR"]
    order = Order.objects.get(checkout_token=checkout.token)
    assert (order.status, order.refunded) == (Order.Status.CANCELED, Decimal("0.00"))

    monkeypatch.setattr(payments, "refund", real)
    again = pay_api("checkoutComplete", checkout.token)  # or Stripe's webhook, retried
    assert [error["code"] for error in again["errors"]] == ["INSUFFICIENT_STOCK"]
    assert again["order"]["refunded"]["amount"] == "24.20"
    order.refresh_from_db()
    assert order.refunded == Decimal("24.20") and _stripe_refunds(order) == [2420]
    assert pay_api("checkoutComplete", checkout.token)["order"]["refunded"]["amount"] == "24.20"
    assert _stripe_refunds(order) == [2420]  # a third call refunds nothing more
