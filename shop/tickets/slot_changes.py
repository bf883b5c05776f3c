"""What staff change on a slot from the admin: its capacity, and closing it.

A closed slot sells nothing more (capacity.refusal answers SLOT_CLOSED). Its tickets are
either refunded in full through the shop's refund service (shop.services.orders.refund:
status, credit note and history stay right), or moved by staff to another slot of the
same offer, which must have room in the slot and in every quota (capacity.take, under
the same row locks as a sale). Either way each buyer gets an e-mail saying what
happened, after the transaction commits.

Capacity never drops below what is sold: checked under the slot's row lock, with the
CHECK constraint `sold <= capacity` as the last guard.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from museum_site.graphql.response_cache import bump_content_version
from shop.graphql.errors import PayloadError
from shop.models import Order
from shop.services import orders
from shop.tickets import capacity
from shop.tickets.checkout import cancel
from shop.tickets.models import Quota, Ticket, TimeSlot


class SlotChangeError(Exception):
    """A change staff asked for that the slot cannot take; `message` is translated."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass
class Closing:
    """What closing a slot did: orders refunded (with the amount), tickets moved."""

    refunded: dict[int, object] = field(default_factory=dict)
    failed: list[int] = field(default_factory=list)
    moved: int = 0


def set_capacity(slot_id: int, places: int) -> TimeSlot:
    with transaction.atomic():
        slot = TimeSlot.objects.select_for_update().get(pk=slot_id)
        if places < slot.sold:
            raise SlotChangeError(
                _("%(sold)s places are sold: the capacity cannot be lower.") % {"sold": slot.sold},
                "capacity",
            )
        slot.capacity = places
        slot.save(update_fields=["capacity"])
        bump_content_version()
    return slot


def _close(slot_id: int) -> TimeSlot:
    with transaction.atomic():
        slot = TimeSlot.objects.select_for_update().get(pk=slot_id)
        slot.status = TimeSlot.Status.CLOSED
        slot.save(update_fields=["status"])
        bump_content_version()
    return slot


def close_and_refund(slot_id: int, user=None) -> Closing:
    """Close the slot, cancel its valid tickets and refund each order what they cost.

    One transaction per order, as a visitor's own cancellation: an order whose refund
    fails keeps its tickets and the others are still refunded (the slot stays closed;
    closing again retries the rest)."""

    slot = _close(slot_id)
    closing = Closing()
    order_ids = (
        Ticket.objects.filter(slot=slot, status=Ticket.Status.VALID)
        .values_list("order_id", flat=True)
        .distinct()
        .order_by("order_id")
    )
    for order_id in list(order_ids):
        try:
            _refund_order_of_slot(slot, order_id, user, closing)
        except PayloadError:  # the payment provider refused: this order keeps its tickets
            closing.failed.append(order_id)
    return closing


def _refund_order_of_slot(slot: TimeSlot, order_id: int, user, closing: Closing) -> None:
    """Cancel the order's valid tickets of the closed slot and refund what they cost.

    The refund is decided under the order's lock (orders.request_refund), Stripe is
    asked with no lock held, and the tickets are canceled in the transaction that
    records what Stripe refunded: a refusal leaves the tickets valid."""
    from shop.tickets import tasks

    in_slot = Ticket.objects.filter(slot=slot, order_id=order_id, status=Ticket.Status.VALID)
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_id)
        chosen = list(in_slot.select_for_update(of=("self",)).order_by("pk"))
        amount = sum((ticket.price for ticket in chosen), 0)
        refundable = (Order.Status.PAID, Order.Status.PARTIALLY_REFUNDED)
        attempt = None
        if amount > 0 and order.status in refundable:
            attempt = orders.request_refund(
                order.pk,
                min(amount, order.refundable),
                reason=f"Time slot closed: {len(chosen)} tickets",
                user=user,
            )
        else:
            cancel(order, Ticket.objects.filter(pk__in=[ticket.pk for ticket in chosen]))
            tasks.after_commit(order.pk, slot.pk, "refunded")
    if attempt is not None:
        ids = [ticket.pk for ticket in chosen]

        def apply(order: Order) -> None:
            cancel(order, Ticket.objects.filter(pk__in=ids))
            tasks.after_commit(order.pk, slot.pk, "refunded")

        orders.carry_out(attempt, apply=apply)
    closing.refunded[order_id] = amount


def close_and_move(slot_id: int, target_id: int) -> Closing:
    """Close the slot and move its valid tickets to `target_id` (same offer, open, in
    the future, with room in the slot and its quotas); all or nothing. The tickets keep
    their codes, so the PDFs the buyers have stay good."""
    from shop.tickets import tasks

    with transaction.atomic():
        # Both slots, then all their quotas, each in primary-key order: the order
        # capacity.take and give_back lock them in, so no two changes deadlock.
        slots = {
            slot.pk: slot
            for slot in TimeSlot.objects.select_for_update()
            .filter(pk__in=[slot_id, target_id])
            .order_by("pk")
        }
        memberships = Quota.slots.through.objects.filter(timeslot_id__in=list(slots))
        list(
            Quota.objects.select_for_update()
            .filter(pk__in=memberships.values("quota_id"))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        slot, target = slots.get(slot_id), slots.get(target_id)
        if (
            target is None
            or slot is None
            or target.pk == slot.pk
            or target.offer_id != slot.offer_id
        ):
            raise SlotChangeError(_("Choose another slot of the same offer."), "target")
        tickets = list(
            Ticket.objects.select_for_update()
            .filter(slot=slot, status=Ticket.Status.VALID)
            .order_by("pk")
        )
        try:
            capacity.take({target.pk: len(tickets)})
        except PayloadError as error:
            raise SlotChangeError(
                _("The other slot has no room for %(count)s tickets.") % {"count": len(tickets)}
                if error.code.name == "SLOT_FULL"
                else _("The other slot is closed or past."),
                "target",
            ) from None
        capacity.give_back({slot.pk: len(tickets)})
        Ticket.objects.filter(pk__in=[ticket.pk for ticket in tickets]).update(slot=target)
        slot.status = TimeSlot.Status.CLOSED
        slot.save(update_fields=["status"])
        by_order: dict[int, int] = defaultdict(int)
        for ticket in tickets:
            by_order[ticket.order_id] += 1
        for order_id in sorted(by_order):
            tasks.after_commit(order_id, target.pk, "moved")
    return Closing(moved=len(tickets))
