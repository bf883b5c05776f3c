"""Promo codes: a percentage or a fixed amount off the goods, for a period, a number of times.

`used` is counted when an order is placed, under a row lock (shop/services/vouchers.py);
the database refuses a count above the limit, so two last-minute buyers cannot both use
the last redemption.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from museum_site.museums.models import default_museum_id

from .catalogue import MONEY_DIGITS
from .counters import CountedUnderLock

CODE_FORMAT = RegexValidator(
    r"^[A-Z0-9][A-Z0-9_-]*$", _("Use capital letters, digits, dashes and underscores.")
)


def normalise_code(code: str) -> str:
    """Codes are typed by visitors: case and surrounding spaces do not matter."""
    return code.strip().upper()


class Voucher(CountedUnderLock):
    class Kind(models.TextChoices):
        PERCENTAGE = "percentage", _("Percentage off the goods")
        FIXED = "fixed", _("Fixed amount off the goods (incl. VAT)")

    museum = models.ForeignKey(
        "museums.Museum",
        on_delete=models.PROTECT,
        default=default_museum_id,
        related_name="+",
        verbose_name=_("museum"),
    )
    code = models.CharField(_("code"), max_length=32, unique=True, validators=[CODE_FORMAT])
    description = models.CharField(
        _("internal note"), max_length=255, blank=True, help_text=_("E.g. the campaign.")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    value = models.DecimalField(
        _("value"),
        **MONEY_DIGITS,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Percent (e.g. 10) or euro (e.g. 5.00)."),
    )
    minimum_spend = models.DecimalField(
        _("minimum spend"),
        **MONEY_DIGITS,
        null=True,
        blank=True,
        help_text=_("Goods total (incl. VAT) the code needs."),
    )
    valid_from = models.DateTimeField(_("valid from"), default=timezone.now)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    usage_limit = models.PositiveIntegerField(
        _("usage limit"), null=True, blank=True, help_text=_("Orders it may be used for in all.")
    )
    used = models.IntegerField(_("used"), default=0, editable=False)
    active = models.BooleanField(_("active"), default=True)

    counted_fields = ("used",)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("active")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("kind"), FieldPanel("value")]), FieldPanel("minimum_spend")],
            _("Discount"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("usage_limit"),
            ],
            _("Validity"),
        ),
    ]

    class Meta:
        ordering = ["-valid_from", "code"]
        verbose_name = _("voucher")
        constraints = [
            models.UniqueConstraint(Upper("code"), name="voucher_code_unique_any_case"),
            models.CheckConstraint(
                condition=models.Q(used__gte=0), name="voucher_used_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(usage_limit__isnull=True)
                | models.Q(used__lte=models.F("usage_limit")),
                name="voucher_used_within_limit",
            ),
            models.CheckConstraint(condition=models.Q(value__gt=0), name="voucher_value_positive"),
            models.CheckConstraint(
                condition=~models.Q(kind="percentage") | models.Q(value__lte=100),
                name="voucher_percentage_at_most_100",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gt=models.F("valid_from")),
                name="voucher_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def save(self, *args, **kwargs) -> None:
        self.code = normalise_code(self.code)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.code = normalise_code(self.code or "")
        super().clean()
        if self.kind == self.Kind.PERCENTAGE and self.value is not None and self.value > 100:
            raise ValidationError({"value": _("A percentage cannot be above 100.")})
        if self.valid_until and self.valid_from and self.valid_until <= self.valid_from:
            raise ValidationError({"valid_until": _("The end must come after the start.")})
        if self.usage_limit is not None and self.usage_limit < self.used:
            raise ValidationError(
                {"usage_limit": _("Already used %(used)s times.") % {"used": self.used}}
            )
