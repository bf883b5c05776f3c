"""POST /shop/stripe/webhook/: signed, stored once, forward only, 500 so Stripe retries.

Events are the ones localstripe emitted for real payments, signed as Stripe signs them;
one test has localstripe deliver them itself to the live server.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from decimal import Decimal

import pytest
from django.db import connection

from shop.models import Order, OrderEvent, Payment, Stock, StripeEvent
from shop.services import orders as order_service
from shop.services import stock as stock_service
from shop.services import webhooks
from tests.shop import builders
from tests.shop.conftest import WEBHOOK_SECRET, configure_webhook

URL = "/shop/stripe/webhook/"


@pytest.fixture
def shop():
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=3)
    builders.pickup()


@pytest.fixture
def paid(pay_api, browser_pays, stripe_client):
    """Pay a ready checkout in the 'browser'; returns (checkout token, the event dict)."""

    def pay(*lines: tuple[str, int]):
        checkout = builders.ready_checkout(*lines)
        intent_id = pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"]
        browser_pays(intent_id)
        events = stripe_client.v1.events.list(
            params={"type": "payment_intent.succeeded", "limit": 100}
        ).auto_paging_iter()
        [event] = [event for event in events if event.data.object.id == intent_id]
        return checkout.token, event.to_dict()

    return pay


def post_signed(client, event: dict, secret: str = WEBHOOK_SECRET):
    body = json.dumps(event)
    timestamp = int(time.time())
    signature = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256)
    return client.post(
        URL,
        body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=f"t={timestamp},v1={signature.hexdigest()}",
    )


@pytest.mark.django_db
def test_succeeded_event_places_the_order_and_a_replay_is_a_no_op(client, shop, paid):
    token, event = paid(("POSTER", 1))

    assert post_signed(client, event).status_code == 200
    order = Order.objects.get(checkout_token=token)
    assert order.status == Order.Status.PAID
    assert StripeEvent.objects.filter(event_id=event["id"]).count() == 1

    assert post_signed(client, event).status_code == 200
    assert Order.objects.count() == 1 and StripeEvent.objects.count() == 1
    assert Stock.objects.get(variant__sku="POSTER").allocated == 1


@pytest.mark.django_db
def test_a_bad_signature_is_refused_with_400(client, shop, paid):
    _token, event = paid(("POSTER", 1))

    assert post_signed(client, event, secret="whsec_someone_else").status_code == 400
    assert client.post(URL, json.dumps(event), content_type="application/json").status_code == 400
    assert not Order.objects.exists() and not StripeEvent.objects.exists()


@pytest.mark.django_db
def test_a_failing_handler_answers_500_and_writes_nothing(client, shop, paid, monkeypatch):
    token, event = paid(("POSTER", 1))

    def broken(lines):
        raise RuntimeError("database hiccup")

    monkeypatch.setattr(stock_service, "allocate", broken)
    assert post_signed(client, event).status_code == 500
    assert not Order.objects.exists() and not StripeEvent.objects.exists()
    assert Payment.objects.get().status == Payment.Status.PENDING

    monkeypatch.undo()  # Stripe retries; now it works
    assert post_signed(client, event).status_code == 200
    assert Order.objects.get(checkout_token=token).status == Order.Status.PAID


@pytest.mark.django_db
def test_a_late_failure_event_does_not_move_a_payment_back(client, shop, paid):
    _token, event = paid(("POSTER", 1))
    assert post_signed(client, event).status_code == 200
    failed = {**event, "id": event["id"] + "_late", "type": "payment_intent.payment_failed"}

    assert post_signed(client, failed).status_code == 200
    assert Payment.objects.get().status == Payment.Status.SUCCEEDED


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_localstripe_delivers_the_event_to_the_live_server(
    live_server, shop, pay_api, browser_pays, localstripe_url
):
    configure_webhook(localstripe_url, f"{live_server.url}{URL}", ["payment_intent.succeeded"])
    try:
        checkout = builders.ready_checkout(("POSTER", 1))
        intent_id = pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"]
        browser_pays(intent_id)
        deadline = time.monotonic() + 15
        while not Order.objects.filter(checkout_token=checkout.token).exists():
            assert time.monotonic() < deadline, "localstripe's webhook never placed the order"
            time.sleep(0.2)
        # The order is committed before the webhook is answered: the request's after-commit
        # work (the search re-indexes the sold product) may still be writing, and SQLite
        # cannot empty its tables for the next test beside a writer.
        for thread in threading.enumerate():
            if "process_request_thread" in thread.name:
                thread.join(timeout=max(0.0, deadline - time.monotonic()))
    finally:
        configure_webhook(localstripe_url, f"{live_server.url}{URL}", ["nothing.to.send"])
    order = Order.objects.get(checkout_token=checkout.token)
    assert order.status == Order.Status.PAID
    assert Payment.objects.get(checkout_token=checkout.token).order_id == order.pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
def test_complete_and_webhook_racing_yield_one_order(shop, paid, monkeypatch):
    token, event = paid(("POSTER", 1))
    original = order_service._place

    def slow_place(*arguments):
        time.sleep(0.3)  # hold the checkout lock long enough for the other to queue
        return original(*arguments)

    monkeypatch.setattr(order_service, "_place", slow_place)
    import stripe

    parsed = stripe.Event.construct_from(event, "sk_test_vitrine")
    start = threading.Barrier(2)
    results: list[object] = [None, None]

    def run(index: int, target) -> None:
        try:
            start.wait()
            results[index] = target()
        except Exception as error:
            results[index] = error
        finally:
            connection.close()

    targets = [lambda: order_service.complete(token), lambda: webhooks.handle(parsed)]
    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not any(isinstance(result, Exception) for result in results), results
    order = Order.objects.get(checkout_token=token)
    assert results[0].order.pk == order.pk
    assert Order.objects.count() == 1 and order.status == Order.Status.PAID
    assert Stock.objects.get(variant__sku="POSTER").allocated == 1
    assert Payment.objects.get().order_id == order.pk


def charge_refunded(intent_id: str, amount: int, refunded: int, number: int) -> dict:
    """A `charge.refunded` event as Stripe sends it (localstripe emits none)."""
    return {
        "id": f"evt_refund_{intent_id}_{number}",
        "object": "event",
        "type": "charge.refunded",
        "created": int(time.time()),
        "livemode": False,
        "data": {
            "object": {
                "id": f"ch_{intent_id}",
                "object": "charge",
                "payment_intent": intent_id,
                "amount": amount,
                "amount_refunded": refunded,
                "refunded": refunded == amount,
            }
        },
    }


@pytest.fixture
def paid_order(client, shop, paid):
    token, event = paid(("POSTER", 2))  # 24.20
    assert post_signed(client, event).status_code == 200
    return Order.objects.get(checkout_token=token), event["data"]["object"]["id"]


@pytest.mark.django_db
def test_a_refund_in_the_stripe_dashboard_reaches_the_order_forward_only(
    client, paid_order, stripe_client
):
    order, intent_id = paid_order
    # Staff refund 5.00, then the rest, in the Stripe dashboard.
    first = stripe_client.v1.refunds.create(params={"payment_intent": intent_id, "amount": 500})
    partial = charge_refunded(intent_id, 2420, 500, 1)
    assert post_signed(client, partial).status_code == 200
    order.refresh_from_db()
    assert (order.status, order.refunded) == (Order.Status.PARTIALLY_REFUNDED, Decimal("5.00"))
    assert list(order.refunds.values_list("refund_id", "amount")) == [(first.id, Decimal("5.00"))]
    assert Stock.objects.get(variant__sku="POSTER").allocated == 2  # goods still sold

    rest = stripe_client.v1.refunds.create(params={"payment_intent": intent_id, "amount": 1920})
    full = charge_refunded(intent_id, 2420, 2420, 2)
    assert post_signed(client, full).status_code == 200
    # The same event again, and a late copy of the older state, change nothing.
    assert post_signed(client, full).status_code == 200
    late = charge_refunded(intent_id, 2420, 500, 3)
    assert post_signed(client, late).status_code == 200

    order.refresh_from_db()
    assert (order.status, order.refunded) == (Order.Status.REFUNDED, Decimal("24.20"))
    assert sorted(order.refunds.values_list("refund_id", flat=True)) == sorted([first.id, rest.id])
    assert Stock.objects.get(variant__sku="POSTER").allocated == 0  # never left: back on sale
    assert order.events.filter(type=OrderEvent.Type.REFUNDED).count() == 2


@pytest.mark.django_db
def test_the_event_for_a_refund_the_shop_made_itself_counts_it_once(
    client, paid_order, stripe_settings
):
    order, intent_id = paid_order
    order_service.refund(order.pk, Decimal("10.00"), "Damaged in the post")

    assert post_signed(client, charge_refunded(intent_id, 2420, 1000, 1)).status_code == 200

    order.refresh_from_db()
    assert (order.status, order.refunded) == (Order.Status.PARTIALLY_REFUNDED, Decimal("10.00"))
    assert order.refunds.count() == 1
    assert order.events.filter(type=OrderEvent.Type.REFUNDED).count() == 1
