"""Issuing invoices and credit notes, rendering them as PDF and storing them privately.

`issue_invoice(order)` and `issue_credit_note(refund)` run inside the transaction that
records the sale or the refund: they take the next number of the museum's series under
the sequence row's lock (a rollback gives it back, so the series has no gaps) and
create the Invoice row. The PDF (WeasyPrint, from shop/templates/shop/invoice.html) is
made after the commit, outside every lock, by `pdf_of()`, which renders once and then
reads the stored file. Files are written only through `invoice_storage()`: the one
place to point them at private object storage; they are never served from a public
URL, only through a signed, expiring link (`download_path`, shop.views.invoice).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from museum_site.pdf import html_document
from museum_site.storage import private_storage
from shop.models import DocumentSequence, Invoice, InvoiceKind, Order, Refund
from shop.services.order_statement import statement

SALT = "shop.invoice"
DEFAULT_LINK_SECONDS = 7 * 24 * 3600


def invoice_storage() -> Storage:
    """Where invoice PDFs are kept: private storage, never under a public URL."""
    return private_storage()


def next_number(museum, kind: str, year: int) -> str:
    """The next number of the museum's series of `kind` in `year`, taken under the
    sequence row's lock in the caller's transaction.

    One statement, PostgreSQL's and SQLite's upsert: the series' row is created with 1
    or incremented, and the row stays locked (PostgreSQL) or the database written
    (SQLite) until the caller commits or rolls back, so a rollback gives the number back
    and the series has no gaps. The ORM would need four (create if missing, lock,
    increment, read), run while the buyer's stock rows are locked."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"{_series_upsert()} RETURNING {_column(DocumentSequence, 'last')}",
            [museum.pk, kind, year],
        )
        [number] = cursor.fetchone()
    return f"{_number_prefix(museum, kind, year)}{number:06d}"


def _series_upsert() -> str:
    """The upsert that takes the next number of a series (museum, kind, year as
    parameters): the row is created with 1 or incremented, and stays locked."""
    table = connection.ops.quote_name(DocumentSequence._meta.db_table)
    series = ", ".join(_column(DocumentSequence, name) for name in ("museum", "kind", "year"))
    last = _column(DocumentSequence, "last")
    return (
        f"INSERT INTO {table} ({series}, {last}) VALUES (%s, %s, %s, 1)"
        f" ON CONFLICT ({series}) DO UPDATE SET {last} = {table}.{last} + 1"
    )


def _column(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _number_prefix(museum, kind: str, year: int) -> str:
    """What comes before the counter in a number of the museum's series."""
    prefix = museum.invoice_prefix
    credit = "CN-" if kind == InvoiceKind.CREDIT_NOTE else ""
    return f"{prefix}{'-' if prefix else ''}{credit}{year}-"


def invoice_paid_order(order: Order, status: str = Order.Status.PAID) -> None:
    """Mark a served order paid now (`status`, `paid_at`) and issue its invoice, whose
    number is also the order's number.

    Runs last in a sale's transaction, under the stock rows' and the series' locks,
    which every buyer of the museum waits for until the commit; each statement sent
    there waits for its thread's turn on a busy server (bench/checkout.py prints the
    sales' pace). On PostgreSQL the number, the invoice and the order's UPDATE are one
    statement (a data-modifying WITH: one round trip under the locks, not three); its
    number is formatted in SQL as `next_number` formats it (a test holds them equal).
    SQLite, which has one writer and no such statement, takes the three."""
    order.status = status
    order.paid_at = timezone.now()
    if connection.vendor != "postgresql":
        order.invoice_number = issue_invoice(order).number
        Order.objects.filter(pk=order.pk).update(
            status=order.status, paid_at=order.paid_at, invoice_number=order.invoice_number
        )
        return
    invoice, sold = (connection.ops.quote_name(m._meta.db_table) for m in (Invoice, Order))
    last = _column(DocumentSequence, "last")
    issued_columns = ", ".join(
        _column(Invoice, name)
        for name in ("museum", "order", "kind", "number", "amount", "file", "created_at")
    )
    year = order.paid_at.year
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH numbered AS ({_series_upsert()}"
            f" RETURNING %s || lpad({last}::text, greatest(6, length({last}::text)), '0')"
            f" AS number"
            f"), issued AS ("
            f" INSERT INTO {invoice} ({issued_columns})"
            f" SELECT %s, %s, %s, number, %s, '', %s FROM numbered"
            f" RETURNING {_column(Invoice, 'number')} AS number"
            f"), paid AS ("
            f" UPDATE {sold} SET {_column(Order, 'status')} = %s,"
            f" {_column(Order, 'paid_at')} = %s, {_column(Order, 'invoice_number')} = issued.number"
            f" FROM issued WHERE {sold}.{_column(Order, 'id')} = %s"
            f") SELECT number FROM issued",
            [
                *(order.museum_id, InvoiceKind.INVOICE, year),
                _number_prefix(order.museum, InvoiceKind.INVOICE, year),
                *(order.museum_id, order.pk, InvoiceKind.INVOICE, order.total_gross),
                order.paid_at,
                *(order.status, order.paid_at, order.pk),
            ],
        )
        [order.invoice_number] = cursor.fetchone()


def issue_invoice(order: Order) -> Invoice:
    """The order's invoice, numbered now; its number is also the order's number."""
    year = (order.paid_at or timezone.now()).year
    number = next_number(order.museum, InvoiceKind.INVOICE, year)
    return Invoice.objects.create(
        museum_id=order.museum_id,
        order=order,
        kind=InvoiceKind.INVOICE,
        number=number,
        amount=order.total_gross,
    )


def issue_credit_note(refund: Refund) -> Invoice | None:
    """A credit note for exactly what the refund gave back, when the order was invoiced
    (an order canceled before it was served has no invoice to correct)."""
    order = refund.order
    if not order.invoice_number:
        return None
    number = next_number(order.museum, InvoiceKind.CREDIT_NOTE, timezone.now().year)
    return Invoice.objects.create(
        museum_id=order.museum_id,
        order=order,
        refund=refund,
        kind=InvoiceKind.CREDIT_NOTE,
        number=number,
        amount=refund.amount,
    )


def _vat_of_refund(order: Order, amount: Decimal) -> list[dict]:
    """The refund's VAT, split over the order's rates in proportion to their gross."""
    parts = []
    total = order.total_gross or Decimal("1")
    entries = order.vat_breakdown or []
    left = amount
    for index, entry in enumerate(entries):
        rate = Decimal(entry["rate"])
        if index == len(entries) - 1:
            gross = left  # the last rate takes the rounding, so the parts sum to the amount
        else:
            gross = (amount * Decimal(entry["gross"]) / total).quantize(Decimal("0.01"))
        left -= gross
        net = (gross * 100 / (100 + rate)).quantize(Decimal("0.01"))
        parts.append({"rate": rate, "gross": gross, "net": net, "vat": gross - net})
    return parts


def render_pdf(invoice: Invoice) -> bytes:
    order = (
        Order.objects.select_related("museum", "billing_address", "shipping_address")
        .prefetch_related("lines", "payments")
        .get(pk=invoice.order_id)
    )
    with translation.override(order.locale):
        html = render_to_string(
            "shop/invoice.html",
            {
                "invoice": invoice,
                "is_credit_note": invoice.kind == InvoiceKind.CREDIT_NOTE,
                "order": order,
                "museum": order.museum,
                "statement": statement(order),
                "refund_vat": _vat_of_refund(order, invoice.amount),
                "original": order.invoices.filter(kind=InvoiceKind.INVOICE).first(),
                "payment": order.payments.filter(order=order).first(),
                "cur": "€" if order.currency == "EUR" else order.currency,
            },
        )
    return html_document(html).write_pdf()


def _file_name(invoice: Invoice) -> str:
    return f"invoices/{invoice.museum_id}/{invoice.kind}/{invoice.number}.pdf"


def pdf_of(invoice: Invoice) -> bytes:
    """The invoice's PDF: rendered and stored the first time, read afterwards."""
    storage = invoice_storage()
    if invoice.file and storage.exists(invoice.file):
        with storage.open(invoice.file, "rb") as stored:
            return stored.read()
    content = render_pdf(invoice)
    name = storage.save(_file_name(invoice), ContentFile(content))
    Invoice.objects.filter(pk=invoice.pk).update(file=name)
    invoice.file = name
    return content


def download_path(invoice: Invoice) -> str:
    token = signing.dumps({"invoice": invoice.pk}, salt=SALT, compress=True)
    return reverse("shop:invoice", kwargs={"token": token})


def for_link(token: str) -> Invoice | None:
    seconds = getattr(settings, "VITRINE_SHOP_INVOICE_LINK_SECONDS", DEFAULT_LINK_SECONDS)
    try:
        data = signing.loads(token, salt=SALT, max_age=seconds)
    except signing.BadSignature:
        return None
    return Invoice.objects.filter(pk=data.get("invoice")).first()
