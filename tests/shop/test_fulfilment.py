"""Fulfilment: staff post some or all lines with a carrier and tracking number, or set
them ready for pick-up; the customer sees each fulfilment and is mailed."""

from __future__ import annotations

import pytest

from shop.models import Order, OrderLine, Stock
from shop.services import order_links
from shop.services import orders as order_service
from tests.shop import builders

pytestmark = pytest.mark.django_db

FULFILMENTS = """query($link: String!) { orderByLink(link: $link) { status
  fulfilments { kind carrier trackingNumber trackingUrl lines { sku quantity } } } }"""


@pytest.fixture
def shop():
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=5)
    builders.product(title="Mok", variants=[builders.variant("MUG", "9.00")], stock=5)
    builders.pickup()


@pytest.fixture
def order(pay_api, browser_pays, shop) -> Order:
    checkout = builders.ready_checkout(("POSTER", 2), ("MUG", 1), locale="en")
    browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
    assert pay_api("checkoutComplete", checkout.token)["errors"] == []
    return Order.objects.get(checkout_token=checkout.token)


def test_a_parcel_with_tracking_is_seen_by_the_customer_and_mailed(
    graphql, order, mailoutbox, django_capture_on_commit_callbacks
):
    poster = OrderLine.objects.get(order=order, sku="POSTER")
    with django_capture_on_commit_callbacks(execute=True):
        order_service.fulfil(
            order.pk,
            lines={poster.pk: 1},
            carrier="bpost",
            tracking_number="323299999999",
            tracking_url="https://track.bpost.cloud/btr/web/#/search?itemCode=323299999999",
        )

    seen = graphql(FULFILMENTS, {"link": order_links.token_for(order)})["data"]["orderByLink"]
    assert seen["status"] == "PAID"  # one poster and the mug are still to come
    assert seen["fulfilments"] == [
        {
            "kind": "SHIPPED",
            "carrier": "bpost",
            "trackingNumber": "323299999999",
            "trackingUrl": "https://track.bpost.cloud/btr/web/#/search?itemCode=323299999999",
            "lines": [{"sku": "POSTER", "quantity": 1}],
        }
    ]
    shipped = mailoutbox[-1]
    assert "on its way" in shipped.subject and "323299999999" in shipped.body
    assert "https://track.bpost.cloud" in shipped.alternatives[0][0]
    poster_stock = Stock.objects.get(variant__sku="POSTER")
    assert (poster_stock.quantity, poster_stock.allocated) == (4, 1)

    with django_capture_on_commit_callbacks(execute=True):
        order_service.fulfil(order.pk, ready_for_pickup=True)  # the rest waits at the desk
    order.refresh_from_db()
    assert order.status == Order.Status.FULFILLED
    assert "ready for pick-up" in mailoutbox[-1].subject
    seen = graphql(FULFILMENTS, {"link": order_links.token_for(order)})["data"]["orderByLink"]
    assert [f["kind"] for f in seen["fulfilments"]] == ["SHIPPED", "READY_FOR_PICKUP"]
    assert sorted((line["sku"], line["quantity"]) for line in seen["fulfilments"][1]["lines"]) == [
        ("MUG", 1),
        ("POSTER", 1),
    ]


def test_more_than_is_left_cannot_be_fulfilled(order):
    from shop.graphql.errors import PayloadError

    poster = OrderLine.objects.get(order=order, sku="POSTER")
    with pytest.raises(PayloadError):
        order_service.fulfil(order.pk, lines={poster.pk: 3})
    assert not order.fulfilments.exists()


def test_staff_fulfil_with_tracking_in_the_admin(client, django_user_model, order):
    client.force_login(django_user_model.objects.create_superuser("shop", "s@example.org", "pw"))
    response = client.post(
        f"/admin/shop/orders/{order.pk}/fulfil/",
        {"confirm": "on", "carrier": "PostNL", "tracking_number": "3SABCD1234567"},
    )
    assert response.status_code == 302
    order.refresh_from_db()
    [fulfilment] = order.fulfilments.all()
    assert (order.status, fulfilment.carrier, fulfilment.tracking_number) == (
        Order.Status.FULFILLED,
        "PostNL",
        "3SABCD1234567",
    )
