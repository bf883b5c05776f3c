"""The accountant's export: every invoice and credit note issued in a date range, one row
each, with the VAT per rate, in CSV or XLSX.

A row is a document the books know (an invoice for an order, a credit note for a
refund), not an order: that is what a VAT return and a ledger are built from. A credit
note's VAT is split over the order's rates in proportion, as on its PDF. Scoped by
museum: a museum's accountant sees that museum's series only.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from shop.models import Invoice, InvoiceKind
from shop.services.invoices import _vat_of_refund

RATES = (Decimal(6), Decimal(21))
HEADER = [
    "document",
    "kind",
    "date",
    "order",
    "customer",
    "country",
    "lines",
    *[f"{label} {rate}%" for rate in RATES for label in ("net", "vat")],
    "total",
    "currency",
    "refund",
]


def rows(museum, start: datetime.date, end: datetime.date) -> list[list]:
    """One row per document issued from `start` to `end` (both included)."""
    documents = (
        Invoice.objects.filter(
            museum=museum, created_at__date__gte=start, created_at__date__lte=end
        )
        .select_related("order__billing_address", "refund")
        .prefetch_related("order__lines")
        .order_by("created_at", "pk")
    )
    table = [HEADER]
    for document in documents:
        order = document.order
        sign = -1 if document.kind == InvoiceKind.CREDIT_NOTE else 1
        if document.kind == InvoiceKind.INVOICE:
            parts = {
                Decimal(part["rate"]): (Decimal(part["net"]), Decimal(part["vat"]))
                for part in order.vat_breakdown or []
            }
        else:
            parts = {
                part["rate"]: (part["net"], part["vat"])
                for part in _vat_of_refund(order, document.amount)
            }
        billing = order.billing_address
        table.append(
            [
                document.number,
                document.kind,
                timezone.localdate(document.created_at).isoformat(),
                order.invoice_number or "",
                f"{billing.first_name} {billing.last_name}".strip() if billing else "",
                billing.country if billing else "",
                "; ".join(f"{line.quantity} x {line.sku}" for line in order.lines.all()),
                *[
                    sign * parts.get(rate, (Decimal("0.00"), Decimal("0.00")))[index]
                    for rate in RATES
                    for index in (0, 1)
                ],
                sign * document.amount,
                order.currency,
                document.refund.refund_id if document.refund else "",
            ]
        )
    return table
