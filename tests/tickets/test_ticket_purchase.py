"""Tickets bought with the shop's checkout against a real localstripe: one cart, one
payment, one order; holds while paying; cancellation with a refund by the policy."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from shop.models import Order, Refund, Stock
from shop.services import checkout as checkout_service
from shop.tickets import capacity, documents
from shop.tickets.checkout import TicketRequest, add_tickets
from shop.tickets.models import CheckoutTicketLine, Ticket, TimeSlot
from tests.shop import builders as shop_builders
from tests.tickets import builders

pytestmark = pytest.mark.django_db

TICKETS = """query($token: UUID!) { checkout(token: $token) { token } }"""
ORDER_TICKETS = """mutation($token: UUID!) { checkoutComplete(token: $token) {
  errors { field code message }
  order { number status total { amount } lines { sku productName quantity vatRate }
          tickets { code status category { kind } slot { startsAt } qrCodeUrl pdfUrl } } } }"""
CANCEL = """mutation($token: UUID!, $codes: [String!]) {
  orderTicketsCancel(checkoutToken: $token, codes: $codes) {
    errors { field code message } refunded tickets { code status } } }"""


def _with_tickets(slot, *wanted, lines=()):
    checkout = shop_builders.ready_checkout(*lines)
    with_lock = checkout_service._locked  # the mutation locks the row the same way
    from django.db import transaction

    with transaction.atomic():
        add_tickets(
            with_lock(checkout.token),
            slot.pk,
            [TicketRequest(category.pk, quantity) for category, quantity in wanted],
        )
    return checkout


def test_two_tickets_and_a_replica_make_one_order_one_invoice_two_tickets(
    graphql, pay_api, browser_pays, django_capture_on_commit_callbacks
):
    shop_builders.product(
        title="Replica", variants=[shop_builders.variant("ROEMER", "39.00")], stock=4
    )
    shop_builders.pickup()
    offer = builders.offer()
    slot = builders.slot(offer, capacity=10)
    checkout = _with_tickets(
        slot,
        (builders.category(offer, "adult"), 1),
        (builders.category(offer, "youth"), 1),
        lines=[("ROEMER", 1)],
    )
    started = pay_api("checkoutPaymentCreate", checkout.token)["payment"]
    assert started["amount"]["amount"] == "57.00"  # 39 + 15 + 3
    browser_pays(started["intentId"])

    with django_capture_on_commit_callbacks(execute=True):
        result = graphql(ORDER_TICKETS, {"token": str(checkout.token)})
    payload = result["data"]["checkoutComplete"]
    assert payload["errors"] == []
    [confirmation] = mail.outbox
    tickets_pdf = f"tickets-{payload['order']['number']}.pdf"
    attached = {name: (pdf, mimetype) for name, pdf, mimetype in confirmation.attachments}
    assert set(attached) == {tickets_pdf, f"{payload['order']['number']}.pdf"}  # + invoice
    pdf, mimetype = attached[tickets_pdf]
    assert mimetype == "application/pdf" and pdf.startswith(b"%PDF")
    assert "Adres:" in confirmation.body or "Address:" in confirmation.body
    order = payload["order"]
    assert order["status"] == "PAID" and order["number"]
    assert sorted((line["sku"], line["vatRate"]) for line in order["lines"]) == [
        ("ROEMER", 21),
        (f"TICKET-{offer.slug}-adult", 6),
        (f"TICKET-{offer.slug}-youth", 6),
    ]
    assert len(order["tickets"]) == 2
    assert {ticket["category"]["kind"] for ticket in order["tickets"]} == {"ADULT", "YOUTH"}
    assert all(ticket["status"] == "VALID" for ticket in order["tickets"])
    assert Order.objects.count() == 1
    assert Stock.objects.get(variant__sku="ROEMER").allocated == 1
    slot.refresh_from_db()
    assert slot.sold == 2
    assert not CheckoutTicketLine.objects.exists()  # the cart and its holds are gone

    tickets = list(Ticket.objects.select_related("slot__offer", "category", "order__museum"))
    assert documents.tickets_pdf(tickets).startswith(b"%PDF")
    assert len(documents.tickets_document(tickets).pages) == 2  # one page per ticket
    code = order["tickets"][0]["code"]
    assert len(code) >= 22 and code != order["tickets"][1]["code"]


def test_paying_holds_the_places_for_a_while(pay_api, stripe_settings):
    settings = stripe_settings
    settings.VITRINE_TICKET_HOLD_MINUTES = 10
    offer = builders.offer()
    slot = builders.slot(offer, capacity=3)
    adult = builders.category(offer, "adult")
    first = _with_tickets(slot, (adult, 2))
    second = _with_tickets(slot, (adult, 2))  # a promise each: both fit on their own

    assert pay_api("checkoutPaymentCreate", first.token)["errors"] == []
    assert CheckoutTicketLine.objects.get(checkout=first).held_until > timezone.now()
    refused = pay_api("checkoutPaymentCreate", second.token)
    assert [error["code"] for error in refused["errors"]] == ["SLOT_FULL"]
    slot.refresh_from_db()
    assert capacity.rooms([slot])[slot.pk].remaining == 1

    CheckoutTicketLine.objects.filter(checkout=first).update(
        held_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert pay_api("checkoutPaymentCreate", second.token)["errors"] == []


def test_a_slot_full_at_completion_refunds_the_payment(pay_api, browser_pays, settings):
    settings.VITRINE_TICKET_HOLD_MINUTES = 0
    offer = builders.offer()
    slot = builders.slot(offer, capacity=2)
    checkout = _with_tickets(slot, (builders.category(offer, "adult"), 2))
    started = pay_api("checkoutPaymentCreate", checkout.token)["payment"]
    browser_pays(started["intentId"])
    capacity.take({slot.pk: 1})  # someone else was quicker

    payload = pay_api("checkoutComplete", checkout.token)
    assert [error["code"] for error in payload["errors"]] == ["SLOT_FULL"]
    assert payload["order"]["status"] == "CANCELED"
    order = Order.objects.get()
    assert order.refunded == Decimal("30.00") and Refund.objects.filter(order=order).count() == 1
    assert not Ticket.objects.exists()
    slot.refresh_from_db()
    assert slot.sold == 1


def test_a_visitor_cancels_before_the_deadline_and_gets_the_policy_refund(
    graphql, pay_api, browser_pays
):
    offer = builders.offer(cancel_until_hours=24, refund_percentage=50)
    later = builders.slot(offer, builders.tomorrow_at(11, days=3), capacity=5)
    checkout = _with_tickets(later, (builders.category(offer, "adult"), 2))
    browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
    assert pay_api("checkoutComplete", checkout.token)["errors"] == []
    first, _second = Ticket.objects.order_by("pk")

    result = graphql(CANCEL, {"token": str(checkout.token), "codes": [first.code]})
    payload = result["data"]["orderTicketsCancel"]
    assert payload["errors"] == [] and payload["refunded"] == "7.50"
    first.refresh_from_db()
    later.refresh_from_db()
    assert first.status == Ticket.Status.CANCELED and later.sold == 1
    order = Order.objects.get()
    assert order.status == Order.Status.PARTIALLY_REFUNDED and order.refunded == Decimal("7.50")

    again = graphql(CANCEL, {"token": str(checkout.token), "codes": [first.code]})
    assert again["data"]["orderTicketsCancel"]["errors"][0]["code"] == "ALREADY_CANCELED"

    TimeSlot.objects.filter(pk=later.pk).update(
        starts_at=timezone.now() + datetime.timedelta(hours=2),
        ends_at=timezone.now() + datetime.timedelta(hours=3),
    )
    late = graphql(CANCEL, {"token": str(checkout.token), "codes": []})
    assert late["data"]["orderTicketsCancel"]["errors"][0]["code"] == "CANCELLATION_CLOSED"
