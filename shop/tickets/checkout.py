"""Tickets in the shop's checkout: one cart, one payment, one order.

Ticket lines live in this app (CheckoutTicketLine, linked to the Checkout) and join the
shop through `shop.services.checkout_extensions`: their prices are folded into the
checkout's totals, places are held while the visitor pays, and at completion, inside the
shop's locked path, `place()` takes the places (shop/tickets/capacity.py), writes one
order line per slot and category (so the invoice lists them) and one Ticket per visitor.
A refusal there (SLOT_FULL, ...) makes the shop refund the payment, as for stock.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from shop.graphql.errors import PayloadError
from shop.models import Checkout, Order, OrderLine
from shop.pricing import PricedLine, Totals
from shop.services.errors import CheckoutErrorCode, raise_all
from shop.tickets import capacity
from shop.tickets.models import CheckoutTicketLine, Ticket, TimeSlot, VisitorCategory

MAX_TICKETS_PER_LINE = 50


def line_key(line: CheckoutTicketLine) -> tuple[str, int]:
    """The key of a ticket line in the checkout's totals (checkout lines use their pk)."""
    return ("ticket", line.pk)


def _is_ticket_key(key: object) -> bool:
    return isinstance(key, tuple) and key[:1] == ("ticket",)


def ticket_lines(checkout: Checkout) -> list[CheckoutTicketLine]:
    return list(
        CheckoutTicketLine.objects.filter(checkout_id=checkout.token).select_related(
            "slot__offer", "category"
        )
    )


class TicketLines:
    """The tickets' side of the shop's checkout (see shop/services/checkout_extensions)."""

    def lines_of(self, token: uuid.UUID | str) -> QuerySet[CheckoutTicketLine]:
        return CheckoutTicketLine.objects.filter(checkout_id=token)

    def priced_lines(self, checkout: Checkout) -> list[PricedLine]:
        return [
            PricedLine(
                key=line_key(line),
                quantity=line.quantity,
                unit_gross=line.category.price,
                vat_rate=line.slot.offer.vat_rate,
                shipped=False,
            )
            for line in ticket_lines(checkout)
        ]

    def hold(self, token: uuid.UUID | str) -> None:
        capacity.hold(token)

    def place(self, order: Order, checkout: Checkout, totals: Totals) -> None:
        if not any(_is_ticket_key(key) for key in totals.lines):
            # The totals were made from this checkout's lines under the same lock: no
            # ticket among them, nothing to read again (most orders: goods only).
            return
        lines = ticket_lines(checkout)
        if not lines:
            return
        counts: dict[int, int] = defaultdict(int)
        for line in lines:
            counts[line.slot_id] += line.quantity
        capacity.take(counts, checkout.token)
        for line in lines:
            price = totals.lines[line_key(line)]
            offer = line.slot.offer
            starts = timezone.localtime(line.slot.starts_at)
            order_line = OrderLine.objects.create(
                order=order,
                variant=None,
                sku=f"TICKET-{offer.slug}-{line.category.kind}"[:64],
                product_name=f"{offer.translated('name', order.locale)}, {starts:%d/%m/%Y %H:%M}",
                variant_label=line.category.translated("name", order.locale),
                is_digital=True,
                quantity=line.quantity,
                unit_gross=price.unit.gross.amount,
                total_gross=price.total.gross.amount,
                vat_rate=offer.vat_rate,
            )
            passes = list(line.pass_numbers or [])
            Ticket.objects.bulk_create(
                [
                    Ticket(
                        museum_id=order.museum_id,
                        order=order,
                        order_line=order_line,
                        slot=line.slot,
                        category=line.category,
                        price=line.category.price,
                        pass_number=passes[number] if number < len(passes) else "",
                    )
                    for number in range(line.quantity)
                ]
            )

    def email_additions(self, order: Order, kind: str):
        """The confirmation says when and where, what to bring, and carries the PDF."""
        if kind != "confirmation":
            return "", []
        from shop.tickets import emails

        return emails.confirmation_additions(order)

    def release(self, order: Order) -> None:
        """A fully refunded order: its tickets still valid are canceled, places freed."""
        cancel(order, Ticket.objects.filter(order=order, status=Ticket.Status.VALID))


def cancel(order: Order, tickets) -> list[Ticket]:
    """Cancel these tickets of `order` and free their places, in the caller's
    transaction (or its own)."""
    with transaction.atomic():
        chosen = list(tickets.select_for_update(of=("self",)).filter(order=order).order_by("pk"))
        chosen = [ticket for ticket in chosen if ticket.status == Ticket.Status.VALID]
        if not chosen:
            return []
        counts: dict[int, int] = defaultdict(int)
        for ticket in chosen:
            counts[ticket.slot_id] += 1
        capacity.give_back(counts)
        now = timezone.now()
        Ticket.objects.filter(pk__in=[t.pk for t in chosen]).update(
            status=Ticket.Status.CANCELED, canceled_at=now
        )
        return chosen


# --- changing the tickets in a cart ---------------------------------------------------


@dataclass(frozen=True)
class TicketRequest:
    category_id: int
    quantity: int
    pass_numbers: Sequence[str] = field(default_factory=tuple)


def add_tickets(
    checkout: Checkout, slot_id: int | str, requests: Sequence[TicketRequest]
) -> list[CheckoutTicketLine]:
    """Add visitors of these categories for one slot; every request is checked before
    any is written. Call inside the transaction that locked `checkout`.

    Like a product line, a ticket line is a promise checked against what is left now,
    not a reservation: places are held when the payment starts and taken at completion.
    """
    now = timezone.now()
    slot = (
        TimeSlot.objects.select_related("offer")
        .filter(pk=_int(slot_id, "slot"), museum_id=checkout.museum_id)
        .first()
    )
    if slot is None:
        raise PayloadError(CheckoutErrorCode.NOT_FOUND, "This slot does not exist.", "slot")
    if (problem := capacity.refusal(slot, now)) is not None:
        raise problem
    if slot.starts_at <= now:
        raise PayloadError(CheckoutErrorCode.SLOT_PAST, "This slot has started.", "slot")
    categories = VisitorCategory.objects.filter(offer_id=slot.offer_id).in_bulk()
    existing = {
        line.category_id: line
        for line in CheckoutTicketLine.objects.filter(checkout_id=checkout.token, slot=slot)
    }
    errors: list[PayloadError] = []
    wanted: dict[int, tuple[int, list[str]]] = {}
    for request in requests:
        category = categories.get(_int(request.category_id, "categories"))
        if category is None:
            errors.append(
                PayloadError(CheckoutErrorCode.NOT_FOUND, "No such visitor category.", "categories")
            )
            continue
        if request.quantity <= 0:
            errors.append(
                PayloadError(
                    CheckoutErrorCode.ZERO_QUANTITY, "The quantity must be at least 1.", "quantity"
                )
            )
            continue
        quantity, passes = wanted.get(category.pk, (0, []))
        passes = passes + [number.strip() for number in request.pass_numbers if number.strip()]
        wanted[category.pk] = (quantity + request.quantity, passes)
    for category_id, (quantity, passes) in wanted.items():
        line = existing.get(category_id)
        total = quantity + (line.quantity if line else 0)
        all_passes = (list(line.pass_numbers) if line else []) + passes
        if total > MAX_TICKETS_PER_LINE:
            errors.append(
                PayloadError(
                    CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT,
                    f"At most {MAX_TICKETS_PER_LINE} tickets per category and slot.",
                    "quantity",
                )
            )
        if categories[category_id].asks_pass_number and len(all_passes) != total:
            errors.append(
                PayloadError(
                    CheckoutErrorCode.PASS_NUMBER_REQUIRED,
                    "Give one museum pass number per ticket.",
                    "passNumbers",
                )
            )
        wanted[category_id] = (total, all_passes)
    raise_all(errors)
    in_cart = sum(line.quantity for line in existing.values() if line.category_id not in wanted)
    asked = in_cart + sum(quantity for quantity, _passes in wanted.values())
    left = capacity.rooms([slot], now)[slot.pk].remaining
    if asked > left:
        raise PayloadError(
            CheckoutErrorCode.SLOT_FULL,
            f"Only {left} places left in this slot." if left else "This slot is full.",
            "slot",
        )
    changed = []
    for category_id, (total, passes) in wanted.items():
        line = existing.get(category_id)
        if line is None:
            line = CheckoutTicketLine(
                checkout=checkout, slot=slot, category=categories[category_id]
            )
        line.quantity = total
        line.pass_numbers = passes
        line.held_until = None  # the cart changed: a hold starts again with the payment
        line.save()
        changed.append(line)
    checkout.touch()
    return changed


def remove_ticket_line(checkout: Checkout, line_id: int | str) -> None:
    deleted, _ = CheckoutTicketLine.objects.filter(
        checkout_id=checkout.token, pk=_int(line_id, "lineId")
    ).delete()
    if not deleted:
        raise PayloadError(
            CheckoutErrorCode.NOT_FOUND, "This checkout has no such ticket line.", "lineId"
        )
    checkout.touch()


def _int(value, field_name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise PayloadError(CheckoutErrorCode.INVALID, "Not an identifier.", field_name) from None
