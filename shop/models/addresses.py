"""Postal addresses of checkouts (and, later, copied onto orders)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Address(models.Model):
    """One address as the buyer gave it, validated by shop/services/addresses.py.

    Orders keep their own copy (an address a buyer edits later must not change an
    invoice), so rows here belong to one checkout and go when it goes.
    """

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    company_name = models.CharField(_("company"), max_length=150, blank=True)
    street_address_1 = models.CharField(_("street and number"), max_length=200)
    street_address_2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 code."))
    phone = models.CharField(_("phone"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")

    def __str__(self) -> str:
        return ", ".join(
            part
            for part in (
                f"{self.first_name} {self.last_name}",
                self.street_address_1,
                f"{self.postal_code} {self.city}".strip(),
                self.country,
            )
            if part
        )
