"""Point 8 of issue 12: no lock waits on the network.

A refund is decided under the order's lock, asked of Stripe with no transaction open,
and recorded under the lock again (shop.services.orders.refund, as Saleor splits it);
`checkoutComplete` reads the PaymentIntent before it locks anything and refunds a buyer
who lost the race after its order's transaction committed. These tests put a gate in
front of the real localstripe (tests/shop/stripe_gate.py) and look at the database from
it each time a request reaches Stripe, while the shop waits for the answer: PostgreSQL
says the shop's connection is `idle` (no transaction open; `idle in transaction` if
one were), and another connection can take the order's and the stock's row locks at
once (NOWAIT). A Stripe that cannot be reached is the gate dropping the request; a
slow one is the gate holding it.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, connections, transaction
from django.test import Client
from django.urls import reverse

from shop.graphql.errors import PayloadError
from shop.models import Order, RefundAttempt, Stock
from shop.services import orders as order_service
from shop.services import payments
from tests.shop import builders
from tests.shop.stripe_gate import StripeGate, StripeRequest

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


def _backend_pid() -> int:
    """This thread's PostgreSQL session: the one the shop's code runs its queries on."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _session_state(pid: int) -> str | None:
    """What PostgreSQL says that session is doing: `idle` between transactions, `idle in
    transaction` while one is open (its locks held) and it waits for its client."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT state FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row[0] if row else None


def _lockable(model, **lookup) -> bool:
    """Whether this connection can lock these rows (there are some) without waiting."""
    try:
        with transaction.atomic():
            return bool(list(model.objects.select_for_update(nowait=True).filter(**lookup)))
    except DatabaseError:  # "could not obtain lock" is the answer
        return False


@pytest.fixture
def watched_stripe(stripe_gate: StripeGate):
    """watch(lockable) -> seen: from now on each request that reaches Stripe is recorded
    with what the database showed at that moment, from the gate's own connection: the
    state of this thread's session (the shop's) and whether `lockable()` could lock."""

    def watch(lockable: Callable[[], bool]) -> list[dict]:
        shop_pid = _backend_pid()
        seen: list[dict] = []

        def look(request: StripeRequest) -> None:
            try:
                seen.append(
                    {
                        "call": str(request),
                        "shop_connection": _session_state(shop_pid),
                        "free": lockable(),
                    }
                )
            finally:
                connections.close_all()  # the gate thread's own connection

        for method in ("GET", "POST", "DELETE"):
            stripe_gate.before(method, "/v1/", look)
        return seen

    return watch


@ON_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_staff_refund_button_asks_stripe_with_no_lock_held(
    shop, place, admin_client, watched_stripe
):
    order = place(("POSTER", 2))
    seen = watched_stripe(lambda: _lockable(Order, pk=order.pk))

    response = admin_client.post(
        reverse("shop_order_refund", args=[order.pk]),
        {"amount": "5.00", "reason": "dented", "key": f"admin-{uuid.uuid4().hex}"},
    )

    assert response.status_code == 302
    assert seen == [{"call": "POST /v1/refunds", "shop_connection": "idle", "free": True}]
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
    intent = pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"]
    browser_pays(intent)
    builders.set_stock("POSTER", 3, allocated=2)  # another buyer was faster
    seen = watched_stripe(lambda: _lockable(Stock, variant__sku="POSTER"))

    payload = pay_api("checkoutComplete", checkout.token)

    assert [error["code"] for error in payload["errors"]] == ["INSUFFICIENT_STOCK"]
    assert payload["order"]["status"] == "CANCELED"
    assert payload["order"]["refunded"]["amount"] == "24.20"
    assert [(call["call"], call["shop_connection"], call["free"]) for call in seen] == [
        (f"GET /v1/payment_intents/{intent}", "idle", True),
        ("POST /v1/refunds", "idle", True),
    ]


@ON_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_staff_refunding_at_once_refund_once(shop, place, admin_user, stripe_gate):
    """The first click is at Stripe when the second arrives: the second is told a refund
    is under way and asks Stripe nothing; the order records exactly what Stripe refunded."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"  # the admin's messages, in English here
    profile.save()
    order = place(("POSTER", 2))  # € 24.20
    slow_stripe = stripe_gate.hold("POST", "/v1/refunds")
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
    assert slow_stripe.arrived.wait(timeout=60)
    staff("second")
    slow_stripe.release()
    first.join(timeout=60)

    assert not first.is_alive()
    assert answers["first"].status_code == 302
    assert answers["second"].status_code == 200
    assert "being made at this moment" in answers["second"].content.decode()
    assert stripe_gate.count("POST", "/v1/refunds") == 1
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


def test_a_refund_stripe_refuses_records_nothing_and_may_be_made_again(shop, place, stripe_gate):
    order = place(("POSTER", 2))

    stripe_gate.refuse("POST", "/v1/refunds")  # Stripe cannot be reached
    with pytest.raises(PayloadError) as refused:
        order_service.refund(order.pk, Decimal("5.00"), key="admin-1")
    assert "Stripe did not refund" in refused.value.message
    order.refresh_from_db()
    assert (order.status, order.refunded) == (Order.Status.PAID, Decimal("0.00"))
    assert order.refunds.count() == 0
    assert RefundAttempt.objects.get(order=order).status == RefundAttempt.Status.FAILED

    stripe_gate.open()
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
    shop, pay_api, browser_pays, stripe_gate
):
    checkout = builders.ready_checkout(("POSTER", 2))
    browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
    builders.set_stock("POSTER", 3, allocated=2)

    stripe_gate.refuse("POST", "/v1/refunds")  # Stripe cannot be reached
    first = pay_api("checkoutComplete", checkout.token)
    assert [error["code"] for error in first["errors"]] == ["PAYMENT_ERROR"]
    order = Order.objects.get(checkout_token=checkout.token)
    assert (order.status, order.refunded) == (Order.Status.CANCELED, Decimal("0.00"))

    stripe_gate.open()
    again = pay_api("checkoutComplete", checkout.token)  # or Stripe's webhook, retried
    assert [error["code"] for error in again["errors"]] == ["INSUFFICIENT_STOCK"]
    assert again["order"]["refunded"]["amount"] == "24.20"
    order.refresh_from_db()
    assert order.refunded == Decimal("24.20") and _stripe_refunds(order) == [2420]
    assert pay_api("checkoutComplete", checkout.token)["order"]["refunded"]["amount"] == "24.20"
    assert _stripe_refunds(order) == [2420]  # a third call refunds nothing more
