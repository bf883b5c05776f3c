"""What a museum sells as admission, when, and how many: offers, visitor categories,
time slots with their capacity, quotas that overlap, and the tickets sold.

Capacity follows the stock rules (shop/services/stock.py): `sold` counters on the slot
and quota rows move only under row locks with F() updates (shop/tickets/capacity.py),
and a CHECK constraint keeps `sold <= capacity` as the last guard. As in pretix, a ticket
needs room in every quota its slot belongs to (the slot's own capacity is one more).

Names and descriptions are translated fields (`name_nl`, `name_en`, `name_fr`): an offer
is a short record of the shop, not a page with a translation workflow.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from museum_site.museums.models import museum_foreign_key
from shop.models.catalogue import MONEY_DIGITS

LANGUAGES = ("nl", "en", "fr")


class Translated:
    """`translated("name", "fr")`: the French name, else the Dutch one."""

    def translated(self, field: str, language: str) -> str:
        language = language if language in LANGUAGES else "nl"
        return getattr(self, f"{field}_{language}") or getattr(self, f"{field}_nl")


class AdmissionOffer(Translated, models.Model):
    class Kind(models.TextChoices):
        PERMANENT = "permanent", _("Permanent collection")
        EXHIBITION = "exhibition", _("Temporary exhibition")
        COMBINATION = "combination", _("Combination")

    museum = museum_foreign_key("admission_offers")
    slug = models.SlugField(_("short name"), max_length=60)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    vat_rate = models.PositiveSmallIntegerField(
        _("VAT rate (%)"),
        default=6,
        # xgettext:no-python-format
        help_text=_("Belgium: 6% for admission."),
    )
    active = models.BooleanField(_("on sale"), default=True)
    cancel_until_hours = models.PositiveIntegerField(
        _("visitors may cancel until (hours before the slot)"), default=24
    )
    refund_percentage = models.PositiveSmallIntegerField(
        _("refund on cancellation (%)"), default=100
    )

    class Meta:
        verbose_name = _("admission offer")
        verbose_name_plural = _("admission offers")
        ordering = ["museum", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["museum", "slug"], name="ticket_offer_slug_per_museum"),
            models.CheckConstraint(
                condition=Q(refund_percentage__lte=100), name="ticket_offer_refund_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return self.name_nl


class VisitorCategory(Translated, models.Model):
    class Kind(models.TextChoices):
        ADULT = "adult", _("Adult")
        REDUCED = "reduced", _("Reduced")
        YOUTH = "youth", _("Youth")
        CHILD = "child", _("Child")
        MUSEUM_PASS = "museum_pass", _("Museum pass holder")

    museum = museum_foreign_key("visitor_categories")
    offer = models.ForeignKey(AdmissionOffer, on_delete=models.CASCADE, related_name="categories")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    name_fr = models.CharField(_("name (French)"), max_length=100, blank=True)
    price = models.DecimalField(_("price (incl. VAT)"), **MONEY_DIGITS)
    asks_pass_number = models.BooleanField(_("asks a pass number"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("visitor category")
        verbose_name_plural = _("visitor categories")
        ordering = ["offer", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["offer", "kind"], name="ticket_one_category_per_kind"),
            models.CheckConstraint(condition=Q(price__gte=0), name="ticket_price_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.offer} – {self.name_nl}"


class WeeklyOpening(models.Model):
    """One weekday's slots of an offer: from `opens` to the last start before `closes`,
    every `interval_minutes`, each with `capacity` places."""

    museum = museum_foreign_key("weekly_openings")
    offer = models.ForeignKey(AdmissionOffer, on_delete=models.CASCADE, related_name="openings")
    weekday = models.PositiveSmallIntegerField(
        _("weekday"),
        choices=[
            (0, _("Monday")),
            (1, _("Tuesday")),
            (2, _("Wednesday")),
            (3, _("Thursday")),
            (4, _("Friday")),
            (5, _("Saturday")),
            (6, _("Sunday")),
        ],
    )
    opens = models.TimeField(_("first slot"))
    closes = models.TimeField(_("closes"))
    interval_minutes = models.PositiveSmallIntegerField(_("minutes between slots"), default=30)
    capacity = models.PositiveIntegerField(_("places per slot"))

    class Meta:
        verbose_name = _("weekly opening")
        verbose_name_plural = _("weekly openings")
        ordering = ["offer", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(condition=Q(opens__lt=F("closes")), name="ticket_opens_first"),
            models.CheckConstraint(
                condition=Q(interval_minutes__gt=0), name="ticket_interval_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class ScheduleException(models.Model):
    """A date that differs from the week: closed (a holiday), or other hours (a late
    opening). Without an offer it holds for every offer of the museum."""

    museum = museum_foreign_key("schedule_exceptions")
    offer = models.ForeignKey(
        AdmissionOffer,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="exceptions",
    )
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed"), default=True)
    opens = models.TimeField(_("first slot"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closing day or exception")
        verbose_name_plural = _("closing days and exceptions")
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed=True) | Q(opens__isnull=False, closes__isnull=False),
                name="ticket_exception_has_hours",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.note}".strip()


class TimeSlot(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    museum = museum_foreign_key("time_slots")
    offer = models.ForeignKey(AdmissionOffer, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(_("places"))
    sold = models.PositiveIntegerField(_("sold"), default=0, editable=False)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default="open")

    class Meta:
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["starts_at", "offer"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "starts_at"], name="ticket_one_slot_per_start"
            ),
            models.CheckConstraint(
                condition=Q(sold__lte=F("capacity")), name="ticket_slot_never_oversold"
            ),
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="ticket_slot_starts_first"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.offer} {self.starts_at:%Y-%m-%d %H:%M}"


class Quota(models.Model):
    """A limit shared by several slots (an exhibition's places per day, over the slots of
    the exhibition and of the combined ticket): a ticket needs room in every quota of
    its slot, as in pretix."""

    museum = museum_foreign_key("ticket_quotas")
    name = models.CharField(_("name"), max_length=200)
    capacity = models.PositiveIntegerField(_("places"))
    sold = models.PositiveIntegerField(_("sold"), default=0, editable=False)
    slots = models.ManyToManyField(TimeSlot, related_name="quotas", blank=True)

    class Meta:
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sold__lte=F("capacity")), name="ticket_quota_never_oversold"
            )
        ]

    def __str__(self) -> str:
        return self.name


class CheckoutTicketLine(models.Model):
    """Tickets in a cart: a slot, a category, how many. `held_until` is set while the
    visitor pays: until then these places count as taken for everyone else."""

    checkout = models.ForeignKey(
        "shop.Checkout", on_delete=models.CASCADE, related_name="ticket_lines"
    )
    slot = models.ForeignKey(TimeSlot, on_delete=models.CASCADE, related_name="checkout_lines")
    category = models.ForeignKey(VisitorCategory, on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveIntegerField(_("quantity"))
    pass_numbers = models.JSONField(default=list, blank=True)
    held_until = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["checkout", "slot", "category"], name="ticket_one_line_per_category"
            ),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="ticket_line_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.category_id} @ {self.slot_id}"


def new_code() -> str:
    """128 random bits, URL- and QR-friendly: unguessable, not derived from anything."""
    return secrets.token_urlsafe(16)


class Ticket(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        CANCELED = "canceled", _("Canceled")

    museum = museum_foreign_key("tickets")
    order = models.ForeignKey("shop.Order", on_delete=models.PROTECT, related_name="tickets")
    order_line = models.ForeignKey(
        "shop.OrderLine", on_delete=models.PROTECT, related_name="tickets"
    )
    slot = models.ForeignKey(TimeSlot, on_delete=models.PROTECT, related_name="tickets")
    category = models.ForeignKey(VisitorCategory, on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("code"), max_length=32, unique=True, default=new_code)
    price = models.DecimalField(_("price (incl. VAT)"), **MONEY_DIGITS)
    pass_number = models.CharField(_("pass number"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="valid")
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    canceled_at = models.DateTimeField(_("canceled"), null=True, blank=True)

    class Meta:
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        ordering = ["slot__starts_at", "pk"]

    def __str__(self) -> str:
        return f"{self.slot} {self.code[:6]}…"
