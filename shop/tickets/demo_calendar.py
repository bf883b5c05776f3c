"""The demo's admission calendar beyond the weekly pattern: what staff and visitors
should meet when they try tickets, dated from the day the demo is loaded so it never
goes stale.

- The first museum's holidays (25 December, 1 January), closed as its details say.
- A closing day in each museum (a `ScheduleException` for all its offers, about a week
  ahead): the calendar shows it closed, no slot is sold.
- A nearly full slot in each museum (two days ahead, the first slot from 14:00): a
  school group's paid order holds all but two places, so the slot says "2 places left"
  and the admin calendar counts the group's tickets.
- In the first museum, the temporary exhibition sold alone and as a combined ticket
  with the permanent collection, both within the exhibition's daily quota (as in
  pretix): a ticket needs room in its slot and in that day's quota.

Loading again the same day adds nothing; on a later day the closing day and the nearly
full slot already ahead are kept, and missing quotas of new days are added.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from museum_site.museums.models import Museum
from shop import models as shop_models
from shop.pricing import PricedLine, checkout_totals
from shop.services import invoices
from shop.services.orders import event
from shop.tickets import capacity
from shop.tickets.demo import Kind, OfferRecord
from shop.tickets.models import (
    AdmissionOffer,
    Quota,
    ScheduleException,
    Ticket,
    TimeSlot,
    VisitorCategory,
)

CLOSING_NOTE = "Demo: gesloten voor onderhoud / closed for maintenance"
CLOSING_AFTER_DAYS = 7
NEARLY_FULL_AFTER_DAYS = 2
NEARLY_FULL_FROM = time(14, 0)
PLACES_LEFT = 2
GROUP_EMAIL = "schoolgroep.{slug}@demo.vitrine.example"


@dataclass(frozen=True)
class ExhibitionRecord:
    """A temporary exhibition sold alone and with the collection, within one daily quota."""

    museum_slug: str | None
    exhibition: OfferRecord
    combination: OfferRecord
    quota_name: str  # staff read it in the admin, in Dutch like the slot calendar
    places_per_day: int


_EXHIBITION_PRICES = {
    Kind.ADULT: "12.00",
    Kind.REDUCED: "9.00",
    Kind.YOUTH: "2.00",
    Kind.CHILD: "0.00",
    Kind.MUSEUM_PASS: "0.00",
}
_COMBINED_PRICES = {
    Kind.ADULT: "20.00",
    Kind.REDUCED: "15.00",
    Kind.YOUTH: "4.00",
    Kind.CHILD: "0.00",
    Kind.MUSEUM_PASS: "0.00",
}

EXHIBITIONS = (
    ExhibitionRecord(
        None,
        OfferRecord(
            None,
            "van-eyck-tot-rubens",
            (
                "Tentoonstelling Van Eyck tot Rubens",
                "Exhibition From Van Eyck to Rubens",
                "Exposition De Van Eyck à Rubens",
            ),
            (
                "Drie eeuwen schilderkunst in de Nederlanden, in de tentoonstellingszaal.",
                "Three centuries of painting in the Low Countries, in the exhibition hall.",
                "Trois siècles de peinture dans les anciens Pays-Bas, dans la salle d'exposition.",
            ),
            _EXHIBITION_PRICES,
            (1, 2, 3, 4, 5, 6),
            time(10, 0),
            time(17, 0),
            60,
            20,
            kind=AdmissionOffer.Kind.EXHIBITION,
        ),
        OfferRecord(
            None,
            "collectie-en-van-eyck-tot-rubens",
            (
                "Combiticket collectie + Van Eyck tot Rubens",
                "Combined ticket: collection + From Van Eyck to Rubens",
                "Billet combiné : collection + De Van Eyck à Rubens",
            ),
            (
                "De vaste collectie en de tentoonstelling op één dag, aan een lagere prijs.",
                "The permanent collection and the exhibition on one day, for less.",
                "La collection permanente et l'exposition le même jour, à prix réduit.",
            ),
            _COMBINED_PRICES,
            (1, 2, 3, 4, 5, 6),
            time(10, 0),
            time(17, 0),
            60,
            15,
            kind=AdmissionOffer.Kind.COMBINATION,
        ),
        "Tentoonstellingszaal Van Eyck tot Rubens",
        # Seven hourly slots of 20 + 15 places would be 245: the hall takes 150 a day.
        150,
    ),
)


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(day, time.min), zone)
    return start, start + timedelta(days=1)


def closing_day(museum: Museum, offers: list[AdmissionOffer], today: date) -> ScheduleException:
    """The museum's demo closing day ahead (one is kept while it lies ahead); a new one
    about a week from `today`, on a day the museum's offers are all open and not closed
    already."""
    ahead = ScheduleException.objects.filter(
        museum=museum, offer=None, closed=True, note=CLOSING_NOTE, date__gt=today
    ).first()
    if ahead is not None:
        return ahead
    open_days = set.intersection(
        *(set(offer.openings.values_list("weekday", flat=True)) for offer in offers)
    )
    closed_days = set(
        ScheduleException.objects.filter(museum=museum, offer=None, closed=True).values_list(
            "date", flat=True
        )
    )
    day = today + timedelta(days=CLOSING_AFTER_DAYS)
    while open_days and (day.weekday() not in open_days or day in closed_days):
        day += timedelta(days=1)
    return _close(museum, day, CLOSING_NOTE)


def _close(museum: Museum, day: date, note: str) -> ScheduleException:
    """Close the whole museum on `day` (once), taking out the slots nobody bought."""
    closed = ScheduleException.objects.filter(museum=museum, offer=None, date=day).first()
    if closed is None:
        closed = ScheduleException.objects.create(
            museum=museum, offer=None, date=day, closed=True, note=note
        )
    start, end = _day_bounds(day)
    TimeSlot.objects.filter(
        museum=museum,
        starts_at__gte=start,
        starts_at__lt=end,
        sold=0,
        tickets__isnull=True,
        checkout_lines__isnull=True,
    ).delete()
    return closed


# The first museum's details say it is closed on these days (month, day): its ticket
# calendar must agree. Blank note: the home page shows a note as it is, in one language.
HOLIDAYS = ((12, 25), (1, 1))


def holidays(museum: Museum, first: date, last: date) -> list[ScheduleException]:
    """The first museum's closing holidays between `first` and `last`, as museum-wide
    closing days."""
    if museum != Museum.objects.default():
        return []
    days = [
        date(year, month, day)
        for year in range(first.year, last.year + 1)
        for month, day in HOLIDAYS
        if first <= date(year, month, day) <= last
    ]
    return [_close(museum, day, "") for day in days]


def exhibition_quotas(museum: Museum, first: date, last: date) -> list[Quota]:
    """A quota per day over the slots of the exhibition and of the combined ticket."""
    made = []
    for record in EXHIBITIONS:
        if (record.museum_slug or Museum.objects.default().slug) != museum.slug:
            continue
        offers = AdmissionOffer.objects.filter(
            museum=museum, slug__in=(record.exhibition.slug, record.combination.slug)
        )
        start, _end = _day_bounds(first)
        _start, end = _day_bounds(last)
        by_day: dict[date, list[TimeSlot]] = {}
        for slot in TimeSlot.objects.filter(
            offer__in=offers, starts_at__gte=start, starts_at__lt=end
        ):
            by_day.setdefault(timezone.localtime(slot.starts_at).date(), []).append(slot)
        for day, slots in sorted(by_day.items()):
            quota, _created = Quota.objects.get_or_create(
                museum=museum,
                name=f"{record.quota_name} {day:%d/%m/%Y}",
                defaults={"capacity": record.places_per_day},
            )
            quota.slots.add(*slots)
            made.append(quota)
    return made


def nearly_full_slot(museum: Museum, offer: AdmissionOffer, today: date) -> TimeSlot | None:
    """A slot two days ahead with all but two places sold to a school group (a paid
    order with its tickets and invoice); one is kept while it lies ahead."""
    now = timezone.now()
    email = GROUP_EMAIL.format(slug=museum.slug)
    kept = (
        TimeSlot.objects.filter(offer=offer, starts_at__gt=now, tickets__order__email=email)
        .order_by("starts_at")
        .first()
    )
    if kept is not None:
        return kept
    start, _end = _day_bounds(today + timedelta(days=NEARLY_FULL_AFTER_DAYS))
    slot = (
        TimeSlot.objects.filter(
            offer=offer,
            status=TimeSlot.Status.OPEN,
            starts_at__gte=start,
            starts_at__time__gte=NEARLY_FULL_FROM,
        )
        .order_by("starts_at")
        .first()
    )
    if slot is None:
        return None
    room = capacity.rooms([slot], now)[slot.pk].remaining
    count = room - PLACES_LEFT
    category = (
        offer.categories.filter(kind=VisitorCategory.Kind.YOUTH).first()
        or offer.categories.order_by("position").first()
    )
    if count <= 0 or category is None:
        return slot
    _group_order(museum, slot, category, count, email)
    return slot


def _group_order(
    museum: Museum, slot: TimeSlot, category: VisitorCategory, count: int, email: str
) -> shop_models.Order:
    """The school group's paid order, made as a completed checkout would (places taken
    under the capacity locks, tickets, invoice, a card payment) without Stripe."""
    token = uuid.uuid5(uuid.NAMESPACE_URL, f"vitrine-demo-tickets:{museum.slug}:{slot.pk}")
    offer = slot.offer
    key = (offer.slug, category.pk)
    totals = checkout_totals(
        [
            PricedLine(
                key=key,
                quantity=count,
                unit_gross=category.price,
                vat_rate=offer.vat_rate,
                shipped=False,
            )
        ]
    )
    capacity.take({slot.pk: count})
    paid = timezone.now() - timedelta(days=1)
    order = shop_models.Order.objects.create(
        checkout_token=token,
        museum=museum,
        email=email,
        locale="nl",
        **totals.order_amounts(),
        delivery_kind=shop_models.Order.DeliveryKind.NONE,
        status=shop_models.Order.Status.PAID,
        paid_at=paid,
    )
    starts = timezone.localtime(slot.starts_at)
    line = shop_models.OrderLine.objects.create(
        order=order,
        variant=None,
        sku=f"TICKET-{offer.slug}-{category.kind}"[:64],
        product_name=f"{offer.translated('name', 'nl')}, {starts:%d/%m/%Y %H:%M}",
        variant_label=category.translated("name", "nl"),
        is_digital=True,
        quantity=count,
        unit_gross=totals.lines[key].unit.gross.amount,
        total_gross=totals.lines[key].total.gross.amount,
        vat_rate=offer.vat_rate,
    )
    Ticket.objects.bulk_create(
        [
            Ticket(
                museum=museum,
                order=order,
                order_line=line,
                slot=slot,
                category=category,
                price=category.price,
            )
            for _number in range(count)
        ]
    )
    shop_models.Payment.objects.create(
        checkout_token=token,
        museum=museum,
        attempt=1,
        intent_id=f"pi_demo_{token.hex}",
        amount=order.total_gross,
        status=shop_models.Payment.Status.SUCCEEDED,
        order=order,
    )
    event(order, shop_models.OrderEvent.Type.PLACED, "Order placed (demo school group).")
    order.invoice_number = invoices.issue_invoice(order).number
    order.save(update_fields=["invoice_number"])
    event(order, shop_models.OrderEvent.Type.PAID, f"Paid € {order.total_gross} (demo).")
    return order
