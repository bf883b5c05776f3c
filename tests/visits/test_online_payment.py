"""A confirmed group visit paid online through the shop's checkout, against a real
localstripe: one line for the booking's amount, the order marks the booking paid, the
order's invoice is the booking's, and a cancellation refunds what the policy leaves."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from museum_site.museums.models import Museum
from shop.models import Invoice, Order
from shop.services import checkout as checkout_service
from shop.visits.models import Booking, BookingEvent, CheckoutVisitLine
from shop.visits.services import workflow
from shop.visits.services.booking_requests import BookingRequest, request_booking
from tests.visits import builders

pytestmark = pytest.mark.django_db

PAY = """mutation($token: String!) { visitBookingPay(token: $token) {
  errors { field code message } checkoutToken
  booking { status paid amountDue { amount currency } } } }"""
BOOKING = """query($token: String!) { visitBooking(token: $token) {
  status paid paidAt amountDue { amount } invoiceNumber history { kind note } } }"""
CHECKOUT = """query($token: UUID!) { checkout(token: $token) {
  email lines { id } visitLines { title total { amount } vatRate bookingToken }
  total { gross { amount } net { amount } } problems { code } } }"""
COMPLETE = """mutation($token: UUID!) { checkoutComplete(token: $token) {
  errors { field code message }
  order { number status total { amount } lines { sku productName variantLabel quantity vatRate } } } }"""


@pytest.fixture(autouse=True)
def _localstripe(stripe_settings):
    """Every test here pays (or is refused before paying) against localstripe."""


@pytest.fixture
def booking() -> Booking:
    builders.calendar()
    offer = builders.offer(price=Decimal("121.00"), vat_rate=Decimal("21"))
    return request_booking(
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
            # Four weeks out: cancelling "21 days before" is still ahead of today, so the
            # refund's event comes after the payment's whatever the day the test runs.
            preferred_start=builders.next_weekday(1, days_ahead=28),
            purchase_order="PO-114",
            vat_number="BE0123456789",
        ),
    )


@pytest.fixture
def confirmed(booking) -> Booking:
    guide = builders.guide("Els", ["nl"])
    return workflow.confirm(booking, booking.preferred_start, guide=guide, room=builders.room())


def _billing(token: str) -> None:
    checkout_service.update_address(
        token,
        "billing",
        {
            "first_name": "An",
            "last_name": "Peeters",
            "company_name": "Sint-Lievenscollege",
            "street_address_1": "Kunstlaan 1",
            "postal_code": "9000",
            "city": "Gent",
            "country": "BE",
        },
    )


def _pay(graphql, pay_api, browser_pays, booking: Booking, capture) -> dict:
    payload = graphql(PAY, {"token": booking.token})["data"]["visitBookingPay"]
    assert payload["errors"] == []
    token = payload["checkoutToken"]
    _billing(token)
    started = pay_api("checkoutPaymentCreate", token)
    assert started["errors"] == [], started["errors"]
    browser_pays(started["payment"]["intentId"])
    with capture(execute=True):
        result = graphql(COMPLETE, {"token": token})["data"]["checkoutComplete"]
    assert result["errors"] == [], result["errors"]
    return result["order"]


def test_a_confirmed_booking_is_paid_in_the_shops_checkout_and_its_order_is_its_invoice(
    graphql, pay_api, browser_pays, confirmed, django_capture_on_commit_callbacks
):
    payload = graphql(PAY, {"token": confirmed.token})["data"]["visitBookingPay"]
    assert payload["errors"] == []
    assert payload["booking"]["amountDue"] == {"amount": "121.00", "currency": "EUR"}
    checkout = graphql(CHECKOUT, {"token": payload["checkoutToken"]})["data"]["checkout"]
    assert checkout["email"] == "an@example.be" and checkout["lines"] == []
    [line] = checkout["visitLines"]
    assert line["total"]["amount"] == "121.00" and line["vatRate"] == 21
    assert line["bookingToken"] == confirmed.token
    assert "Sint-Lievenscollege" in line["title"]
    assert checkout["total"]["gross"]["amount"] == "121.00"
    assert checkout["total"]["net"]["amount"] == "100.00"  # VAT as the offer says
    assert [problem["code"] for problem in checkout["problems"]] == ["BILLING_ADDRESS_NOT_SET"]

    # Asking again resumes the same checkout: one booking, one cart.
    again = graphql(PAY, {"token": confirmed.token})["data"]["visitBookingPay"]
    assert again["checkoutToken"] == payload["checkoutToken"]

    _billing(payload["checkoutToken"])
    started = pay_api("checkoutPaymentCreate", payload["checkoutToken"])
    assert started["payment"]["amount"]["amount"] == "121.00"
    browser_pays(started["payment"]["intentId"])
    with django_capture_on_commit_callbacks(execute=True):
        result = graphql(COMPLETE, {"token": payload["checkoutToken"]})["data"]["checkoutComplete"]
    assert result["errors"] == []
    order = result["order"]
    assert order["status"] == "PAID" and order["total"]["amount"] == "121.00"
    [order_line] = order["lines"]
    assert order_line["sku"] == f"VISIT-{confirmed.pk}" and order_line["vatRate"] == 21
    assert order_line["variantLabel"] == "Bestelbon PO-114, Btw BE0123456789"

    read = graphql(BOOKING, {"token": confirmed.token})["data"]["visitBooking"]
    assert read["paid"] is True and read["paidAt"] and read["amountDue"] is None
    assert read["status"] == "CONFIRMED"
    assert read["history"][-1] == {"kind": "PAID", "note": "€ 121.00"}
    assert not CheckoutVisitLine.objects.exists()  # went with its checkout
    confirmation = mail.outbox[-1]
    assert "Sint-Lievenscollege" in confirmation.body

    # After the visit the invoice is the order's: same number, no second one.
    booking = Booking.objects.get(pk=confirmed.pk)
    workflow.record_visit(booking, 27, 3)
    with django_capture_on_commit_callbacks(execute=True):
        invoiced = workflow.invoice(booking)
    paid_order = Order.objects.get(invoice_number=order["number"])
    assert invoiced.invoice_number == paid_order.invoice_number
    assert invoiced.structured_communication == "" and invoiced.amount == Decimal("121.00")
    assert Invoice.objects.filter(order=paid_order).count() == 1
    assert Invoice.objects.count() == 1


@pytest.mark.parametrize(
    ("state", "code"),
    [("requested", "NOT_CONFIRMED"), ("cancelled", "CANCELLED"), ("invoiced", "INVOICED")],
)
def test_a_booking_that_cannot_be_paid_online_says_why(graphql, booking, state, code):
    if state == "cancelled":
        workflow.cancel(booking)
    if state == "invoiced":
        booking = workflow.confirm(
            booking, booking.preferred_start, guide=builders.guide("Els", ["nl"])
        )
        workflow.invoice(workflow.record_visit(booking, 28, 3))
    payload = graphql(PAY, {"token": booking.token})["data"]["visitBookingPay"]
    assert [error["code"] for error in payload["errors"]] == [code]
    assert payload["checkoutToken"] is None
    assert not CheckoutVisitLine.objects.exists()


def test_an_unknown_token_is_a_payload_error(graphql, booking):
    payload = graphql(PAY, {"token": "nope"})["data"]["visitBookingPay"]
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("token", "NOT_FOUND")]


def test_a_paid_booking_is_not_paid_twice(
    graphql, pay_api, browser_pays, confirmed, django_capture_on_commit_callbacks
):
    _pay(graphql, pay_api, browser_pays, confirmed, django_capture_on_commit_callbacks)
    payload = graphql(PAY, {"token": confirmed.token})["data"]["visitBookingPay"]
    assert [error["code"] for error in payload["errors"]] == ["ALREADY_PAID"]


def test_a_booking_cancelled_while_its_checkout_is_open_is_not_charged(graphql, pay_api, confirmed):
    token = graphql(PAY, {"token": confirmed.token})["data"]["visitBookingPay"]["checkoutToken"]
    _billing(token)
    workflow.cancel(Booking.objects.get(pk=confirmed.pk))
    started = pay_api("checkoutPaymentCreate", token)
    assert [error["code"] for error in started["errors"]] == ["NO_LINES"]


def test_a_changed_amount_is_refused_before_the_card_is_charged(graphql, pay_api, confirmed):
    token = graphql(PAY, {"token": confirmed.token})["data"]["visitBookingPay"]["checkoutToken"]
    _billing(token)
    confirmed.offer.price = Decimal("150.00")
    confirmed.offer.save()
    started = pay_api("checkoutPaymentCreate", token)
    assert [(e["field"], e["code"]) for e in started["errors"]] == [("visitLines", "INVALID")]
    # Opening the payment again from the booking brings the amount up to date.
    graphql(PAY, {"token": confirmed.token})
    started = pay_api("checkoutPaymentCreate", token)
    assert started["payment"]["amount"]["amount"] == "150.00"


@pytest.mark.parametrize(
    ("days_before", "refunded", "fee"),
    [(21, Decimal("121.00"), None), (5, Decimal("60.50"), Decimal("60.50"))],
)
def test_cancelling_a_paid_booking_refunds_what_the_fee_table_leaves(
    graphql,
    pay_api,
    browser_pays,
    confirmed,
    django_capture_on_commit_callbacks,
    days_before,
    refunded,
    fee,
    stripe_client,
):
    order = _pay(graphql, pay_api, browser_pays, confirmed, django_capture_on_commit_callbacks)
    booking = Booking.objects.get(pk=confirmed.pk)
    now = booking.activity.starts_at - timedelta(days=days_before, hours=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: now)
        cancelled = workflow.cancel(booking)
    assert cancelled.status == Booking.Status.CANCELLED and cancelled.amount == fee
    paid_order = Order.objects.get(invoice_number=order["number"])
    assert paid_order.refunded == refunded
    assert paid_order.status == ("refunded" if fee is None else "partially_refunded")
    [refund] = paid_order.refunds.all()
    at_stripe = stripe_client.v1.refunds.retrieve(refund.refund_id)
    assert at_stripe.amount == int(refunded * 100)
    kinds = list(cancelled.events.values_list("kind", "note"))
    assert kinds[-1] == (BookingEvent.Kind.REFUNDED, f"€ {refunded}")
    # Refunded in full: the booking stays cancelled, it does not owe anything again.
    assert Booking.objects.get(pk=booking.pk).paid_at is not None


def test_an_unreachable_stripe_at_cancellation_leaves_the_refund_to_staff(
    graphql, pay_api, browser_pays, confirmed, django_capture_on_commit_callbacks, settings
):
    _pay(graphql, pay_api, browser_pays, confirmed, django_capture_on_commit_callbacks)
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens on the discard port
    cancelled = workflow.cancel(Booking.objects.get(pk=confirmed.pk))
    assert cancelled.status == Booking.Status.CANCELLED
    last = cancelled.events.order_by("pk").last()
    assert last.kind == BookingEvent.Kind.REFUND_FAILED and "121.00" in last.note
    assert Order.objects.get(pk=cancelled.order_id).refunded == Decimal("0.00")


def test_another_museums_host_cannot_open_a_payment_for_the_booking(graphql, confirmed, settings):
    from tests.museums import builders as museum_builders

    settings.ALLOWED_HOSTS = ["localhost", "design.localhost", "testserver"]
    museum_builders.museum("design")
    payload = graphql(PAY, {"token": confirmed.token}, HTTP_HOST="design.localhost")
    assert [e["code"] for e in payload["data"]["visitBookingPay"]["errors"]] == ["NOT_FOUND"]
    assert not CheckoutVisitLine.objects.exists()
