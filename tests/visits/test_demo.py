"""The demo's group visits: every state of the workflow, planned without conflicts."""

from __future__ import annotations

import pytest

from shop.visits.demo import load_demo_visits
from shop.visits.models import Assignment, Booking, Resource, VisitOffer

pytestmark = pytest.mark.django_db


def test_the_demo_has_offers_guides_rooms_and_a_week_of_bookings_in_every_state():
    load_demo_visits()
    load_demo_visits()  # again: nothing doubles
    assert VisitOffer.objects.count() == 3
    assert Resource.objects.filter(kind=Resource.Kind.GUIDE).count() == 8
    assert Resource.objects.filter(kind=Resource.Kind.ROOM).count() == 3
    assert Resource.objects.filter(kind=Resource.Kind.MATERIAL).count() == 1
    assert set(Booking.objects.values_list("status", flat=True)) == set(Booking.Status.values)
    # And one paid online through the shop: its order, in the shop's invoice series.
    [paid] = Booking.objects.filter(paid_at__isnull=False).select_related("order")
    assert paid.status == Booking.Status.CONFIRMED and paid.order.status == "paid"
    assert paid.order.invoice_number and paid.paid_amount == paid.order.total_gross
    assert list(paid.order.lines.values_list("sku", flat=True)) == [f"VISIT-{paid.pk}"]
    assert paid.events.filter(kind="paid").count() == 1
    for assignment in Assignment.objects.filter(exclusive=True):
        overlapping = Assignment.objects.filter(
            resource=assignment.resource,
            starts_at__lt=assignment.ends_at,
            ends_at__gt=assignment.starts_at,
        ).exclude(pk=assignment.pk)
        assert not overlapping.exists()
