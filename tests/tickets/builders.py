"""Builders for admission in tests: an offer with its categories, slots and quotas."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from shop.tickets import models

_counter = itertools.count(1)

PRICES = {
    models.VisitorCategory.Kind.ADULT: ("Volwassene", "Adult", "Adulte", "15.00"),
    models.VisitorCategory.Kind.REDUCED: ("Reductie", "Reduced", "Réduit", "10.00"),
    models.VisitorCategory.Kind.YOUTH: ("Jongere", "Youth", "Jeune", "3.00"),
    models.VisitorCategory.Kind.CHILD: ("Kind", "Child", "Enfant", "0.00"),
    models.VisitorCategory.Kind.MUSEUM_PASS: ("Museumpas", "Museum pass", "Museumpas", "0.00"),
}


def offer(kind: str = models.AdmissionOffer.Kind.PERMANENT, **fields) -> models.AdmissionOffer:
    n = next(_counter)
    made = models.AdmissionOffer.objects.create(
        slug=fields.pop("slug", f"offer-{n}"),
        kind=kind,
        name_nl=fields.pop("name_nl", f"Vaste collectie {n}"),
        name_en=fields.pop("name_en", f"Permanent collection {n}"),
        name_fr=fields.pop("name_fr", f"Collection permanente {n}"),
        **fields,
    )
    for position, (kind_, (nl, en, fr, price)) in enumerate(PRICES.items()):
        models.VisitorCategory.objects.create(
            museum_id=made.museum_id,
            offer=made,
            kind=kind_,
            name_nl=nl,
            name_en=en,
            name_fr=fr,
            price=Decimal(price),
            asks_pass_number=kind_ == models.VisitorCategory.Kind.MUSEUM_PASS,
            position=position,
        )
    return made


def category(offer: models.AdmissionOffer, kind: str = "adult") -> models.VisitorCategory:
    return offer.categories.get(kind=kind)


def slot(
    offer: models.AdmissionOffer,
    starts_at: datetime.datetime | None = None,
    capacity: int = 20,
    **fields,
) -> models.TimeSlot:
    starts_at = starts_at or tomorrow_at(10)
    return models.TimeSlot.objects.create(
        museum_id=offer.museum_id,
        offer=offer,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=30),
        capacity=capacity,
        **fields,
    )


def slot_open_now(offer: models.AdmissionOffer, **fields) -> models.TimeSlot:
    """A slot of today that the door admits now. It starts now: "in five minutes" is
    tomorrow in a day's last five minutes, where the door calls it the wrong day."""
    return slot(offer, timezone.now(), **fields)


def today_at(hour: int, minute: int = 0) -> datetime.datetime:
    """A time of the museum's today, whatever the hour the test runs at."""
    return tomorrow_at(hour, minute, days=0)


def tomorrow_at(hour: int, minute: int = 0, days: int = 1) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def quota(capacity: int, *slots: models.TimeSlot, name: str = "Expo per dag") -> models.Quota:
    made = models.Quota.objects.create(name=name, capacity=capacity)
    made.slots.set(slots)
    return made


def ticket(slot: models.TimeSlot, kind: str = "adult", **fields) -> models.Ticket:
    """A sold ticket with its paid order, made directly (no payment)."""
    import uuid

    from shop.models import Order, OrderLine

    category = slot.offer.categories.get(kind=kind)
    order = Order.objects.create(
        checkout_token=uuid.uuid4(),
        museum_id=slot.museum_id,
        email="bezoeker@example.be",
        status=Order.Status.PAID,
        subtotal=category.price,
        shipping=Decimal(0),
        total_gross=category.price,
        total_net=category.price,
    )
    line = OrderLine.objects.create(
        order=order,
        sku="TICKET",
        product_name=slot.offer.name_nl,
        is_digital=True,
        quantity=1,
        unit_gross=category.price,
        total_gross=category.price,
        vat_rate=slot.offer.vat_rate,
    )
    models.TimeSlot.objects.filter(pk=slot.pk).update(sold=F("sold") + 1)
    return models.Ticket.objects.create(
        museum_id=slot.museum_id,
        order=order,
        order_line=line,
        slot=slot,
        category=category,
        price=category.price,
        **fields,
    )
