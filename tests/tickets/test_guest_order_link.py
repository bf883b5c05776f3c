"""A buyer without an account gets their order back from the confirmation e-mail: its
link opens the frontend's order page (in the order's language, on the museum's origin)
with the signed token `orderByLink` reads, and the same token cancels tickets within
the offer's policy; a tampered token finds nothing."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from shop.models import Order
from shop.tickets.models import Ticket
from tests.accounts.test_frontend_links import page_of
from tests.tickets import builders
from tests.tickets.test_ticket_purchase import _with_tickets

pytestmark = pytest.mark.django_db

BY_LINK = """query($link: String!) { orderByLink(link: $link) {
  number status tickets { code status qrCodeUrl pdfUrl } invoices { number } } }"""
CANCEL = """mutation($link: String!, $codes: [String!]) {
  orderTicketsCancel(link: $link, codes: $codes) {
    errors { field code } refunded tickets { code status } } }"""


def _link_in(message) -> str:
    (url,) = [word for word in message.body.split() if "/order?" in word]
    return url


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_confirmations_link_opens_the_order_page_and_cancels_tickets(
    lang, graphql, pay_api, browser_pays, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.FRONTEND_URL = "https://museum.example"
    offer = builders.offer(cancel_until_hours=24, refund_percentage=100)
    slot = builders.slot(offer, builders.tomorrow_at(11, days=3), capacity=5)
    checkout = _with_tickets(slot, (builders.category(offer, "adult"), 2))
    type(checkout).objects.filter(pk=checkout.pk).update(locale=lang)
    browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
    with django_capture_on_commit_callbacks(execute=True):
        assert pay_api("checkoutComplete", checkout.token)["errors"] == []

    (confirmation,) = mailoutbox
    url = _link_in(confirmation)
    assert url.startswith("https://museum.example/")
    assert page_of(url) == (lang, "checkout", "order")
    assert url in confirmation.alternatives[0][0].replace("&amp;", "&")
    (link,) = parse_qs(urlsplit(url).query)["link"]

    seen = graphql(BY_LINK, {"link": link})["data"]["orderByLink"]
    order = Order.objects.get()
    assert seen["number"] == order.invoice_number and seen["status"] == "PAID"
    assert len(seen["tickets"]) == 2 and all(
        t["qrCodeUrl"] and t["pdfUrl"] for t in seen["tickets"]
    )
    assert graphql(BY_LINK, {"link": link[:-2] + "xx"})["data"]["orderByLink"] is None

    first = seen["tickets"][0]["code"]
    tampered = graphql(CANCEL, {"link": link[:-2] + "xx", "codes": [first]})
    assert tampered["data"]["orderTicketsCancel"]["errors"] == [
        {"field": "link", "code": "NOT_FOUND"}
    ]
    cancelled = graphql(CANCEL, {"link": link, "codes": [first]})["data"]["orderTicketsCancel"]
    assert cancelled["errors"] == [] and cancelled["refunded"] == "15.00"
    assert Ticket.objects.get(code=first).status == Ticket.Status.CANCELED
    slot.refresh_from_db()
    assert slot.sold == 1
