"""Stripe's webhook events, handled once each and only ever forward.

payment_intent.succeeded places the order, payment_intent.payment_failed marks the
attempt, charge.refunded records a refund made in the Stripe dashboard.

`handle()` writes the event's id (unique) in the same transaction as its effects: a
replayed event finds its id and does nothing; an event whose handling fails leaves no
id and no half-made order behind, and the view answers 500 so Stripe sends it again.
"""

from __future__ import annotations

import logging

import stripe
from django.db import IntegrityError, transaction

from shop.graphql.errors import PayloadError
from shop.models import Payment, StripeEvent
from shop.services import orders
from shop.services.errors import CheckoutErrorCode

logger = logging.getLogger(__name__)

# Payment statuses an event may move a payment to, from each status (forward only).
PAYMENT_FAILED_FROM = {Payment.Status.PENDING}


def handle(event: stripe.Event) -> bool:
    """Apply the event; False if it had been handled before. Raises on failure."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                StripeEvent.objects.create(event_id=event.id, type=event.type)
        except IntegrityError:
            return False
        subject = event.data.object  # a PaymentIntent, or a Charge for charge.refunded
        if event.type == "payment_intent.succeeded":
            _succeeded(subject["id"])
        elif event.type == "charge.refunded":
            charge = subject.to_dict()
            if charge.get("payment_intent"):
                orders.refunded_at_stripe(charge["payment_intent"], charge["amount_refunded"])
        elif event.type == "payment_intent.payment_failed":
            Payment.objects.filter(intent_id=subject["id"], status__in=PAYMENT_FAILED_FROM).update(
                status=Payment.Status.FAILED
            )
    return True


def _succeeded(intent_id: str) -> None:
    payment = Payment.objects.filter(intent_id=intent_id).first()
    if payment is None:
        logger.warning("payment_intent.succeeded for %s, which is not ours", intent_id)
        return
    try:
        orders.complete(payment.checkout_token)
    except PayloadError as error:
        if error.code is CheckoutErrorCode.NOT_FOUND:
            # The checkout went without an order (a buyer deleting it is not possible
            # today); nothing to attach the money to. Staff see the payment.
            logger.error("Paid checkout %s is gone", payment.checkout_token)
            return
        raise
