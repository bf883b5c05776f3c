"""The demo museum's group visits: three offers, eight guides with their languages and
working hours, three rooms, a set of tablets, and a week of bookings in every state, so
staff can try each step of the workflow and see the week's planning. Loading it again
changes nothing that exists (offers, guides and rooms are found by name, bookings by
organisation)."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from museum_site.museums.models import Museum
from shop.visits.models import Booking, BookingEvent, Resource, VisitCalendar, VisitOffer
from shop.visits.services import workflow

OFFERS = [
    {
        "kind": VisitOffer.Kind.GUIDED_TOUR,
        "title_nl": "Rondleiding: de Vlaamse Primitieven",
        "title_en": "Guided tour: the Flemish Primitives",
        "title_fr": "Visite guidée : les Primitifs flamands",
        "description_nl": "Van Eyck tot Memling: kijken, vragen en zelf ontdekken in 90 minuten.",
        "description_en": "From Van Eyck to Memling: look, ask and discover in 90 minutes.",
        "description_fr": "De Van Eyck à Memling : regarder, questionner, découvrir en 90 minutes.",
        "languages": ["nl", "fr", "en", "de"],
        "audiences": ["secondary", "higher", "adults"],
        "duration_minutes": 90,
        "min_group": 8,
        "max_group": 25,
        "pupils_per_adult": 12,
        "price": Decimal("95.00"),
    },
    {
        "kind": VisitOffer.Kind.WORKSHOP,
        "title_nl": "Atelier: schilderen als een oude meester",
        "title_en": "Workshop: painting like an old master",
        "title_fr": "Atelier : peindre comme un maître ancien",
        "description_nl": "Pigmenten mengen en een paneel grondverven, met tablets voor de details.",
        "description_en": "Mix pigments and prime a panel, with tablets to zoom into the details.",
        "description_fr": "Mélanger des pigments et préparer un panneau, avec des tablettes.",
        "languages": ["nl", "fr"],
        "audiences": ["primary", "secondary"],
        "duration_minutes": 120,
        "min_group": 10,
        "max_group": 30,
        "pupils_per_adult": 8,
        "pricing": VisitOffer.Pricing.PER_PERSON,
        "price": Decimal("6.00"),
        "vat_rate": Decimal("6"),
    },
    {
        "kind": VisitOffer.Kind.GUIDED_TOUR,
        "title_nl": "Rondleiding op maat voor volwassenen",
        "title_en": "Tailored tour for adult groups",
        "title_fr": "Visite sur mesure pour groupes d'adultes",
        "description_nl": "Een gids stemt de rondleiding af op de interesses van uw groep.",
        "description_en": "A guide tailors the tour to your group's interests.",
        "description_fr": "Un guide adapte la visite aux intérêts de votre groupe.",
        "languages": ["nl", "fr", "en"],
        "audiences": ["adults", "special_needs"],
        "duration_minutes": 60,
        "min_group": 5,
        "max_group": 20,
        "price": Decimal("80.00"),
        "lead_days": 3,
    },
]
WEEKDAYS = [0, 1, 2, 3, 4]
FULL_TIME = [{"days": WEEKDAYS, "from": "09:00", "until": "17:00"}]
GUIDES = [
    # name, languages, skills, working hours
    ("Els Vermeulen", ["nl", "en"], ["primitives"], FULL_TIME),
    ("Jean Dubois", ["fr", "nl"], ["primitives", "workshop"], FULL_TIME),
    ("Sarah Peeters", ["nl", "fr", "en"], ["workshop"], FULL_TIME),
    (
        "Pieter De Smet",
        ["nl"],
        ["primitives"],
        [{"days": [0, 1, 2], "from": "09:00", "until": "13:00"}],
    ),
    ("Claire Martin", ["fr", "en"], [], [{"days": [1, 2, 3], "from": "09:00", "until": "17:00"}]),
    ("Tom Janssens", ["nl", "en", "de"], ["primitives"], FULL_TIME),
    ("Amira El Idrissi", ["nl", "fr", "en"], ["special_needs"], FULL_TIME),
    (
        "Lotte Maes",
        ["nl", "en"],
        ["workshop"],
        [{"days": [3, 4], "from": "12:00", "until": "17:00"}],
    ),
]
ROOMS = [("Educatieve ruimte", 35), ("Atelier", 30), ("Auditorium", 80)]
PAID_ONLINE = "paid_online"
GROUPS = [
    # organisation, offer index, days ahead, hour, language, pupils, adults, end state
    ("Sint-Lievenscollege", 0, 1, 10, "nl", 22, 2, Booking.Status.CONFIRMED),
    ("Lycée Jean Monnet", 0, 2, 13, "fr", 20, 2, Booking.Status.CONFIRMED),
    ("Basisschool De Regenboog", 1, 3, 10, "nl", 24, 3, Booking.Status.CONFIRMED),
    ("KU Leuven Kunstwetenschappen", 0, 4, 14, "en", 18, 1, Booking.Status.REQUESTED),
    ("Davidsfonds Gentbrugge", 2, 5, 11, "nl", 15, 0, Booking.Status.REQUESTED),
    ("Atheneum Voskenslaan", 1, -3, 10, "nl", 26, 4, Booking.Status.DONE),
    ("Vormingplus Gent", 2, -5, 14, "nl", 12, 0, Booking.Status.INVOICED),
    ("École Saint-Joseph", 1, 6, 13, "fr", 22, 3, Booking.Status.CANCELLED),
    # Confirmed and paid online through the shop (a demo order no payment provider saw).
    ("Sint-Barbaracollege", 0, 4, 13, "nl", 21, 2, PAID_ONLINE),
]


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    while day.weekday() > 4:  # the demo museum takes groups Monday to Friday
        day += timedelta(days=1 if days >= 0 else -1)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def load_demo_visits(stdout: TextIO | None = None) -> None:
    museum = Museum.objects.default()
    with transaction.atomic():
        VisitCalendar.objects.get_or_create(
            museum=museum,
            defaults={
                "open_weekdays": [0, 1, 2, 3, 4],
                "opens": time(9, 0),
                "closes": time(17, 0),
                "closed_dates": [f"{timezone.localdate().year}-12-25"],
                "bank_account": "BE71 0961 2345 6769",  # a valid example IBAN
                "cancellation_fees": [
                    {"days": 14, "percent": 0},
                    {"days": 2, "percent": 50},
                    {"days": 0, "percent": 100},
                ],
            },
        )
        offers = [
            VisitOffer.objects.get_or_create(museum=museum, title_nl=o["title_nl"], defaults=o)[0]
            for o in OFFERS
        ]
        guides = [
            Resource.objects.get_or_create(
                museum=museum,
                kind=Resource.Kind.GUIDE,
                name=name,
                defaults={"languages": languages, "skills": skills, "working_hours": hours},
            )[0]
            for name, languages, skills, hours in GUIDES
        ]
        rooms = [
            Resource.objects.get_or_create(
                museum=museum, kind=Resource.Kind.ROOM, name=name, defaults={"capacity": capacity}
            )[0]
            for name, capacity in ROOMS
        ]
        Resource.objects.get_or_create(
            museum=museum, kind=Resource.Kind.MATERIAL, name="Tablets", defaults={"stock": 12}
        )
        made = 0
        for organisation, offer, days, hour, language, pupils, adults, state in GROUPS:
            if Booking.objects.filter(museum=museum, organisation=organisation).exists():
                continue
            made += 1
            start = _at(days, hour)
            booking = Booking.objects.create(
                museum=museum,
                offer=offers[offer],
                organisation=organisation,
                organisation_kind=Booking.Organisation.SCHOOL,
                contact_name="Demo",
                email=f"groepen+{made}@example.org",
                pupils=pupils,
                adults=adults,
                language=language,
                locale=language if language in ("nl", "en", "fr") else "nl",
                preferred_start=start,
            )
            BookingEvent.objects.create(booking=booking, kind=BookingEvent.Kind.REQUESTED)
            if state == Booking.Status.REQUESTED:
                continue
            guide = next(g for g in guides if language in g.languages and _free(g, start, booking))
            room = next(
                r for r in rooms if _free(r, start, booking) and r.capacity >= pupils + adults
            )
            workflow.confirm(booking, start, guide=guide, room=room)
            if state in (Booking.Status.DONE, Booking.Status.INVOICED):
                workflow.record_visit(booking, pupils, adults)
            if state == Booking.Status.INVOICED:
                workflow.invoice(booking)
            if state == Booking.Status.CANCELLED:
                workflow.cancel(booking, reason="Demo")
            if state == PAID_ONLINE:
                _pay_online(booking)
    if stdout:
        stdout.write(
            f"Group visits: {len(offers)} offers, {len(guides)} guides, {made} new bookings."
        )


def _pay_online(booking: Booking) -> None:
    """What a completed checkout leaves: a paid order of the museum, its invoice in the
    shop's series, and the booking paid by it (as online_payment.place writes it)."""
    from shop.models import Order, OrderEvent
    from shop.pricing import PricedLine, checkout_totals
    from shop.services import invoices
    from shop.services.orders import event
    from shop.visits.services import online_payment

    booking = Booking.objects.select_related("offer", "activity").get(pk=booking.pk)
    amount = workflow.price(booking)
    line = PricedLine("visit", 1, amount, int(booking.offer.vat_rate), shipped=False)
    totals = checkout_totals([line])
    order = Order.objects.create(
        checkout_token=uuid.uuid4(),
        museum_id=booking.museum_id,
        email=booking.email,
        locale=booking.locale,
        **totals.order_amounts(),
        status=Order.Status.PAID,
        paid_at=timezone.now(),
    )
    online_payment.record_payment(booking, order, amount)
    order.invoice_number = invoices.issue_invoice(order).number
    order.save(update_fields=["invoice_number"])
    event(order, OrderEvent.Type.PLACED, "Order placed (demo).")
    event(order, OrderEvent.Type.PAID, f"Paid € {amount} (demo).")


def _free(resource: Resource, start: datetime, booking: Booking) -> bool:
    from shop.visits.services import planning

    end = start + timedelta(minutes=booking.offer.duration_minutes)
    return resource in planning.free(resource.museum_id, resource.kind, start, end)
