"""Each museum's money goes to its own Stripe account: one localstripe per museum here,
each on its own port with its own keys and webhook signing secret."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator

import pytest
import stripe
from django.utils import timezone

from museum_site.museums.models import Museum
from shop import localstripe_process
from shop.models import Order, Payment, StripeEvent
from shop.stripe_accounts import account_for
from tests.museums import builders
from tests.shop import builders as shop_builders
from tests.shop.conftest import _free_port

pytestmark = pytest.mark.django_db

SECRETS = {"fine-arts": "whsec_fine_arts", "design": "whsec_design"}


@pytest.fixture(scope="module")
def two_localstripes() -> Iterator[dict[str, str]]:
    started = []
    try:
        for slug in SECRETS:
            try:
                server, url = localstripe_process.start(_free_port(), keep_data=False)
            except localstripe_process.LocalstripeFailed as error:
                pytest.fail(str(error))
            started.append((slug, server, url))
        yield {slug: url for slug, _server, url in started}
    finally:
        for _slug, server, _url in started:
            localstripe_process.stop(server)


@pytest.fixture
def museums(settings, two_localstripes):
    settings.ALLOWED_HOSTS = ["localhost", "design.localhost", "testserver"]
    settings.ROOT_URLCONF = "tests.shop.urls"
    # The default museum uses the settings; the design museum its own keys.
    Museum.objects.filter(site__is_default_site=True).update(slug="fine-arts", invoice_prefix="FA")
    settings.STRIPE_API_BASE = two_localstripes["fine-arts"]
    settings.STRIPE_API_BASES = {"design": two_localstripes["design"]}
    settings.STRIPE_SECRET_KEY = "sk_test_fine_arts"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_fine_arts"
    settings.STRIPE_WEBHOOK_SECRET = SECRETS["fine-arts"]
    design = builders.museum(
        "design",
        stripe_secret_key="sk_test_design",
        stripe_publishable_key="pk_test_design",
        stripe_webhook_secret=SECRETS["design"],
        invoice_prefix="DM",
    )
    return Museum.objects.default(), design


PAY = """mutation($token: UUID!) { checkoutPaymentCreate(token: $token) {
  errors { code } payment { intentId publishableKey } } }"""
COMPLETE = """mutation($token: UUID!) { checkoutComplete(token: $token) {
  errors { code } order { number } } }"""


def buy(graphql, museum: Museum, sku: str, host: str) -> tuple[str, str]:
    checkout = shop_builders.ready_checkout((sku, 1), museum=museum, email="anna@example.be")
    answer = graphql(PAY, {"token": str(checkout.token)}, HTTP_HOST=host)
    payment = answer["data"]["checkoutPaymentCreate"]
    assert payment["errors"] == [], payment
    intent = payment["payment"]["intentId"]
    client = account_for(museum).client()  # what Stripe.js does in the browser
    client.v1.payment_intents.update(intent, params={"payment_method": "pm_card_visa"})
    client.v1.payment_intents.confirm(intent)
    done = graphql(COMPLETE, {"token": str(checkout.token)}, HTTP_HOST=host)
    assert done["data"]["checkoutComplete"]["errors"] == [], done
    return intent, payment["payment"]["publishableKey"]


def test_a_buyer_paying_two_museums_pays_each_into_its_own_account(graphql, museums):
    fine_arts, design = museums
    shop_builders.product(variants=[shop_builders.digital("FA-CARD")])
    builders.product(design, variants=[shop_builders.digital("D-CARD")])

    fine_intent, fine_key = buy(graphql, fine_arts, "FA-CARD", "localhost")
    design_intent, design_key = buy(graphql, design, "D-CARD", "design.localhost")

    assert (fine_key, design_key) == ("pk_test_fine_arts", "pk_test_design")
    assert Payment.objects.get(intent_id=design_intent).museum == design
    assert Order.objects.get(payments__intent_id=design_intent).museum == design
    assert Order.objects.get(payments__intent_id=fine_intent).museum == fine_arts
    # Each intent lives in its own museum's account, and only there.
    design_stripe, fine_stripe = account_for(design).client(), account_for(fine_arts).client()
    assert design_stripe.v1.payment_intents.retrieve(design_intent).status == "succeeded"
    assert fine_stripe.v1.payment_intents.retrieve(fine_intent).status == "succeeded"
    with pytest.raises(stripe.InvalidRequestError):
        fine_stripe.v1.payment_intents.retrieve(design_intent)
    with pytest.raises(stripe.InvalidRequestError):
        design_stripe.v1.payment_intents.retrieve(fine_intent)
    # Each order is numbered in its own museum's invoice series, each series starting at 1.
    year = timezone.now().year
    for intent, number in (
        (fine_intent, f"FA-{year}-000001"),
        (design_intent, f"DM-{year}-000001"),
    ):
        order = Order.objects.get(payments__intent_id=intent)
        assert order.invoice_number == number
        assert order.invoices.get().number == number


def test_another_museums_product_cannot_be_put_in_a_checkout(museums):
    from shop.services import checkout as service
    from shop.services.checkout_lines import LineRequest

    _fine_arts, design = museums
    shop_builders.product(variants=[shop_builders.digital("FA-ONLY")])
    with pytest.raises(Exception) as refused:
        service.create(museum=design, lines=[LineRequest(sku="FA-ONLY", quantity=1)])
    assert "FA-ONLY" in str(refused.value)


def test_a_museum_without_its_own_account_cannot_take_money(graphql, museums):
    _fine_arts, design = museums
    Museum.objects.filter(pk=design.pk).update(stripe_secret_key="")
    design.refresh_from_db()
    builders.product(design, variants=[shop_builders.digital("D-NOACCOUNT")])
    checkout = shop_builders.ready_checkout(("D-NOACCOUNT", 1), museum=design)
    answer = graphql(PAY, {"token": str(checkout.token)}, HTTP_HOST="design.localhost")
    assert answer["data"]["checkoutPaymentCreate"]["errors"] == [{"code": "PAYMENT_ERROR"}]
    assert not Payment.objects.exists()


def signed(body: bytes, secret: str) -> str:
    timestamp = int(time.time())
    signature = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256
    ).hexdigest()
    return f"t={timestamp},v1={signature}"


def test_an_event_signed_for_one_museum_is_refused_by_anothers_endpoint(client, museums):
    body = json.dumps(
        {
            "id": "evt_for_fine_arts",
            "object": "event",
            "type": "payment_intent.payment_failed",
            "data": {"object": {"id": "pi_unknown", "object": "payment_intent"}},
        }
    ).encode()
    header = signed(body, SECRETS["fine-arts"])
    refused = client.post(
        "/shop/stripe/webhook/design/",
        body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header,
    )
    assert refused.status_code == 400
    assert not StripeEvent.objects.exists()
    for url in ("/shop/stripe/webhook/fine-arts/", "/shop/stripe/webhook/"):
        accepted = client.post(
            url, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
        )
        assert accepted.status_code == 200
    assert StripeEvent.objects.filter(event_id="evt_for_fine_arts").count() == 1
    unknown = client.post(
        "/shop/stripe/webhook/nowhere/",
        body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header,
    )
    assert unknown.status_code == 404


def test_an_event_about_another_museums_payment_is_not_applied(client, museums):
    fine_arts, _design = museums
    Payment.objects.create(
        checkout_token="00000000-0000-0000-0000-000000000001",
        museum=fine_arts,
        attempt=1,
        intent_id="pi_of_fine_arts",
        amount="5.00",
    )
    body = json.dumps(
        {
            "id": "evt_wrong_account",
            "object": "event",
            "type": "payment_intent.payment_failed",
            "data": {"object": {"id": "pi_of_fine_arts", "object": "payment_intent"}},
        }
    ).encode()
    answer = client.post(
        "/shop/stripe/webhook/design/",
        body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signed(body, SECRETS["design"]),
    )
    assert answer.status_code == 200
    assert Payment.objects.get(intent_id="pi_of_fine_arts").status == Payment.Status.PENDING
