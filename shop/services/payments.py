"""Talking to Stripe: PaymentIntents for checkouts, refunds for orders.

Every write carries an idempotency key derived from what it is for (checkout token and
attempt, order and refund number), so a retried request (a timeout, a webhook redelivered)
never charges or refunds twice at Stripe. localstripe, which the tests run against,
ignores these keys: our own code is idempotent without them (locks, unique constraints).

Each museum's money goes to its own Stripe account (shop/stripe_accounts.py): a checkout
is paid with its museum's keys, and a refund or a look-up of an intent uses the account
the intent was created in. Settings, read with defaults so the shop runs without them in
development: STRIPE_API_BASE (unset: real Stripe), STRIPE_SECRET_KEY,
STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET (the default museum's account when it has
no keys of its own), STRIPE_JS_URL (where the browser loads Stripe.js: Stripe's own in
production, localstripe's stand-in in the demo and the tests).

Two ways to pay. With a PaymentIntent alone (`start_payment(token)`), the browser confirms
it with the Payment Element. With a card first (`setup_card`, then
`start_payment(token, payment_method_id)`), the browser collects the card with the Card
Element and `confirmCardSetup`, and the server creates and confirms the PaymentIntent with
that card; the browser only handles 3-D Secure (`confirmCardPayment`). The second way is
what the reference frontend uses: it works on real Stripe and on localstripe, whose
Stripe.js stand-in has no Payment Element and whose server cannot confirm a PaymentIntent
with a payment method given at confirmation.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from decimal import Decimal

import stripe
from django.conf import settings
from django.db import transaction
from django.db.models import Max

from museum_site.museums.models import Museum
from shop.models import Payment
from shop.services import checkout_extensions, checkout_lines, delivery
from shop.services.checkout import _locked
from shop.services.checkout_totals import totals
from shop.services.errors import CheckoutErrorCode, PayloadError
from shop.stripe_accounts import StripeAccount, account_for, account_of_intent


def client(museum: Museum | None = None) -> stripe.StripeClient:
    """A client for the museum's Stripe account (the default museum's when None)."""
    return account_for(museum or Museum.objects.default()).client()


def _checkout_account(checkout) -> StripeAccount:
    """The checkout's museum's account; a museum without one cannot take money."""
    account = account_for(checkout.museum)
    if not account.is_configured:
        raise service_unavailable()
    return account


def to_cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def publishable_key(museum: Museum | None = None) -> str:
    return account_for(museum or Museum.objects.default()).publishable_key


def stripe_js_url() -> str:
    """Where the browser loads Stripe.js from; only the checkout page loads it."""
    return getattr(settings, "STRIPE_JS_URL", "") or "https://js.stripe.com/v3/"


@dataclass(frozen=True)
class PaymentStart:
    payment: Payment
    client_secret: str
    publishable_key: str
    status: str = "requires_payment_method"


@dataclass(frozen=True)
class CardSetup:
    setup_intent_id: str
    client_secret: str
    attempt: int


# A SetupIntent moves no money; its idempotency key only stops a retried request from
# creating a second one. Once the browser used one, the same key would replay it, so the
# next key of the same attempt is tried: at most this many per attempt.
SETUPS_PER_ATTEMPT = 20


def _next_attempt(checkout) -> int:
    last = Payment.objects.filter(checkout_token=checkout.token).aggregate(last=Max("attempt"))
    return (last["last"] or 0) + 1


def _amount_due(checkout):
    """What the checkout costs now; it must be ready to become an order, so the buyer is
    not asked for money (or a card) for something `checkoutComplete` would refuse."""
    lines = checkout_lines.current_lines(checkout)
    check_ready(checkout, lines)
    due = totals(checkout, lines).total.gross
    if due.amount <= 0:
        raise PayloadError(
            CheckoutErrorCode.INVALID, "There is nothing to pay for this checkout.", "token"
        )
    return due


def service_unavailable() -> PayloadError:
    """The answer to any Stripe failure that is not the buyer's: try again later."""
    return PayloadError(
        CheckoutErrorCode.PAYMENT_ERROR,
        "The payment service is not available; please try again.",
        "token",
    )


def setup_card(token: uuid.UUID) -> CardSetup:
    """A SetupIntent for the card the buyer is about to enter (Card Element and
    `stripe.confirmCardSetup`); `start_payment` then charges that card."""
    with transaction.atomic():
        checkout = _locked(token)
        _amount_due(checkout)
        attempt = _next_attempt(checkout)
        account = _checkout_account(checkout)
    try:
        for number in range(1, SETUPS_PER_ATTEMPT + 1):
            intent = account.client().v1.setup_intents.create(
                params={
                    "usage": "on_session",
                    "payment_method_types": ["card"],
                    "metadata": {"checkout": str(checkout.token), "attempt": str(attempt)},
                },
                options={
                    "idempotency_key": f"checkout-{checkout.token}-payment-{attempt}-setup-{number}"
                },
            )
            if intent.status == "requires_payment_method":
                return CardSetup(intent.id, intent.client_secret or "", attempt)
    except stripe.StripeError as error:
        raise service_unavailable() from error
    raise PayloadError(
        CheckoutErrorCode.PAYMENT_ERROR, "Too many attempts to enter a card.", "token"
    )


def start_payment(
    token: uuid.UUID, customer=None, payment_method_id: str | None = None
) -> PaymentStart:
    """Create a PaymentIntent for what the checkout costs now, and remember it.

    The checkout must be ready to become an order (lines, e-mail, delivery). Each call is
    a new attempt with its own idempotency key: a changed cart needs a new amount. With
    `payment_method_id` (a card confirmed by `stripe.confirmCardSetup`) the intent is
    confirmed at once with that card: it comes back `succeeded`, or `requires_action`
    for 3-D Secure in the browser; a declined card is an error and records no attempt.
    The card is part of the key, so a retried request replays and a new card is new.
    """
    if payment_method_id is not None and not _is_payment_method_id(payment_method_id):
        raise PayloadError(
            CheckoutErrorCode.INVALID, "This is not a payment method.", "paymentMethodId"
        )
    checkout_extensions.hold(token)  # its own transaction: no lock held while Stripe is called
    with transaction.atomic():
        checkout = _locked(token)
        due = _amount_due(checkout)
        attempt = _next_attempt(checkout)
        account = _checkout_account(checkout)
        cancel_superseded(checkout.token)
        params: dict = {
            "amount": to_cents(due.amount),
            "currency": due.currency.lower(),
            "metadata": {"checkout": str(checkout.token), "attempt": str(attempt)},
        }
        key = f"checkout-{checkout.token}-payment-{attempt}"
        if payment_method_id is not None:
            params.update(
                payment_method=payment_method_id, payment_method_types=["card"], confirm=True
            )
            key = f"{key}-{payment_method_id}"
        try:
            intent = account.client().v1.payment_intents.create(
                params=params, options={"idempotency_key": key}
            )
        except stripe.CardError as error:
            raise PayloadError(
                CheckoutErrorCode.PAYMENT_ERROR,
                error.user_message or "The card was declined.",
                "paymentMethodId",
            ) from error
        except stripe.InvalidRequestError as error:
            if payment_method_id is None:
                raise service_unavailable() from error
            raise PayloadError(
                CheckoutErrorCode.INVALID, "This payment method cannot be used.", "paymentMethodId"
            ) from error
        except stripe.StripeError as error:
            raise service_unavailable() from error
        payment = Payment.objects.create(
            checkout_token=checkout.token,
            museum_id=checkout.museum_id,
            attempt=attempt,
            intent_id=intent.id,
            amount=due.amount,
            currency=due.currency,
            customer=customer,
        )
    return PaymentStart(
        payment=payment,
        client_secret=intent.client_secret or "",
        publishable_key=account.publishable_key,
        status=intent.status or "",
    )


def cancel_superseded(token: uuid.UUID) -> None:
    """Cancel the checkout's earlier PaymentIntents before a new attempt replaces them.

    A buyer who changes the cart after starting to pay gets a new intent for the new
    amount; the old one must not stay payable (an old browser tab, a retried
    confirmation), or the buyer could pay twice and one payment would have no order.
    If an earlier intent has already succeeded, the checkout is paid: no new attempt,
    the caller should complete it. Runs under the checkout's lock (start_payment), and
    each cancel has its own idempotency key.
    """
    pending = Payment.objects.select_for_update().filter(
        checkout_token=token, status=Payment.Status.PENDING
    )
    for payment in pending.order_by("attempt"):
        try:
            account_of_intent(payment.intent_id).client().v1.payment_intents.cancel(
                payment.intent_id,
                options={"idempotency_key": f"checkout-{token}-payment-{payment.attempt}-cancel"},
            )
            status = "canceled"
        except stripe.InvalidRequestError:
            status = _intent_status(payment.intent_id)  # it moved on before we got there
        except stripe.StripeError as error:
            raise service_unavailable() from error
        if status == "succeeded":
            raise PayloadError(
                CheckoutErrorCode.ALREADY_PAID,
                "This checkout has been paid already; complete it.",
                "token",
            )
        if status != "canceled":
            raise PayloadError(
                CheckoutErrorCode.PAYMENT_ERROR,
                f"An earlier payment is {status} and cannot be replaced now; try again shortly.",
                "token",
            )
        Payment.objects.filter(pk=payment.pk).update(status=Payment.Status.CANCELED)


def _intent_status(intent_id: str) -> str:
    try:
        return retrieve_intent(intent_id).status
    except stripe.StripeError as error:
        raise service_unavailable() from error


# Stripe's ids of a card: `pm_…` (and the legacy `card_…`), including its test ids such
# as `pm_card_visa`, whose tail has underscores.
PAYMENT_METHOD_ID = re.compile(r"(pm|card)_[A-Za-z0-9_]{1,250}")


def _is_payment_method_id(value: str) -> bool:
    """Stripe's ids of a card, nothing else (no spaces, no other objects' ids)."""
    return PAYMENT_METHOD_ID.fullmatch(value) is not None


def check_ready(checkout, lines) -> None:
    """What an order needs from a checkout, all errors at once."""
    errors = problems(checkout, lines)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ExceptionGroup("checkout not ready", errors)


def problems(checkout, lines) -> list[PayloadError]:
    """Why the checkout cannot be paid and become an order yet; empty when it can. The
    one statement of readiness: `checkoutPaymentCreate` refuses with these, and
    `Checkout.problems` shows them to the frontend before it asks."""
    errors = []
    if not lines and not checkout_extensions.priced_lines(checkout):
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
    return errors


def in_transaction() -> bool:
    """Whether code has a transaction open on this connection (a test case's own
    wrapping excepted): Stripe is called only when it has not, so that no row lock
    waits on the network (DESIGN, "No network call while row locks are held")."""
    blocks = transaction.get_connection().atomic_blocks
    return any(not getattr(block, "_from_testcase", False) for block in blocks)


def retrieve_intent(intent_id: str, account: StripeAccount | None = None) -> stripe.PaymentIntent:
    """`account`: the one the intent was made in, when the caller has its payment's museum
    at hand (one query less than looking it up by the intent)."""
    account = account or account_of_intent(intent_id)
    return account.client().v1.payment_intents.retrieve(intent_id)


def refund(
    intent_id: str, amount: Decimal, idempotency_key: str, account: StripeAccount | None = None
) -> stripe.Refund:
    """Give money back at Stripe; the key names the order and the refund's number.
    `account` as for `retrieve_intent`."""
    return (
        (account or account_of_intent(intent_id))
        .client()
        .v1.refunds.create(
            params={"payment_intent": intent_id, "amount": to_cents(amount)},
            options={"idempotency_key": idempotency_key},
        )
    )


def refunds_of(intent_id: str) -> list[stripe.Refund]:
    """Every refund Stripe holds for the PaymentIntent, whoever made it (us or staff in
    the Stripe dashboard)."""
    listed = (
        account_of_intent(intent_id)
        .client()
        .v1.refunds.list(params={"payment_intent": intent_id, "limit": 100})
    )
    return list(listed.auto_paging_iter())
