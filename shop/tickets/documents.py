"""E-tickets as documents: the QR code (segno) and a PDF, one page per ticket (WeasyPrint).

The QR code holds only the ticket's code: the door looks everything else up, so a
canceled ticket stops working at once and nothing personal is printed in the code.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import segno
from django.template.loader import render_to_string
from django.utils import timezone, translation

from museum_site.pdf import html_document
from shop.tickets.models import Ticket


def qr_svg(code: str) -> bytes:
    out = io.BytesIO()
    segno.make(code, error="m", micro=False).save(out, kind="svg", scale=8, border=4)
    return out.getvalue()


def qr_data_uri(code: str) -> str:
    return segno.make(code, error="m", micro=False).svg_data_uri(scale=8, border=4)


def tickets_pdf(tickets: Sequence[Ticket]) -> bytes:
    """One page per ticket, in the order's language."""
    return tickets_document(tickets).write_pdf()


def tickets_document(tickets: Sequence[Ticket]):
    """The laid-out document (weasyprint.Document): its `pages` are the tickets."""
    if not tickets:
        raise ValueError("No tickets.")
    order = tickets[0].order
    with translation.override(order.locale):
        html = render_to_string(
            "tickets/tickets.html",
            {
                "museum": order.museum,
                "tickets": [
                    {
                        "ticket": ticket,
                        "offer": ticket.slot.offer.translated("name", order.locale),
                        "category": ticket.category.translated("name", order.locale),
                        "starts": timezone.localtime(ticket.slot.starts_at),
                        "ends": timezone.localtime(ticket.slot.ends_at),
                        "qr": qr_data_uri(ticket.code),
                    }
                    for ticket in tickets
                ],
            },
        )
    return html_document(html).render()
