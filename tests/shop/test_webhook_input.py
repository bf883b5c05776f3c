"""A signed Stripe event we cannot read is answered 2xx and logged, never 500: Stripe
retries every non-2xx answer for three days, and a malformed event stays malformed.
An unsigned body is still a 400, and a real failure still a 500."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import pytest

from shop.models import StripeEvent
from tests.shop.conftest import WEBHOOK_SECRET

pytestmark = pytest.mark.django_db

URL = "/shop/stripe/webhook/"


@pytest.fixture(autouse=True)
def _secret(settings):
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET


def post_signed(client, body: str | bytes):
    raw = body.encode() if isinstance(body, str) else body
    timestamp = int(time.time())
    signature = hmac.new(
        WEBHOOK_SECRET.encode(), f"{timestamp}.".encode() + raw, hashlib.sha256
    ).hexdigest()
    return client.post(
        URL,
        raw,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=f"t={timestamp},v1={signature}",
    )


def event(kind: str, subject) -> str:
    return json.dumps(
        {"id": "evt_malformed_1", "object": "event", "type": kind, "data": {"object": subject}}
    )


@pytest.mark.parametrize(
    "body",
    [
        event("payment_intent.succeeded", {}),
        event("payment_intent.payment_failed", {}),
        event("payment_intent.succeeded", {"id": 42}),
        event("payment_intent.succeeded", {"id": "pi_\u0000x"}),
        event("payment_intent.succeeded", None),
        event("charge.refunded", {"payment_intent": "pi_1", "amount_refunded": "all"}),
        event("charge.refunded", {"payment_intent": {"id": "pi_1"}, "amount_refunded": 100}),
        json.dumps({"id": "evt_x", "type": "payment_intent.succeeded"}),
        json.dumps(
            {
                "id": "evt_\u0000",
                "type": "payment_intent.succeeded",
                "data": {"object": {"id": "pi_1"}},
            }
        ),
        json.dumps([1, 2]),
        json.dumps("event"),
        "{not json",
    ],
    ids=lambda body: str(body)[:60],
)
def test_a_signed_event_we_cannot_read_is_acknowledged_and_not_stored(client, body, caplog):
    response = post_signed(client, body)
    assert response.status_code == 200
    assert not StripeEvent.objects.exists()
    assert any("ignored" in record.getMessage() for record in caplog.records)


def test_an_event_of_a_type_we_do_not_handle_is_stored_once(client):
    body = event("customer.created", {"id": "cus_1"})
    assert post_signed(client, body).status_code == 200
    assert post_signed(client, body).status_code == 200
    assert StripeEvent.objects.count() == 1


def test_an_unsigned_or_undecodable_body_is_still_refused(client):
    body = event("payment_intent.succeeded", {})
    assert client.post(URL, body, content_type="application/json").status_code == 400
    assert (
        client.post(
            URL, b"\xff\xfe", content_type="application/json", HTTP_STRIPE_SIGNATURE="t=1,v1=ab"
        ).status_code
        == 400
    )
