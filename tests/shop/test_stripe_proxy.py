"""The Stripe client reads the environment's proxy settings once (shop.stripe_accounts),
not on every request: they still decide whether Stripe is reached through a proxy."""

from __future__ import annotations

import uuid

import pytest

from shop.stripe_accounts import StripeAccount
from tests.shop.stripe_gate import StripeGate

PROXY_VARIABLES = ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy")


@pytest.fixture
def proxy(localstripe_url, monkeypatch):
    """An HTTP proxy on loopback in front of localstripe, and an environment that names
    nothing else."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    with StripeGate(localstripe_url) as gate:
        yield gate


def _account(localstripe_url: str) -> StripeAccount:
    # Clients are kept per key: a fresh key makes one that reads the environment now.
    return StripeAccount("proxy", f"sk_test_{uuid.uuid4().hex}", "", "", localstripe_url)


def _create_and_read(account: StripeAccount) -> None:
    client = account.client()
    intent = client.v1.payment_intents.create(params={"amount": 500, "currency": "eur"})
    assert client.v1.payment_intents.retrieve(intent.id).amount == 500


def test_stripe_is_reached_through_the_proxy_the_environment_names(
    proxy, localstripe_url, monkeypatch
):
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    _create_and_read(_account(localstripe_url))
    assert [str(request) for request in proxy.asked] == [
        "POST /v1/payment_intents",
        f"GET {proxy.asked[1].path}",
    ]
    assert proxy.asked[1].path.startswith("/v1/payment_intents/pi_")


def test_an_address_the_environment_exempts_is_reached_directly(
    proxy, localstripe_url, monkeypatch
):
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    _create_and_read(_account(localstripe_url))
    assert proxy.asked == []


def test_without_proxy_settings_stripe_is_reached_directly(proxy, localstripe_url):
    _create_and_read(_account(localstripe_url))
    assert proxy.asked == []
