"""Calling the checkout API over /graphql/ the way a frontend does."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from shop import localstripe_process
from tests.shop.stripe_gate import StripeGate

CHECKOUT_FIELDS = """
  token email locale quantity isShippingRequired voucherCode
  lines { id sku quantity productTitle unitPrice { gross { amount } } }
  shippingAddress { firstName postalCode city country { code } }
  billingAddress { lastName country { code } }
  deliveryMethod { id name kind }
  availableDeliveryMethods { id kind }
  subtotal { gross { amount } }
  discount { amount }
  shippingPrice { gross { amount } }
  total { gross { amount currency } net { amount } vat { amount } }
"""
PAYLOAD = f"errors {{ field code message }} checkout {{ {CHECKOUT_FIELDS} }}"
TOKEN = "$token: UUID!"
LINES = "$lines: [CheckoutLineInput!]!"

MUTATIONS = {
    "checkoutCreate": ("$input: CheckoutCreateInput!", "input: $input"),
    "checkoutLinesAdd": (f"{TOKEN}, {LINES}", "token: $token, lines: $lines"),
    "checkoutLinesUpdate": (f"{TOKEN}, {LINES}", "token: $token, lines: $lines"),
    "checkoutLinesDelete": (f"{TOKEN}, $lineIds: [ID!]!", "token: $token, lineIds: $lineIds"),
    "checkoutEmailUpdate": (f"{TOKEN}, $email: String!", "token: $token, email: $email"),
    "checkoutShippingAddressUpdate": (
        f"{TOKEN}, $address: AddressInput!",
        "token: $token, shippingAddress: $address",
    ),
    "checkoutBillingAddressUpdate": (
        f"{TOKEN}, $address: AddressInput!",
        "token: $token, billingAddress: $address",
    ),
    "checkoutDeliveryMethodUpdate": (
        f"{TOKEN}, $method: ID!",
        "token: $token, deliveryMethodId: $method",
    ),
    "checkoutAddPromoCode": (f"{TOKEN}, $code: String!", "token: $token, promoCode: $code"),
    "checkoutRemovePromoCode": (TOKEN, "token: $token"),
}


@pytest.fixture
def shop_api(graphql):
    """shop_api("checkoutLinesAdd", token=..., lines=[...]) -> the payload
    {errors, checkout}; a GraphQL-level error (a crash, a schema mismatch) fails the test."""

    def call(name: str, **variables) -> dict:
        declared, arguments = MUTATIONS[name]
        result = graphql(
            f"mutation({declared}) {{ {name}({arguments}) {{ {PAYLOAD} }} }}", variables
        )
        assert "errors" not in result, result["errors"]
        return result["data"][name]

    return call


@pytest.fixture
def new_checkout(shop_api):
    """A checkout with these lines ([(sku, quantity)]); returns its token."""

    def create(*lines: tuple[str, int], **fields) -> str:
        payload = shop_api(
            "checkoutCreate",
            input={
                "lines": [{"sku": sku, "quantity": quantity} for sku, quantity in lines],
                **fields,
            },
        )
        assert payload["errors"] == [], payload["errors"]
        return payload["checkout"]["token"]

    return create


# --- Stripe: a real localstripe server for the whole session ---------------------------

WEBHOOK_SECRET = "whsec_vitrine_tests"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def localstripe_url() -> Iterator[str]:
    """localstripe (GPL, test-only) on a free loopback port, as the demo runs it.

    A payment test must never pass against nothing: if the server cannot start, every
    test that needs it FAILS with the reason, it is not skipped.
    """
    try:
        server, url = localstripe_process.start(_free_port(), keep_data=False)
    except localstripe_process.LocalstripeFailed as error:
        pytest.fail(f"{error} (is localstripe installed? pip install -e '.[test]')")
    yield url
    localstripe_process.stop(server)


@pytest.fixture
def stripe_settings(settings, localstripe_url):
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_SECRET_KEY = "sk_test_vitrine"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_vitrine"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.ROOT_URLCONF = "tests.shop.urls"
    return settings


@pytest.fixture
def stripe_gate(stripe_settings, localstripe_url) -> Iterator[StripeGate]:
    """localstripe behind a gate the test controls (tests/shop/stripe_gate.py): the shop
    talks to the gate, which watches, holds or drops its requests."""
    with StripeGate(localstripe_url) as gate:
        stripe_settings.STRIPE_API_BASE = gate.url
        yield gate
    if gate.errors:
        raise gate.errors[0]


def configure_webhook(localstripe_url: str, target: str, events: list[str]) -> None:
    """Point localstripe's one test webhook at `target` (or, with no events, nowhere)."""
    localstripe_process.register_webhook(localstripe_url, target, WEBHOOK_SECRET, tuple(events))


@pytest.fixture
def stripe_client(stripe_settings):
    from shop.services import payments

    return payments.client()


@pytest.fixture
def browser_pays(stripe_client):
    """What Stripe.js does in the buyer's browser: attach a test card and confirm."""

    def pay(intent_id: str, card: str = "pm_card_visa"):
        stripe_client.v1.payment_intents.update(intent_id, params={"payment_method": card})
        return stripe_client.v1.payment_intents.confirm(intent_id)

    return pay


PAYMENT_FIELDS = "errors { field code message } payment { intentId clientSecret publishableKey attempt amount { amount currency } }"
ORDER_FIELDS = """errors { field code message }
order { id number status email total { amount } refunded { amount }
        lines { sku productName quantity unitPrice { amount } vatRate downloadUrl } }"""


@pytest.fixture
def pay_api(graphql):
    """checkoutPaymentCreate / checkoutComplete over /graphql/, as the frontend calls them."""

    def call(name: str, token, **headers) -> dict:
        fields = PAYMENT_FIELDS if name == "checkoutPaymentCreate" else ORDER_FIELDS
        result = graphql(
            f"mutation($token: UUID!) {{ {name}(token: $token) {{ {fields} }} }}",
            {"token": str(token)},
            **headers,
        )
        assert "errors" not in result, result["errors"]
        return result["data"][name]

    return call
