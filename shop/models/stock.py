"""Stock: how many units of a physical variant the museum has, and how many are promised.

`allocated` counts units of paid orders not yet handed over. The database keeps
0 <= allocated <= quantity with check constraints, so no code path (a race, a bug, a
hand edit) can sell a replica the museum does not have; shop/services/stock.py changes
these numbers only under row locks.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel

from .catalogue import ProductVariant
from .counters import CountedUnderLock


class Stock(CountedUnderLock):
    variant = models.OneToOneField(
        ProductVariant, on_delete=models.CASCADE, related_name="stock", verbose_name=_("variant")
    )
    quantity = models.IntegerField(
        _("in stock"),
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Units on the shelf, including those set aside for paid orders."),
    )
    allocated = models.IntegerField(
        _("set aside"),
        default=0,
        editable=False,
        help_text=_("Units of paid orders not yet shipped or picked up."),
    )

    low_stock_threshold = models.PositiveIntegerField(
        _("low-stock alert at"),
        null=True,
        blank=True,
        default=3,
        help_text=_(
            "Staff are told once, by e-mail and on the dashboard, when no more than this "
            "many units can be sold. Empty: no alert."
        ),
    )
    low_stock_alerted_at = models.DateTimeField(
        _("low-stock alert sent"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When staff were told; cleared once the stock is above the alert again."),
    )

    counted_fields = ("allocated",)

    panels = [
        HelpPanel(
            content=_(
                "Count what is on the shelf, including units set aside for paid orders that "
                "have not left the museum yet. The shop sells the difference."
            )
        ),
        FieldPanel("quantity"),
        FieldPanel("low_stock_threshold"),
    ]

    class Meta:
        verbose_name = _("stock")
        verbose_name_plural = _("stock")
        ordering = ["variant__sku"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=0), name="stock_quantity_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(allocated__gte=0), name="stock_allocated_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(allocated__lte=models.F("quantity")),
                name="stock_allocated_within_quantity",
            ),
        ]

    def __str__(self) -> str:
        return str(self.variant)

    @property
    def is_low(self) -> bool:
        return self.low_stock_threshold is not None and self.available <= self.low_stock_threshold

    @property
    def available(self) -> int:
        """Units the shop may still sell."""
        return self.quantity - self.allocated

    def clean(self) -> None:
        super().clean()
        if self.quantity is not None and self.quantity < self.allocated:
            raise ValidationError(
                {
                    "quantity": _(
                        "%(allocated)s units are set aside for paid orders; the count cannot be lower."
                    )
                    % {"allocated": self.allocated}
                }
            )
