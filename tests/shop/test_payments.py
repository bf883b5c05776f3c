"""checkoutPaymentCreate and checkoutComplete against a real localstripe server."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from shop.models import Checkout, Order, OrderEvent, Payment, Stock, Voucher
from tests.shop import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=3)
    builders.product(title="E-boek", variants=[builders.digital("EBOOK", "9.99")])
    builders.pickup()


def codes(payload: dict) -> list[tuple[str | None, str]]:
    return [(error["field"], error["code"]) for error in payload["errors"]]


def test_payment_create_fixes_the_amount_and_answers_the_client_secret(
    pay_api, shop, stripe_client
):
    checkout = builders.ready_checkout(("POSTER", 2))

    payload = pay_api("checkoutPaymentCreate", checkout.token)

    assert payload["errors"] == []
    started = payload["payment"]
    assert started["amount"] == {"amount": "24.20", "currency": "EUR"}
    assert started["publishableKey"] == "pk_test_vitrine" and started["attempt"] == 1
    intent = stripe_client.v1.payment_intents.retrieve(started["intentId"])
    assert started["clientSecret"] == intent.client_secret
    assert (intent.amount, intent.currency) == (2420, "eur")
    payment = Payment.objects.get(intent_id=intent.id)
    assert (payment.amount, payment.status, payment.attempt) == (
        Decimal("24.20"),
        Payment.Status.PENDING,
        1,
    )
    assert pay_api("checkoutPaymentCreate", checkout.token)["payment"]["attempt"] == 2


def test_payment_create_refuses_a_checkout_that_is_not_ready(pay_api, shop, stripe_settings):
    from shop.services import checkout as service
    from shop.services.checkout_lines import LineRequest

    checkout = service.create(lines=[LineRequest(sku="POSTER", quantity=1)])

    payload = pay_api("checkoutPaymentCreate", checkout.token)

    assert sorted(codes(payload)) == [
        ("billingAddress", "BILLING_ADDRESS_NOT_SET"),
        ("deliveryMethodId", "SHIPPING_METHOD_NOT_SET"),
        ("email", "EMAIL_NOT_SET"),
    ]
    assert payload["payment"] is None and not Payment.objects.exists()


def test_complete_before_the_money_arrived_places_nothing(pay_api, shop, stripe_settings):
    checkout = builders.ready_checkout(("POSTER", 1))
    pay_api("checkoutPaymentCreate", checkout.token)

    payload = pay_api("checkoutComplete", checkout.token)

    assert codes(payload) == [("token", "PAYMENT_NOT_SUCCEEDED")]
    assert payload["order"] is None and not Order.objects.exists()
    assert Checkout.objects.filter(pk=checkout.token).exists()


def test_complete_without_a_payment_says_so(pay_api, shop, stripe_settings):
    checkout = builders.ready_checkout(("POSTER", 1))
    assert codes(pay_api("checkoutComplete", checkout.token)) == [("token", "PAYMENT_NOT_SET")]


def test_paid_checkout_becomes_one_paid_order_with_stock_voucher_and_mail(
    pay_api, shop, browser_pays, django_capture_on_commit_callbacks
):
    builders.voucher("TIEN", value="10")
    checkout = builders.ready_checkout(("POSTER", 2), ("EBOOK", 1), voucher_code="TIEN")
    started = pay_api("checkoutPaymentCreate", checkout.token)["payment"]
    browser_pays(started["intentId"])

    with django_capture_on_commit_callbacks(execute=True):
        payload = pay_api("checkoutComplete", checkout.token)

    assert payload["errors"] == []
    order = payload["order"]
    assert order["status"] == "PAID"
    assert order["number"] == f"{timezone.now().year}-000001"
    assert order["total"]["amount"] == started["amount"]["amount"] == "30.77"
    assert [(line["sku"], line["quantity"], line["vatRate"]) for line in order["lines"]] == [
        ("POSTER", 2, 21),
        ("EBOOK", 1, 21),
    ]
    assert order["lines"][0]["downloadUrl"] is None
    assert "/shop/downloads/" in order["lines"][1]["downloadUrl"]
    stock = Stock.objects.get(variant__sku="POSTER")
    assert (stock.quantity, stock.allocated) == (3, 2)
    assert Voucher.objects.get(code="TIEN").used == 1
    assert not Checkout.objects.filter(pk=checkout.token).exists()
    placed = Order.objects.get()
    assert placed.billing_address.city == "Antwerpen" and placed.voucher_code == "TIEN"
    assert [event.type for event in placed.events.all()] == [
        OrderEvent.Type.PLACED,
        OrderEvent.Type.PAID,
        OrderEvent.Type.EMAIL_SENT,
    ]
    [confirmation] = mail.outbox
    assert confirmation.to == ["anna@example.be"] and order["number"] in confirmation.subject
    assert "/shop/downloads/" in confirmation.body

    again = pay_api("checkoutComplete", checkout.token)
    assert again["errors"] == [] and again["order"]["id"] == order["id"]
    assert Order.objects.count() == 1 and Stock.objects.get(variant__sku="POSTER").allocated == 2


def test_money_arrived_but_stock_gone_refunds_automatically(
    pay_api, shop, browser_pays, stripe_client
):
    checkout = builders.ready_checkout(("POSTER", 2))
    started = pay_api("checkoutPaymentCreate", checkout.token)["payment"]
    browser_pays(started["intentId"])
    builders.set_stock("POSTER", 3, allocated=2)  # another buyer was faster

    payload = pay_api("checkoutComplete", checkout.token)

    assert codes(payload) == [("lines", "INSUFFICIENT_STOCK")]
    assert payload["order"]["status"] == "CANCELED"
    assert payload["order"]["refunded"]["amount"] == "24.20"
    order = Order.objects.get()
    assert order.invoice_number is None
    # The checkout is gone, the buyer's addresses stay with the order for staff.
    assert not Checkout.objects.filter(pk=checkout.token).exists()
    assert (order.billing_address.city, order.shipping_address.city) == ("Antwerpen",) * 2
    [refund] = order.refunds.all()
    assert refund.amount == Decimal("24.20") and "stock" in refund.reason
    at_stripe = stripe_client.v1.refunds.retrieve(refund.refund_id)
    assert (at_stripe.amount, at_stripe.payment_intent) == (2420, started["intentId"])
    assert [event.type for event in order.events.all()] == [
        OrderEvent.Type.PLACED,
        OrderEvent.Type.NOT_PLACED,
        OrderEvent.Type.AUTO_REFUNDED,
    ]
    assert Stock.objects.get(variant__sku="POSTER").allocated == 2


def test_cart_changed_after_paying_refunds_what_was_paid(pay_api, shop, browser_pays):
    from shop.services import checkout as service
    from shop.services.checkout_lines import LineRequest

    checkout = builders.ready_checkout(("POSTER", 1))
    started = pay_api("checkoutPaymentCreate", checkout.token)["payment"]
    browser_pays(started["intentId"])
    service.add_lines(checkout.token, [LineRequest(sku="POSTER", quantity=1)])

    payload = pay_api("checkoutComplete", checkout.token)

    assert codes(payload) == [("token", "CHECKOUT_NOT_FULLY_PAID")]
    assert Order.objects.get().status == Order.Status.CANCELED
    assert Stock.objects.get(variant__sku="POSTER").allocated == 0


def test_invoice_numbers_follow_each_other_within_a_year(pay_api, shop, browser_pays):
    numbers = []
    for _ in range(3):
        checkout = builders.ready_checkout(("POSTER", 1))
        browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
        numbers.append(pay_api("checkoutComplete", checkout.token)["order"]["number"])
    year = timezone.now().year
    assert numbers == [f"{year}-000001", f"{year}-000002", f"{year}-000003"]


def test_an_expired_voucher_after_paying_is_refunded_not_half_placed(pay_api, shop, browser_pays):
    voucher = builders.voucher("KORT", value="10")
    checkout = builders.ready_checkout(("POSTER", 1), voucher_code="KORT")
    browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
    Voucher.objects.filter(pk=voucher.pk).update(
        valid_until=timezone.now() - datetime.timedelta(seconds=1)
    )

    payload = pay_api("checkoutComplete", checkout.token)

    # Without the voucher the checkout costs more than was paid: refunded, nothing taken.
    assert codes(payload) == [("token", "CHECKOUT_NOT_FULLY_PAID")]
    assert Stock.objects.get(variant__sku="POSTER").allocated == 0
    assert Voucher.objects.get(pk=voucher.pk).used == 0


def test_a_new_attempt_cancels_the_old_intent_so_the_buyer_cannot_pay_twice(
    pay_api, shop, stripe_client, browser_pays, shop_api
):
    import stripe

    checkout = builders.ready_checkout(("POSTER", 1))
    first = pay_api("checkoutPaymentCreate", checkout.token)["payment"]
    shop_api(
        "checkoutLinesUpdate", token=str(checkout.token), lines=[{"sku": "POSTER", "quantity": 2}]
    )
    second = pay_api("checkoutPaymentCreate", checkout.token)["payment"]

    assert (second["attempt"], second["amount"]["amount"]) == (2, "24.20")
    assert stripe_client.v1.payment_intents.retrieve(first["intentId"]).status == "canceled"
    assert Payment.objects.get(intent_id=first["intentId"]).status == Payment.Status.CANCELED
    with pytest.raises(stripe.StripeError):  # the old tab's confirmation is refused
        browser_pays(first["intentId"])
    browser_pays(second["intentId"])
    order = pay_api("checkoutComplete", checkout.token)["order"]
    assert (order["status"], order["total"]["amount"]) == ("PAID", "24.20")


def test_no_new_attempt_once_an_earlier_one_was_paid(pay_api, shop, browser_pays):
    checkout = builders.ready_checkout(("POSTER", 1))
    first = pay_api("checkoutPaymentCreate", checkout.token)["payment"]
    browser_pays(first["intentId"])  # paid; the webhook has not arrived yet

    again = pay_api("checkoutPaymentCreate", checkout.token)

    assert codes(again) == [("token", "ALREADY_PAID")] and again["payment"] is None
    assert Payment.objects.filter(checkout_token=checkout.token).count() == 1
    assert pay_api("checkoutComplete", checkout.token)["order"]["status"] == "PAID"
