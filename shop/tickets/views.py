"""A ticket's QR code and PDF, for whoever holds its code (the code is the secret: 128
random bits, printed on the ticket anyway). Canceled tickets answer 404."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from shop.tickets import documents
from shop.tickets.models import Ticket


def _ticket(code: str) -> Ticket:
    ticket = (
        Ticket.objects.select_related("slot__offer", "category", "order__museum")
        .filter(code=code, status=Ticket.Status.VALID)
        .first()
    )
    if ticket is None:
        raise Http404
    return ticket


@require_GET
def qr_code(request, code: str) -> HttpResponse:
    ticket = _ticket(code)
    response = HttpResponse(documents.qr_svg(ticket.code), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_GET
def ticket_pdf(request, code: str) -> HttpResponse:
    ticket = _ticket(code)
    response = HttpResponse(documents.tickets_pdf([ticket]), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="ticket-{ticket.code[:8]}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
