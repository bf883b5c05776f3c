"""What left the museum (or waits at its desk) for an order: some or all of its lines."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Fulfilment(models.Model):
    """One parcel posted with a carrier and tracking number, or lines ready for pick-up."""

    class Kind(models.TextChoices):
        SHIPPED = "shipped", _("Shipped")
        READY_FOR_PICKUP = "ready_for_pickup", _("Ready for pick-up")

    order = models.ForeignKey(
        "Order", on_delete=models.CASCADE, related_name="fulfilments", verbose_name=_("order")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    carrier = models.CharField(_("carrier"), max_length=100, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=100, blank=True)
    tracking_url = models.URLField(_("tracking link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("fulfilment")
        verbose_name_plural = _("fulfilments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.order} {self.kind} {self.tracking_number}".strip()


class FulfilmentLine(models.Model):
    fulfilment = models.ForeignKey(Fulfilment, on_delete=models.CASCADE, related_name="lines")
    order_line = models.ForeignKey(
        "OrderLine", on_delete=models.CASCADE, related_name="fulfilment_lines"
    )
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        verbose_name = _("fulfilled line")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="fulfilment_line_quantity_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.order_line.sku}"
