"""Payments, orders and what happened to them.

A checkout is a cart that still changes; an order is what was bought, frozen: its lines
copy SKU, name, prices and VAT (a variant edited or deleted later must not change an
invoice), its addresses are its own rows, and its history is a list of OrderEvents.
Exactly one order exists per checkout (a unique constraint), whoever gets there first:
the browser's `checkoutComplete` or Stripe's `payment_intent.succeeded` webhook
(shop/services/orders.py).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from museum_site.museums.models import default_museum_id

from .addresses import Address
from .catalogue import CURRENCY, MONEY_DIGITS, ProductVariant


class Payment(models.Model):
    """One attempt to pay a checkout: a Stripe PaymentIntent for the amount due then.

    `checkout_token` is not a foreign key: the checkout goes when its order is placed,
    the payment stays with the order as proof of what was paid.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the buyer")
        FAILED = "failed", _("Failed")
        SUCCEEDED = "succeeded", _("Succeeded")
        CANCELED = "canceled", _("Canceled")

    checkout_token = models.UUIDField(_("checkout"), db_index=True)
    # Whose Stripe account the intent is in: the checkout's museum (shop/stripe_accounts.py).
    museum = models.ForeignKey(
        "museums.Museum",
        on_delete=models.PROTECT,
        default=default_museum_id,
        related_name="+",
        verbose_name=_("museum"),
    )
    attempt = models.PositiveIntegerField(_("attempt"))
    intent_id = models.CharField(_("Stripe PaymentIntent"), max_length=255, unique=True)
    amount = models.DecimalField(_("amount"), **MONEY_DIGITS)
    currency = models.CharField(_("currency"), max_length=3, default=CURRENCY)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who was signed in when paying; the order goes to their account."),
    )
    order = models.ForeignKey(
        "Order", null=True, blank=True, on_delete=models.PROTECT, related_name="payments"
    )
    early_refunds = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text=_("Refunds Stripe reported before the order existed ([{id, amount}])."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("payment")
        ordering = ["checkout_token", "-attempt"]
        constraints = [
            models.UniqueConstraint(
                fields=["checkout_token", "attempt"], name="payment_one_per_attempt"
            )
        ]

    def __str__(self) -> str:
        return f"{self.intent_id} ({self.status})"

    @property
    def cents(self) -> int:
        return int(self.amount * 100)


class Order(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Unconfirmed")
        PAID = "paid", _("Paid")
        FULFILLED = "fulfilled", _("Fulfilled")
        PARTIALLY_REFUNDED = "partially_refunded", _("Partially refunded")
        REFUNDED = "refunded", _("Refunded")
        CANCELED = "canceled", _("Canceled")

    # A record of a sale, not content: Wagtail's usage pages have nothing to learn from
    # it, and indexing its references queued a job inside every order's transaction.
    wagtail_reference_index_ignore = True

    checkout_token = models.UUIDField(_("checkout"), unique=True, editable=False)
    # The museum paid: its checkout's, never changed afterwards.
    museum = models.ForeignKey(
        "museums.Museum",
        on_delete=models.PROTECT,
        default=default_museum_id,
        related_name="orders",
        verbose_name=_("museum"),
    )
    # Unique per museum: each museum numbers its own series (shop/services/invoices.py),
    # so two sellers may both have a 2026-000001.
    invoice_number = models.CharField(  # noqa: DJ001 (NULL: unpaid orders share no number)
        _("invoice number"),
        max_length=32,
        null=True,
        blank=True,
        help_text=_("Given when the order is paid, without gaps per year (e.g. 2026-000042)."),
    )
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.UNCONFIRMED
    )
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="orders",
        verbose_name=_("customer account"),
    )
    email = models.EmailField(_("e-mail"))
    locale = models.CharField(_("language"), max_length=8, default=settings.LANGUAGE_CODE)
    currency = models.CharField(_("currency"), max_length=3, default=CURRENCY)
    subtotal = models.DecimalField(_("goods (incl. VAT)"), **MONEY_DIGITS)
    discount = models.DecimalField(_("discount"), **MONEY_DIGITS, default=Decimal("0.00"))
    shipping = models.DecimalField(_("delivery (incl. VAT)"), **MONEY_DIGITS)
    total_gross = models.DecimalField(_("total (incl. VAT)"), **MONEY_DIGITS)
    total_net = models.DecimalField(_("total (excl. VAT)"), **MONEY_DIGITS)
    vat_breakdown = models.JSONField(
        _("VAT per rate"), default=list, help_text=_("[{rate, gross, net, vat}] as on the invoice.")
    )
    refunded = models.DecimalField(_("refunded"), **MONEY_DIGITS, default=Decimal("0.00"))
    voucher_code = models.CharField(_("promo code"), max_length=32, blank=True)
    voucher = models.ForeignKey(
        "shop.Voucher",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="orders",
        verbose_name=_("voucher"),
    )

    class DeliveryKind(models.TextChoices):
        NONE = "", _("Nothing to deliver")
        PICKUP = "pickup", _("Pick-up at the museum")
        SHIPPING = "shipping", _("Shipping")

    delivery_method_name = models.CharField(_("delivery"), max_length=200, blank=True)
    delivery_kind = models.CharField(
        _("delivery kind"), max_length=16, blank=True, choices=DeliveryKind.choices, default=""
    )
    shipping_address = models.OneToOneField(
        Address,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("delivery address"),
    )
    billing_address = models.OneToOneField(
        Address,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("billing address"),
    )
    created_at = models.DateTimeField(_("placed"), auto_now_add=True, db_index=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("order")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A canceled order was never served: everything Stripe took went back, which
            # is more than its total when the cart changed after paying (D4).
            models.CheckConstraint(
                condition=models.Q(refunded__gte=0)
                & (models.Q(refunded__lte=models.F("total_gross")) | models.Q(status="canceled")),
                name="order_refund_within_total",
            ),
            models.UniqueConstraint(
                fields=["museum", "invoice_number"], name="order_invoice_number_unique_per_museum"
            ),
        ]

    def __str__(self) -> str:
        return self.invoice_number or f"#{self.pk}"

    @property
    def refundable(self) -> Decimal:
        return max(Decimal("0.00"), self.total_gross - self.refunded)

    @property
    def has_goods(self) -> bool:
        """Paid for and not given back: downloads work, goods may be handed over."""
        return self.status in {
            self.Status.PAID,
            self.Status.FULFILLED,
            self.Status.PARTIALLY_REFUNDED,
        }


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey(
        ProductVariant, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sku = models.CharField(_("SKU"), max_length=64)
    product_name = models.CharField(_("product"), max_length=255)
    variant_label = models.CharField(_("variant"), max_length=200, blank=True)
    is_digital = models.BooleanField(_("digital"), default=False)
    quantity = models.PositiveIntegerField(_("quantity"))
    unit_gross = models.DecimalField(_("unit price (incl. VAT)"), **MONEY_DIGITS)
    total_gross = models.DecimalField(_("total (incl. VAT)"), **MONEY_DIGITS)
    vat_rate = models.PositiveSmallIntegerField(_("VAT rate (%)"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("order line")

    def __str__(self) -> str:
        return f"{self.quantity} × {self.sku}"


class OrderEvent(models.Model):
    """The order's history, for staff and for the customer's questions later."""

    class Type(models.TextChoices):
        PLACED = "placed", _("Placed")
        PAID = "paid", _("Paid")
        NOT_PLACED = "not_placed", _("Could not be placed")
        AUTO_REFUNDED = "auto_refunded", _("Refunded automatically")
        FULFILLED = "fulfilled", _("Fulfilled")
        REFUNDED = "refunded", _("Refunded")
        RETURN = "return", _("Return")
        EMAIL_SENT = "email_sent", _("E-mail sent")
        ANONYMISED = "anonymised", _("Personal data anonymised")

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(_("type"), max_length=24, choices=Type.choices)
    message = models.TextField(_("message"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("staff member"),
        help_text=_("The staff member who did it; empty for the shop itself."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("order event")

    def __str__(self) -> str:
        return f"{self.get_type_display()}: {self.message}"


class Refund(models.Model):
    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="refunds")
    refund_id = models.CharField(_("Stripe refund"), max_length=255, unique=True)
    amount = models.DecimalField(_("amount"), **MONEY_DIGITS)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("refund")

    def __str__(self) -> str:
        return f"{self.refund_id}: {self.amount}"


class RefundAttempt(models.Model):
    """A refund the shop decided to make, before and after Stripe is asked.

    Refunding is split as Saleor splits payment work, so that no row lock waits on the
    network: the intent is decided and written under the order's lock (this row,
    PENDING, with the idempotency key Stripe gets), Stripe is called with no
    transaction open, and what Stripe answered is recorded under the order's lock again
    (a `Refund` of exactly Stripe's amount, linked here). At most one attempt per order
    is pending (a partial unique constraint): a second staff member clicking Refund at
    the same moment is told a refund is under way instead of refunding twice, and the
    same form sent twice (same key) is the same refund. It belongs to its order's
    museum, through the order.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="refund_attempts")
    key = models.CharField(_("idempotency key"), max_length=255, unique=True)
    amount = models.DecimalField(_("amount"), **MONEY_DIGITS)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    refund = models.OneToOneField(
        "Refund", null=True, blank=True, on_delete=models.SET_NULL, related_name="attempt"
    )
    error = models.CharField(_("error"), max_length=500, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("staff member"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("refund attempt")
        constraints = [
            models.UniqueConstraint(
                fields=["order"],
                condition=models.Q(status="pending"),
                name="shop_one_pending_refund_per_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.amount} ({self.status})"


class InvoiceSequence(models.Model):
    """The last invoice number of a year. Numbers are taken under this row's lock in the
    transaction that marks the order paid, so a rollback gives its number back: the
    series has no gaps, as Belgian invoicing rules want."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class StripeEvent(models.Model):
    """A webhook event handled once: its id is unique, and the row is written in the
    same transaction as the event's effects, so a failure leaves neither."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Stripe event")

    def __str__(self) -> str:
        return f"{self.event_id} ({self.type})"
