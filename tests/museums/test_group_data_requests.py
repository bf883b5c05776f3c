"""One person across the group: a data export or erasure asked at any museum covers
their orders at every museum, and keeps each museum's invoices."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from museum_site.museums.models import Museum
from shop.accounts.models import NewsletterSubscription
from shop.models import Order
from shop.visits.models import Booking
from tests.accounts.test_guest_data_requests import ERASE, ask, export
from tests.museums import builders
from tests.museums.test_contact_register import booking

pytestmark = pytest.mark.django_db

EMAIL = "anna@example.be"


def _paid_order(museum: Museum, number: str) -> Order:
    return Order.objects.create(
        museum=museum,
        checkout_token=uuid.uuid4(),
        invoice_number=number,
        email=EMAIL,
        subtotal=Decimal("10.00"),
        shipping=Decimal("0.00"),
        total_gross=Decimal("10.00"),
        total_net=Decimal("8.26"),
        status=Order.Status.PAID,
    )


def test_one_persons_export_and_erasure_span_every_museum(mailing_graphql, mailoutbox, settings):
    graphql = mailing_graphql
    settings.ALLOWED_HOSTS = ["localhost", "design.localhost", "industry.localhost", "testserver"]
    fine_arts = Museum.objects.default()
    design = builders.museum("design", name="Design Museum")
    _paid_order(fine_arts, "FA-2026-0001")
    _paid_order(design, "DM-2026-0001")
    industry = builders.museum("industry", name="Industry Museum")
    _paid_order(industry, "IN-2026-0001")
    booking(design)
    booking(fine_arts)
    for museum in (fine_arts, design, industry):
        NewsletterSubscription.objects.create(museum=museum, email=EMAIL, status="CONFIRMED")

    data = export(graphql, ask(graphql, mailoutbox, "EXPORT", EMAIL))
    assert {(order["museum"], order["number"]) for order in data["orders"]} == {
        (fine_arts.name, "FA-2026-0001"),
        ("Design Museum", "DM-2026-0001"),
        ("Industry Museum", "IN-2026-0001"),
    }

    assert sorted(row["museum"] for row in data["groupBookings"]) == sorted(
        [fine_arts.name, "Design Museum"]
    )
    assert {row["contactName"] for row in data["groupBookings"]} == {"Anna Peeters"}
    assert sorted(row["museum"] for row in data["newsletter"]) == sorted(
        [fine_arts.name, "Design Museum", "Industry Museum"]
    )

    answer = graphql(ERASE, {"token": ask(graphql, mailoutbox, "ERASURE", EMAIL)})
    assert answer["data"]["dataErasureConfirm"]["erasure"]["orders"] == 3
    # Every museum's invoices are kept (numbers and amounts), without the person.
    kept = Order.objects.order_by("invoice_number")
    assert [order.invoice_number for order in kept] == [
        "DM-2026-0001",
        "FA-2026-0001",
        "IN-2026-0001",
    ]
    assert not Order.objects.filter(email__iexact=EMAIL).exists()
    # Group bookings at both museums stay as the museums' records, without the person.
    assert Booking.objects.count() == 2
    assert not Booking.objects.filter(email__iexact=EMAIL).exists()
    assert set(Booking.objects.values_list("contact_name", "phone")) == {("", "")}
    # Each museum's newsletter subscription (its own consent) is gone.
    assert not NewsletterSubscription.objects.exists()
