"""The e-mails a group gets: confirmation (with the visit as an .ics), reminder, invoice
(with its PDF), cancellation. From the museum's name and sender address, in the booking's language, sent
by a background job after the step's transaction commits."""

from __future__ import annotations

from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from shop.visits import invoice_document
from shop.visits.models import Booking
from shop.visits.services import calendars

KINDS = ("confirmed", "reminder", "invoice", "cancelled")


def after_commit(booking: Booking, kind: str) -> None:
    from shop.visits.tasks import send_booking_email_task

    assert kind in KINDS
    transaction.on_commit(lambda: send_booking_email_task.enqueue(booking.pk, kind))


def _when(booking: Booking) -> str:
    start = timezone.localtime(booking.activity.starts_at)
    return formats.date_format(start, "DATETIME_FORMAT")


def _body(booking: Booking, kind: str) -> tuple[str, str]:
    title = booking.offer.text("title", booking.locale)
    museum = booking.museum
    address = ", ".join(
        part
        for part in (museum.street_address, f"{museum.postal_code} {museum.city}".strip())
        if part
    )
    facts = {"title": title, "museum": museum.name, "organisation": booking.organisation}
    if kind == "confirmed":
        facts |= {"when": _when(booking), "address": address, "size": booking.group_size}
        return (
            _("Your group visit is confirmed: %(title)s") % facts,
            _(
                "Dear %(organisation)s,\n\nWe look forward to your group of %(size)s on "
                '%(when)s for "%(title)s" at %(museum)s, %(address)s.\n\nPlease arrive '
                "ten minutes early. The visit is attached to add to your calendar."
            )
            % facts,
        )
    if kind == "reminder":
        facts |= {"when": _when(booking), "address": address}
        return (
            _("Reminder: your group visit on %(when)s") % facts,
            _(
                'Dear %(organisation)s,\n\nA reminder of your visit "%(title)s" at '
                "%(museum)s, %(address)s, on %(when)s. To change or cancel, use the link "
                "in your confirmation."
            )
            % facts,
        )
    if kind == "invoice":
        facts |= {
            "number": booking.invoice_number,
            "amount": booking.amount,
            "reference": booking.structured_communication,
            "po": booking.purchase_order or "-",
        }
        return (
            _("Invoice %(number)s for your group visit") % facts,
            _(
                'Dear %(organisation)s,\n\nInvoice %(number)s for "%(title)s" '
                "(your order number %(po)s): € %(amount)s.\n\nPlease transfer it with the "
                "structured communication %(reference)s."
            )
            % facts,
        )
    return (
        _("Your group visit is cancelled: %(title)s") % facts,
        _('Dear %(organisation)s,\n\nYour group visit "%(title)s" at %(museum)s is cancelled.')
        % facts,
    )


def _with_link(booking: Booking, kind: str, body: str) -> str:
    """The booking's own page (status, planned time, history) under the confirmation and
    the reminder, in the booking's language: where the group follows its visit."""
    if kind not in ("confirmed", "reminder"):
        return body
    from shop.accounts import frontend_links

    url = frontend_links.link(
        "VISIT_BOOKING_URL", booking.locale, booking.museum, token=booking.token
    )
    return body + "\n\n" + _("Your booking, its status and its history: %(url)s") % {"url": url}


def send(booking_id: int, kind: str) -> None:
    booking = Booking.objects.select_related("museum", "offer", "activity").get(pk=booking_id)
    if kind in ("confirmed", "reminder") and booking.activity is None:
        # Cancelled (or unplanned) before the mail went out: the cancellation's own mail
        # tells the group; a confirmation of a visit that no longer has a time would not.
        return
    with translation.override(booking.locale):
        subject, body = _body(booking, kind)
        body = _with_link(booking, kind, body)
    museum = booking.museum
    sender = formataddr((museum.name, museum.email)) if museum.email else None
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=sender or settings.DEFAULT_FROM_EMAIL,
        to=[booking.email],
    )
    if kind in ("confirmed", "reminder") and booking.activity is not None:
        message.attach("visit.ics", calendars.booking_ics(booking), "text/calendar")
    if kind == "invoice":
        message.attach(
            invoice_document.file_name(booking),
            invoice_document.render_pdf(booking),
            "application/pdf",
        )
    message.send()
