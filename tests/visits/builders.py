"""A museum that takes groups: an offer, guides, rooms, a material, its calendar."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from museum_site.museums.models import Museum
from shop.visits.models import Resource, VisitCalendar, VisitOffer


def calendar(museum: Museum | None = None, **fields) -> VisitCalendar:
    museum = museum or Museum.objects.default()
    values = {
        "open_weekdays": [0, 1, 2, 3, 4],
        "opens": time(9, 0),
        "closes": time(17, 0),
        "closed_dates": [],
        "reminder_days": 3,
        "cancellation_fees": [
            {"days": 14, "percent": 0},
            {"days": 2, "percent": 50},
            {"days": 0, "percent": 100},
        ],
    } | fields
    found, _ = VisitCalendar.objects.update_or_create(museum=museum, defaults=values)
    return found


def offer(museum: Museum | None = None, **fields) -> VisitOffer:
    values = {
        "museum": museum or Museum.objects.default(),
        "kind": VisitOffer.Kind.GUIDED_TOUR,
        "title_nl": "Rondleiding Vlaamse Primitieven",
        "title_en": "Guided tour: Flemish Primitives",
        "title_fr": "Visite guidée : Primitifs flamands",
        "languages": ["nl", "fr", "en"],
        "audiences": ["primary", "secondary"],
        "duration_minutes": 90,
        "min_group": 10,
        "max_group": 35,
        "pupils_per_adult": 10,
        "pricing": VisitOffer.Pricing.PER_GROUP,
        "price": Decimal("90.00"),
        "vat_rate": Decimal("21"),
        "lead_days": 7,
    } | fields
    return VisitOffer.objects.create(**values)


def guide(name: str, languages: list[str], museum: Museum | None = None, **fields) -> Resource:
    return Resource.objects.create(
        museum=museum or Museum.objects.default(),
        kind=Resource.Kind.GUIDE,
        name=name,
        languages=languages,
        **fields,
    )


def room(name: str = "Educatieve ruimte", capacity: int = 40, **fields) -> Resource:
    return Resource.objects.create(
        museum=fields.pop("museum", None) or Museum.objects.default(),
        kind=Resource.Kind.ROOM,
        name=name,
        capacity=capacity,
        **fields,
    )


def material(name: str = "Tablets", stock: int = 12, **fields) -> Resource:
    return Resource.objects.create(
        museum=fields.pop("museum", None) or Museum.objects.default(),
        kind=Resource.Kind.MATERIAL,
        name=name,
        stock=stock,
        **fields,
    )


def next_weekday(weekday: int = 1, days_ahead: int = 14, hour: int = 10) -> datetime:
    """A `weekday` (0 = Monday) at `hour`, at least `days_ahead` days from today."""
    day = timezone.localdate() + timedelta(days=days_ahead)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))
