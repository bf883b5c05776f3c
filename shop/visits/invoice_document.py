"""The PDF invoice of a group visit: the organisation with its purchase-order and VAT
numbers, the visit at the offer's VAT rate, and the Belgian structured communication to
pay it by bank transfer.

The number comes from the shop's invoice series (services/workflow.invoice takes it with
`shop.services.invoices.next_number`); the layout goes through
`museum_site.pdf.html_document`, the one way our PDFs are made. Rendered when it is
sent or downloaded, after the invoicing transaction, never under a lock.
"""

from __future__ import annotations

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone, translation

from museum_site.pdf import html_document
from shop.visits.models import Booking, BookingEvent, VisitCalendar

CENT = Decimal("0.01")


def vat_parts(gross: Decimal, rate: Decimal) -> tuple[Decimal, Decimal]:
    """(net, VAT) of an amount that includes VAT at `rate` percent, to the cent."""
    net = (gross * 100 / (100 + rate)).quantize(CENT)
    return net, gross - net


def file_name(booking: Booking) -> str:
    return f"invoice-{booking.invoice_number}.pdf"


def render_pdf(booking: Booking) -> bytes:
    if not booking.invoice_number:
        raise ValueError("The booking has no invoice yet.")
    offer, museum = booking.offer, booking.museum
    gross = booking.amount or Decimal("0")
    net, vat = vat_parts(gross, offer.vat_rate)
    invoiced = booking.events.filter(kind=BookingEvent.Kind.INVOICED).order_by("-at").first()
    calendar = VisitCalendar.objects.filter(museum=museum).first()
    pupils = booking.actual_pupils if booking.actual_pupils is not None else booking.pupils
    adults = booking.actual_adults if booking.actual_adults is not None else booking.adults
    with translation.override(booking.locale):
        html = render_to_string(
            "shop_visits/invoice.html",
            {
                "booking": booking,
                "museum": museum,
                "offer_title": offer.text("title", booking.locale),
                "per_person": offer.pricing == offer.Pricing.PER_PERSON,
                "people": pupils + adults,
                "unit_price": offer.price,
                "visit_day": timezone.localtime(booking.activity.starts_at)
                if booking.activity
                else None,
                "date": timezone.localtime(invoiced.at if invoiced else timezone.now()),
                "net": net,
                "vat": vat,
                "gross": gross,
                "rate": offer.vat_rate,
                "bank_account": calendar.bank_account if calendar else "",
                "cur": "€" if museum.currency == "EUR" else museum.currency,
            },
        )
    return html_document(html).write_pdf()
