"""A booking's way from request to invoice, each step an event in its history.

Staff confirm a slot after choosing a guide and a room (planning.assign refuses what is
taken); the group gets a confirmation with an .ics, a reminder some days before, and
after the visit an invoice for the numbers that came. Staff can move or cancel; the
group cancels through its signed link, and the museum's fee table by notice applies.
E-mails leave after the transaction commits, so a rolled-back step sends nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.graphql.errors import PayloadError
from shop.models import InvoiceKind
from shop.services.invoices import next_number
from shop.visits import emails
from shop.visits.errors import VisitErrorCode
from shop.visits.models import (
    Activity,
    Booking,
    BookingEvent,
    CheckoutVisitLine,
    Resource,
    VisitCalendar,
)
from shop.visits.services import online_payment, planning
from shop.visits.services.payment_reference import structured_communication

OPEN = (Booking.Status.REQUESTED, Booking.Status.CONFIRMED)
CENT = Decimal("0.01")


def _locked(booking: Booking) -> Booking:
    return Booking.objects.select_for_update().select_related("offer", "museum").get(pk=booking.pk)


def _require(booking: Booking, *states: str) -> None:
    if booking.status not in states:
        raise PayloadError(
            VisitErrorCode.WRONG_STATE,
            _("This booking is %(status)s.") % {"status": booking.get_status_display().lower()},
        )


def confirm(
    booking: Booking,
    starts_at: datetime,
    *,
    guide: Resource,
    room: Resource | None = None,
    materials: dict[Resource, int] | None = None,
    by=None,
) -> Booking:
    """Plan the visit at `starts_at` with these resources and tell the group; all or
    nothing: a taken guide leaves the booking as it was."""
    with transaction.atomic():
        booking = _locked(booking)
        _require(booking, Booking.Status.REQUESTED, Booking.Status.CONFIRMED)
        if booking.language not in guide.languages:
            raise PayloadError(
                VisitErrorCode.LANGUAGE_NOT_OFFERED,
                _("%(name)s does not guide in this language.") % {"name": guide.name},
                "guide",
            )
        ends_at = starts_at + timedelta(minutes=booking.offer.duration_minutes)
        moved = booking.activity is not None
        activity = booking.activity or Activity(museum=booking.museum)
        activity.kind = Activity.Kind.VISIT
        activity.title = f"{booking.offer.text('title', 'nl')}: {booking.organisation}"
        activity.starts_at, activity.ends_at = starts_at, ends_at
        activity.save()
        if moved:
            activity.assignments.all().delete()
        for resource, quantity in [(guide, 1), (room, 1), *(materials or {}).items()]:
            if resource is not None:
                planning.assign(activity, resource, quantity)
        booking.activity = activity
        booking.status = Booking.Status.CONFIRMED
        booking.reminder_sent_at = None
        booking.save(update_fields=["activity", "status", "reminder_sent_at"])
        kind = BookingEvent.Kind.MOVED if moved else BookingEvent.Kind.CONFIRMED
        BookingEvent.objects.create(booking=booking, kind=kind, by=by)
        emails.after_commit(booking, "confirmed")
    return booking


def cancellation_fee(booking: Booking, when: datetime | None = None) -> Decimal:
    """The fee the museum's table asks for cancelling now: the first row whose notice
    (days before the visit) is met; none without a planned visit or a table."""
    if booking.activity is None:
        return Decimal("0.00")
    calendar = VisitCalendar.objects.filter(museum_id=booking.museum_id).first()
    rows = sorted(
        (calendar.cancellation_fees if calendar else []), key=lambda row: -int(row["days"])
    )
    notice = booking.activity.starts_at - (when or timezone.now())
    for row in rows:
        if notice >= timedelta(days=int(row["days"])):
            return (price(booking) * Decimal(row["percent"]) / 100).quantize(CENT, ROUND_HALF_UP)
    return price(booking) if rows else Decimal("0.00")


def cancel(booking: Booking, *, by=None, reason: str = "") -> Booking:
    """Cancel, with the fee the museum's table asks for the notice given. A booking paid
    online is refunded the rest after the cancellation committed (online_payment), so
    no row stays locked while Stripe answers; an open payment of it is dropped."""
    with transaction.atomic():
        booking = _locked(booking)
        _require(booking, *OPEN)
        fee = cancellation_fee(booking)
        if booking.activity is not None:
            activity = booking.activity
            booking.activity = None
            booking.save(update_fields=["activity"])
            activity.delete()  # frees the guide, the room and the materials
        CheckoutVisitLine.objects.filter(booking=booking).delete()
        booking.status = Booking.Status.CANCELLED
        booking.amount = fee if fee else None
        booking.save(update_fields=["status", "amount"])
        note = reason
        if fee:
            note = (reason + "\n" if reason else "") + _("Cancellation fee: € %(fee)s") % {
                "fee": fee
            }
        BookingEvent.objects.create(
            booking=booking, kind=BookingEvent.Kind.CANCELLED, by=by, note=note
        )
        emails.after_commit(booking, "cancelled")
    if booking.paid_at is not None:
        online_payment.refund_after_cancellation(booking, fee, by=by)
    return booking


def ask_change(booking: Booking, message: str) -> Booking:
    with transaction.atomic():
        booking = _locked(booking)
        _require(booking, *OPEN)
        if not message.strip():
            raise PayloadError(
                VisitErrorCode.REQUIRED, _("Say what you would like to change."), "message"
            )
        BookingEvent.objects.create(
            booking=booking, kind=BookingEvent.Kind.CHANGE_ASKED, note=message.strip()[:2000]
        )
    return booking


def price(booking: Booking, pupils: int | None = None, adults: int | None = None) -> Decimal:
    offer = booking.offer
    if offer.pricing == offer.Pricing.PER_GROUP:
        return offer.price
    people = (pupils if pupils is not None else booking.pupils) + (
        adults if adults is not None else booking.adults
    )
    return (offer.price * people).quantize(CENT)


def record_visit(booking: Booking, pupils: int, adults: int, *, by=None) -> Booking:
    """Staff write down who came, then the invoice follows for those numbers."""
    with transaction.atomic():
        booking = _locked(booking)
        _require(booking, Booking.Status.CONFIRMED)
        booking.actual_pupils, booking.actual_adults = pupils, adults
        booking.status = Booking.Status.DONE
        # Paid online: the price was settled when the group paid; the invoice is the order's.
        booking.amount = booking.paid_amount or price(booking, pupils, adults)
        booking.save(update_fields=["actual_pupils", "actual_adults", "status", "amount"])
        BookingEvent.objects.create(
            booking=booking, kind=BookingEvent.Kind.VISITED, by=by, note=f"{pupils} + {adults}"
        )
    return booking


def invoice(booking: Booking, *, by=None) -> Booking:
    """Number the invoice in the shop's series and give it the structured communication
    the organisation pays it with."""
    with transaction.atomic():
        booking = _locked(booking)
        _require(booking, Booking.Status.DONE)
        if booking.order_id is not None:
            # Paid online: the shop's order has the invoice, from the same series; no
            # second number, no transfer to ask for.
            booking.invoice_number = booking.order.invoice_number
            booking.status = Booking.Status.INVOICED
            booking.save(update_fields=["invoice_number", "status"])
            BookingEvent.objects.create(
                booking=booking,
                kind=BookingEvent.Kind.INVOICED,
                by=by,
                note=booking.invoice_number,
            )
            return booking
        booking.invoice_number = next_number(
            booking.museum, InvoiceKind.INVOICE, timezone.localdate().year
        )
        digits = int("".join(c for c in booking.invoice_number if c.isdigit())[-10:])
        booking.structured_communication = structured_communication(digits)
        booking.status = Booking.Status.INVOICED
        booking.save(update_fields=["invoice_number", "structured_communication", "status"])
        BookingEvent.objects.create(
            booking=booking, kind=BookingEvent.Kind.INVOICED, by=by, note=booking.invoice_number
        )
        emails.after_commit(booking, "invoice")
    return booking


def send_due_reminders(now: datetime | None = None) -> int:
    """Remind every confirmed group whose visit is within its museum's reminder days;
    once each (a moved visit is reminded again)."""
    now = now or timezone.now()
    sent = 0
    calendars = {c.museum_id: c.reminder_days for c in VisitCalendar.objects.all()}
    due = Booking.objects.filter(
        status=Booking.Status.CONFIRMED, reminder_sent_at__isnull=True, activity__starts_at__gt=now
    ).select_related("activity")
    for booking in due:
        days = calendars.get(booking.museum_id, 3)
        if booking.activity.starts_at - now > timedelta(days=days):
            continue
        with transaction.atomic():
            updated = Booking.objects.filter(pk=booking.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if updated:
                BookingEvent.objects.create(booking=booking, kind=BookingEvent.Kind.REMINDED)
                emails.after_commit(booking, "reminder")
                sent += 1
    return sent
