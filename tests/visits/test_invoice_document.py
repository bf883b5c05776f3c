"""The group's PDF invoice: mailed with the invoice e-mail and downloadable by the
museum's staff, with the organisation's PO and VAT numbers, the VAT at the offer's rate
and the structured communication to pay with."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from pypdf import PdfReader

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from shop.visits.invoice_document import vat_parts
from shop.visits.models import Booking
from shop.visits.services import workflow
from shop.visits.services.booking_requests import BookingRequest, request_booking
from shop.visits.services.payment_reference import is_valid
from tests.visits import builders

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def invoiced(django_capture_on_commit_callbacks) -> Booking:
    Museum.objects.update(vat_number="BE0207500123", email="groepen@museum.example")
    builders.calendar(bank_account="BE71 0961 2345 6769")
    offer = builders.offer(
        pricing="person", price=Decimal("6.00"), vat_rate=Decimal("6"), title_en="Workshop"
    )
    booking = request_booking(
        Museum.objects.default(),
        BookingRequest(
            offer_id=offer.pk,
            organisation="Sint-Lievenscollege",
            organisation_kind="school",
            contact_name="An Peeters",
            email="an@example.be",
            pupils=28,
            adults=3,
            language="nl",
            preferred_start=builders.next_weekday(1),
            purchase_order="PO-114",
            vat_number="BE0123456749",
            billing_address="Sint-Lievenslaan 1\n9000 Gent",
            locale="en",
        ),
    )
    workflow.confirm(booking, booking.preferred_start, guide=builders.guide("Els", ["nl"]))
    workflow.record_visit(booking, pupils=26, adults=3)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.invoice(booking)
    booking.refresh_from_db()
    return booking


def test_vat_is_taken_out_of_the_gross_amount_to_the_cent():
    assert vat_parts(Decimal("174.00"), Decimal("6")) == (Decimal("164.15"), Decimal("9.85"))
    assert vat_parts(Decimal("90.00"), Decimal("21")) == (Decimal("74.38"), Decimal("15.62"))


def test_the_invoice_email_carries_the_pdf_with_po_vat_and_structured_communication(invoiced):
    message = mail.outbox[-1]
    (name, pdf, mimetype), *_ = [a for a in message.attachments if a[2] == "application/pdf"]
    assert (name, mimetype) == (f"invoice-{invoiced.invoice_number}.pdf", "application/pdf")
    text = text_of(pdf)
    assert is_valid(invoiced.structured_communication)
    for expected in (
        f"Invoice {invoiced.invoice_number}",
        "Sint-Lievenscollege",
        "PO-114",
        "BE0123456749",  # the school's VAT number
        "BE0207500123",  # the museum's
        "29 people × € 6.00",  # who came, at the price per person
        "€ 164.15",
        "€ 9.85",
        "€ 174.00",
        invoiced.structured_communication,
        "BE71 0961 2345 6769",
    ):
        assert expected in text, expected


def test_staff_of_the_museum_download_it_and_others_do_not(client, django_user_model, invoiced):
    planners = Group.objects.create(name="Planners")
    planners.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_booking", content_type__app_label="shop_visits"),
    )
    grant_staff(planners, Museum.objects.default())
    planner = django_user_model.objects.create_user("planner", "p@example.org", "pw")
    planner.groups.add(planners)
    client.force_login(planner)
    url = f"/admin/visits/bookings/{invoiced.pk}/invoice.pdf"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert invoiced.structured_communication in text_of(response.content)

    outsider = django_user_model.objects.create_user("other", "o@example.org", "pw")
    other_staff = Group.objects.create(name="Other museum")
    other_staff.permissions.add(*planners.permissions.all())
    outsider.groups.add(other_staff)  # staff of no museum
    client.force_login(outsider)
    assert client.get(url).status_code == 404
