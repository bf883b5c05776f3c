"""A visitor cancels tickets before their slot, and gets money back by the offer's policy.

Allowed until `offer.cancel_until_hours` before the slot starts; refunds
`offer.refund_percentage` of what the tickets cost, through the shop's refund path
(shop.services.orders.refund, which keeps the order's status and history right).
Places go back to the slot and its quotas in the same transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from enum import Enum

from django.db import transaction
from django.utils import timezone

from shop.graphql.errors import PayloadError
from shop.models import Order
from shop.services import orders
from shop.tickets.checkout import cancel
from shop.tickets.models import Ticket


class TicketErrorCode(Enum):
    NOT_FOUND = "not_found"
    ALREADY_CANCELED = "already_canceled"
    CANCELLATION_CLOSED = "cancellation_closed"
    INVALID = "invalid"
    PAYMENT_ERROR = "payment_error"


def cancellable_until(ticket: Ticket) -> datetime:
    """The last moment the visitor may cancel this ticket: the offer's hours before its
    slot (the one rule, for the API's answer and for `cancel_tickets`)."""
    return ticket.slot.starts_at - timedelta(hours=ticket.slot.offer.cancel_until_hours)


def cancel_tickets(order: Order, codes: list[str], user=None) -> tuple[list[Ticket], Decimal]:
    """Cancel the tickets of `order` with these codes (all its valid ones when empty);
    returns them and the amount refunded. All or nothing."""
    now = timezone.now()
    with transaction.atomic():
        # The order first, then its tickets: the order in which the refund's record
        # (orders.carry_out, then cancel) takes them, so the two never deadlock.
        order = Order.objects.select_for_update().get(pk=order.pk)
        tickets = list(
            Ticket.objects.select_for_update(of=("self",))
            .select_related("slot__offer")
            .filter(order=order)
            .order_by("pk")
        )
        if codes:
            by_code = {ticket.code: ticket for ticket in tickets}
            missing = [code for code in codes if code not in by_code]
            if missing:
                raise PayloadError(TicketErrorCode.NOT_FOUND, "No such ticket.", "codes")
            chosen = [by_code[code] for code in dict.fromkeys(codes)]
            if any(ticket.status != Ticket.Status.VALID for ticket in chosen):
                raise PayloadError(
                    TicketErrorCode.ALREADY_CANCELED, "A ticket is canceled already.", "codes"
                )
        else:
            chosen = [ticket for ticket in tickets if ticket.status == Ticket.Status.VALID]
            if not chosen:
                raise PayloadError(TicketErrorCode.NOT_FOUND, "No valid tickets.", "codes")
        for ticket in chosen:
            offer = ticket.slot.offer
            if now > cancellable_until(ticket) or (ticket.checked_in_at is not None):
                raise PayloadError(
                    TicketErrorCode.CANCELLATION_CLOSED,
                    f"Tickets can be canceled until {offer.cancel_until_hours} hours before "
                    "the slot.",
                    "codes",
                )
        if order.status not in (Order.Status.PAID, Order.Status.PARTIALLY_REFUNDED):
            raise PayloadError(TicketErrorCode.INVALID, "This order cannot be changed.", "codes")
        amount = sum(
            (
                (ticket.price * ticket.slot.offer.refund_percentage / 100).quantize(Decimal("0.01"))
                for ticket in chosen
            ),
            Decimal(0),
        )
        chosen_ids = [ticket.pk for ticket in chosen]
        if amount <= 0:
            cancel(order, Ticket.objects.filter(pk__in=chosen_ids))
            return chosen, amount
        # Decided now, under the locks; Stripe is asked once they are released, and the
        # tickets are canceled in the transaction that records what Stripe refunded. A
        # second cancellation meanwhile finds the refund under way and is refused.
        attempt = orders.request_refund(
            order.pk,
            min(amount, order.refundable),
            reason=f"Tickets canceled by the visitor: {len(chosen)}",
            user=user,
        )
    orders.carry_out(
        attempt, apply=lambda order: cancel(order, Ticket.objects.filter(pk__in=chosen_ids))
    )
    return chosen, amount
