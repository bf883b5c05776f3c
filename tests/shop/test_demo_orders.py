"""The demo's orders in every state, in every museum, and staff refunding them from the
admin after `load_demo` and a `rundemo` start, also after localstripe restarts empty.

The museums' shops are small ones made here (the whole demo takes minutes to load); the
orders come from the same `vitrine_load_demo` hook `manage.py load_demo` runs."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

from museum_site.museums.models import Museum
from shop import demo_orders, localstripe_process
from shop.models import Order, Refund, ReturnRequest
from tests.shop.conftest import _free_port

pytestmark = pytest.mark.django_db

SECRET_KEY = "sk_test_vitrine_demo"


@pytest.fixture
def demo_media(django_user_model):
    """Two museums with a shop (as the demo's), then the demo's order hook, run twice:
    the second run must add nothing."""
    from wagtail import hooks

    from tests.museums import builders as museum_builders
    from tests.shop import builders as shop_builders

    shop_builders.product(stock=50)
    museum_builders.product(museum_builders.museum("design"), stock=50)
    load = [h for h in hooks.get_hooks("vitrine_load_demo") if h.__name__ == "load_demo_orders"]
    assert len(load) == 1, "load_demo must make the demo orders"
    load[0](None)
    count = Order.objects.count()
    load[0](None)
    assert Order.objects.count() == count


def start_localstripe(settings) -> tuple:
    """What `rundemo` does before serving: localstripe from scratch (nothing saved),
    then the paid orders' payments made known to it."""
    process, url = localstripe_process.start(_free_port(), keep_data=False)
    settings.STRIPE_API_BASE = url
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    return process, demo_orders.ensure_payments_known(url, SECRET_KEY)


def staff_of(museum: Museum, django_user_model, client):
    """One of the museum's staff (its demo group) who may refund orders."""
    from django.contrib.auth.models import Permission

    from museum_site.museums.permissions import grant_staff

    group = Group.objects.get_or_create(name=f"Staff – {museum.slug}")[0]
    grant_staff(group, museum)
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_order", "change_order"])
    )
    user = django_user_model.objects.create_user(f"kassa-{museum.slug}", password="pw")
    user.groups.add(group)
    client.force_login(user)
    return client


def test_every_demo_museum_has_orders_in_every_state(demo_media):
    museums = list(Museum.objects.all())
    assert len(museums) == 2
    for museum in museums:
        orders = Order.objects.filter(
            checkout_token__in=[demo_orders.demo_token(museum, s.key) for s in demo_orders.STATES]
        )
        statuses = sorted(orders.values_list("status", flat=True))
        assert statuses == sorted(
            [
                Order.Status.PAID,
                Order.Status.FULFILLED,
                Order.Status.PARTIALLY_REFUNDED,
                Order.Status.REFUNDED,
                Order.Status.CANCELED,
                Order.Status.FULFILLED,  # the one with a return request
            ]
        ), museum.slug
        assert ReturnRequest.objects.filter(order__in=orders, museum=museum).count() == 1
        refunded = orders.get(status=Order.Status.REFUNDED)
        assert refunded.refunded == refunded.total_gross and refunded.refunds.count() == 1


def test_staff_refund_demo_orders_from_the_admin_after_a_restart(
    demo_media, settings, client, django_user_model
):
    process, renewed = start_localstripe(settings)
    try:
        # Paid, fulfilled, partly refunded and the returned one, in every museum.
        assert renewed == 4 * Museum.objects.count()
        assert demo_orders.ensure_payments_known(settings.STRIPE_API_BASE, SECRET_KEY) == 0
        for museum in Museum.objects.all():
            staff = staff_of(museum, django_user_model, client)
            order = Order.objects.get(checkout_token=demo_orders.demo_token(museum, "paid"))
            response = staff.post(
                f"/admin/shop/orders/{order.pk}/refund/",
                {"amount": str(order.total_gross), "reason": "Try-out"},
            )
            assert response.status_code == 302, response.content.decode()[:2000]
            order.refresh_from_db()
            assert order.status == Order.Status.REFUNDED, museum.slug
            assert (
                order.refunds.filter(refund_id__startswith="re_")
                .exclude(refund_id__startswith="re_demo_")
                .exists()
            )
    finally:
        localstripe_process.stop(process)

    # localstripe restarts with nothing saved: what is left to refund is known again.
    process, renewed = start_localstripe(settings)
    try:
        assert renewed == 3 * Museum.objects.count()
        museum = Museum.objects.default()
        client.force_login(django_user_model.objects.get(username=f"kassa-{museum.slug}"))
        partly = Order.objects.get(checkout_token=demo_orders.demo_token(museum, "partly-refunded"))
        left = partly.refundable
        assert left > Decimal("0")
        response = client.post(
            f"/admin/shop/orders/{partly.pk}/refund/", {"amount": str(left), "reason": ""}
        )
        assert response.status_code == 302
        partly.refresh_from_db()
        assert partly.status == Order.Status.REFUNDED and partly.refunded == partly.total_gross
        assert Refund.objects.filter(order=partly).count() == 2
    finally:
        localstripe_process.stop(process)
