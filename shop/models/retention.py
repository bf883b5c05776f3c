"""What the law makes the museum keep about a buyer who asked to be forgotten.

Belgian VAT law (VAT Code art. 60) requires an issued invoice to be kept, unaltered, for
ten years; GDPR art. 17(3)(b) lets a controller keep personal data for such a legal
obligation, and for nothing else. So when a customer's account is erased, the invoice
identity of each invoiced order (the name and billing address as invoiced) moves here,
out of the order, and the order itself keeps only what identifies no one: its number,
lines, amounts, VAT and history.

This table is deliberately kept out of every everyday path: it is not in the Wagtail
admin (no listing, no search), not in GraphQL, not in the data export (there is no
account any more to export for), and nothing joins it into a query. It is read for a
tax inspection by invoice number (`retained_invoice_for`), and each row is deleted when
its retention period ends (shop.services.orders.anonymise_expired_orders).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .orders import Order


class RetainedInvoice(models.Model):
    order = models.OneToOneField(
        Order, on_delete=models.PROTECT, related_name="retained_invoice", editable=False
    )
    # Unique per museum, like the order's own number (the order is this row's key).
    invoice_number = models.CharField(_("invoice number"), max_length=32)
    name = models.CharField(_("name"), max_length=201, blank=True)
    company_name = models.CharField(_("company"), max_length=150, blank=True)
    street_address_1 = models.CharField(_("street and number"), max_length=200, blank=True)
    street_address_2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    retained_at = models.DateTimeField(_("moved here"), auto_now_add=True)
    purge_after = models.DateTimeField(
        _("delete after"), db_index=True, help_text=_("End of the legal retention period.")
    )

    class Meta:
        verbose_name = _("retained invoice identity")
        # No add/change/delete/view permissions to hand out: no staff role reaches it.
        default_permissions = ()

    def __str__(self) -> str:
        return self.invoice_number
