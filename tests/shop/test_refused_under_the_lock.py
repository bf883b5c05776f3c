"""A sale refused under the locks, after the buyer's checkout and stock were read:
another buyer took the last unit in between. Nothing of the attempted sale stays (its
savepoint is rolled back: shop.services.orders._serve), the order is kept as canceled,
the payment refunded in full, and the invoice series loses no number."""

from __future__ import annotations

import pytest
from django.db.models.signals import post_delete

from shop.models import Checkout, DocumentSequence, Invoice, Order, OrderEvent, Stock
from tests.shop import builders

pytestmark = pytest.mark.django_db


def test_stock_taken_between_the_read_and_the_lock_cancels_and_refunds(
    pay_api, browser_pays, django_capture_on_commit_callbacks
):
    builders.product(variants=[builders.variant("LAST-ONE", "12.00")], stock=1)
    builders.pickup()
    checkout = builders.ready_checkout(("LAST-ONE", 1))
    browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])

    def another_buyer_takes_it(**_kwargs) -> None:
        # The checkout is deleted after the stock was read with its lines and before the
        # stock's rows are locked: the moment another buyer's sale can come in between.
        Stock.objects.filter(variant__sku="LAST-ONE").update(allocated=1)

    post_delete.connect(another_buyer_takes_it, sender=Checkout, weak=False)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            payload = pay_api("checkoutComplete", checkout.token)
    finally:
        post_delete.disconnect(another_buyer_takes_it, sender=Checkout)

    assert [error["code"] for error in payload["errors"]] == ["INSUFFICIENT_STOCK"]
    assert payload["order"]["status"] == "CANCELED"
    assert payload["order"]["refunded"]["amount"] == "12.00"
    order = Order.objects.get(checkout_token=checkout.token)
    assert (order.status, order.refunded) == (Order.Status.CANCELED, order.total_gross)
    assert not order.invoice_number and order.paid_at is None
    assert list(order.events.values_list("type", flat=True).order_by("pk")) == [
        OrderEvent.Type.PLACED,
        OrderEvent.Type.NOT_PLACED,
        OrderEvent.Type.AUTO_REFUNDED,
        OrderEvent.Type.EMAIL_SENT,  # cancelled and refunded, and why
    ]
    assert order.lines.count() == 1 and order.payments.get().status == "succeeded"
    assert Stock.objects.get(variant__sku="LAST-ONE").allocated == 1  # the other buyer's
    assert not Checkout.objects.filter(token=checkout.token).exists()
    assert not Invoice.objects.exists() and not DocumentSequence.objects.exists()
    # Asked again, the same answer: the order is not placed twice, nor refunded twice.
    again = pay_api("checkoutComplete", checkout.token)
    assert [error["code"] for error in again["errors"]] == ["INSUFFICIENT_STOCK"]
    assert Order.objects.count() == 1 and order.refunds.count() == 1
