"""Invoices and credit notes: a PDF per paid order whose VAT totals are the order's, a
credit note for exactly each refund, numbered per museum, behind signed links only."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from museum_site.museums.models import Museum
from shop.models import DocumentSequence, Invoice, InvoiceKind, Order
from shop.services import invoices, order_links
from shop.services import orders as order_service
from tests.shop import builders

pytestmark = pytest.mark.django_db

INVOICES = """query($link: String!) { orderByLink(link: $link) {
  number invoices { number kind url createdAt } } }"""


@pytest.fixture
def shop():
    museum = Museum.objects.default()
    museum.legal_name, museum.vat_number = "MAS vzw", "BE0123456789"
    museum.street_address, museum.postal_code, museum.city = (
        "Hanzestedenplaats 1",
        "2000",
        "Antwerpen",
    )
    museum.invoice_prefix = "MAS"
    museum.save()
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=5)
    builders.product(
        title="Catalogus", variants=[builders.variant("BOOK", "31.80")], stock=5, vat_rate=6
    )
    builders.pickup()


@pytest.fixture
def place(pay_api, browser_pays):
    def order(*lines: tuple[str, int]) -> dict:
        checkout = builders.ready_checkout(*lines, locale="en")
        browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
        payload = pay_api("checkoutComplete", checkout.token)
        assert payload["errors"] == []
        return payload["order"]

    return order


def pdf_text(client, url: str) -> str:
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_a_purchase_ends_with_an_invoice_whose_vat_is_the_orders(client, graphql, shop, place):
    place(("POSTER", 2), ("BOOK", 1))  # 21% and 6%
    order = Order.objects.get()
    answered = graphql(INVOICES, {"link": order_links.token_for(order)})["data"]["orderByLink"]

    [invoice] = answered["invoices"]
    assert invoice["kind"] == "INVOICE" and invoice["number"] == order.invoice_number
    assert order.invoice_number.startswith("MAS-")
    text = pdf_text(client, invoice["url"])
    assert "MAS vzw" in text and "BE0123456789" in text and order.invoice_number in text
    assert "Anna Peeters" in text
    rates = {Decimal(part["rate"]): part for part in order.vat_breakdown}
    assert set(rates) == {Decimal(6), Decimal(21)}
    for part in order.vat_breakdown:
        assert f"€ {part['vat']}" in text and f"€ {part['net']}" in text
    assert sum(Decimal(part["vat"]) for part in order.vat_breakdown) == (
        order.total_gross - order.total_net
    )
    assert f"€ {order.total_gross}" in text


def test_a_partial_refund_yields_a_credit_note_of_exactly_that_amount(
    client, graphql, shop, place, stripe_settings
):
    place(("POSTER", 2))
    order = Order.objects.get()

    order_service.refund(order.pk, Decimal("7.30"), "damaged corner")

    answered = graphql(INVOICES, {"link": order_links.token_for(order)})["data"]["orderByLink"]
    kinds = [(invoice["kind"], invoice["number"]) for invoice in answered["invoices"]]
    assert [kind for kind, _number in kinds] == ["INVOICE", "CREDIT_NOTE"]
    note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    assert note.amount == Decimal("7.30") and note.refund.amount == Decimal("7.30")
    assert note.number.startswith("MAS-CN-")
    text = pdf_text(client, answered["invoices"][1]["url"])
    assert "€ 7.30" in text and order.invoice_number in text


def test_each_museum_numbers_its_own_series_without_gaps(shop):
    from wagtail.models import Page, Site

    first = Museum.objects.default()
    home = Page.objects.get(depth=1).add_child(instance=Page(title="Design", slug="design-home"))
    Site.objects.create(hostname="design.example", port=80, root_page=home, site_name="Design")
    other = Museum.objects.get(site__hostname="design.example")
    other.invoice_prefix = "DM"
    other.save()

    numbers = [invoices.next_number(first, InvoiceKind.INVOICE, 2026) for _ in range(3)]
    assert numbers == ["MAS-2026-000001", "MAS-2026-000002", "MAS-2026-000003"]
    assert invoices.next_number(other, InvoiceKind.INVOICE, 2026) == "DM-2026-000001"
    assert invoices.next_number(first, InvoiceKind.CREDIT_NOTE, 2026) == "MAS-CN-2026-000001"
    assert invoices.next_number(first, InvoiceKind.INVOICE, 2027) == "MAS-2027-000001"


@pytest.mark.parametrize(
    ("prefix", "last"), [("MAS", 0), ("MAS", 999_998), ("", 999_999), ("MAS", 1_234_566)]
)
def test_a_sale_takes_the_number_the_series_gives(shop, place, prefix, last):
    """A sale is numbered in one statement on PostgreSQL (`invoice_paid_order`), with
    the counter formatted in SQL: as `next_number` formats it, past six digits too."""
    museum = Museum.objects.default()
    museum.invoice_prefix = prefix
    museum.save()
    year = timezone.now().year
    DocumentSequence.objects.create(museum=museum, kind=InvoiceKind.INVOICE, year=year, last=last)
    number = place(("POSTER", 1))["number"]
    order = Order.objects.get()
    assert (order.status, order.paid_at.year) == (Order.Status.PAID, year)
    invoice = Invoice.objects.get(order=order, kind=InvoiceKind.INVOICE)
    assert number == order.invoice_number == invoice.number
    assert (invoice.amount, invoice.museum_id, invoice.file) == (order.total_gross, museum.pk, "")
    following = invoices.next_number(museum, InvoiceKind.INVOICE, year)
    expected = [f"{prefix}{'-' if prefix else ''}{year}-{n:06d}" for n in (last + 1, last + 2)]
    assert [number, following] == expected


def test_a_tampered_invoice_link_gives_nothing(client, shop, place):
    place(("POSTER", 1))
    invoice = Invoice.objects.get()
    path = invoices.download_path(invoice)
    assert client.get(path[:-3] + "xx/").status_code == 410
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_accounting_export_lists_invoices_and_credit_notes_with_their_vat(
    client, django_user_model, shop, place, stripe_settings, export
):
    import csv
    import datetime

    place(("POSTER", 2), ("BOOK", 1))
    order = Order.objects.get()
    order_service.refund(order.pk, Decimal("10.00"), "damaged")
    client.force_login(django_user_model.objects.create_superuser("acc", "a@example.org", "pw"))
    today = datetime.date.today().isoformat()

    response = client.get(
        "/admin/shop/accounting-export/", {"start": today, "end": today, "format": export}
    )

    assert response.status_code == 200
    if export == "csv":
        table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(response.content)).active
        table = [[str(cell) if cell is not None else "" for cell in row] for row in sheet.values]
    header, invoice_row, credit_row = table
    column = {name: index for index, name in enumerate(header)}
    vat = {Decimal(part["rate"]): Decimal(part["vat"]) for part in order.vat_breakdown}
    assert invoice_row[column["document"]] == order.invoice_number
    assert Decimal(invoice_row[column["vat 6%"]]) == vat[Decimal(6)]
    assert Decimal(invoice_row[column["vat 21%"]]) == vat[Decimal(21)]
    assert Decimal(invoice_row[column["total"]]) == order.total_gross
    assert credit_row[column["kind"]] == "credit_note"
    assert Decimal(credit_row[column["total"]]) == Decimal("-10.00")
    credit_vat = Decimal(credit_row[column["vat 6%"]]) + Decimal(credit_row[column["vat 21%"]])
    credit_net = Decimal(credit_row[column["net 6%"]]) + Decimal(credit_row[column["net 21%"]])
    assert credit_vat + credit_net == Decimal("-10.00")


def test_the_export_dates_a_document_by_the_museums_day(shop, place, stripe_settings, settings):
    """Half past midnight in Brussels is the evening before in UTC, where the database
    keeps the time: the row is dated by the day the export was asked for, as the PDF is."""
    import datetime

    from django.utils import timezone

    from shop.services import accounting

    settings.TIME_ZONE = "Europe/Brussels"
    place(("POSTER", 1))
    new_year = datetime.date(2027, 1, 1)
    issued = timezone.make_aware(datetime.datetime.combine(new_year, datetime.time(0, 30)))
    Invoice.objects.update(created_at=issued)

    header, row = accounting.rows(Museum.objects.default(), new_year, new_year)

    assert row[header.index("date")] == "2027-01-01"
