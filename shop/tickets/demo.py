"""Admission for the demo museums: an offer each, with visitor categories and prices, a
week of openings and the time slots of the coming weeks, so `admissionOffers` and
`ticketAvailability` answer on every demo hostname.

Loaded by `manage.py load_demo` (the `vitrine_load_demo` hook) after the museums. Running
it again creates nothing new: offers are found by slug within their museum, categories by
kind, openings by weekday and hour; slots are generated only where missing (as the daily
`generate_ticket_slots` does), so a slot edited in the admin keeps its edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from decimal import Decimal
from typing import TextIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from shop.tickets.models import AdmissionOffer, VisitorCategory, WeeklyOpening
from shop.tickets.schedule import generate_slots

DAYS_AHEAD = 60

Kind = VisitorCategory.Kind
CATEGORY_NAMES = {
    Kind.ADULT: ("Volwassene", "Adult", "Adulte"),
    Kind.REDUCED: (
        "Reductietarief (65+, werkzoekend)",
        "Reduced (65+, job seekers)",
        "Tarif réduit (65+, demandeurs d'emploi)",
    ),
    Kind.YOUTH: ("Jongere (19–25)", "Young person (19–25)", "Jeune (19–25)"),
    Kind.CHILD: ("Kind (tot 18)", "Child (under 19)", "Enfant (jusqu'à 18 ans)"),
    Kind.MUSEUM_PASS: ("museumPASSmusées", "museumPASSmusées", "museumPASSmusées"),
}


@dataclass(frozen=True)
class OfferRecord:
    museum_slug: str | None  # None: the first museum (the default site's)
    slug: str
    names: tuple[str, str, str]
    descriptions: tuple[str, str, str]
    prices: dict[str, str]  # visitor category kind -> price incl. VAT
    weekdays: tuple[int, ...]  # 0 = Monday
    opens: time
    closes: time
    interval_minutes: int
    capacity: int
    late: tuple[int, time] | None = None  # (weekday, closes) of a late opening
    kind: str = AdmissionOffer.Kind.PERMANENT


OFFERS = (
    OfferRecord(
        None,
        "vaste-collectie",
        ("Vaste collectie", "Permanent collection", "Collection permanente"),
        (
            "Van de Vlaamse primitieven tot het zilver van de gilden.",
            "From the Flemish Primitives to the silver of the guilds.",
            "Des primitifs flamands à l'orfèvrerie des guildes.",
        ),
        {
            Kind.ADULT: "14.00",
            Kind.REDUCED: "10.00",
            Kind.YOUTH: "2.00",
            Kind.CHILD: "0.00",
            Kind.MUSEUM_PASS: "0.00",
        },
        (1, 2, 3, 4, 5, 6),
        time(10, 0),
        time(18, 0),
        30,
        40,
        late=(3, time(22, 0)),
    ),
    OfferRecord(
        "design",
        "collectie-en-expo",
        ("Collectie en tentoonstelling", "Collection and exhibition", "Collection et exposition"),
        (
            "Honderd jaar Belgisch design en de tentoonstelling van het seizoen.",
            "A hundred years of Belgian design and the season's exhibition.",
            "Cent ans de design belge et l'exposition de la saison.",
        ),
        {
            Kind.ADULT: "12.00",
            Kind.REDUCED: "8.00",
            Kind.YOUTH: "4.00",
            Kind.CHILD: "0.00",
            Kind.MUSEUM_PASS: "0.00",
        },
        (0, 2, 3, 4, 5, 6),
        time(10, 0),
        time(17, 0),
        60,
        25,
    ),
    OfferRecord(
        "industry",
        "machines-in-werking",
        ("Machines in werking", "Machines at work", "Machines en marche"),
        (
            "De spinzaal met draaiende machines, om 11 en om 15 uur met een demonstratie.",
            "The spinning hall with running machines, demonstrated at 11 am and 3 pm.",
            "La salle de filage et ses machines en marche, démonstration à 11 h et 15 h.",
        ),
        {Kind.ADULT: "10.00", Kind.REDUCED: "7.50", Kind.YOUTH: "3.00", Kind.CHILD: "0.00"},
        (1, 2, 3, 4, 5, 6),
        time(9, 30),
        time(17, 0),
        60,
        30,
    ),
)


def load_demo_tickets(stdout: TextIO | None = None) -> None:
    from shop.tickets import demo_calendar

    today = timezone.localdate()
    last = today + timedelta(days=DAYS_AHEAD - 1)
    loaded = []
    with transaction.atomic():
        for museum, records in _museums_and_offers():
            offers = [_offer(museum, record) for record in records]
            # The closing day first: the slots of that day are then never generated.
            demo_calendar.holidays(museum, today, last)
            demo_calendar.closing_day(museum, offers, today)
            new = sum(generate_slots(offer, today, last) for offer in offers)
            demo_calendar.exhibition_quotas(museum, today, last)
            demo_calendar.nearly_full_slot(museum, offers[0], today)
            staff_groups(museum)
            loaded.append(f"{museum.name} ({new} new slots)")
    if stdout:
        stdout.write(f"Admission: offers for {', '.join(loaded)}\n")


def _museums_and_offers() -> list[tuple[Museum, list[OfferRecord]]]:
    """The loaded demo museums, each with its offers (its main offer first); a museum
    of the list that is not loaded is left out."""
    from shop.tickets.demo_calendar import EXHIBITIONS

    by_slug: dict[str | None, list[OfferRecord]] = {}
    for record in OFFERS:
        by_slug.setdefault(record.museum_slug, []).append(record)
    for combined in EXHIBITIONS:
        by_slug.setdefault(combined.museum_slug, []).extend(
            [combined.exhibition, combined.combination]
        )
    found = []
    for slug, records in by_slug.items():
        museum = (
            Museum.objects.default() if slug is None else Museum.objects.filter(slug=slug).first()
        )
        if museum is not None:
            found.append((museum, records))
    return found


# The museum's staff groups and what each needs of admission (app label, codename). The
# admin itself needs `access_admin`; `grant_staff` makes the group the museum's staff,
# which is what scopes the calendar and the check-in page to that museum.
ADMIN = ("wagtailadmin", "access_admin")
SEE_SLOTS = [("shop_tickets", "view_timeslot"), ("shop_tickets", "view_ticket")]
CHECK_IN = [("shop_tickets", "change_ticket")]
PLAN_SLOTS = [("shop_tickets", "change_timeslot")]
STAFF_GROUPS = {
    # At the door: the day's slots and the check-in page.
    "Ticket desk": [ADMIN, *SEE_SLOTS, *CHECK_IN],
    # The museum shop's desk sells and admits too: the same, no slot changes.
    "Shop staff": [ADMIN, *SEE_SLOTS, *CHECK_IN],
    # Planners open, close and resize slots (capacity, closing with rebooking/refund).
    "Planners": [ADMIN, *SEE_SLOTS, *CHECK_IN, *PLAN_SLOTS],
}
# A member of the first museum's ticket desk, to try the admin as door staff. No
# password is published: an administrator sets one (Settings → Users) to sign in as it.
DESK_USERNAME = "ticketdesk"


def staff_groups(museum: Museum) -> dict[str, Group]:
    """The museum's ticket desk, shop staff and planners groups with their permissions
    (created once, completed on a later load); the first museum's desk gets a member."""
    made = {}
    for role, permissions in STAFF_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=f"{role} – {museum.name}")
        grant_staff(group, museum)
        wanted = Permission.objects.filter(
            content_type__app_label__in={app for app, _codename in permissions},
            codename__in={codename for _app, codename in permissions},
        )
        group.permissions.add(
            *[
                permission
                for permission in wanted.select_related("content_type")
                if (permission.content_type.app_label, permission.codename) in permissions
            ]
        )
        made[role] = group
    if museum.pk == Museum.objects.default().pk:
        user_model = get_user_model()
        desk = user_model.objects.filter(username=DESK_USERNAME).first()
        if desk is None:
            desk = user_model(username=DESK_USERNAME, is_staff=True, first_name="Balie")
            desk.set_unusable_password()
            desk.save()
        desk.groups.add(made["Ticket desk"])
    return made


def _offer(museum: Museum, record: OfferRecord) -> AdmissionOffer:
    nl, en, fr = record.names
    offer, _created = AdmissionOffer.objects.get_or_create(
        museum=museum,
        slug=record.slug,
        defaults={
            "kind": record.kind,
            "name_nl": nl,
            "name_en": en,
            "name_fr": fr,
            "description_nl": record.descriptions[0],
            "description_en": record.descriptions[1],
            "description_fr": record.descriptions[2],
        },
    )
    for position, (kind, price) in enumerate(record.prices.items()):
        names = CATEGORY_NAMES[kind]
        VisitorCategory.objects.get_or_create(
            offer=offer,
            kind=kind,
            defaults={
                "museum": museum,
                "name_nl": names[0],
                "name_en": names[1],
                "name_fr": names[2],
                "price": Decimal(price),
                "asks_pass_number": kind == Kind.MUSEUM_PASS,
                "position": position,
            },
        )
    for weekday in record.weekdays:
        closes = record.late[1] if record.late and record.late[0] == weekday else record.closes
        # The hours as the museum's details give them, also when a demo loaded before
        # had others.
        WeeklyOpening.objects.update_or_create(
            museum=museum,
            offer=offer,
            weekday=weekday,
            opens=record.opens,
            defaults={
                "closes": closes,
                "interval_minutes": record.interval_minutes,
                "capacity": record.capacity,
            },
        )
    return offer
