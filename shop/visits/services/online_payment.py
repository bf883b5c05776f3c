"""Paying a group visit online, through the shop's own checkout and Stripe.

A confirmed booking (or a visited one not yet invoiced) with an amount due can be paid
online: `start(booking)` opens a checkout of the booking's museum with one line for that
amount (VAT as the offer says), or resumes the one already open, and the frontend's
checkout page pays it as any cart (card, localstripe in the tests). The line joins the
shop through `shop.services.checkout_extensions`, like tickets: the shop folds it into
the totals, and at completion, inside the shop's locked path, `place()` writes the
order line and marks the booking paid. The order's invoice, in the museum's shop series,
is then the booking's invoice: `workflow.invoice` numbers no second one.

A paid booking that is cancelled is refunded what the cancellation policy leaves:
`refund_after_cancellation` runs after the cancellation committed, so no booking row is
locked while Stripe is called (the shop's refund service locks its order row itself).
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import stripe
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from shop.models import Checkout, Order, OrderLine
from shop.pricing import PricedLine, Totals
from shop.services import checkout as checkout_service
from shop.services import orders
from shop.services.errors import CheckoutErrorCode, PayloadError
from shop.visits.errors import VisitErrorCode
from shop.visits.models import Booking, BookingEvent, CheckoutVisitLine


def amount_due(booking: Booking) -> Decimal:
    """What the group owes now, or a payload error saying why nothing can be paid
    online: not confirmed yet, cancelled, paid already, invoiced for a bank transfer."""
    from shop.visits.services.workflow import price

    if booking.paid_at is not None:
        raise PayloadError(VisitErrorCode.ALREADY_PAID, _("This booking is paid."), "token")
    if booking.status == Booking.Status.CANCELLED:
        raise PayloadError(VisitErrorCode.CANCELLED, _("This booking is cancelled."), "token")
    if booking.status == Booking.Status.REQUESTED:
        raise PayloadError(
            VisitErrorCode.NOT_CONFIRMED,
            _("The museum has not confirmed this booking yet; pay once it is confirmed."),
            "token",
        )
    if booking.status == Booking.Status.INVOICED:
        raise PayloadError(
            VisitErrorCode.INVOICED,
            _("This booking has been invoiced: pay by bank transfer with the invoice's reference."),
            "token",
        )
    due = booking.amount if booking.status == Booking.Status.DONE else price(booking)
    if due is None or due <= 0:
        raise PayloadError(VisitErrorCode.NOTHING_DUE, _("Nothing is due for this booking."))
    return due


def payable(booking: Booking) -> bool:
    try:
        amount_due(booking)
    except PayloadError:
        return False
    return True


def start(booking: Booking) -> Checkout:
    """The checkout that pays the booking: the open one (its amount brought up to date)
    or a new one with the group's e-mail and language. Locks the booking, so two clicks
    make one checkout (and the line's one-to-one on the booking makes sure of it)."""
    with transaction.atomic():
        booking = Booking.objects.select_for_update().select_related("offer").get(pk=booking.pk)
        due = amount_due(booking)
        line = CheckoutVisitLine.objects.filter(booking=booking).select_related("checkout").first()
        if line is not None:
            # The checkout's row is not locked here: completion locks the checkout, then
            # the booking; taking them the other way round could deadlock. A payment
            # started for the old amount is refused at completion (and refunded).
            if line.amount != due:
                line.amount = due
                line.save(update_fields=["amount"])
            return line.checkout
        checkout = checkout_service.create(
            museum=booking.museum, email=booking.email, locale=booking.locale
        )
        CheckoutVisitLine.objects.create(checkout=checkout, booking=booking, amount=due)
    return checkout


def line_key(line: CheckoutVisitLine) -> tuple[str, int]:
    return ("visit", line.pk)


def _is_visit_key(key: object) -> bool:
    return isinstance(key, tuple) and key[:1] == ("visit",)


def visit_lines(checkout: Checkout) -> list[CheckoutVisitLine]:
    return list(
        CheckoutVisitLine.objects.filter(checkout_id=checkout.token).select_related(
            "booking__offer", "booking__activity"
        )
    )


def line_title(booking: Booking, language: str) -> str:
    """The booking as the order and its invoice name it: the visit, when, the group,
    and the purchase-order and VAT numbers the organisation's accounts look for."""
    title = f"{booking.offer.text('title', language)}: {booking.organisation}"
    if booking.activity is not None:
        title += f", {timezone.localtime(booking.activity.starts_at):%d/%m/%Y %H:%M}"
    return title[:250]


def _reference(booking: Booking) -> str:
    with override(booking.locale):
        parts = [
            _("PO %(number)s") % {"number": booking.purchase_order}
            if booking.purchase_order
            else "",
            _("VAT %(number)s") % {"number": booking.vat_number} if booking.vat_number else "",
        ]
    return ", ".join(part for part in parts if part)[:200]


class VisitLines:
    """The group visits' side of the shop's checkout (shop/services/checkout_extensions)."""

    def lines_of(self, token: uuid.UUID | str) -> QuerySet[CheckoutVisitLine]:
        return CheckoutVisitLine.objects.filter(checkout_id=token)

    def priced_lines(self, checkout: Checkout) -> list[PricedLine]:
        return [
            PricedLine(
                key=line_key(line),
                quantity=1,
                unit_gross=line.amount,
                vat_rate=int(line.booking.offer.vat_rate),
                shipped=False,
            )
            for line in visit_lines(checkout)
        ]

    def hold(self, token: uuid.UUID | str) -> None:
        """Nothing to set aside; but no money is asked for a booking that can no longer
        be paid (cancelled, paid in another tab) or whose amount changed since."""
        for line in CheckoutVisitLine.objects.filter(checkout_id=token).select_related(
            "booking__offer"
        ):
            _check_line(line)

    def place(self, order: Order, checkout: Checkout, totals: Totals) -> None:
        if not any(_is_visit_key(key) for key in totals.lines):
            # The totals were made from this checkout's lines under the same lock: no
            # group visit among them, nothing to read again (most orders: goods only).
            return
        lines = visit_lines(checkout)
        for line in lines:
            booking = (
                Booking.objects.select_for_update(of=("self",))
                .select_related("offer", "activity")
                .get(pk=line.booking_id)
            )
            line.booking = booking
            _check_line(line)
            price = totals.lines[line_key(line)]
            record_payment(booking, order, price.total.gross.amount)

    def release(self, order: Order) -> None:
        """A fully refunded order: a booking still going ahead owes its amount again
        (staff refunded it in the shop); a cancelled one stays as it is."""
        with transaction.atomic():
            for booking in Booking.objects.select_for_update().filter(order=order):
                if booking.status == Booking.Status.CANCELLED:
                    continue
                booking.order, booking.paid_amount, booking.paid_at = None, None, None
                booking.save(update_fields=["order", "paid_amount", "paid_at"])
                BookingEvent.objects.create(
                    booking=booking, kind=BookingEvent.Kind.REFUNDED, note=str(order)
                )

    def email_additions(self, order: Order, kind: str):
        if kind != "confirmation":
            return "", []
        bookings = list(Booking.objects.filter(order=order).select_related("offer", "activity"))
        with override(order.locale):
            texts = [
                _("Your group visit is paid: %(visit)s.") % {"visit": line_title(b, order.locale)}
                for b in bookings
            ]
        return "\n".join(texts), []


def record_payment(booking: Booking, order: Order, amount: Decimal) -> OrderLine:
    """The booking's line in its order, and the booking paid by it (an event in its
    history); under the caller's lock of the booking."""
    order_line = OrderLine.objects.create(
        order=order,
        variant=None,
        sku=f"VISIT-{booking.pk}"[:64],
        product_name=line_title(booking, order.locale),
        variant_label=_reference(booking),
        is_digital=True,
        quantity=1,
        unit_gross=amount,
        total_gross=amount,
        vat_rate=booking.offer.vat_rate,
    )
    booking.order = order
    booking.paid_amount = amount
    booking.paid_at = timezone.now()
    booking.save(update_fields=["order", "paid_amount", "paid_at"])
    BookingEvent.objects.create(booking=booking, kind=BookingEvent.Kind.PAID, note=f"€ {amount}")
    return order_line


def _check_line(line: CheckoutVisitLine) -> None:
    """The shop's codes: these errors reach the checkout's payload or the order's
    history, whose types speak CheckoutErrorCode."""
    try:
        due = amount_due(line.booking)
    except PayloadError as problem:
        code = (
            CheckoutErrorCode.ALREADY_PAID
            if problem.code == VisitErrorCode.ALREADY_PAID
            else CheckoutErrorCode.INVALID
        )
        raise PayloadError(code, problem.message, "visitLines") from None
    if due != line.amount:
        raise PayloadError(
            CheckoutErrorCode.INVALID,
            _("The amount of this group visit changed; open the payment again from the booking."),
            "visitLines",
        )


def refund_after_cancellation(booking: Booking, fee: Decimal, *, by=None) -> Decimal:
    """Give back what was paid online minus the cancellation fee, through the shop's
    refund service; called after the cancellation committed (no booking lock held while
    Stripe answers). A refusal or an unreachable Stripe is written in the history for
    staff to refund by hand, never lost. Returns what was refunded."""
    if booking.order_id is None or booking.paid_amount is None:
        return Decimal("0.00")
    order = Order.objects.get(pk=booking.order_id)
    amount = min(booking.paid_amount - fee, order.refundable)
    if amount <= 0:
        return Decimal("0.00")
    with override(booking.locale):
        reason = _("Group visit cancelled: %(booking)s") % {"booking": booking.organisation}
    try:
        orders.refund(order.pk, amount, reason=reason[:255], user=by)
    except (PayloadError, stripe.StripeError) as problem:
        BookingEvent.objects.create(
            booking=booking,
            kind=BookingEvent.Kind.REFUND_FAILED,
            by=by,
            note=f"€ {amount}: {getattr(problem, 'message', '') or problem}"[:2000],
        )
        return Decimal("0.00")
    BookingEvent.objects.create(
        booking=booking, kind=BookingEvent.Kind.REFUNDED, by=by, note=f"€ {amount}"
    )
    return amount
