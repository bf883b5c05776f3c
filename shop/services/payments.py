"""Talking to Stripe: PaymentIntents for checkouts, refunds for orders.

Every write carries an idempotency key derived from what it is for (checkout token and
attempt, order and refund number), so a retried request (a timeout, a webhook redelivered)
never charges or refunds twice at Stripe. localstripe, which the tests run against,
ignores these keys: our own code is idempotent without them (locks, unique constraints).

Settings, read with defaults so the shop runs without them in development:
STRIPE_API_BASE (unset: real Stripe), STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY,
STRIPE_WEBHOOK_SECRET.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

import stripe
from django.conf import settings
from django.db import transaction
from django.db.models import Max

from shop.graphql.errors import PayloadError
from shop.models import Payment
from shop.services import checkout_lines, delivery
from shop.services.checkout import _locked
from shop.services.checkout_totals import totals
from shop.services.errors import CheckoutErrorCode


def client() -> stripe.StripeClient:
    """A client for the configured Stripe (or localstripe). A client per call, not the
    module-level `stripe.api_base`: settings overridden in tests and threads completing
    checkouts at once must not see each other's configuration."""
    base = getattr(settings, "STRIPE_API_BASE", None)
    return stripe.StripeClient(
        getattr(settings, "STRIPE_SECRET_KEY", "") or "sk_test_unset",
        base_addresses={"api": base} if base else None,
        max_network_retries=2,
    )


def to_cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class PaymentStart:
    payment: Payment
    client_secret: str
    publishable_key: str


def start_payment(token: uuid.UUID, customer=None) -> PaymentStart:
    """Create a PaymentIntent for what the checkout costs now, and remember it.

    The checkout must be ready to become an order (lines, e-mail, delivery), so the
    buyer is not charged for something `checkoutComplete` would refuse. Each call is a
    new attempt with its own idempotency key: a changed cart needs a new amount.
    """
    with transaction.atomic():
        checkout = _locked(token)
        lines = checkout_lines.current_lines(checkout)
        check_ready(checkout, lines)
        due = totals(checkout, lines).total.gross
        if due.amount <= 0:
            raise PayloadError(
                CheckoutErrorCode.INVALID, "There is nothing to pay for this checkout.", "token"
            )
        attempt = (
            Payment.objects.filter(checkout_token=checkout.token).aggregate(last=Max("attempt"))[
                "last"
            ]
            or 0
        ) + 1
        try:
            intent = client().v1.payment_intents.create(
                params={
                    "amount": to_cents(due.amount),
                    "currency": due.currency.lower(),
                    "metadata": {"checkout": str(checkout.token), "attempt": str(attempt)},
                },
                options={"idempotency_key": f"checkout-{checkout.token}-payment-{attempt}"},
            )
        except stripe.StripeError as error:
            raise PayloadError(
                CheckoutErrorCode.PAYMENT_ERROR,
                "The payment service is not available; please try again.",
                "token",
            ) from error
        payment = Payment.objects.create(
            checkout_token=checkout.token,
            attempt=attempt,
            intent_id=intent.id,
            amount=due.amount,
            currency=due.currency,
            customer=customer,
        )
    return PaymentStart(
        payment=payment,
        client_secret=intent.client_secret or "",
        publishable_key=getattr(settings, "STRIPE_PUBLISHABLE_KEY", ""),
    )


def check_ready(checkout, lines) -> None:
    """What an order needs from a checkout, all errors at once."""
    errors = []
    if not lines:
        errors.append(PayloadError(CheckoutErrorCode.NO_LINES, "The checkout is empty.", "lines"))
    if not checkout.email:
        errors.append(
            PayloadError(CheckoutErrorCode.EMAIL_NOT_SET, "Enter an e-mail address.", "email")
        )
    if not checkout.billing_address_id:
        errors.append(
            PayloadError(
                CheckoutErrorCode.BILLING_ADDRESS_NOT_SET,
                "Enter a billing address.",
                "billingAddress",
            )
        )
    if lines and delivery.is_shipping_required(lines):
        method = checkout.delivery_method
        if method is None or not method.active:
            errors.append(
                PayloadError(
                    CheckoutErrorCode.SHIPPING_METHOD_NOT_SET,
                    "Choose a delivery method.",
                    "deliveryMethodId",
                )
            )
        elif not method.is_pickup and not checkout.shipping_address_id:
            errors.append(
                PayloadError(
                    CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET,
                    "Enter a shipping address.",
                    "shippingAddress",
                )
            )
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ExceptionGroup("checkout not ready", errors)


def retrieve_intent(intent_id: str) -> stripe.PaymentIntent:
    return client().v1.payment_intents.retrieve(intent_id)


def refund(intent_id: str, amount: Decimal, idempotency_key: str) -> stripe.Refund:
    """Give money back at Stripe; the key names the order and the refund's number."""
    return client().v1.refunds.create(
        params={"payment_intent": intent_id, "amount": to_cents(amount)},
        options={"idempotency_key": idempotency_key},
    )
