"""Stripe's webhook events, handled once each and only ever forward.

payment_intent.succeeded places the order, payment_intent.payment_failed marks the
attempt, charge.refunded records a refund made in the Stripe dashboard.

`handle()` writes the event's id (unique) in the same transaction as its effects: a
replayed event finds its id and does nothing; an event whose handling fails leaves no
id and no half-made order behind, and the view answers 500 so Stripe sends it again.

A signed event whose shape is not what Stripe sends (an empty `data.object`, an id that
is not a string, a refund amount that is not a number) raises MalformedEvent before
anything is written: sending it again cannot make it better, so the view answers 2xx
and logs it, instead of a 500 that Stripe would retry for three days.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

import stripe
from django.db import IntegrityError, transaction

from museum_site.museums.models import Museum
from shop.models import Payment, StripeEvent
from shop.services import orders
from shop.services.errors import CheckoutErrorCode, PayloadError

logger = logging.getLogger(__name__)

# Payment statuses an event may move a payment to, from each status (forward only).
PAYMENT_FAILED_FROM = {Payment.Status.PENDING}


# Stripe's ids (evt_…, pi_…) are short ASCII words; anything else is not Stripe's.
STRIPE_ID = re.compile(r"[A-Za-z0-9_]{1,255}")
PAYMENT_INTENT_EVENTS = {"payment_intent.succeeded", "payment_intent.payment_failed"}


class MalformedEvent(ValueError):
    """A signed event that is not shaped as Stripe's: nothing to apply, nothing to retry."""


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and STRIPE_ID.fullmatch(value) is not None


def _read(event: Mapping) -> tuple[str, str, dict]:
    """The event's id, type and object, checked for what `handle` uses of them."""
    raw = event.to_dict() if hasattr(event, "to_dict") else dict(event)
    event_id, kind, data = raw.get("id"), raw.get("type"), raw.get("data")
    subject = data.get("object") if isinstance(data, Mapping) else None
    if not _is_id(event_id) or not isinstance(kind, str) or not isinstance(subject, Mapping):
        raise MalformedEvent("no id, type or data.object")
    if kind in PAYMENT_INTENT_EVENTS and not _is_id(subject.get("id")):
        raise MalformedEvent(f"{kind} without a PaymentIntent id")
    if kind == "charge.refunded":
        intent, refunded = subject.get("payment_intent"), subject.get("amount_refunded")
        if intent is not None and not _is_id(intent):
            raise MalformedEvent("charge.refunded with a bad payment_intent")
        if intent is not None and (
            not isinstance(refunded, int) or isinstance(refunded, bool) or refunded < 0
        ):
            raise MalformedEvent("charge.refunded without amount_refunded")
    return event_id, kind[:255], dict(subject)


def handle(event: stripe.Event, museum: Museum | None = None) -> bool:
    """Apply the event; False if it had been handled before. Raises on failure, and
    MalformedEvent (before writing anything) when the event is not shaped as Stripe's.

    Given the museum whose endpoint received it, an event about another museum's payment
    is not applied (logged): each account speaks only for its own money."""
    event_id, kind, subject = _read(event)
    if museum is not None and not _is_of(museum, kind, subject):
        logger.warning("Stripe event %s is not about %s's payments; ignored", event_id, museum)
        return False
    with transaction.atomic():
        try:
            with transaction.atomic():
                StripeEvent.objects.create(event_id=event_id, type=kind)
        except IntegrityError:
            return False
        # `subject` is a PaymentIntent, or a Charge for charge.refunded
        placed = None
        if kind == "payment_intent.succeeded":
            placed = _succeeded(subject["id"])
        elif kind == "charge.refunded":
            if subject.get("payment_intent"):
                orders.refunded_at_stripe(subject["payment_intent"], subject["amount_refunded"])
        elif kind == "payment_intent.payment_failed":
            Payment.objects.filter(intent_id=subject["id"], status__in=PAYMENT_FAILED_FROM).update(
                status=Payment.Status.FAILED
            )
    if placed is not None:
        # An order that could not be served is refunded at Stripe now, with the event's
        # transaction committed (no lock waits on Stripe). If Stripe does not answer,
        # the event is forgotten so that Stripe's retry finishes the refund.
        try:
            orders.finish_auto_refund(placed.order, placed.refund, placed.paid_with)
        except PayloadError:
            StripeEvent.objects.filter(event_id=event_id).delete()
            raise
    return True


def _is_of(museum: Museum, kind: str, subject: dict) -> bool:
    intent = subject.get("id") if kind.startswith("payment_intent.") else None
    intent = intent or subject.get("payment_intent")
    if not intent:
        return True
    owner = Payment.objects.filter(intent_id=intent).values_list("museum_id", flat=True).first()
    return owner is None or owner == museum.pk


def _succeeded(intent_id: str) -> orders.Completion | None:
    """The completion of the paid checkout (its order placed now or before), or None."""
    payment = Payment.objects.filter(intent_id=intent_id).first()
    if payment is None:
        logger.warning("payment_intent.succeeded for %s, which is not ours", intent_id)
        return None
    try:
        return orders.complete(payment.checkout_token)
    except PayloadError as error:
        if error.code is CheckoutErrorCode.NOT_FOUND:
            # The checkout went without an order (a buyer deleting it is not possible
            # today); nothing to attach the money to. Staff see the payment.
            logger.error("Paid checkout %s is gone", payment.checkout_token)
            return None
        raise
