"""Invoices and credit notes: numbered per museum, per kind and per year, without gaps.

Belgian VAT law (and the EU VAT directive, art. 226) asks for one unbroken series of
invoice numbers per seller; a museum is a seller, so each museum has its own series, and
credit notes (a refund corrects an invoice) a series of their own. A number is taken
under the sequence row's lock in the transaction that records the sale or the refund,
so a rollback gives it back. The PDF is made afterwards (shop/services/invoices.py),
outside the locks, and stored privately.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from museum_site.museums.models import default_museum_id

from .catalogue import MONEY_DIGITS


class InvoiceKind(models.TextChoices):
    INVOICE = "invoice", _("Invoice")
    CREDIT_NOTE = "credit_note", _("Credit note")


class DocumentSequence(models.Model):
    """The last number given in one museum's series of one kind in one year."""

    museum = models.ForeignKey(
        "museums.Museum", on_delete=models.PROTECT, default=default_museum_id, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=InvoiceKind.choices)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["museum", "kind", "year"], name="document_sequence_one_per_series"
            )
        ]

    def __str__(self) -> str:
        return f"{self.museum_id} {self.kind} {self.year}: {self.last}"


class Invoice(models.Model):
    """An issued invoice or credit note. Never edited; its PDF is made once."""

    museum = models.ForeignKey(
        "museums.Museum",
        on_delete=models.PROTECT,
        default=default_museum_id,
        related_name="invoices",
        verbose_name=_("museum"),
    )
    order = models.ForeignKey(
        "Order", on_delete=models.PROTECT, related_name="invoices", verbose_name=_("order")
    )
    refund = models.OneToOneField(
        "Refund",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credit_note",
        verbose_name=_("refund"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=InvoiceKind.choices)
    number = models.CharField(_("number"), max_length=40)
    amount = models.DecimalField(_("amount (incl. VAT)"), **MONEY_DIGITS, default=Decimal("0"))
    file = models.CharField(_("stored file"), max_length=255, blank=True, editable=False)
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["museum", "kind", "number"], name="invoice_number_unique_per_museum"
            )
        ]

    def __str__(self) -> str:
        return self.number
