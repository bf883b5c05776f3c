"""Which Stripe account a museum's money goes to: the one place that decides.

Each museum of the group has its own Stripe account (Saleor keeps a payment account per
channel): its secret and publishable keys and the signing secret of its webhook endpoint
(/shop/stripe/webhook/<slug>/) are on the museum. The default museum may leave them empty
and use the STRIPE_* settings, as a one-museum install always did; any other museum
without keys has no account, and its checkouts cannot be paid (never into another
museum's account).

STRIPE_API_BASE points every account at a Stripe stand-in; STRIPE_API_BASES (slug → URL)
gives a museum its own stand-in, so tests and the demo run one localstripe per museum.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

import requests
import stripe
from django.conf import settings

from museum_site.museums.models import Museum


@dataclass(frozen=True)
class StripeAccount:
    museum_slug: str
    secret_key: str
    publishable_key: str
    webhook_secret: str
    api_base: str | None

    @property
    def is_configured(self) -> bool:
        return bool(self.secret_key)

    def client(self) -> stripe.StripeClient:
        """A client of this account, not the module-level `stripe.api_base`: settings
        overridden in tests and threads paying different museums must not see each
        other's. Kept per key, address and thread (`_client`)."""
        return _client(self.secret_key or "sk_test_unset", self.api_base, threading.get_ident())


@functools.lru_cache(maxsize=64)
def _client(secret_key: str, api_base: str | None, _thread: int) -> stripe.StripeClient:
    """One client per account and address for each of the process's threads: making one
    builds its HTTP client and TLS context, about 15 ms of CPU, which every
    checkoutComplete paid; a kept one also keeps its connections open.

    Its requests session reads no environment: by default requests looks for proxy
    settings in every variable of the environment on every request, a third of a
    Stripe call's CPU here (0.4 of 1.3 ms a retrieve, bench/checkout.py). The proxy the
    environment names for Stripe's address (HTTPS_PROXY, NO_PROXY) is read once, here.
    A session is not shared between threads (stripe-python#531), hence a client per
    thread; the server's threads are long-lived."""
    base = api_base or stripe.DEFAULT_API_BASE
    session = requests.Session()
    session.trust_env = False
    proxies = requests.utils.get_environ_proxies(base)
    proxy = {scheme: proxies[scheme] for scheme in ("http", "https") if scheme in proxies}
    return stripe.StripeClient(
        secret_key,
        base_addresses={"api": api_base} if api_base else None,
        max_network_retries=2,
        http_client=stripe.RequestsClient(session=session, proxy=proxy or None),
    )


def account_for(museum: Museum) -> StripeAccount:
    bases = getattr(settings, "STRIPE_API_BASES", None) or {}
    base = bases.get(museum.slug) or getattr(settings, "STRIPE_API_BASE", None) or None
    if museum.stripe_secret_key:
        return StripeAccount(
            museum.slug,
            museum.stripe_secret_key,
            museum.stripe_publishable_key,
            museum.stripe_webhook_secret,
            base,
        )
    if museum.is_default:
        return StripeAccount(
            museum.slug,
            getattr(settings, "STRIPE_SECRET_KEY", "") or "sk_test_unset",
            getattr(settings, "STRIPE_PUBLISHABLE_KEY", ""),
            getattr(settings, "STRIPE_WEBHOOK_SECRET", ""),
            base,
        )
    return StripeAccount(museum.slug, "", "", "", base)


def account_of_intent(intent_id: str) -> StripeAccount:
    """The account a PaymentIntent was created in: its payment's museum's."""
    from shop.models import Payment

    payment = Payment.objects.select_related("museum__site").filter(intent_id=intent_id).first()
    museum = payment.museum if payment is not None else Museum.objects.default()
    return account_for(museum)
