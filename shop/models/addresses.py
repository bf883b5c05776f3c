"""The one postal address model of the shop: checkouts, orders and address books.

There used to be two (this one for checkouts and orders, another in shop.accounts for
the address book) with different lengths and rules; a saved address could then be one
the checkout refused. Now every address is a row here, checked by one validator
(shop/services/addresses.py), and only its owner differs:

- an address-book entry has `customer` set and lives until the customer deletes it;
- a checkout's or order's address has no `customer`: it is the checkout's own copy,
  and an order keeps its own copy, so editing the book never changes an invoice.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Address(models.Model):
    """One address as the buyer gave it (Saleor's Address fields)."""

    customer = models.ForeignKey(
        "shop_accounts.Customer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="addresses",
        verbose_name=_("customer"),
        help_text=_(
            "Set for an address in a customer's address book; empty for a copy "
            "held by a checkout or an order."
        ),
    )
    first_name = models.CharField(_("first name"), max_length=256)
    last_name = models.CharField(_("last name"), max_length=256)
    company_name = models.CharField(_("company"), max_length=256, blank=True)
    street_address_1 = models.CharField(_("street and number"), max_length=256)
    street_address_2 = models.CharField(_("address line 2"), max_length=256, blank=True)
    city = models.CharField(_("city"), max_length=256)
    city_area = models.CharField(_("district"), max_length=128, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 code."))
    country_area = models.CharField(_("state or province"), max_length=128, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ["pk"]

    def __str__(self) -> str:
        return ", ".join(
            part
            for part in (
                f"{self.first_name} {self.last_name}".strip(),
                self.street_address_1,
                f"{self.postal_code} {self.city}".strip(),
                self.country,
            )
            if part
        )
