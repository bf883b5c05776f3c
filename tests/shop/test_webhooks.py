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

import pytest
from django.db import connection

from shop.models import Order, Payment, Stock, StripeEvent
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
