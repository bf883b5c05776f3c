"""Demo orders in every state, in every demo museum, so staff can try the order screens:
paid, fulfilled, partly refunded, refunded, cancelled, and one with a return request.

`load_demo_orders` (the `vitrine_load_demo` hook, after the museums and their shops)
makes them as a completed checkout would (totals, lines, stock set aside, an invoice of
the museum's series, a card payment) without talking to Stripe: `load_demo` runs
without one. Running it again creates nothing: orders are found by a checkout token
derived from the museum and the state.

A refund needs a PaymentIntent the running Stripe stand-in knows, and localstripe's
memory does not outlive every restart (its saved file may be gone, or a new port
started from scratch). So `rundemo`, once localstripe answers, calls
`ensure_payments_known`: every card payment of an order with money left to refund is
looked up there, and one localstripe does not know is paid again there (a captured
PaymentIntent for the same amount, test card) and the payment row points at it. Staff
then refund any demo order from the admin, after any restart.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import TextIO

import stripe
from django.db import transaction
from django.utils import timezone

from museum_site.museums.models import Museum
from shop import models
from shop.pricing import PricedLine, checkout_totals
from shop.services import invoices, payments, stock
from shop.services.orders import event

DEMO_EMAIL_DOMAIN = "demo.vitrine.example"
TEST_CARD = "pm_card_visa"


@dataclass(frozen=True)
class OrderState:
    key: str
    days_ago: int
    quantity: int = 1


STATES = (
    OrderState("paid", 1),
    OrderState("fulfilled", 6),
    OrderState("partly-refunded", 9, quantity=2),
    OrderState("refunded", 12),
    OrderState("cancelled", 2),
    OrderState("return-requested", 8),
)


def demo_token(museum: Museum, state: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"vitrine-demo-order:{museum.slug}:{state}")


def load_demo_orders(stdout: TextIO | None = None) -> int:
    """Make the missing demo orders of every museum with a shop; returns how many exist."""
    count = 0
    for museum in Museum.objects.order_by("pk"):
        variant = _variant_of(museum)
        if variant is None:
            continue  # no shop loaded for this museum
        for state in STATES:
            with transaction.atomic():
                if _order(museum, variant, state) is not None:
                    count += 1
    if stdout:
        stdout.write(f"Shop: {count} demo orders (paid, fulfilled, refunded, cancelled, returns)")
    return count


def _variant_of(museum: Museum) -> models.ProductVariant | None:
    """A physical variant of one of the museum's published products, with stock."""
    root = museum.site.root_page if museum.site_id else None
    if root is None:
        return None
    return (
        models.ProductVariant.objects.select_related("product", "stock")
        .filter(
            product__path__startswith=root.path,
            product__live=True,
            kind=models.ProductVariant.Kind.PHYSICAL,
            stock__quantity__gte=10,
        )
        .order_by("product__path", "sort_order", "pk")
        .first()
    )


def _order(museum: Museum, variant: models.ProductVariant, state: OrderState):
    token = demo_token(museum, state.key)
    found = models.Order.objects.filter(checkout_token=token).first()
    if found is not None:
        return found
    product = variant.product
    totals = checkout_totals(
        [
            PricedLine(
                key=variant.pk,
                quantity=state.quantity,
                unit_gross=variant.gross_price,
                vat_rate=product.vat_rate,
                shipped=True,
            )
        ]
    )
    pickup = models.ShippingMethod.objects.filter(
        museum=museum, kind=models.ShippingMethod.Kind.PICKUP
    ).first()
    placed = timezone.now() - timedelta(days=state.days_ago)
    cancelled = state.key == "cancelled"
    order = models.Order.objects.create(
        checkout_token=token,
        museum=museum,
        email=f"{state.key}.{museum.slug}@{DEMO_EMAIL_DOMAIN}",
        locale="nl",
        **totals.order_amounts(),
        delivery_method_name=pickup.name("nl") if pickup else "",
        delivery_kind=(
            models.Order.DeliveryKind.PICKUP if pickup else models.Order.DeliveryKind.NONE
        ),
        status=models.Order.Status.CANCELED if cancelled else models.Order.Status.PAID,
        paid_at=None if cancelled else placed,
    )
    models.Order.objects.filter(pk=order.pk).update(created_at=placed)
    line = models.OrderLine.objects.create(
        order=order,
        variant=variant,
        sku=variant.sku,
        product_name=product.title,
        variant_label=variant.label,
        is_digital=False,
        quantity=state.quantity,
        unit_gross=totals.lines[variant.pk].unit.gross.amount,
        total_gross=totals.lines[variant.pk].total.gross.amount,
        vat_rate=product.vat_rate,
    )
    models.Payment.objects.create(
        checkout_token=token,
        museum=museum,
        attempt=1,
        intent_id=f"pi_demo_{token.hex}",
        amount=order.total_gross,
        status=models.Payment.Status.CANCELED if cancelled else models.Payment.Status.SUCCEEDED,
        order=order,
    )
    event(order, models.OrderEvent.Type.PLACED, "Order placed (demo).")
    if cancelled:
        event(order, models.OrderEvent.Type.NOT_PLACED, "The card was declined (demo).")
        return order
    stock.allocate([line])
    order.invoice_number = invoices.issue_invoice(order).number
    order.save(update_fields=["invoice_number"])
    event(order, models.OrderEvent.Type.PAID, f"Paid € {order.total_gross} (demo).")
    if state.key in ("fulfilled", "return-requested"):
        _fulfil(order, line)
    if state.key == "return-requested":
        _request_return(order, line)
    if state.key == "partly-refunded":
        _record_refund(order, line.unit_gross, models.Order.Status.PARTIALLY_REFUNDED)
    if state.key == "refunded":
        stock.deallocate([line])
        _record_refund(order, order.total_gross, models.Order.Status.REFUNDED)
    return order


def _fulfil(order: models.Order, line: models.OrderLine) -> None:
    stock.fulfil([line])
    order.status = models.Order.Status.FULFILLED
    order.save(update_fields=["status"])
    event(
        order,
        models.OrderEvent.Type.FULFILLED,
        "Handed over (demo).",
        lines={str(line.pk): line.quantity},
    )


def _request_return(order: models.Order, line: models.OrderLine) -> None:
    request = models.ReturnRequest.objects.create(
        museum_id=order.museum_id, order=order, reason="Beschadigd aangekomen (demo)."
    )
    models.ReturnLine.objects.create(return_request=request, order_line=line, quantity=1)
    event(
        order,
        models.OrderEvent.Type.RETURN,
        f"Return R{request.pk} requested (demo).",
        request=request.pk,
    )


def _record_refund(order: models.Order, amount: Decimal, status: str) -> None:
    """A refund the shop made before this database was loaded: recorded with its credit
    note; the money went back at no Stripe (`ensure_payments_known` pays again what is
    left to refund)."""
    number = order.refunds.count() + 1
    refund = models.Refund.objects.create(
        order=order,
        refund_id=f"re_demo_{order.checkout_token.hex}_{number}",
        amount=amount,
        reason="Demo",
    )
    invoices.issue_credit_note(refund)
    order.refunded += amount
    order.status = status
    order.save(update_fields=["refunded", "status"])
    event(order, models.OrderEvent.Type.REFUNDED, f"€ {amount} refunded (demo).")


# --- At rundemo start: every refundable payment known to the running localstripe ---------


def ensure_payments_known(api_base: str, secret_key: str) -> int:
    """Pay again in the Stripe stand-in at `api_base` each card payment it does not know
    of an order with money left to refund; returns how many were paid again.

    Only for the demo's localstripe (rundemo calls it with localstripe's address): with
    real Stripe an unknown PaymentIntent is a fault to report, never to paper over."""
    client = stripe.StripeClient(secret_key, base_addresses={"api": api_base})
    renewed = 0
    refundable = models.Payment.objects.filter(
        status=models.Payment.Status.SUCCEEDED,
        order__status__in=[
            models.Order.Status.PAID,
            models.Order.Status.FULFILLED,
            models.Order.Status.PARTIALLY_REFUNDED,
        ],
    ).order_by("pk")
    for payment in refundable:
        if _known(client, payment.intent_id):
            continue
        intent = client.v1.payment_intents.create(
            params={
                "amount": payments.to_cents(payment.amount),
                "currency": payment.currency.lower(),
                "payment_method": TEST_CARD,
                "payment_method_types": ["card"],
                "metadata": {"checkout": str(payment.checkout_token), "demo": "renewed"},
            }
        )
        intent = client.v1.payment_intents.confirm(intent.id)
        if intent.status == "requires_capture":
            intent = client.v1.payment_intents.capture(intent.id)
        if intent.status != "succeeded":
            raise RuntimeError(f"localstripe did not take the demo payment: {intent.status}")
        models.Payment.objects.filter(pk=payment.pk).update(intent_id=intent.id)
        renewed += 1
    return renewed


def _known(client: stripe.StripeClient, intent_id: str) -> bool:
    if not intent_id.startswith("pi_") or intent_id.startswith("pi_demo_"):
        return False
    try:
        intent = client.v1.payment_intents.retrieve(intent_id)
    except stripe.InvalidRequestError:
        return False
    return intent.status == "succeeded"
