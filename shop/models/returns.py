"""A customer's request to send goods back within the EU's withdrawal period, and what
staff did with it: approved (or declined), received (back in stock or not), refunded."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReturnRequest(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        RECEIVED = "received", _("Received")
        REFUNDED = "refunded", _("Refunded")

    # The museum of the order, kept on the row so the admin and exports scope by it
    # like every other museum-owned row (museum_site.museums).
    museum = models.ForeignKey(
        "museums.Museum",
        on_delete=models.PROTECT,
        related_name="return_requests",
        verbose_name=_("museum"),
    )
    order = models.ForeignKey(
        "Order", on_delete=models.PROTECT, related_name="returns", verbose_name=_("order")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED
    )
    reason = models.TextField(_("reason"))
    restocked = models.BooleanField(_("back in stock"), default=False)
    refund = models.OneToOneField(
        "Refund",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="return_request",
        verbose_name=_("refund"),
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("staff member"),
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)

    class Meta:
        verbose_name = _("return")
        verbose_name_plural = _("returns")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.order} R{self.pk}"


class ReturnLine(models.Model):
    return_request = models.ForeignKey(
        ReturnRequest, on_delete=models.CASCADE, related_name="lines"
    )
    order_line = models.ForeignKey(
        "OrderLine", on_delete=models.PROTECT, related_name="return_lines"
    )
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        verbose_name = _("returned line")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="return_line_quantity_positive"
            ),
            models.UniqueConstraint(
                fields=["return_request", "order_line"], name="return_one_line_per_order_line"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.order_line.sku}"
