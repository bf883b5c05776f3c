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
