"""How a physical order reaches the buyer: posted to a zone, or picked up at the desk.

Prices include VAT. VAT on delivery follows the goods it delivers (the EU rule for
ancillary costs), so a delivery has no rate of its own: shop/pricing.py splits its price
over the rates of the shipped goods.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from museum_site.museums.models import default_museum_id

from .catalogue import CURRENCY, MONEY_DIGITS


class ShippingZone(models.TextChoices):
    # With a context: a bare "Belgium" in our catalogue would also translate the country
    # names that customer addresses show through the API (django-countries' own msgid).
    BELGIUM = "BE", pgettext_lazy("delivery zone", "Belgium")
    EU = "EU", _("European Union (other member states)")
    WORLD = "WORLD", _("Rest of the world")


class ShippingMethod(models.Model):
    class Kind(models.TextChoices):
        SHIPPING = "shipping", _("Posted to an address")
        PICKUP = "pickup", _("Picked up at the museum desk")

    museum = models.ForeignKey(
        "museums.Museum",
        on_delete=models.PROTECT,
        default=default_museum_id,
        related_name="+",
        verbose_name=_("museum"),
    )
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    name_fr = models.CharField(_("name (French)"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SHIPPING)
    zone = models.CharField(
        _("zone"),
        max_length=8,
        choices=ShippingZone.choices,
        blank=True,
        help_text=_("Where it delivers. Leave empty for pick-up."),
    )
    price = models.DecimalField(
        _("price incl. VAT"),
        **MONEY_DIGITS,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=[(CURRENCY, "EUR")], default=CURRENCY
    )
    free_above = models.DecimalField(
        _("free from"),
        **MONEY_DIGITS,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.00"))],
        help_text=_("Goods total (incl. VAT, after discounts) from which delivery is free."),
    )
    max_weight_grams = models.PositiveIntegerField(
        _("maximum weight (g)"),
        null=True,
        blank=True,
        help_text=_("Heavier parcels cannot use this method. Leave empty for no limit."),
    )
    active = models.BooleanField(_("offered"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("position"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("name_nl"), FieldPanel("name_en"), FieldPanel("name_fr")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("zone")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("price"), FieldPanel("free_above")]),
                FieldPanel("max_weight_grams"),
            ],
            _("Price"),
        ),
        FieldRowPanel([FieldPanel("active"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["sort_order", "price", "pk"]
        verbose_name = _("delivery method")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="pickup", zone="", price=0)
                | (models.Q(kind="shipping") & ~models.Q(zone="")),
                name="delivery_pickup_is_free_and_shipping_has_a_zone",
            ),
            models.CheckConstraint(
                condition=models.Q(price__gte=0), name="delivery_price_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(currency=CURRENCY), name="delivery_price_in_euro"
            ),
        ]

    def __str__(self) -> str:
        zone = f" ({self.get_zone_display()})" if self.zone else ""
        return f"{self.name()}{zone}"

    def name(self, language: str | None = None) -> str:
        language = (language or translation.get_language() or "nl")[:2]
        return getattr(self, f"name_{language}", "") or self.name_nl

    @property
    def is_pickup(self) -> bool:
        return self.kind == self.Kind.PICKUP

    def clean(self) -> None:
        super().clean()
        if self.is_pickup and (self.zone or self.price):
            raise ValidationError(
                _("Pick-up at the desk is free and has no zone; clear the zone and the price.")
            )
        if not self.is_pickup and not self.zone:
            raise ValidationError({"zone": _("Choose where this method delivers.")})
