"""Paying with a card first: checkoutPaymentMethodSetup, Stripe.js's confirmCardSetup,
checkoutPaymentCreate(paymentMethodId), 3-D Secure, checkoutComplete — against localstripe.

The reference frontend pays this way because localstripe's Stripe.js stand-in has only
the Card Element. What the browser's Stripe.js does is sent here as the stand-in sends it
(`localstripe-v3.js`): the same URLs, JSON bodies and publishable key.
"""

from __future__ import annotations

import json
import urllib.request
from decimal import Decimal

import pytest

from shop.models import Order, Payment
from tests.shop import builders

pytestmark = pytest.mark.django_db

SETUP = """mutation($token: UUID!) { checkoutPaymentMethodSetup(token: $token) {
  errors { field code message } setup { clientSecret publishableKey stripeJsUrl attempt } } }"""
PAY = """mutation($token: UUID!, $pm: String) {
  checkoutPaymentCreate(token: $token, paymentMethodId: $pm) {
    errors { field code message }
    payment { intentId clientSecret status stripeJsUrl attempt amount { amount } } } }"""
COMPLETE = """mutation($token: UUID!) { checkoutComplete(token: $token) {
  errors { field code } order { number status total { amount } } } }"""

VISA = "4242424242424242"
THREE_D_SECURE = "4000002760003184"
DECLINED_WHEN_CHARGED = "4000000000000341"


@pytest.fixture
def shop():
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=3)
    builders.pickup()


@pytest.fixture
def api(graphql, stripe_settings):
    stripe_settings.STRIPE_JS_URL = f"{stripe_settings.STRIPE_API_BASE}/js.stripe.com/v3/"

    def call(query: str, **variables) -> dict:
        result = graphql(query, variables)
        assert "errors" not in result, result["errors"]
        return next(iter(result["data"].values()))

    return call


def _stand_in(localstripe_url: str, path: str, body: dict) -> dict:
    """POST as localstripe-v3.js does: JSON body carrying the publishable key."""
    request = urllib.request.Request(
        f"{localstripe_url}{path}",
        data=json.dumps({"key": "pk_test_vitrine", **body}).encode(),
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        return json.load(error)


def confirm_card_setup(localstripe_url: str, client_secret: str, number: str) -> dict:
    """`stripe.confirmCardSetup(secret, {payment_method: {card}})` with a typed card."""
    setup_intent = client_secret.split("_secret_")[0]
    return _stand_in(
        localstripe_url,
        f"/v1/setup_intents/{setup_intent}/confirm",
        {
            "use_stripe_sdk": True,
            "client_secret": client_secret,
            "payment_method_data": {
                "type": "card",
                "card": {"number": number, "exp_month": "12", "exp_year": "2034", "cvc": "123"},
                "billing_details": {"address": {"postal_code": "2000"}},
            },
        },
    )


def authenticate(localstripe_url: str, client_secret: str, success: bool = True) -> dict:
    """`stripe.confirmCardPayment(secret)`: the buyer passes (or fails) 3-D Secure."""
    intent = client_secret.split("_secret_")[0]
    return _stand_in(
        localstripe_url,
        f"/v1/payment_intents/{intent}/_authenticate?success={str(success).lower()}",
        {"client_secret": client_secret},
    )


def card(api, localstripe_url, token, number: str = VISA) -> str:
    setup = api(SETUP, token=str(token))
    assert setup["errors"] == [], setup["errors"]
    confirmed = confirm_card_setup(localstripe_url, setup["setup"]["clientSecret"], number)
    assert confirmed.get("status") == "succeeded", confirmed
    return confirmed["payment_method"]


def test_setup_answers_what_stripe_js_needs(api, shop, localstripe_url, stripe_client):
    checkout = builders.ready_checkout(("POSTER", 1))

    payload = api(SETUP, token=str(checkout.token))

    assert payload["errors"] == []
    setup = payload["setup"]
    assert setup["publishableKey"] == "pk_test_vitrine" and setup["attempt"] == 1
    assert setup["stripeJsUrl"] == f"{localstripe_url}/js.stripe.com/v3/"
    intent = stripe_client.v1.setup_intents.retrieve(setup["clientSecret"].split("_secret_")[0])
    assert intent.status == "requires_payment_method"
    assert intent.metadata["checkout"] == str(checkout.token)
    assert not Payment.objects.exists(), "a card set-up is not a payment attempt"


def test_a_confirmed_card_pays_at_once_and_the_checkout_becomes_a_paid_order(
    api, shop, localstripe_url, stripe_client
):
    checkout = builders.ready_checkout(("POSTER", 2))
    method = card(api, localstripe_url, checkout.token)

    payload = api(PAY, token=str(checkout.token), pm=method)

    assert payload["errors"] == []
    started = payload["payment"]
    assert (started["status"], started["amount"], started["attempt"]) == (
        "succeeded",
        {"amount": "24.20"},
        1,
    )
    intent = stripe_client.v1.payment_intents.retrieve(started["intentId"])
    assert (intent.amount, intent.payment_method, intent.status) == (2420, method, "succeeded")
    order = api(COMPLETE, token=str(checkout.token))
    assert order["errors"] == []
    assert order["order"]["status"] == "PAID" and order["order"]["total"]["amount"] == "24.20"
    assert Order.objects.get().total_gross == Decimal("24.20")


def test_a_card_that_asks_for_3d_secure_is_paid_only_after_the_buyer_passes_it(
    api, shop, localstripe_url
):
    checkout = builders.ready_checkout(("POSTER", 1))
    setup = api(SETUP, token=str(checkout.token))["setup"]
    # Setting up such a card asks for 3-D Secure too; the stand-in's modal, confirmed.
    first = confirm_card_setup(localstripe_url, setup["clientSecret"], THREE_D_SECURE)
    assert first["status"] == "requires_action"
    confirmed = _stand_in(
        localstripe_url,
        f"/v1/setup_intents/{first['id']}/confirm",
        {"use_stripe_sdk": True, "client_secret": setup["clientSecret"]},
    )
    assert confirmed["status"] == "succeeded"

    started = api(PAY, token=str(checkout.token), pm=confirmed["payment_method"])["payment"]

    assert started["status"] == "requires_action"
    not_yet = api(COMPLETE, token=str(checkout.token))
    assert [error["code"] for error in not_yet["errors"]] == ["PAYMENT_NOT_SUCCEEDED"]
    assert not Order.objects.exists()
    assert authenticate(localstripe_url, started["clientSecret"])["status"] == "succeeded"
    assert api(COMPLETE, token=str(checkout.token))["order"]["status"] == "PAID"


def test_a_card_declined_when_charged_is_an_error_on_the_card_and_no_attempt(
    api, shop, localstripe_url
):
    checkout = builders.ready_checkout(("POSTER", 1))
    method = card(api, localstripe_url, checkout.token, DECLINED_WHEN_CHARGED)

    payload = api(PAY, token=str(checkout.token), pm=method)

    assert payload["payment"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("paymentMethodId", "PAYMENT_ERROR")
    ]
    assert not Payment.objects.exists()
    # Another card is a new request: it pays.
    again = api(PAY, token=str(checkout.token), pm=card(api, localstripe_url, checkout.token))
    assert again["payment"]["status"] == "succeeded" and again["payment"]["attempt"] == 1


@pytest.mark.parametrize("value", ["nonsense", "pm_", "pm_abc?x=1", "seti_123"])
def test_what_is_not_a_payment_method_id_is_refused_before_stripe(api, shop, value):
    checkout = builders.ready_checkout(("POSTER", 1))

    payload = api(PAY, token=str(checkout.token), pm=value)

    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("paymentMethodId", "INVALID")]
    assert not Payment.objects.exists()


def test_an_unknown_payment_method_is_an_error_not_a_crash(api, shop):
    checkout = builders.ready_checkout(("POSTER", 1))

    payload = api(PAY, token=str(checkout.token), pm="pm_doesnotexist123")

    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("paymentMethodId", "INVALID")]
    assert not Payment.objects.exists()


def test_setup_refuses_a_checkout_that_is_not_ready(api, shop):
    from shop.services import checkout as service
    from shop.services.checkout_lines import LineRequest

    checkout = service.create(lines=[LineRequest(sku="POSTER", quantity=1)])

    payload = api(SETUP, token=str(checkout.token))

    assert payload["setup"] is None
    assert ("email", "EMAIL_NOT_SET") in [(e["field"], e["code"]) for e in payload["errors"]]


def test_without_a_card_the_intent_waits_for_stripe_js_as_before(api, shop):
    checkout = builders.ready_checkout(("POSTER", 1))

    started = api(PAY, token=str(checkout.token))["payment"]

    assert started["status"] == "requires_payment_method" and started["attempt"] == 1
