"""Acceptance: a whole purchase through GraphQL only, paid at localstripe, placed by its webhook.

The shop is a live server; the test talks to it over HTTP as a frontend does, and plays
the browser's part at Stripe (a PaymentMethod from a test card number, then confirming
the PaymentIntent). localstripe then delivers the signed `payment_intent.succeeded`
event to the live server, which places the order; `checkoutComplete` afterwards answers
that same order. The database is only read, to check what the API promises.

(localstripe's Stripe.js stand-in accepts a publishable key only for tokens and 3-D
Secure, and confirms only an intent that already carries its payment method, so the
"browser" here uses a test secret key to create the card's PaymentMethod, set it on the
intent and confirm; real Stripe.js does the same with the publishable key and the client
secret.)
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from decimal import Decimal

import pytest
from django.core import mail

from shop.models import Order, OrderEvent, Stock, StripeEvent
from tests.shop import builders
from tests.shop.conftest import configure_webhook

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WEBHOOK = "/shop/stripe/webhook/"
CHECKOUT = """token
  lines { sku quantity }
  availableDeliveryMethods { id kind price { amount } }
  subtotal { gross { amount } }
  discount { amount }
  shippingPrice { gross { amount } }
  vatBreakdown { rate gross { amount } net { amount } vat { amount } }
  total { gross { amount } net { amount } vat { amount } }"""
ORDER = """id number status email
  lines { sku quantity vatRate unitPrice { amount } }
  subtotal { amount } discount { amount } shippingPrice { amount }
  total { amount } totalNet { amount }
  vatBreakdown { rate gross { amount } net { amount } vat { amount } }"""

# 2 books at 20.00 (6%) and a poster at 30.00 (21%): goods 70.00, MUSEUM10 takes 7.00
# (4.00 of the books, 3.00 of the poster), delivery 7.00 follows the goods (4.00 + 3.00).
# Per rate: 6% on 40.00 is net 37.74 + VAT 2.26; 21% on 30.00 is net 24.79 + VAT 5.21.
EXPECTED_VAT = [
    {"rate": "6", "gross": "40.00", "net": "37.74", "vat": "2.26"},
    {"rate": "21", "gross": "30.00", "net": "24.79", "vat": "5.21"},
]


class Frontend:
    """POSTs GraphQL to the live server; a GraphQL-level error fails the test."""

    def __init__(self, url: str) -> None:
        self.url = f"{url}/graphql/"

    def __call__(self, query: str, **variables) -> dict:
        request = urllib.request.Request(
            self.url,
            data=json.dumps({"query": query, "variables": variables}).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                answer = json.loads(response.read())
        except urllib.error.HTTPError as error:  # GraphQL errors come with a 400
            answer = json.loads(error.read())
        assert "errors" not in answer, answer["errors"]
        return answer["data"]

    def mutate(self, name: str, declared: str, arguments: str, fields: str, **variables):
        data = self(
            f"mutation({declared}) {{ {name}({arguments}) {{ errors {{ field code message }} "
            f"{fields} }} }}",
            **variables,
        )
        payload = data[name]
        assert payload["errors"] == [], (name, payload["errors"])
        return payload


def _vat(parts: list[dict]) -> list[dict]:
    """The breakdown as plain strings, lowest rate first."""
    return sorted(
        (
            {
                "rate": str(Decimal(part["rate"]).normalize()),
                **{key: part[key]["amount"] for key in ("gross", "net", "vat")},
            }
            for part in parts
        ),
        key=lambda part: Decimal(part["rate"]),
    )


def _available(api: Frontend, sku: str) -> int:
    products = api(
        "{ products(first: 20) { nodes { variants { sku availability { quantityAvailable } } } } }"
    )["products"]["nodes"]
    [quantity] = [
        variant["availability"]["quantityAvailable"]
        for product in products
        for variant in product["variants"]
        if variant["sku"] == sku
    ]
    return quantity


def test_a_visitor_buys_books_and_a_poster_with_a_voucher_through_graphql_only(
    live_server, stripe_settings, stripe_client, localstripe_url
):
    builders.product(
        title="Museumgids", variants=[builders.variant("BOOK", "20.00")], stock=8, vat_rate=6
    )
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "30.00")], stock=5)
    belgium = builders.shipping("BE", "7.00", free_above=Decimal("100.00"))
    builders.pickup()
    builders.voucher("MUSEUM10", value="10")
    api = Frontend(live_server.url)
    assert (_available(api, "BOOK"), _available(api, "POSTER")) == (8, 5)

    token = "$token: UUID!"
    created = api.mutate(
        "checkoutCreate",
        "$input: CheckoutCreateInput!",
        "input: $input",
        f"checkout {{ {CHECKOUT} }}",
        input={
            "email": "e2e.buyer@example.be",
            "lines": [{"sku": "BOOK", "quantity": 2}],
            "locale": "en",
        },
    )
    checkout_token = created["checkout"]["token"]
    api.mutate(
        "checkoutLinesAdd",
        f"{token}, $lines: [CheckoutLineInput!]!",
        "token: $token, lines: $lines",
        "checkout { token }",
        token=checkout_token,
        lines=[{"sku": "POSTER", "quantity": 1}],
    )
    address = builders.address(firstName="Els", lastName="Declercq")
    for mutation, argument in (
        ("checkoutShippingAddressUpdate", "shippingAddress"),
        ("checkoutBillingAddressUpdate", "billingAddress"),
    ):
        api.mutate(
            mutation,
            f"{token}, $address: AddressInput!",
            f"token: $token, {argument}: $address",
            "checkout { token }",
            token=checkout_token,
            address=address,
        )
    api.mutate(
        "checkoutDeliveryMethodUpdate",
        f"{token}, $method: ID!",
        "token: $token, deliveryMethodId: $method",
        "checkout { token }",
        token=checkout_token,
        method=str(belgium.pk),
    )
    checkout = api.mutate(
        "checkoutAddPromoCode",
        f"{token}, $code: String!",
        "token: $token, promoCode: $code",
        f"checkout {{ {CHECKOUT} }}",
        token=checkout_token,
        code="museum10",
    )["checkout"]
    assert checkout["subtotal"]["gross"]["amount"] == "70.00"
    assert checkout["discount"]["amount"] == "7.00"
    assert checkout["shippingPrice"]["gross"]["amount"] == "7.00"
    assert checkout["total"] == {
        "gross": {"amount": "70.00"},
        "net": {"amount": "62.53"},
        "vat": {"amount": "7.47"},
    }
    assert _vat(checkout["vatBreakdown"]) == EXPECTED_VAT

    payment = api.mutate(
        "checkoutPaymentCreate",
        token,
        "token: $token",
        "payment { intentId clientSecret publishableKey amount { amount currency } }",
        token=checkout_token,
    )["payment"]
    assert payment["amount"] == {"amount": "70.00", "currency": "EUR"}
    assert payment["clientSecret"].startswith(payment["intentId"] + "_secret_")

    configure_webhook(localstripe_url, f"{live_server.url}{WEBHOOK}", ["payment_intent.succeeded"])
    try:
        # The browser's part: a card from Stripe's test numbers, then confirm.
        card = stripe_client.v1.payment_methods.create(
            params={
                "type": "card",
                "card": {
                    "number": "4242424242424242",
                    "exp_month": 12,
                    "exp_year": 2030,
                    "cvc": "123",
                },
            }
        )
        # localstripe takes the card on the intent first, then a bare confirm.
        stripe_client.v1.payment_intents.update(
            payment["intentId"], params={"payment_method": card.id}
        )
        confirmed = stripe_client.v1.payment_intents.confirm(payment["intentId"])
        assert confirmed.status == "succeeded"
        deadline = time.monotonic() + 20
        while not Order.objects.filter(checkout_token=checkout_token).exists():
            assert time.monotonic() < deadline, "localstripe's signed webhook placed no order"
            time.sleep(0.2)
    finally:
        configure_webhook(localstripe_url, f"{live_server.url}{WEBHOOK}", ["nothing.to.send"])
    # The event localstripe emitted for this payment is the one that was received, once.
    [emitted] = [
        event
        for event in stripe_client.v1.events.list(
            params={"type": "payment_intent.succeeded", "limit": 100}
        ).auto_paging_iter()
        if event.data.object.id == payment["intentId"]
    ]
    assert StripeEvent.objects.filter(event_id=emitted.id).count() == 1

    # The browser comes back from Stripe and completes: the webhook's order, not another.
    order = api.mutate(
        "checkoutComplete", token, "token: $token", f"order {{ {ORDER} }}", token=checkout_token
    )["order"]
    again = api.mutate(
        "checkoutComplete", token, "token: $token", "order { id }", token=checkout_token
    )["order"]

    assert again["id"] == order["id"]
    assert Order.objects.count() == 1
    placed = Order.objects.get()
    assert order["status"] == "PAID" == placed.status.upper()
    assert order["number"] == placed.invoice_number and order["number"].endswith("-000001")
    assert order["email"] == "e2e.buyer@example.be"
    assert [(line["sku"], line["quantity"], line["vatRate"]) for line in order["lines"]] == [
        ("BOOK", 2, 6),
        ("POSTER", 1, 21),
    ]
    assert (order["subtotal"], order["discount"], order["shippingPrice"]) == (
        {"amount": "70.00"},
        {"amount": "7.00"},
        {"amount": "7.00"},
    )
    assert (order["total"], order["totalNet"]) == ({"amount": "70.00"}, {"amount": "62.53"})
    assert _vat(order["vatBreakdown"]) == EXPECTED_VAT
    assert [event.type for event in placed.events.all()][:2] == [
        OrderEvent.Type.PLACED,
        OrderEvent.Type.PAID,
    ]

    # Stock: the units are set aside for the order (they leave the shelf when fulfilled).
    assert [
        (row.variant.sku, row.quantity, row.allocated)
        for row in Stock.objects.select_related("variant").order_by("variant__sku")
    ] == [("BOOK", 8, 2), ("POSTER", 5, 1)]
    assert (_available(api, "BOOK"), _available(api, "POSTER")) == (6, 4)

    deadline = time.monotonic() + 5
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.1)
    [confirmation] = mail.outbox
    assert confirmation.to == ["e2e.buyer@example.be"]
    assert order["number"] in confirmation.subject
    assert "70.00" in confirmation.body
