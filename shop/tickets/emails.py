"""What the order confirmation says about tickets: date, time, address, what to bring,
and the tickets as one PDF (one page per ticket), in the order's language."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from shop.models import Order
from shop.tickets import documents
from shop.tickets.models import Ticket


def confirmation_additions(order: Order) -> tuple[str, list[tuple[str, bytes, str]]]:
    tickets = list(
        Ticket.objects.filter(order=order, status=Ticket.Status.VALID).select_related(
            "slot__offer", "category", "order__museum"
        )
    )
    if not tickets:
        return "", []
    museum = order.museum
    lines = []
    for ticket in tickets:
        starts = timezone.localtime(ticket.slot.starts_at)
        lines.append(
            f"- {ticket.slot.offer.translated('name', order.locale)}, "
            f"{ticket.category.translated('name', order.locale)}: "
            f"{starts:%d/%m/%Y %H:%M}"
        )
    text = "\n".join(
        [
            _("Your tickets (attached as a PDF):"),
            *lines,
            "",
            _("Address: %(address)s")
            % {"address": f"{museum.street_address}, {museum.postal_code} {museum.city}"},
            _(
                "Bring the tickets, printed or on your phone, and come within your time slot. "
                "Museum pass holders and reduced rates: bring your pass or proof."
            ),
        ]
    )
    return text, [
        (f"tickets-{order.invoice_number}.pdf", documents.tickets_pdf(tickets), "application/pdf")
    ]


SLOT_CHANGES = ("refunded", "moved")


def send_slot_change(order_id: int, slot_id: int, kind: str) -> None:
    """The museum closed a slot: the buyer's tickets were refunded, or moved to
    `slot_id` (same codes, so the tickets they have still work)."""
    from email.utils import formataddr

    from django.conf import settings
    from django.core.mail import EmailMessage
    from django.utils import formats, translation

    from shop.tickets.models import TimeSlot

    order = Order.objects.select_related("museum").get(pk=order_id)
    slot = TimeSlot.objects.select_related("offer").get(pk=slot_id)
    museum = order.museum
    with translation.override(order.locale):
        facts = {
            "offer": slot.offer.translated("name", order.locale),
            "when": formats.date_format(timezone.localtime(slot.starts_at), "DATETIME_FORMAT"),
            "museum": museum.name,
            "number": order.invoice_number or order.pk,
        }
        if kind == "refunded":
            subject = _("Your time slot is cancelled: %(offer)s") % facts
            body = (
                _(
                    "Hello,\n\n%(museum)s had to close the time slot of your tickets for "
                    "%(offer)s (order %(number)s). We have refunded what they cost; the money "
                    "is on its way back to your card.\n\nYou are welcome to book another time "
                    "on our website, or reply to this e-mail and we will help you."
                )
                % facts
            )
        else:
            subject = _("Your tickets have a new time: %(when)s") % facts
            body = (
                _(
                    "Hello,\n\n%(museum)s had to close the time slot of your tickets for "
                    "%(offer)s (order %(number)s). We have moved them to %(when)s. Your "
                    "tickets and their QR codes stay valid.\n\nDoes this time not suit you? "
                    "Reply to this e-mail and we will refund them."
                )
                % facts
            )
    sender = formataddr((museum.name, museum.email)) if museum.email else None
    EmailMessage(
        subject=subject,
        body=body,
        from_email=sender or settings.DEFAULT_FROM_EMAIL,
        to=[order.email],
    ).send()
