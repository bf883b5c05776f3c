"""Builders for admission in tests: an offer with its categories, slots and quotas."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal

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


def tomorrow_at(hour: int, minute: int = 0, days: int = 1) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def quota(capacity: int, *slots: models.TimeSlot, name: str = "Expo per dag") -> models.Quota:
    made = models.Quota.objects.create(name=name, capacity=capacity)
    made.slots.set(slots)
    return made
