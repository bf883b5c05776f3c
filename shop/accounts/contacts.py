"""The group's contact register: one person (one e-mail address) across every museum.

A person is not a row of their own: they are the e-mail address their orders, tickets,
group bookings and newsletter subscriptions are held under, whichever museum they were
made at. So the register is a view over those rows, read per museum: a museum's staff
see the people who have something at their museum, and only that; the group role
(`museums.see_all_museums`) sees every museum's part of the history. A data export or
an erasure asked at any museum covers them all (shop.accounts.data_requests).

Each museum has its own newsletter, so a subscription is shown in its museum's part,
like the orders and bookings (consent is per museum too).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import Lower

from museum_site.museums.models import Museum
from shop.accounts.models import NewsletterSubscription
from shop.models import Order
from shop.tickets.models import Ticket
from shop.visits.models import Booking

MAX_CONTACTS = 500  # a page of the admin list; narrow it with the search box


@dataclass
class Contact:
    """One address of the register with what the museums shown hold under it."""

    email: str
    orders: int = 0
    bookings: int = 0
    museums: set[str] = field(default_factory=set)

    @property
    def museum_names(self) -> list[str]:
        return sorted(self.museums)


def contacts(museums: QuerySet[Museum], search: str = "") -> list[Contact]:
    """The people who ordered, booked a group visit or subscribed to the newsletter at
    one of `museums`, by address, with how many orders and bookings they have there
    (four queries)."""
    names = dict(museums.values_list("pk", "name"))
    found: dict[str, Contact] = {}
    for model, counter in (
        (Order, "orders"),
        (Booking, "bookings"),
        (NewsletterSubscription, None),
    ):
        rows = model.objects.filter(museum__in=list(names)).exclude(email="")
        if search:
            rows = rows.filter(email__icontains=search.strip())
        for row in (
            rows.annotate(address=Lower("email"))
            .values("address", "museum_id")
            .annotate(count=Count("pk"))
            .order_by()
        ):
            contact = found.setdefault(row["address"], Contact(row["address"]))
            if counter is not None:
                setattr(contact, counter, getattr(contact, counter) + row["count"])
            contact.museums.add(names[row["museum_id"]])
    return sorted(found.values(), key=lambda contact: contact.email)[:MAX_CONTACTS]


@dataclass
class MuseumHistory:
    """What one museum holds about a person."""

    museum: Museum
    orders: list[Order]
    tickets: int
    bookings: list[Booking]
    newsletter: NewsletterSubscription | None = None


def history(email: str, museums: QuerySet[Museum]) -> list[MuseumHistory]:
    """The person's orders, tickets, group bookings and newsletter subscription at each
    of `museums` where they have any, by museum name."""
    orders = list(
        Order.objects.filter(email__iexact=email, museum__in=museums)
        .select_related("museum")
        .order_by("-created_at", "-pk")
    )
    bookings = list(
        Booking.objects.filter(email__iexact=email, museum__in=museums)
        .select_related("museum", "offer")
        .order_by("-created_at", "-pk")
    )
    tickets = dict(
        Ticket.objects.filter(order__in=[order.pk for order in orders])
        .values("museum_id")
        .annotate(count=Count("pk"))
        .values_list("museum_id", "count")
    )
    subscriptions = list(
        NewsletterSubscription.objects.filter(
            email__iexact=email, museum__in=museums
        ).select_related("museum")
    )
    by_museum: dict[int, MuseumHistory] = {}
    for row in [*orders, *bookings, *subscriptions]:
        by_museum.setdefault(row.museum_id, MuseumHistory(row.museum, [], 0, []))
    for subscription in subscriptions:
        by_museum[subscription.museum_id].newsletter = subscription
    for order in orders:
        by_museum[order.museum_id].orders.append(order)
    for booking in bookings:
        by_museum[booking.museum_id].bookings.append(booking)
    for museum_id, count in tickets.items():
        if museum_id in by_museum:
            by_museum[museum_id].tickets = count
    return sorted(by_museum.values(), key=lambda part: part.museum.name)


def export_bookings(email: str) -> list[dict[str, Any]]:
    """The person's group bookings at every museum, for a data export."""
    return [
        {
            "museum": booking.museum.name,
            "offer": str(booking.offer),
            "status": booking.status,
            "organisation": booking.organisation,
            "contactName": booking.contact_name,
            "email": booking.email,
            "phone": booking.phone,
            "pupils": booking.pupils,
            "adults": booking.adults,
            "language": booking.language,
            "preferredStart": booking.preferred_start.isoformat(),
            "specialNeeds": booking.special_needs,
            "invoiceNumber": booking.invoice_number,
            "requestedAt": booking.created_at.isoformat(),
        }
        for booking in Booking.objects.filter(email__iexact=email)
        .select_related("museum", "offer")
        .order_by("created_at", "pk")
    ]


def forget_bookings(email: str) -> int:
    """Take the person out of their group bookings at every museum. The booking stays
    (the organisation's visit, its amounts and invoice number are the museum's records);
    the contact person's name, address, phone and notes go."""
    return Booking.objects.filter(email__iexact=email).update(
        contact_name="",
        email=f"deleted-{uuid.uuid4().hex}@anonymised.invalid",
        phone="",
        special_needs="",
    )
