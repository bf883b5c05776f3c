"""An order that no card payment paid (the demo's orders, made without a payment
provider) cannot be refunded by the shop: staff are told so, and nothing changes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from shop.graphql.errors import PayloadError
from shop.models import Order
from shop.services import orders as order_service
from tests.site.test_dashboard import paid_order

pytestmark = pytest.mark.django_db


def test_the_service_refuses_to_refund_an_order_without_a_card_payment():
    order = paid_order()

    with pytest.raises(PayloadError) as refused:
        order_service.refund(order.pk, Decimal("5.00"))

    assert refused.value.field == "payment"
    order.refresh_from_db()
    assert (order.status, order.refunded, order.refunds.count()) == (
        Order.Status.PAID,
        Decimal("0.00"),
        0,
    )


def test_staff_are_told_in_their_language_instead_of_a_server_error(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    order = paid_order()

    response = admin_client.post(
        reverse("shop_order_refund", args=[order.pk]), {"amount": "5.00", "reason": ""}
    )

    assert response.status_code == 200
    assert "was not paid by card through the shop" in response.content.decode()
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
