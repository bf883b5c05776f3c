"""The demo's admission calendar (shop/tickets/demo_calendar.py): in every demo museum a
closing day and a slot with two places left, and in the first museum an exhibition
sold alone and as a combined ticket within one daily quota; all dated from today, as a
visitor asks them over GraphQL, and loaded twice without doubling anything."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from museum_site.museums.models import Museum
from shop import models as shop_models
from shop.graphql.errors import PayloadError
from shop.services.errors import CheckoutErrorCode
from shop.tickets import capacity
from shop.tickets.demo import load_demo_tickets
from shop.tickets.demo_calendar import CLOSING_NOTE, holidays
from shop.tickets.models import AdmissionOffer, Quota, ScheduleException, Ticket, TimeSlot
from shop.tickets.schedule import generate_slots
from tests.museums import builders as museum_builders

pytestmark = pytest.mark.django_db

OFFERS = """query($locale: String) { admissionOffers(locale: $locale) { id name kind } }"""
AVAILABILITY = """query($offer: ID!, $from: Date!, $to: Date!) {
  ticketAvailability(offer: $offer, from: $from, to: $to) {
    date remaining slots { startsAt remaining state }
  }
}"""
HOSTS = {"fine-arts": "localhost", "design": "design.localhost", "industry": "industry.localhost"}


def _days(graphql, host: str, offer_id: str, days: int = 14) -> list[dict]:
    today = timezone.localdate()
    answer = graphql(
        AVAILABILITY,
        {"offer": offer_id, "from": today.isoformat(), "to": (today + timedelta(days)).isoformat()},
        HTTP_HOST=host,
    )
    assert "errors" not in answer, answer
    return answer["data"]["ticketAvailability"]


def _counts() -> dict[str, int]:
    return {
        "offers": AdmissionOffer.objects.count(),
        "slots": TimeSlot.objects.count(),
        "closing days": ScheduleException.objects.count(),
        "quotas": Quota.objects.count(),
        "tickets": Ticket.objects.count(),
        "orders": shop_models.Order.objects.count(),
        "sold": sum(TimeSlot.objects.values_list("sold", flat=True)),
    }


def test_every_demo_museum_has_a_closing_day_and_a_slot_with_two_places_left(graphql):
    for slug in ("design", "industry"):
        museum_builders.museum(slug)
    load_demo_tickets()
    loaded = _counts()
    load_demo_tickets()
    assert _counts() == loaded, "a second load must add nothing"

    today = timezone.localdate()
    for key, host in HOSTS.items():
        offers = graphql(OFFERS, {"locale": "en"}, HTTP_HOST=host)["data"]["admissionOffers"]
        main = offers[0]
        days = _days(graphql, host, main["id"])
        # The closing day: a day of the week the museum opens, without a slot.
        closing = ScheduleException.objects.get(
            museum__slug=Museum.objects.default().slug if key == "fine-arts" else key,
            note=CLOSING_NOTE,
        )
        assert today + timedelta(days=7) <= closing.date <= today + timedelta(days=13), key
        by_date = {day["date"]: day for day in days}
        assert by_date[closing.date.isoformat()]["slots"] == [], key
        assert by_date[closing.date.isoformat()]["remaining"] == 0, key
        week_before = by_date[(closing.date - timedelta(days=7)).isoformat()]
        assert week_before["slots"], f"{key}: the same weekday a week before is open"
        # The nearly full slot: two days ahead, open, two places left; its places are
        # the school group's tickets, on a paid, invoiced order.
        left = [
            (day["date"], slot)
            for day in days
            for slot in day["slots"]
            if slot["state"] == "OPEN" and slot["remaining"] == 2
        ]
        assert len(left) == 1, (key, left)
        assert left[0][0] >= (today + timedelta(days=2)).isoformat()
        slot = TimeSlot.objects.get(offer_id=main["id"], sold__gt=0)
        tickets = Ticket.objects.filter(slot=slot, status=Ticket.Status.VALID)
        assert tickets.count() == slot.sold == slot.capacity - 2
        order = tickets.first().order
        assert order.status == shop_models.Order.Status.PAID and order.invoice_number
        assert order.invoices.get().amount == order.total_gross == sum(t.price for t in tickets)


def test_the_combined_ticket_and_the_exhibition_share_the_exhibitions_daily_quota(graphql):
    load_demo_tickets()
    offers = graphql(OFFERS, {"locale": "en"}, HTTP_HOST="localhost")["data"]["admissionOffers"]
    kinds = {offer["kind"]: offer for offer in offers}
    assert set(kinds) == {"PERMANENT", "EXHIBITION", "COMBINATION"}
    assert "Van Eyck" in kinds["COMBINATION"]["name"]
    exhibition = AdmissionOffer.objects.get(pk=kinds["EXHIBITION"]["id"])
    combined = AdmissionOffer.objects.get(pk=kinds["COMBINATION"]["id"])

    # Every day of the exhibition's slots has one quota over both offers' slots that day.
    day = (
        TimeSlot.objects.filter(offer=combined, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    quota = Quota.objects.get(slots=day)
    members = list(quota.slots.all())
    assert {slot.offer_id for slot in members} == {exhibition.pk, combined.pk}
    assert {timezone.localtime(slot.starts_at).date() for slot in members} == {
        timezone.localtime(day.starts_at).date()
    }
    # The quota binds: the day's slots together have more places than the hall.
    assert sum(slot.capacity for slot in members) > quota.capacity
    # Sell the day's other slots (both offers) until the quota has 3 places left: the
    # combined ticket's first slot, empty itself, offers only those 3.
    to_sell = quota.capacity - 3
    for slot in members:
        n = min(slot.capacity, to_sell) if slot.pk != day.pk else 0
        if n:
            capacity.take({slot.pk: n})
            to_sell -= n
    assert to_sell == 0
    date = timezone.localtime(day.starts_at).date()
    answer = _days(graphql, "localhost", str(combined.pk), days=60)
    that_day = next(found for found in answer if found["date"] == date.isoformat())
    first = next(
        slot
        for slot in that_day["slots"]
        if datetime.fromisoformat(slot["startsAt"]) == day.starts_at
    )
    assert first["remaining"] == 3 and first["state"] == "OPEN"
    with pytest.raises(PayloadError) as refused:
        capacity.take({day.pk: 4})
    assert refused.value.code == CheckoutErrorCode.SLOT_FULL
    capacity.take({day.pk: 3})
    assert Quota.objects.get(pk=quota.pk).sold == quota.capacity


def test_the_first_museum_closes_on_the_holidays_and_sells_the_hours_its_details_give():
    """Its details say Tuesday to Sunday 10–18, Thursday until 22, closed on 25 December
    and 1 January: the calendar sells slots up to the last half hour and none on those days
    (a year of our choosing, whatever today is)."""
    load_demo_tickets()
    museum = Museum.objects.default()
    offer = AdmissionOffer.objects.get(museum=museum, slug="vaste-collectie")
    first, last = date(2030, 12, 23), date(2031, 1, 2)  # Monday to Thursday
    holidays(museum, first, last)
    generate_slots(offer, first, last)
    starts: dict[date, list[time]] = {}
    for slot in TimeSlot.objects.filter(offer=offer, starts_at__date__range=(first, last)):
        local = timezone.localtime(slot.starts_at)
        starts.setdefault(local.date(), []).append(local.time())
    assert date(2030, 12, 25) not in starts and date(2031, 1, 1) not in starts
    assert date(2030, 12, 23) not in starts  # a Monday
    tuesday, thursday = sorted(starts[date(2030, 12, 24)]), sorted(starts[date(2030, 12, 26)])
    assert (tuesday[0], tuesday[-1]) == (time(10), time(17, 30))
    assert thursday[-1] == time(21, 30)
