"""Returns: the EU's right of withdrawal for goods, from the customer's request to the
refund.

A customer (signed in, or a guest through the order's signed link) asks to send back
units of goods lines within the withdrawal period, counted from the day the units were
posted or set ready at the desk (VITRINE_SHOP_WITHDRAWAL_DAYS, 14 by default: the
legal minimum; a museum may be more generous, never less). Admission tickets, dated
services and downloads are exempt (Directive 2011/83/EU art. 16): only lines that were
fulfilled as goods can be returned. Staff then approve (or decline), mark the parcel
received (choosing whether the units go back on the shelf) and refund through Stripe,
all or part of the lines' price, with the delivery cost or without.

The refund is asked of Stripe outside every row lock (the return is claimed first by a
conditional update, so two clicks never refund twice), then the order is locked and
what Stripe answers is recorded: the amount Stripe refunded, not the amount asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import Enum

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from shop.models import (
    FulfilmentLine,
    Order,
    OrderEvent,
    OrderLine,
    Payment,
    RefundAttempt,
    ReturnLine,
    ReturnRequest,
)
from shop.services import order_emails, stock
from shop.services.errors import PayloadError

DEFAULT_WITHDRAWAL_DAYS = 14
RETURNABLE_ORDER_STATUSES = (
    Order.Status.PAID,
    Order.Status.FULFILLED,
    Order.Status.PARTIALLY_REFUNDED,
)
OPEN = (ReturnRequest.Status.REQUESTED, ReturnRequest.Status.APPROVED)


class ReturnErrorCode(Enum):
    """Why a return request was refused; the message says it for people."""

    NOT_FOUND = "not_found"
    REQUIRED = "required"
    INVALID = "invalid"
    NOT_RETURNABLE = "not_returnable"
    PERIOD_OVER = "period_over"
    QUANTITY_GREATER_THAN_RETURNABLE = "quantity_greater_than_returnable"

    @property
    def description(self) -> str:
        return {
            ReturnErrorCode.NOT_FOUND: "No order or order line with this identifier.",
            ReturnErrorCode.REQUIRED: "The field must be given.",
            ReturnErrorCode.INVALID: "The value is not valid, or the return is not in a state "
            "that allows this.",
            ReturnErrorCode.NOT_RETURNABLE: "The line is not goods that can be sent back "
            "(tickets, dated services and downloads are exempt), or it has not been "
            "delivered yet.",
            ReturnErrorCode.PERIOD_OVER: "The withdrawal period of the line is over.",
            ReturnErrorCode.QUANTITY_GREATER_THAN_RETURNABLE: "More units than were delivered "
            "and not returned yet.",
        }[self]


def withdrawal_days() -> int:
    """Never less than the legal 14 days."""
    days = int(getattr(settings, "VITRINE_SHOP_WITHDRAWAL_DAYS", DEFAULT_WITHDRAWAL_DAYS))
    return max(days, DEFAULT_WITHDRAWAL_DAYS)


@dataclass(frozen=True)
class Returnable:
    """How many units of a goods line may still be asked back, and until when."""

    line: OrderLine
    quantity: int
    until: datetime


def returnable(order: Order, now: datetime | None = None) -> dict[int, Returnable]:
    """Per order line id: the units delivered as goods, less those in returns that were
    not declined, with the end of their withdrawal period; lines past it are left out."""
    now = now or timezone.now()
    if order.status not in RETURNABLE_ORDER_STATUSES:
        return {}
    delivered: dict[int, int] = {}
    last_delivery: dict[int, datetime] = {}
    for line_id, quantity, at in FulfilmentLine.objects.filter(
        fulfilment__order=order, order_line__is_digital=False
    ).values_list("order_line_id", "quantity", "fulfilment__created_at"):
        delivered[line_id] = delivered.get(line_id, 0) + quantity
        last_delivery[line_id] = max(at, last_delivery.get(line_id, at))
    asked = dict(
        ReturnLine.objects.filter(return_request__order=order)
        .exclude(return_request__status=ReturnRequest.Status.DECLINED)
        .values("order_line_id")
        .annotate(units=Sum("quantity"))
        .values_list("order_line_id", "units")
    )
    period = timedelta(days=withdrawal_days())
    lines = {line.pk: line for line in order.lines.all()}
    answer = {}
    for line_id, units in delivered.items():
        left = units - asked.get(line_id, 0)
        until = last_delivery[line_id] + period
        if left > 0 and now <= until:
            answer[line_id] = Returnable(lines[line_id], left, until)
    return answer


def request_return(
    order: Order, lines: dict[int, int], reason: str, now: datetime | None = None
) -> ReturnRequest:
    """The customer asks to send back these units (order line id → quantity)."""
    errors = []
    reason = (reason or "").strip()
    if not reason:
        errors.append(PayloadError(ReturnErrorCode.REQUIRED, "Say why you return.", "reason"))
    if not lines:
        errors.append(PayloadError(ReturnErrorCode.REQUIRED, "Choose what to return.", "lines"))
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status not in RETURNABLE_ORDER_STATUSES:
            errors.append(
                PayloadError(
                    ReturnErrorCode.NOT_RETURNABLE, "This order cannot be returned.", "orderId"
                )
            )
        open_units = returnable(order, now)
        all_lines = set(order.lines.values_list("pk", flat=True))
        for line_id, quantity in lines.items():
            if line_id not in all_lines:
                errors.append(
                    PayloadError(ReturnErrorCode.NOT_FOUND, "No such line in this order.", "lines")
                )
            elif quantity <= 0:
                errors.append(
                    PayloadError(ReturnErrorCode.INVALID, "Return at least 1 unit.", "lines")
                )
            elif line_id not in open_units:
                errors.append(_why_not_returnable(order, line_id))
            elif quantity > open_units[line_id].quantity:
                errors.append(
                    PayloadError(
                        ReturnErrorCode.QUANTITY_GREATER_THAN_RETURNABLE,
                        f"At most {open_units[line_id].quantity} of "
                        f"{open_units[line_id].line.sku} can be returned.",
                        "lines",
                    )
                )
        if errors:
            if len(errors) == 1:
                raise errors[0]
            raise ExceptionGroup("invalid return", errors)
        request = ReturnRequest.objects.create(
            museum_id=order.museum_id, order=order, reason=reason[:2000]
        )
        ReturnLine.objects.bulk_create(
            ReturnLine(return_request=request, order_line_id=line_id, quantity=quantity)
            for line_id, quantity in lines.items()
        )
        _event(order, f"Return R{request.pk} requested: {reason[:200]}", request=request.pk)
    return request


def _why_not_returnable(order: Order, line_id: int) -> PayloadError:
    line = order.lines.get(pk=line_id)
    delivered = FulfilmentLine.objects.filter(order_line=line).exists()
    if line.is_digital or not delivered:
        return PayloadError(
            ReturnErrorCode.NOT_RETURNABLE,
            f"{line.sku} cannot be returned (tickets, dated services and downloads are "
            "exempt; goods can be returned once delivered).",
            "lines",
        )
    asked = (
        ReturnLine.objects.filter(order_line=line)
        .exclude(return_request__status=ReturnRequest.Status.DECLINED)
        .aggregate(units=Sum("quantity"))["units"]
    )
    if (asked or 0) >= line.quantity:
        return PayloadError(
            ReturnErrorCode.QUANTITY_GREATER_THAN_RETURNABLE,
            f"Every delivered unit of {line.sku} is already being returned.",
            "lines",
        )
    return PayloadError(
        ReturnErrorCode.PERIOD_OVER,
        f"The {withdrawal_days()}-day withdrawal period of {line.sku} is over.",
        "lines",
    )


def _event(order: Order, message: str, user=None, **data) -> None:
    OrderEvent.objects.create(
        order=order, type=OrderEvent.Type.RETURN, message=message, user=user, data=data
    )


def _status_refusal(request: ReturnRequest, wanted: str) -> PayloadError:
    return PayloadError(
        ReturnErrorCode.INVALID,
        f"A {request.get_status_display().lower()} return cannot become {wanted}.",
        "status",
    )


def _locked(return_id: int) -> ReturnRequest:
    return ReturnRequest.objects.select_for_update().get(pk=return_id)


def approve(return_id: int, user=None) -> ReturnRequest:
    with transaction.atomic():
        request = _locked(return_id)
        if request.status != ReturnRequest.Status.REQUESTED:
            raise _status_refusal(request, "approved")
        request.status = ReturnRequest.Status.APPROVED
        request.handled_by = user
        request.save(update_fields=["status", "handled_by", "updated_at"])
        _event(request.order, f"Return R{request.pk} approved.", user=user)
    return request


def decline(return_id: int, user=None) -> ReturnRequest:
    with transaction.atomic():
        request = _locked(return_id)
        if request.status != ReturnRequest.Status.REQUESTED:
            raise _status_refusal(request, "declined")
        request.status = ReturnRequest.Status.DECLINED
        request.handled_by = user
        request.save(update_fields=["status", "handled_by", "updated_at"])
        _event(request.order, f"Return R{request.pk} declined.", user=user)
    return request


@dataclass(frozen=True)
class _Back:
    variant_id: int
    quantity: int


def receive(return_id: int, restock: bool, user=None) -> ReturnRequest:
    """The parcel is back at the museum; with `restock`, its units are for sale again
    (not when they came back damaged). The customer is mailed."""
    with transaction.atomic():
        request = _locked(return_id)
        if request.status != ReturnRequest.Status.APPROVED:
            raise _status_refusal(request, "received")
        lines = list(request.lines.select_related("order_line"))
        if restock:
            stock.restock(
                _Back(line.order_line.variant_id, line.quantity)
                for line in lines
                if line.order_line.variant_id is not None
            )
        request.status = ReturnRequest.Status.RECEIVED
        request.restocked = restock
        request.handled_by = user
        request.save(update_fields=["status", "restocked", "handled_by", "updated_at"])
        _event(
            request.order,
            f"Return R{request.pk} received"
            + (", back in stock." if restock else ", not back in stock."),
            user=user,
        )
        order_emails.send_after_commit(request.order, order_emails.RETURN_RECEIVED)
    return request


def suggested_refund(request: ReturnRequest, include_shipping: bool) -> Decimal:
    """The price paid for the returned units (after the order's discount, in proportion),
    plus the delivery cost when asked, never more than the order still holds."""
    order = request.order
    goods = sum(
        (line.order_line.unit_gross * line.quantity for line in request.lines.all()),
        Decimal("0.00"),
    )
    if order.discount and order.subtotal:
        goods -= (goods * order.discount / order.subtotal).quantize(Decimal("0.01"))
    amount = goods + (order.shipping if include_shipping else Decimal("0.00"))
    return min(amount.quantize(Decimal("0.01")), order.refundable)


def refund(
    return_id: int,
    amount: Decimal | None = None,
    include_shipping: bool = False,
    user=None,
) -> ReturnRequest:
    """Refund an approved or received return through Stripe: `amount` (a partial refund)
    or, when None, the returned units' price, with the delivery cost if
    `include_shipping`. The order records what Stripe refunded."""
    request = ReturnRequest.objects.select_related("order").get(pk=return_id)
    previous = request.status
    if previous not in (ReturnRequest.Status.APPROVED, ReturnRequest.Status.RECEIVED):
        raise _status_refusal(request, "refunded")
    order = request.order
    if amount is None:
        amount = suggested_refund(request, include_shipping)
    amount = Decimal(amount).quantize(Decimal("0.01"))
    if amount <= 0 or amount > order.refundable:
        raise PayloadError(
            ReturnErrorCode.INVALID, f"Refund between € 0.01 and € {order.refundable}.", "amount"
        )
    payment = order.payments.filter(status=Payment.Status.SUCCEEDED).first()
    if payment is None:
        raise PayloadError(
            ReturnErrorCode.INVALID, "This order was not paid through Stripe.", "amount"
        )
    # Claimed before Stripe is asked: a second click finds it taken and asks nothing.
    claimed = ReturnRequest.objects.filter(pk=request.pk, status=previous, refund=None).update(
        status=ReturnRequest.Status.REFUNDED, updated_at=timezone.now()
    )
    if not claimed:
        request.refresh_from_db()
        raise _status_refusal(request, "refunded")
    from shop.services import orders

    def link(locked_order: Order) -> None:
        """In the transaction that records Stripe's refund, under the order's lock."""
        locked = _locked(request.pk)
        attempt = RefundAttempt.objects.select_related("refund").get(pk=attempt_id)
        locked.refund = attempt.refund
        locked.handled_by = user
        locked.save(update_fields=["refund", "handled_by", "updated_at"])
        _event(
            locked_order,
            f"Return R{locked.pk}: € {attempt.refund.amount} refunded "
            f"({attempt.refund.refund_id}).",
            user=user,
        )

    try:
        # The order's one refund path: decided under its lock, Stripe asked with none
        # held, what Stripe refunded recorded under it (orders.refund).
        attempt = orders.request_refund(
            order.pk, amount, f"Return R{request.pk}", user=user, key=f"return-{request.pk}"
        )
        attempt_id = attempt.pk
        orders.carry_out(attempt, apply=link)
    except PayloadError as error:
        ReturnRequest.objects.filter(pk=request.pk).update(status=previous)
        raise PayloadError(ReturnErrorCode.INVALID, error.message, "amount") from error
    except BaseException:
        ReturnRequest.objects.filter(pk=request.pk).update(status=previous)
        raise
    return ReturnRequest.objects.get(pk=request.pk)


def order_for_customer(order_id, customer, museum_id: int) -> Order | None:
    """The signed-in customer's own order of this museum, or None."""
    from shop.services.orders import orders_of

    if customer is None:
        return None
    try:
        pk = int(order_id)
    except (TypeError, ValueError):
        return None
    return orders_of(customer).filter(pk=pk, museum_id=museum_id).first()
