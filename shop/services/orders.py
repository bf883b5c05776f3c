"""Turning a paid checkout into an order, exactly once; then fulfilling and refunding it.

The browser's `checkoutComplete` and Stripe's `payment_intent.succeeded` webhook race
to the same door: `complete()`. It locks the checkout row (then the payment rows) in one
transaction; whoever comes second waits, then finds the order (the checkout is gone
and `Order.checkout_token` is unique) and answers it. The order is built only from what
Stripe says about the money (the PaymentIntent is fetched, not taken from the caller,
before any lock is taken), with stock allocated and the voucher redeemed in the same
transaction. If the money arrived but the order cannot be served (stock or voucher gone,
the cart changed after paying), the order is kept as CANCELED with the reason in its
history, so staff can answer the buyer, and the payment is refunded through Stripe once
that transaction has committed.

No row lock waits on Stripe (DESIGN, Saleor's split of pre- and post-payment work):
every refund, the staff's Refund button, a return, cancelled tickets, a closed slot or
a buyer who lost the race, is decided under the order's lock (a RefundAttempt), asked of
Stripe with no transaction open, and recorded under the lock as exactly what Stripe
refunded (`refund`, `request_refund`, `carry_out`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

import stripe
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from museum_site.models import public_pages
from museum_site.museums.current import museum_by_pk
from museum_site.museums.models import Museum
from shop.models import (
    Address,
    Checkout,
    Fulfilment,
    FulfilmentLine,
    Order,
    OrderEvent,
    OrderLine,
    Payment,
    ProductPage,
    Refund,
    RefundAttempt,
    RetainedInvoice,
)
from shop.services import checkout_extensions, invoices, order_emails, payments, stock, vouchers
from shop.services.checkout_lines import goods_gross
from shop.services.checkout_totals import totals
from shop.services.errors import CheckoutErrorCode, PayloadError
from shop.stripe_accounts import account_for

# Forward-only: a status may move to one listed after it, never back.
NEXT_STATUSES: dict[str, set[str]] = {
    Order.Status.UNCONFIRMED: {Order.Status.PAID, Order.Status.CANCELED},
    Order.Status.PAID: {
        Order.Status.FULFILLED,
        Order.Status.PARTIALLY_REFUNDED,
        Order.Status.REFUNDED,
    },
    Order.Status.FULFILLED: {Order.Status.PARTIALLY_REFUNDED, Order.Status.REFUNDED},
    Order.Status.PARTIALLY_REFUNDED: {Order.Status.PARTIALLY_REFUNDED, Order.Status.REFUNDED},
    Order.Status.REFUNDED: set(),
    Order.Status.CANCELED: set(),
}


@dataclass(frozen=True)
class Completion:
    """The order, and why it is canceled if it is (money refunded)."""

    order: Order
    problem: PayloadError | None = None
    # The automatic refund this call decided (a pending attempt, committed with the
    # canceled order): its caller makes it at Stripe (finish_auto_refund), from the
    # order's payment (`paid_with`, as read under the lock, with its museum).
    refund: RefundAttempt | None = None
    paid_with: Payment | None = None


def _succeeded_intent(
    token, museum: Museum | None
) -> tuple[Order | None, Payment | None, object, list[int]]:
    """Asked of Stripe before any lock is taken: the newest attempt Stripe says
    succeeded (its payment, as read then, and PaymentIntent), and the attempts it says
    were canceled. Both are final states at Stripe, so reading them early changes nothing.

    One query answers all that needs the database before the lock: the attempts and the
    order one of them already paid for, if any (placing an order links its payment in
    the same transaction), which is answered without asking Stripe at all. An order
    placed meanwhile is found under the lock (`_complete_locked`). Each attempt's museum
    (whose Stripe account it was made in, and whose invoice series the order takes a
    number of) comes from the shared cache, which any change to a museum renews: joined
    to the read, museum and site cost about 1 ms of CPU a completion. `museum`: the
    request's, whose checkouts' payments are made in it (checkout_access), so the cache
    is not even asked (two Redis round trips) for them."""
    canceled: list[int] = []
    attempts = _newest_first(Payment.objects.filter(checkout_token=token))
    for payment in attempts:
        payment.museum = (
            museum
            if museum is not None and museum.pk == payment.museum_id
            else museum_by_pk(payment.museum_id)
        )
    placed = next((p.order_id for p in attempts if p.order_id is not None), None)
    if placed is not None:
        return Order.objects.get(pk=placed), None, None, canceled
    for payment in attempts:
        if payment.status == Payment.Status.CANCELED:
            continue
        intent = payments.retrieve_intent(payment.intent_id, account_for(payment.museum))
        if intent.status == "succeeded":
            return None, payment, intent, canceled
        if intent.status == "canceled":
            canceled.append(payment.pk)
    return None, None, None, canceled


def _newest_first(payments) -> list[Payment]:
    """A checkout's payment attempts, newest first, sorted here rather than by the
    database: to order a read that joins other tables, Django hashes every selected
    column first (`SQLCompiler.get_order_by`), about a third of the read's CPU here."""
    return sorted(payments.order_by(), key=lambda payment: -payment.attempt)


def complete(token: uuid.UUID | str, customer=None, museum: Museum | None = None) -> Completion:
    """The one locked path from a paid checkout to its order; safe to call any number of
    times from any number of places.

    Stripe is never asked while a row is locked (DESIGN): the PaymentIntent is read
    before the checkout's lock is taken, and an order that cannot be served is written
    CANCELED with its refund decided (a pending RefundAttempt) under the lock, then the
    refund is made at Stripe after the commit (`finish_auto_refund`). Inside a caller's
    transaction (the webhook's), that last step is left to the caller. `museum`: the
    request's, when the caller has it (the checkout's, once access is checked)."""
    try:
        existing, succeeded, intent, canceled = _succeeded_intent(token, museum)
    except stripe.StripeError as error:
        raise payments.service_unavailable() from error
    if existing is None:
        completion = _complete_locked(token, customer, succeeded, intent, canceled)
    else:
        completion = Completion(existing, why_canceled(existing))
    if not payments.in_transaction() and completion.order.status == Order.Status.CANCELED:
        refunded = finish_auto_refund(completion.order, completion.refund, completion.paid_with)
        if refunded is None:  # made or being made elsewhere: as it stands now
            completion.order.refresh_from_db()
        else:
            completion = replace(completion, order=refunded)
    return completion


def _complete_locked(
    token, customer, succeeded: Payment | None, intent, canceled: list[int]
) -> Completion:
    """`succeeded`: the attempt Stripe says succeeded, as read before the lock."""
    with transaction.atomic():
        checkout = _locked_checkout(token, succeeded)
        if checkout is None:
            # Placed by whoever held the lock before us (the order's transaction deleted
            # the checkout); while the checkout exists no order does, and the unique
            # `Order.checkout_token` would refuse a second one anyway.
            existing = Order.objects.filter(checkout_token=token).first()
            if existing is not None:
                return Completion(existing, why_canceled(existing))
            raise PayloadError(CheckoutErrorCode.NOT_FOUND, "No checkout has this token.", "token")
        attempts = list(
            Payment.objects.select_for_update().filter(checkout_token=token).order_by("-attempt")
        )
        if not attempts:
            raise PayloadError(
                CheckoutErrorCode.PAYMENT_NOT_SET, "This checkout has no payment yet.", "token"
            )
        if canceled:
            Payment.objects.filter(pk__in=canceled).update(
                status=Payment.Status.CANCELED, updated_at=timezone.now()
            )
        lines = sorted(
            checkout.lines.select_related("variant__product__locale", "variant__stock").order_by(),
            key=lambda line: (line.created_at, line.pk),  # CheckoutLine's own ordering
        )
        not_ready = _readiness_problem(checkout, lines)
        payment = next(
            (p for p in attempts if succeeded is not None and p.pk == succeeded.pk), None
        )
        if payment is None:
            if not_ready is not None:
                raise not_ready
            raise PayloadError(
                CheckoutErrorCode.PAYMENT_NOT_SUCCEEDED,
                "The payment has not succeeded (yet).",
                "token",
            )
        payment.museum = succeeded.museum  # the same attempt, locked now
        return _place(checkout, lines, payment, intent, customer or payment.customer, not_ready)


def _locked_checkout(token, succeeded: Payment | None) -> Checkout | None:
    """The checkout under its row lock, with what the order copies from it, and which
    checkout extensions hold lines in it (`checkout_extensions.with_holdings`).

    Its museum is the one the succeeded payment was read with before the lock (a payment
    is made in its checkout's museum, and neither ever moves), so the locked read does
    not join it again; nor its addresses, which the order takes over by their ids. Read
    by primary key without an ORDER BY (`first()` would add one): Django prepares one by
    hashing every selected column, a quarter of this read's CPU. Every column counts:
    with 20 buyers at once on two cores, each waits for the others' CPU
    (bench/checkout.py)."""
    try:
        checkout = checkout_extensions.with_holdings(
            Checkout.objects.select_for_update(of=("self",)).select_related(
                "delivery_method", "voucher"
            ),
            token,
        ).get(token=token)
    except Checkout.DoesNotExist:
        return None
    if succeeded is not None and succeeded.museum_id == checkout.museum_id:
        checkout.museum = succeeded.museum
    return checkout


AUTO_REFUND_KEY = "auto-refund"


def finish_auto_refund(
    order: Order, decided: RefundAttempt | None = None, paid_with: Payment | None = None
) -> Order | None:
    """Make at Stripe the refund of an order that could not be served, decided under the
    lock by `complete`; answers the order as recorded then, or None if this call made
    no refund. `decided`: the pending attempt the caller's own `complete` wrote, which
    no one else makes, so it is carried out without reading it again (nor, given
    `paid_with`, the order's payment). Otherwise only an
    attempt that failed (Stripe did not answer) or was abandoned is tried again, under
    the same idempotency key: a webhook retry or a second `checkoutComplete` finishes
    what an outage interrupted, and two of them at once make one refund. Raises
    PAYMENT_ERROR if Stripe does not answer (the webhook then answers 500, and Stripe
    sends it again)."""
    if order.status != Order.Status.CANCELED:
        return None
    attempt = decided or _abandoned_auto_refund(order)
    if attempt is None:
        return None
    try:
        return carry_out(attempt, payment=paid_with)
    except PayloadError as error:
        raise payments.service_unavailable() from error


def _abandoned_auto_refund(order: Order) -> RefundAttempt | None:
    """The order's automatic refund if it failed or was left pending too long, marked
    pending again (under its lock) for this caller to make."""
    with transaction.atomic():
        attempt = (
            RefundAttempt.objects.select_for_update()
            .filter(key=_attempt_key(order, AUTO_REFUND_KEY))
            .first()
        )
        if attempt is None or attempt.status == RefundAttempt.Status.SUCCEEDED:
            return None
        stale = attempt.updated_at < timezone.now() - STALE_ATTEMPT
        if attempt.status == RefundAttempt.Status.PENDING and not stale:
            return None  # another request is asking Stripe right now
        attempt.status = RefundAttempt.Status.PENDING
        attempt.save(update_fields=["status", "updated_at"])
    return attempt


def why_canceled(order: Order) -> PayloadError | None:
    """Why a canceled order was not served, as the completion that canceled it said: a
    buyer who completes after the webhook got there first is told the same reason."""
    if order.status != Order.Status.CANCELED:
        return None
    reason = order.events.filter(type=OrderEvent.Type.NOT_PLACED).order_by("pk").first()
    data = (reason.data or {}) if reason else {}
    return PayloadError(
        CheckoutErrorCode.__members__.get(data.get("code", ""), CheckoutErrorCode.INVALID),
        reason.message if reason else "This order was canceled and its payment refunded.",
        data.get("field", "token"),
    )


def _readiness_problem(checkout: Checkout, lines) -> PayloadError | None:
    """Why the checkout could not become an order, as its first error; raised to the
    browser when nothing was paid, the reason for a refund when money arrived anyway
    (the cart changed after paying)."""
    try:
        payments.check_ready(checkout, lines)
    except PayloadError as error:
        return error
    except ExceptionGroup as group:
        first = group.exceptions[0]
        assert isinstance(first, PayloadError)
        return first
    return None


def _place(
    checkout: Checkout, lines, payment: Payment, intent, customer, not_ready: PayloadError | None
) -> Completion:
    """Build the order under the caller's locks; allocate, redeem, or refund."""
    checkout_totals = totals(checkout, lines)
    paid = payments.from_cents(intent.amount)
    order = Order.objects.create(
        checkout_token=checkout.token,
        museum=checkout.museum,
        customer=customer if customer is not None and customer.is_authenticated else None,
        email=checkout.email,
        locale=checkout.locale,
        currency=checkout.currency,
        **checkout_totals.order_amounts(),
        voucher=checkout.voucher,
        voucher_code=checkout.voucher.code if checkout.voucher else "",
        delivery_method_name=(
            checkout.delivery_method.name(checkout.locale) if checkout.delivery_method else ""
        ),
        delivery_kind=_delivery_kind(checkout),
        # The checkout's own address rows become the order's: the checkout is deleted in
        # this transaction, so nothing can edit them afterwards (an invoice never changes).
        shipping_address_id=checkout.shipping_address_id,
        billing_address_id=checkout.billing_address_id,
    )
    # Deleting the checkout must not take the order's addresses along (signals.py reads
    # them from the deleted instance): this one is deleted by `_serve`, any other copy by
    # `_discard_checkout`.
    checkout.shipping_address_id = checkout.billing_address_id = None
    names = product_names(lines, checkout.locale)
    order_lines = OrderLine.objects.bulk_create(
        [
            OrderLine(
                order=order,
                variant=line.variant,
                sku=line.variant.sku,
                product_name=names[line.pk],
                # In the order's language, as the buyer saw it; kept as sold.
                variant_label=line.variant.label_in(checkout.locale),
                is_digital=line.variant.is_digital,
                quantity=line.quantity,
                unit_gross=checkout_totals.lines[line.pk].unit.gross.amount,
                total_gross=checkout_totals.lines[line.pk].total.gross.amount,
                vat_rate=line.variant.product.vat_rate,
            )
            for line in lines
        ]
    )
    Payment.objects.filter(pk=payment.pk).update(status=Payment.Status.SUCCEEDED, order=order)
    # Written with the PAID event in one INSERT when all goes well, else on its own below.
    placed = OrderEvent(
        order=order,
        type=OrderEvent.Type.PLACED,
        message="Order placed.",
        data={"payment": payment.intent_id},
    )
    early = [(item["id"], Decimal(item["amount"])) for item in payment.early_refunds]
    early_total = sum((amount for _id, amount in early), Decimal("0.00"))
    if early_total >= paid:
        # Staff refunded it all in the Stripe dashboard before the order existed (D2):
        # nothing to serve, nothing more to refund.
        problem = PayloadError(
            CheckoutErrorCode.PAYMENT_ERROR, "The payment was refunded before the order.", "token"
        )
        OrderEvent.objects.bulk_create([placed, _not_placed(order, problem)])
        _cancel_refunded(order, early, "Refunded in the Stripe dashboard")
        _discard_checkout(order)
        return Completion(order, problem)
    paid_event = OrderEvent(
        order=order,
        type=OrderEvent.Type.PAID,
        message=f"Paid € {paid} ({payment.intent_id}).",
        data={},
    )
    problem = not_ready or _serve(
        order,
        order_lines,
        lines,
        checkout,
        paid,
        intent,
        checkout_totals,
        events=None if early else [placed, paid_event],
    )
    refund = None
    if problem is not None or early:  # else paid, served and invoiced by `_serve`
        placed.pk = None  # `_serve`'s savepoint, rolled back, may have written it
        if problem is None:
            placed.save()
            invoices.invoice_paid_order(order, Order.Status.PARTIALLY_REFUNDED)
            _apply_early_refunds(order, early)
            order.save(update_fields=["refunded"])
            paid_event.save()
            order_emails.send_after_commit(order, order_emails.CONFIRMATION)
        else:
            refund = _refund_unserved(order, paid, problem, placed)
    if problem is not None:
        # Gone already when it was served (_serve deletes it before taking the stock);
        # back when the refused step's savepoint rolled that back.
        _discard_checkout(order)
    return Completion(order, problem, refund, payment)


def _discard_checkout(order: Order) -> None:
    """Delete the checkout of an order that was not served. Its address rows are the
    order's now: the instance deleted names none, so the deletion leaves them
    (signals.py reads them from it), and nothing needs reading or clearing first (nor
    a default museum looking up: it names the order's)."""
    Checkout(token=order.checkout_token, museum_id=order.museum_id).delete()


def _apply_early_refunds(order: Order, early: list[tuple[str, Decimal]]) -> None:
    """Part of the payment went back before the order existed (a refund in the Stripe
    dashboard, whose `charge.refunded` found no order): the order starts with it."""
    for refund_id, amount in early:
        invoices.issue_credit_note(
            Refund.objects.create(
                order=order,
                refund_id=refund_id,
                amount=amount,
                reason="Refunded in the Stripe dashboard",
            )
        )
    added = sum((amount for _id, amount in early), Decimal("0.00"))
    order.refunded = added
    event(
        order,
        OrderEvent.Type.REFUNDED,
        f"€ {added} refunded in the Stripe dashboard before the order was placed.",
        refunds=[refund_id for refund_id, _amount in early],
    )


def product_names(lines, language: str) -> dict[int, str]:
    """Each checkout line's product title in the buyer's language, by line id; `lines`
    with `variant__product__locale` loaded.

    Variants live on the product's source page (Dutch in the demo), so
    `variant.product.title` is the source title; the order keeps the title of the
    published translation in the checkout's language instead, as the buyer saw it, and
    the source title where there is none. A product whose source page is in that
    language already is its own translation (one page per translation key and locale):
    only the others are looked up, in one query whatever their number, and none when
    the buyer reads the source language (most buyers).
    """
    keys = {
        line.variant.product.translation_key
        for line in lines
        if line.variant.product.locale.language_code != language
    }
    translated = (
        dict(
            public_pages(
                ProductPage.objects.filter(translation_key__in=keys, locale__language_code=language)
            ).values_list("translation_key", "title")
        )
        if keys
        else {}
    )
    return {
        line.pk: translated.get(line.variant.product.translation_key, line.variant.product.title)
        for line in lines
    }


def _serve(
    order, order_lines, lines, checkout, paid, intent, checkout_totals, events
) -> PayloadError | None:
    """Check the money and the stock as read with the lines (`stock.shortage`: a buyer
    who lost a race is refused before anything is written), take the extensions'
    capacity (tickets), the voucher and the stock; None if all held, else why not. All
    in one savepoint, so a refused step leaves nothing behind. With `events` (PLACED and
    PAID), the order is also marked paid and invoiced in it.

    The stock rows and then the museum's invoice series are locked last: every buyer
    of the same goods, and then every buyer of the museum, waits for them until the
    commit, and a thread of a busy server process waits for its turn on the GIL after
    each statement it sends. So everything that needs no lock is written before them
    (the events), and under them run only the stock's UPDATE, one statement for the
    invoice and the paid order (`invoices.invoice_paid_order`), the savepoint's release
    and the commit (bench/checkout.py prints how far apart the sales were).

    Measured and not kept: no savepoint, a refusal rolling the whole transaction back
    and placing the order again as canceled. It spared every sale two statements, but
    in a race a loser refused under the lock (6 of 35 in bench/checkout.py's) paid its
    wasted writes and the reads again, and the race's p95 grew against the ample case's."""
    if paid != order.total_gross or intent.currency.upper() != order.currency:
        return PayloadError(
            CheckoutErrorCode.CHECKOUT_NOT_FULLY_PAID,
            f"€ {paid} was paid but the checkout costs € {order.total_gross} now.",
            "token",
        )
    short = stock.shortage(lines)
    if short is not None:
        return short
    order_lines = [line for line in order_lines if line.variant_id is not None]
    try:
        with transaction.atomic():
            checkout_extensions.place(order, checkout, checkout_totals)
            if checkout.voucher_id is not None:
                vouchers.redeem(checkout.voucher_id, goods_gross(lines))
            # The checkout is done with (the extensions read their lines above) before
            # the stock rows, which every buyer of these goods waits for, are locked:
            # what happens under that lock is kept short (bench/checkout.py).
            checkout.delete()
            if events:
                OrderEvent.objects.bulk_create(events)
            stock.allocate(order_lines)
            if events:
                invoices.invoice_paid_order(order)
                # Last: after-commit work runs in the order it was asked for, and what
                # the sale made stale (cached answers: `stock.allocate`) must not wait
                # for the e-mail, which renders the invoice where tasks run inline.
                order_emails.send_after_commit(order, order_emails.CONFIRMATION)
    except PayloadError as problem:
        return problem
    return None


def _refund_unserved(
    order: Order, paid: Decimal, problem: PayloadError, placed: OrderEvent
) -> RefundAttempt:
    """Money arrived for an order that cannot be served: cancel it now (after its
    PLACED event) and decide to give it all back; the refund itself is made after the
    commit, outside the lock (`finish_auto_refund`), and recorded as exactly what Stripe
    refunded."""
    OrderEvent.objects.bulk_create([placed, _not_placed(order, problem)])
    Order.objects.filter(pk=order.pk).update(status=Order.Status.CANCELED)
    order.status = Order.Status.CANCELED
    return RefundAttempt.objects.create(
        order=order,
        key=_attempt_key(order, AUTO_REFUND_KEY),
        amount=paid,
        reason=f"Automatic: {problem.message}"[:255],
    )


def _not_placed(order: Order, problem: PayloadError) -> OrderEvent:
    """Why the order was not served, as `why_canceled` tells it again."""
    return OrderEvent(
        order=order,
        type=OrderEvent.Type.NOT_PLACED,
        message=problem.message,
        data={"code": problem.code.name, "field": problem.field},
    )


def _cancel_refunded(order: Order, refunds: list[tuple[str, Decimal]], reason: str) -> list[Refund]:
    """The order was not served and these refunds went back: record exactly what Stripe
    refunded (not the order's total, which differs when the cart changed after paying,
    D4), cancel, and tell the buyer (D8). Answers the Refund rows."""
    rows = [
        Refund.objects.create(order=order, refund_id=refund_id, amount=amount, reason=reason[:255])
        for refund_id, amount in refunds
    ]
    total = sum((amount for _id, amount in refunds), Decimal("0.00"))
    Order.objects.filter(pk=order.pk).update(status=Order.Status.CANCELED, refunded=total)
    order.status, order.refunded = Order.Status.CANCELED, total
    ids = [refund_id for refund_id, _amount in refunds]
    event(
        order,
        OrderEvent.Type.AUTO_REFUNDED,
        f"€ {total} refunded ({', '.join(ids)}).",
        refunds=ids,
    )
    order_emails.send_after_commit(order, order_emails.CANCELED)
    return rows


def _delivery_kind(checkout: Checkout) -> str:
    method = checkout.delivery_method
    if method is None:
        return Order.DeliveryKind.NONE
    return Order.DeliveryKind.PICKUP if method.is_pickup else Order.DeliveryKind.SHIPPING


def event(order: Order, type: str, message: str = "", user=None, **data) -> OrderEvent:
    return OrderEvent.objects.create(order=order, type=type, message=message, user=user, data=data)


def _locked_order(order_id: int) -> Order:
    return Order.objects.select_for_update().get(pk=order_id)


def _move(order: Order, status: str) -> None:
    if status not in NEXT_STATUSES[order.status]:
        raise PayloadError(
            CheckoutErrorCode.INVALID,
            f"A {order.get_status_display().lower()} order cannot become {status}.",
            "status",
        )
    order.status = status


@dataclass(frozen=True)
class _Take:
    """A quantity of a variant, as the stock service counts it."""

    variant_id: int
    quantity: int


def unfulfilled(order: Order) -> dict[int, int]:
    """Per order line (id), the units of goods not handed over or posted yet."""
    done: dict[int, int] = {}
    for line_id, quantity in FulfilmentLine.objects.filter(fulfilment__order=order).values_list(
        "order_line_id", "quantity"
    ):
        done[line_id] = done.get(line_id, 0) + quantity
    return {
        line.pk: line.quantity - done.get(line.pk, 0)
        for line in order.lines.all()
        if not line.is_digital and line.quantity > done.get(line.pk, 0)
    }


def fulfil(
    order_id: int,
    user=None,
    *,
    lines: dict[int, int] | None = None,
    carrier: str = "",
    tracking_number: str = "",
    tracking_url: str = "",
    ready_for_pickup: bool = False,
) -> Order:
    """Some or all of the goods were posted (with a carrier and tracking number) or are
    ready at the desk: their allocation becomes a sale. `lines` maps order line ids to
    quantities; None means everything not fulfilled yet. The order is FULFILLED once
    every unit is; the customer is mailed either way."""
    with transaction.atomic():
        order = _locked_order(order_id)
        if order.status != Order.Status.PAID:
            _move(order, Order.Status.FULFILLED)  # refuses, with the status in the message
        remaining = unfulfilled(order)
        wanted = dict(remaining) if lines is None else {int(k): v for k, v in lines.items()}
        if (
            not wanted
            or any(quantity <= 0 for quantity in wanted.values())
            or any(quantity > remaining.get(line_id, 0) for line_id, quantity in wanted.items())
        ):
            if lines is None and not remaining and order.lines.exists():
                wanted = {}  # digital only: nothing to hand over, the order is done
            else:
                raise PayloadError(
                    CheckoutErrorCode.INVALID,
                    "Fulfil between 1 and the units not fulfilled yet of the order's lines.",
                    "lines",
                )
        by_id = {line.pk: line for line in order.lines.all()}
        if wanted:
            fulfilment = Fulfilment.objects.create(
                order=order,
                kind=Fulfilment.Kind.READY_FOR_PICKUP
                if ready_for_pickup
                else Fulfilment.Kind.SHIPPED,
                carrier=carrier[:100],
                tracking_number=tracking_number[:100],
                tracking_url=tracking_url[:500],
            )
            FulfilmentLine.objects.bulk_create(
                FulfilmentLine(fulfilment=fulfilment, order_line_id=line_id, quantity=quantity)
                for line_id, quantity in wanted.items()
            )
            stock.fulfil(
                [
                    _Take(by_id[line_id].variant_id, quantity)
                    for line_id, quantity in wanted.items()
                    if by_id[line_id].variant_id is not None
                ]
            )
        left = {k: v - wanted.get(k, 0) for k, v in remaining.items() if v - wanted.get(k, 0)}
        if not left:
            _move(order, Order.Status.FULFILLED)
            order.save(update_fields=["status"])
            _drop_address_kept_for_delivery(order)
        what = "Ready for pick-up." if ready_for_pickup else "Handed over or posted."
        if tracking_number:
            what += f" {carrier} {tracking_number}".rstrip()
        event(
            order,
            OrderEvent.Type.FULFILLED,
            what,
            user=user,
            lines={str(k): v for k, v in wanted.items()},
        )
        order_emails.send_after_commit(
            order, order_emails.READY_FOR_PICKUP if ready_for_pickup else order_emails.SHIPPED
        )
    return order


# --- Staff refunds: decide under the lock, ask Stripe with none held, record under it ---

STALE_ATTEMPT = timedelta(minutes=10)
REFUND_UNDER_WAY = "A refund of this order is under way; look again in a moment."


def refund(
    order_id: int,
    amount: Decimal,
    reason: str = "",
    user=None,
    *,
    key: str | None = None,
    apply: Callable[[Order], None] | None = None,
) -> Order:
    """Refund part or all of what is left through Stripe, without a row lock held while
    Stripe answers (DESIGN: no network call under row locks; Saleor's split):

    1. `request_refund` decides under the order's lock: the amount fits what is left
       (minus nothing pending: one attempt at a time per order), and writes the intent
       (a PENDING RefundAttempt with its idempotency key). Committed.
    2. `carry_out` asks Stripe with no transaction open.
    3. It records, under the order's lock, exactly what Stripe refunded (once, even when
       the `charge.refunded` webhook recorded the same refund first), and runs `apply`
       (e.g. cancel the tickets the money was for) in the same transaction.

    `key` makes a resubmitted form the same refund (the admin's form carries one);
    without it every call is a new refund. Must not be called inside a transaction:
    step 2 would then hold the caller's locks over the network.
    """
    attempt = request_refund(order_id, amount, reason, user=user, key=key)
    return carry_out(attempt, apply=apply)


def request_refund(
    order_id: int, amount: Decimal, reason: str = "", user=None, key: str | None = None
) -> RefundAttempt:
    """Step 1: validate and write the intent under the order's lock. The same key
    again answers the attempt already written (a double-clicked form)."""
    with transaction.atomic():
        order = _locked_order(order_id)
        if key:
            same = RefundAttempt.objects.filter(key=_attempt_key(order, key)).first()
            if same is not None and same.status == RefundAttempt.Status.SUCCEEDED:
                return same  # the form sent again: the refund it made
            if same is not None and same.status == RefundAttempt.Status.FAILED:
                # Sent again after Stripe refused: a new attempt under the same key.
                same.key = f"{same.key}~failed-{same.pk}"[:255]
                same.save(update_fields=["key", "updated_at"])
        pending = order.refund_attempts.filter(status=RefundAttempt.Status.PENDING).first()
        if pending is not None and pending.updated_at < timezone.now() - STALE_ATTEMPT:
            # A process died between asking Stripe and recording: if Stripe refunded,
            # its `charge.refunded` event records it; this attempt no longer blocks.
            pending.status = RefundAttempt.Status.FAILED
            pending.error = "Abandoned: no answer was recorded."
            pending.save(update_fields=["status", "error", "updated_at"])
            pending = None
        if pending is not None:
            raise PayloadError(CheckoutErrorCode.INVALID, REFUND_UNDER_WAY, "amount")
        amount = Decimal(amount).quantize(Decimal("0.01"))
        if amount <= 0 or amount > order.refundable:
            raise PayloadError(
                CheckoutErrorCode.INVALID,
                f"Refund between € 0.01 and € {order.refundable}.",
                "amount",
            )
        if not order.payments.filter(status=Payment.Status.SUCCEEDED).exists():
            # e.g. the demo's orders, which no payment provider saw
            raise PayloadError(
                CheckoutErrorCode.INVALID,
                "This order has no card payment the shop can refund.",
                "payment",
            )
        full = amount == order.refundable
        _move(order, Order.Status.REFUNDED if full else Order.Status.PARTIALLY_REFUNDED)
        number = order.refund_attempts.count() + 1
        return RefundAttempt.objects.create(
            order=order,
            key=_attempt_key(order, key or f"refund-{number}"),
            amount=amount,
            reason=reason[:255],
            user=user if user is not None and user.is_authenticated else None,
        )


def _attempt_key(order: Order, key: str) -> str:
    return f"order-{order.checkout_token}-{key}"[:255]


def carry_out(
    attempt: RefundAttempt,
    apply: Callable[[Order], None] | None = None,
    payment: Payment | None = None,
) -> Order:
    """Steps 2 and 3 for an attempt `request_refund` wrote (and its transaction
    committed). An attempt already carried out answers its order unchanged. `payment`:
    the order's succeeded payment, with its museum, when the caller has it at hand."""
    if attempt.status == RefundAttempt.Status.SUCCEEDED:
        return Order.objects.get(pk=attempt.order_id)
    if attempt.status == RefundAttempt.Status.FAILED:
        raise PayloadError(
            CheckoutErrorCode.PAYMENT_ERROR, f"Stripe did not refund: {attempt.error}", "amount"
        )
    if payments.in_transaction():
        raise RuntimeError("Stripe is called outside transactions: no lock waits on it.")
    if payment is None:
        payment = Payment.objects.filter(
            order_id=attempt.order_id, status=Payment.Status.SUCCEEDED
        ).first()
        payment.museum = museum_by_pk(payment.museum_id)
    try:
        result = payments.refund(
            payment.intent_id,
            attempt.amount,
            idempotency_key=attempt.key,
            account=account_for(payment.museum),
        )
    except stripe.StripeError as error:
        message = str(error.user_message or error)[:500]
        RefundAttempt.objects.filter(pk=attempt.pk).update(
            status=RefundAttempt.Status.FAILED, error=message, updated_at=timezone.now()
        )
        raise PayloadError(
            CheckoutErrorCode.PAYMENT_ERROR, f"Stripe did not refund: {message}", "amount"
        ) from error
    except BaseException:
        RefundAttempt.objects.filter(pk=attempt.pk).update(
            status=RefundAttempt.Status.FAILED, error="Interrupted.", updated_at=timezone.now()
        )
        raise
    return _record_refund(attempt.pk, result, apply)


def _record_refund(attempt_id: int, result, apply: Callable[[Order], None] | None) -> Order:
    """Step 3: what Stripe refunded, under the order's lock, once."""
    with transaction.atomic():
        attempt = RefundAttempt.objects.select_for_update().get(pk=attempt_id)
        order = _locked_order(attempt.order_id)
        given = payments.from_cents(result.amount)
        if order.status == Order.Status.CANCELED:
            # Not served (complete()): the refund is all there is to record.
            recorded = order.refunds.filter(refund_id=result.id).first()
            if recorded is None:
                [recorded] = _cancel_refunded(order, [(result.id, given)], attempt.reason)
            attempt.status = RefundAttempt.Status.SUCCEEDED
            attempt.refund = recorded
            attempt.save(update_fields=["status", "refund", "updated_at"])
            return order
        row = Refund.objects.filter(refund_id=result.id).first()
        recorded_here = row is None
        if row is None:
            row = Refund.objects.create(
                order=order, refund_id=result.id, amount=given, reason=attempt.reason
            )
            invoices.issue_credit_note(row)
            order.refunded = F("refunded") + given
            order.save(update_fields=["refunded"])
            order.refresh_from_db()
            full = order.refunded >= order.total_gross
            status = Order.Status.REFUNDED if full else Order.Status.PARTIALLY_REFUNDED
            if status in NEXT_STATUSES[order.status]:
                order.status = status
                order.save(update_fields=["status"])
                if full:
                    _settle_full_refund(order)
        attempt.status = RefundAttempt.Status.SUCCEEDED
        attempt.refund = row
        attempt.save(update_fields=["status", "refund", "updated_at"])
        if apply is not None:
            apply(order)
        event(
            order,
            OrderEvent.Type.REFUNDED,
            f"€ {given} refunded ({result.id}). {attempt.reason}".strip(),
            user=attempt.user,
            refund=result.id,
        )
        if recorded_here:  # else the webhook that recorded it mailed already
            order_emails.send_after_commit(order, order_emails.REFUNDED)
    return order


def refunded_at_stripe(intent_id: str, amount_refunded_cents: int) -> Order | None:
    """`charge.refunded`: money given back outside the shop (the Stripe dashboard).

    Stripe's `amount_refunded` only grows, so it is applied forward only: an event that
    says less than the order already records (a late or replayed one, or one for a
    refund the shop made itself) changes nothing. Refunds the order does not know yet
    are fetched from Stripe and recorded; the order becomes partially refunded or
    refunded, and a full refund before the goods left gives the stock back.
    """
    payment = Payment.objects.filter(intent_id=intent_id, order__isnull=False).first()
    if payment is None and _remember_early_refunds(intent_id):
        return None
    payment = payment or Payment.objects.filter(intent_id=intent_id, order__isnull=False).first()
    if payment is None:
        return None  # not ours
    order = Order.objects.get(pk=payment.order_id)
    stripe_total = min(payments.from_cents(amount_refunded_cents), order.total_gross)
    if stripe_total <= order.refunded or order.status == Order.Status.CANCELED:
        return order
    # Asked before the lock is taken (no lock waits on the network); applied under it
    # only where the order does not know the refund yet.
    listed = [
        refund
        for refund in payments.refunds_of(intent_id)
        if refund.status in ("succeeded", "pending")
    ]
    with transaction.atomic():
        order = _locked_order(payment.order_id)
        if stripe_total <= order.refunded or order.status == Order.Status.CANCELED:
            return order
        known = set(order.refunds.values_list("refund_id", flat=True))
        new = [refund for refund in listed if refund.id not in known]
        for refund in new:
            invoices.issue_credit_note(
                Refund.objects.create(
                    order=order,
                    refund_id=refund.id,
                    amount=payments.from_cents(refund.amount),
                    reason="Refunded in the Stripe dashboard",
                )
            )
        full = stripe_total == order.total_gross
        _move(order, Order.Status.REFUNDED if full else Order.Status.PARTIALLY_REFUNDED)
        added = stripe_total - order.refunded
        order.refunded = stripe_total
        order.save(update_fields=["status", "refunded"])
        if full:
            _settle_full_refund(order)
        event(
            order,
            OrderEvent.Type.REFUNDED,
            f"€ {added} refunded in the Stripe dashboard.",
            refunds=[refund.id for refund in new],
        )
        order_emails.send_after_commit(order, order_emails.REFUNDED)
    return order


def _remember_early_refunds(intent_id: str) -> bool:
    """A refund of a payment whose order does not exist yet (D2): keep Stripe's refunds on
    the payment, for `complete()` to apply when it places the order. Stripe is asked
    before any lock; the payment row is then locked, and if an order was placed
    meanwhile, False (the caller applies the refunds to it). True when remembered, or
    when the payment is not ours at all."""
    if not Payment.objects.filter(intent_id=intent_id).exists():
        return True
    listed = [
        {"id": refund.id, "amount": str(payments.from_cents(refund.amount))}
        for refund in payments.refunds_of(intent_id)
        if refund.status in ("succeeded", "pending")
    ]
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(intent_id=intent_id)
        if payment.order_id is not None:
            return False
        payment.early_refunds = listed
        payment.save(update_fields=["early_refunds", "updated_at"])
    return True


def _settle_full_refund(order: Order) -> None:
    """What a full refund undoes, whether the shop or the Stripe dashboard made it."""
    if order.lines.filter(variant__isnull=False).exists():
        _give_back_unshipped_stock(order)
    checkout_extensions.release(order)
    _drop_address_kept_for_delivery(order)


def _drop_address_kept_for_delivery(order: Order) -> None:
    """An erased customer's shipping address was kept only to deliver: once the goods
    left (or the order was refunded), it goes (see forget_customer)."""
    if order.anonymised_at is not None and order.shipping_address_id:
        Address.objects.filter(pk=order.shipping_address_id).delete()
        order.shipping_address = None


def _give_back_unshipped_stock(order: Order) -> None:
    """A fully refunded order frees the stock of what never left the museum."""
    if not order.events.filter(type=OrderEvent.Type.PAID).exists():
        return
    fulfilled = order.events.filter(type=OrderEvent.Type.FULFILLED).exists()
    if fulfilled and not order.fulfilments.exists():
        return  # handed over before fulfilments were recorded line by line
    by_id = {line.pk: line for line in order.lines.all()}
    stock.deallocate(
        [
            _Take(by_id[line_id].variant_id, quantity)
            for line_id, quantity in unfulfilled(order).items()
            if by_id[line_id].variant_id is not None
        ]
    )


# --- GDPR: invoices are kept, the person behind them is forgotten when the law allows ---

DEFAULT_RETENTION_YEARS = 10  # Belgian VAT Code art. 60: invoices are kept ten years


def _retention_years() -> int:
    return getattr(settings, "VITRINE_SHOP_INVOICE_RETENTION_YEARS", DEFAULT_RETENTION_YEARS)


def _years_later(moment, years: int):
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


def orders_of(user, email: str | None = None):
    """The person's orders: those placed signed in, and, for an account whose e-mail
    address was confirmed (only active accounts sign in), guest orders placed with that
    address, as Saleor links them."""
    mine = Q(customer=user)
    email = email if email is not None else user.email
    if user.is_active and email:
        mine |= Q(customer__isnull=True, email__iexact=email)
    return Order.objects.filter(mine)


def held_for_email(email: str, user=None):
    """Orders placed with this e-mail address as a guest (and, with `user`, that account's
    own). For a data request proven by an e-mailed link (shop.accounts.data_requests):
    the link proves the mailbox, which is all a guest order has to say whose it is."""
    mine = Q(customer__isnull=True, email__iexact=email)
    if user is not None:
        mine |= Q(customer=user)
    return Order.objects.filter(mine)


def forget_customer(user, email: str) -> int:
    """Erasure of an account (shop.accounts.services.anonymise_customer), for the orders.

    No order may let anyone find the person again, in the admin's order search, in
    GraphQL or anywhere else staff look, yet invoices must be kept, as issued, for the
    retention period. So for an invoiced order the name and billing address move to a
    RetainedInvoice (shop/models/retention.py: no admin, no API, deleted when the period
    ends), and the order keeps only its number, lines, amounts, VAT and history; its
    e-mail becomes a placeholder. An order whose goods have not left the museum keeps its
    shipping address until they do (the parcel still has to reach the buyer), hidden
    from the API and searched by nothing; fulfilling it deletes the address.
    Checkouts still open with that e-mail address, or of that account, go too. Returns
    how many orders it anonymised.
    """
    count = _forget_orders(orders_of(user, email), email)
    for checkout in Checkout.objects.filter(customer=user):
        checkout.delete()  # its addresses go with it (shop.signals)
    Payment.objects.filter(customer=user).update(customer=None)
    return count


def forget_email(email: str) -> int:
    """Erasure of everything the shop holds under an e-mail address without an account
    (guest orders and open checkouts), the same way forget_customer erases an account's:
    the invoice identity moves to a RetainedInvoice, the order keeps its number.
    Returns how many orders it anonymised."""
    return _forget_orders(held_for_email(email), email)


def _forget_orders(held, email: str) -> int:
    now = timezone.now()
    years = _retention_years()
    count = 0
    for order in (
        held.select_for_update(of=("self",)).select_related("billing_address").order_by("pk")
    ):
        billing = order.billing_address
        if order.invoice_number and not RetainedInvoice.objects.filter(order=order).exists():
            RetainedInvoice.objects.create(
                order=order,
                invoice_number=order.invoice_number,
                name=f"{billing.first_name} {billing.last_name}".strip() if billing else "",
                company_name=billing.company_name if billing else "",
                street_address_1=billing.street_address_1 if billing else "",
                street_address_2=billing.street_address_2 if billing else "",
                postal_code=billing.postal_code if billing else "",
                city=billing.city if billing else "",
                country=billing.country if billing else "",
                purge_after=_years_later(order.paid_at or order.created_at, years),
            )
        gone = [order.billing_address_id]
        if order.shipping_address_id and not _awaits_delivery(order):
            gone.append(order.shipping_address_id)
        Address.objects.filter(pk__in=[pk for pk in gone if pk]).delete()
        Address.objects.filter(pk=order.shipping_address_id).update(phone="")
        Order.objects.filter(pk=order.pk).update(
            email=_placeholder(order), customer=None, anonymised_at=now
        )
        event(
            order,
            OrderEvent.Type.ANONYMISED,
            "Customer erased; the invoice identity moved to the retention record."
            if order.invoice_number
            else "Customer erased.",
        )
        count += 1
    if email:
        for checkout in Checkout.objects.filter(email__iexact=email):
            checkout.delete()  # its addresses go with it (shop.signals)
    return count


def _placeholder(order: Order) -> str:
    return f"order-{order.pk}@anonymised.invalid"


def _awaits_delivery(order: Order) -> bool:
    """Paid, with goods to hand over, not fulfilled yet."""
    return order.status == Order.Status.PAID and order.lines.filter(is_digital=False).exists()


def retained_invoice_for(invoice_number: str) -> RetainedInvoice | None:
    """For a tax inspection: the invoice identity of an erased customer's invoice."""
    return RetainedInvoice.objects.filter(invoice_number=invoice_number).first()


def anonymise_expired_orders(now=None) -> int:
    """After the retention period, the invoice data too: run daily (cron or a task).

    Orders of customers who were never erased lose their names, addresses and e-mail;
    retention records of erased ones are deleted. Returns how many orders it touched."""
    now = now or timezone.now()
    cutoff = _years_later(now, -_retention_years())
    count = 0
    with transaction.atomic():
        expired = RetainedInvoice.objects.select_for_update().filter(purge_after__lte=now)
        for record in expired.select_related("order"):
            event(record.order, OrderEvent.Type.ANONYMISED, "Retention period over.")
            count += 1
        expired.delete()
        held = Order.objects.filter(
            created_at__lt=cutoff, anonymised_at__isnull=False, shipping_address__isnull=False
        )
        Address.objects.filter(pk__in=held.values("shipping_address_id")).delete()
        for order in Order.objects.select_for_update().filter(
            created_at__lt=cutoff, anonymised_at__isnull=True
        ):
            Address.objects.filter(
                pk__in=[pk for pk in (order.shipping_address_id, order.billing_address_id) if pk]
            ).update(
                first_name="",
                last_name="",
                company_name="",
                street_address_1="",
                street_address_2="",
                phone="",
            )
            order.email = _placeholder(order)
            order.customer = None
            order.anonymised_at = now
            order.save(update_fields=["email", "customer", "anonymised_at"])
            event(order, OrderEvent.Type.ANONYMISED, "Retention period over.")
            count += 1
    return count


def export(user) -> list[dict]:
    """The customer's orders for the data export (GDPR articles 15 and 20)."""
    return export_orders(orders_of(user))


def export_orders(held) -> list[dict]:
    """These orders, with invoices and payments, as the data export shows them."""
    return [
        {
            "number": order.invoice_number,
            # One export covers every museum of the group: say whose order it is.
            "museum": order.museum.name,
            "status": order.status,
            "placedAt": order.created_at.isoformat(),
            "email": order.email,
            "total": str(order.total_gross),
            "refunded": str(order.refunded),
            "currency": order.currency,
            "lines": [
                {
                    "sku": line.sku,
                    "product": line.product_name,
                    "quantity": line.quantity,
                    "total": str(line.total_gross),
                    "vatRate": line.vat_rate,
                }
                for line in order.lines.all()
            ],
            "billingAddress": str(order.billing_address) if order.billing_address else None,
            "shippingAddress": str(order.shipping_address) if order.shipping_address else None,
            "payments": [
                {"stripePaymentIntent": payment.intent_id, "amount": str(payment.amount)}
                for payment in order.payments.all()
            ],
        }
        for order in held.select_related(
            "billing_address", "shipping_address", "museum"
        ).prefetch_related("lines", "payments")
    ]


def export_checkouts(email: str) -> list[dict]:
    """Open checkouts (carts not paid yet) under this e-mail address, for the data export:
    they hold the address and the cart the buyer typed in."""
    if not email:
        return []
    return [
        {
            "token": str(checkout.token),
            "createdAt": checkout.created_at.isoformat(),
            "email": checkout.email,
            "lines": [
                {"sku": line.variant.sku, "quantity": line.quantity}
                for line in checkout.lines.all()
            ],
            "billingAddress": str(checkout.billing_address) if checkout.billing_address else None,
            "shippingAddress": (
                str(checkout.shipping_address) if checkout.shipping_address else None
            ),
        }
        for checkout in Checkout.objects.filter(email__iexact=email)
        .select_related("billing_address", "shipping_address")
        .prefetch_related("lines__variant")
        .order_by("created_at", "token")
    ]
