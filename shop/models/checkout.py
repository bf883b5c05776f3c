"""The checkout: a visitor's cart with what the order will need, before it is an order.

A checkout holds references (variants, a delivery method, a voucher), never prices:
totals are computed when asked (shop/pricing.py), so a price change shows at once. When
`checkoutComplete` turns a checkout into an order, the order freezes the prices,
allocates stock (shop/services/stock.py) and redeems the voucher
(shop/services/vouchers.py) under locks.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from museum_site.museums.models import default_museum_id

from .addresses import Address
from .catalogue import CURRENCY, ProductVariant
from .shipping import ShippingMethod
from .vouchers import Voucher


class Checkout(models.Model):
    token = models.UUIDField(_("token"), primary_key=True, default=uuid.uuid4, editable=False)
    # The museum that sells: the one the request's host names (museum_site.museums).
    museum = models.ForeignKey(
        "museums.Museum",
        on_delete=models.PROTECT,
        default=default_museum_id,
        related_name="checkouts",
        verbose_name=_("museum"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True, db_index=True)
    email = models.EmailField(_("e-mail"), blank=True)
    locale = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=[(CURRENCY, "EUR")], default=CURRENCY
    )
    shipping_address = models.OneToOneField(
        Address, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    billing_address = models.OneToOneField(
        Address, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    delivery_method = models.ForeignKey(
        ShippingMethod,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("delivery method"),
    )
    voucher = models.ForeignKey(
        Voucher,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="checkouts",
        verbose_name=_("voucher"),
    )
    # When the one reminder e-mail went out (shop/services/checkout_expiry.py); never twice.
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True, editable=False)
    # Set when a signed-in customer creates the checkout; only they may use it then
    # (shop/services/checkout_access.py). Never changes afterwards.
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="checkouts",
        verbose_name=_("customer account"),
    )

    class Meta:
        verbose_name = _("checkout")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return str(self.token)

    def touch(self) -> None:
        """Mark a change made beside the checkout's own fields (its ticket lines): the
        expiry counts from the last change, and clients keep the newest answer by
        `updatedAt` (an answer read before a change must not overwrite it)."""
        self.save(update_fields=["updated_at"])


class CheckoutLine(models.Model):
    checkout = models.ForeignKey(Checkout, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey(
        ProductVariant, on_delete=models.CASCADE, related_name="checkout_lines"
    )
    quantity = models.IntegerField(_("quantity"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["checkout", "variant"], name="checkout_one_line_per_variant"
            ),
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="checkout_line_quantity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.variant.sku}"
