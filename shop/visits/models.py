"""Group visits and the museum's planning.

A booking request is data, checked when it arrives (group size, ratio, language, opening
hours, lead time), never a free-text e-mail. Once staff confirm it, the visit becomes an
`Activity` that occupies resources. Guides and rooms can do one thing at a time: on
PostgreSQL an exclusion constraint over (resource, time range) makes an overlapping
assignment impossible even when two staff members save at the same instant (migration
0002). Materials are counted: an assignment takes a quantity, and the material's row is
locked while the quantities in use over that time are summed (services/planning.py).
"""

from __future__ import annotations

import secrets
from datetime import datetime
from datetime import time as dt_time
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from museum_site.museums.models import museum_foreign_key

MONEY = {"max_digits": 10, "decimal_places": 2}
LANGUAGES = [("nl", _("Dutch")), ("en", _("English")), ("fr", _("French")), ("de", _("German"))]


def _token() -> str:
    return secrets.token_urlsafe(24)


class Translated:
    """`text(field, language)`: the field in the language, else Dutch (the source)."""

    def text(self, field: str, language: str | None = None) -> str:
        language = (language or translation.get_language() or "nl")[:2]
        return getattr(self, f"{field}_{language}", "") or getattr(self, f"{field}_nl")


class Audience(models.TextChoices):
    PRIMARY = "primary", _("Primary school")
    SECONDARY = "secondary", _("Secondary school")
    HIGHER = "higher", _("Higher education")
    ADULTS = "adults", _("Adults")
    SPECIAL_NEEDS = "special_needs", _("Special needs")


class VisitOffer(Translated, models.Model):
    class Kind(models.TextChoices):
        GUIDED_TOUR = "guided_tour", _("Guided tour")
        WORKSHOP = "workshop", _("Workshop")

    class Pricing(models.TextChoices):
        PER_GROUP = "group", _("per group")
        PER_PERSON = "person", _("per person")

    museum = museum_foreign_key("visit_offers")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    languages = models.JSONField(
        _("languages offered"), default=list, help_text=_('Language codes, e.g. ["nl", "fr"].')
    )
    audiences = models.JSONField(_("audiences"), default=list)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    min_group = models.PositiveSmallIntegerField(_("minimum group size"), default=1)
    max_group = models.PositiveSmallIntegerField(_("maximum group size"), default=30)
    pupils_per_adult = models.PositiveSmallIntegerField(
        _("pupils per accompanying adult"),
        null=True,
        blank=True,
        help_text=_("At least one adult per this many pupils. Empty: no ratio."),
    )
    pricing = models.CharField(
        _("price"), max_length=8, choices=Pricing.choices, default=Pricing.PER_GROUP
    )
    price = models.DecimalField(
        _("price incl. VAT"), **MONEY, validators=[MinValueValidator(Decimal("0"))]
    )
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=4, decimal_places=1, default=21)
    lead_days = models.PositiveSmallIntegerField(
        _("days of notice"), default=7, help_text=_("How many days ahead a group must book.")
    )
    active = models.BooleanField(_("offered"), default=True)

    panels = [
        FieldPanel("museum"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("active")]),
        FieldRowPanel([FieldPanel("title_nl"), FieldPanel("title_en"), FieldPanel("title_fr")]),
        FieldPanel("description_nl"),
        FieldPanel("description_en"),
        FieldPanel("description_fr"),
        MultiFieldPanel(
            [
                FieldPanel("languages"),
                FieldPanel("audiences"),
                FieldRowPanel([FieldPanel("min_group"), FieldPanel("max_group")]),
                FieldPanel("pupils_per_adult"),
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("lead_days")]),
            ],
            _("Groups"),
        ),
        FieldRowPanel([FieldPanel("pricing"), FieldPanel("price"), FieldPanel("vat_rate")]),
    ]

    class Meta:
        ordering = ["title_nl"]
        verbose_name = _("visit offer")
        verbose_name_plural = _("visit offers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_group__lte=models.F("max_group")),
                name="visit_offer_group_range",
            )
        ]

    def __str__(self) -> str:
        return self.text("title")


class VisitCalendar(models.Model):
    """When a museum takes groups, and what cancelling costs: one per museum."""

    museum = models.OneToOneField(
        "museums.Museum",
        on_delete=models.CASCADE,
        related_name="visit_calendar",
        verbose_name=_("museum"),
    )
    open_weekdays = models.JSONField(
        _("open on"), default=list, help_text=_("Weekdays, 0 = Monday, e.g. [1, 2, 3, 4, 5, 6].")
    )
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    closed_dates = models.JSONField(
        _("closed on"), default=list, blank=True, help_text=_('Dates, e.g. ["2026-12-25"].')
    )
    reminder_days = models.PositiveSmallIntegerField(_("reminder (days before)"), default=3)
    bank_account = models.CharField(
        _("bank account (IBAN)"),
        max_length=34,
        blank=True,
        help_text=_("Printed on the invoices, with the structured communication to pay with."),
    )
    cancellation_fees = models.JSONField(
        _("cancellation fees"),
        default=list,
        blank=True,
        help_text=_(
            'Notice and fee, e.g. [{"days": 14, "percent": 0}, {"days": 2, "percent": 50}, '
            '{"days": 0, "percent": 100}]: the fee of the first row whose notice is met.'
        ),
    )

    class Meta:
        verbose_name = _("group visit calendar")
        verbose_name_plural = _("group visit calendars")

    def __str__(self) -> str:
        return str(self.museum)


class Resource(models.Model):
    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        ROOM = "room", _("Room")
        MATERIAL = "material", _("Material")

    museum = museum_foreign_key("resources")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    skills = models.JSONField(_("skills"), default=list, blank=True)
    capacity = models.PositiveSmallIntegerField(_("capacity (people)"), null=True, blank=True)
    stock = models.PositiveSmallIntegerField(
        _("number in stock"), default=1, help_text=_("For materials: how many there are.")
    )
    working_hours = models.JSONField(
        _("working hours"),
        default=list,
        blank=True,
        help_text=_(
            'For guides: when they work, e.g. [{"days": [0, 1, 2], "from": "09:00", '
            '"until": "17:00"}] (0 = Monday). Empty: any time. Leave is an activity.'
        ),
    )
    feed_secret = models.CharField(max_length=64, default=_token, unique=True, editable=False)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        try:
            shifts = working_shifts(self.working_hours)
        except (TypeError, ValueError, KeyError):
            raise ValidationError(
                {
                    "working_hours": _(
                        'Write each shift as {"days": [0, 1], "from": "09:00", "until": "17:00"}.'
                    )
                }
            ) from None
        if any(start >= end for _days, start, end in shifts):
            raise ValidationError({"working_hours": _("A shift ends after it starts.")})

    def works_during(self, starts_at: datetime, ends_at: datetime) -> bool:
        """Whether one of the guide's shifts holds the whole time (local, one day);
        no working hours: always."""
        if not self.working_hours:
            return True
        start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
        if end.date() != start.date() and end.time() != dt_time.min:
            return False
        until = dt_time.max if end.date() != start.date() else end.time()
        return any(
            start.weekday() in days and begins <= start.time() and until <= ends
            for days, begins, ends in working_shifts(self.working_hours)
        )

    @property
    def exclusive(self) -> bool:
        return self.kind != self.Kind.MATERIAL


def working_shifts(hours: list) -> list[tuple[set[int], dt_time, dt_time]]:
    """`working_hours` as (weekdays, from, until); raises on a malformed shift."""
    return [
        (
            {int(day) for day in shift["days"] if 0 <= int(day) <= 6},
            dt_time.fromisoformat(shift["from"]),
            dt_time.fromisoformat(shift["until"]),
        )
        for shift in hours
    ]


class Activity(models.Model):
    class Kind(models.TextChoices):
        VISIT = "visit", _("Group visit")
        WORKSHOP = "workshop", _("Workshop")
        EVENT = "event", _("Public event")
        BUILD_UP = "build_up", _("Exhibition build-up")
        TEARDOWN = "teardown", _("Exhibition teardown")
        MAINTENANCE = "maintenance", _("Maintenance")
        LEAVE = "leave", _("Leave")

    museum = museum_foreign_key("activities")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_at__lt=models.F("ends_at")), name="activity_has_duration"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Assignment(models.Model):
    """A resource taken by an activity. Its times are the activity's, copied so the
    database can compare them (the exclusion constraint sees one row at a time)."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("activity")
    )
    resource = models.ForeignKey(
        Resource, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("resource")
    )
    quantity = models.PositiveSmallIntegerField(_("quantity"), default=1)
    exclusive = models.BooleanField(default=True, editable=False)
    starts_at = models.DateTimeField(editable=False)
    ends_at = models.DateTimeField(editable=False)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["activity", "resource"], name="one_assignment_each"),
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="assignment_quantity"),
        ]

    def __str__(self) -> str:
        return f"{self.resource} × {self.quantity}: {self.activity}"


class Booking(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        CONFIRMED = "confirmed", _("Confirmed")
        DONE = "done", _("Visited")
        INVOICED = "invoiced", _("Invoiced")
        CANCELLED = "cancelled", _("Cancelled")

    class Organisation(models.TextChoices):
        SCHOOL = "school", _("School")
        COMPANY = "company", _("Company")
        ASSOCIATION = "association", _("Association")
        OTHER = "other", _("Other")

    token = models.CharField(max_length=64, default=_token, unique=True, editable=False)
    museum = museum_foreign_key("visit_bookings")
    offer = models.ForeignKey(
        VisitOffer, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("offer")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED
    )
    locale = models.CharField(_("language of the e-mails"), max_length=8, default="nl")
    organisation = models.CharField(_("organisation"), max_length=200)
    organisation_kind = models.CharField(
        _("kind of organisation"), max_length=16, choices=Organisation.choices
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    pupils = models.PositiveSmallIntegerField(_("pupils or participants"))
    adults = models.PositiveSmallIntegerField(_("accompanying adults"), default=0)
    language = models.CharField(_("language of the visit"), max_length=8, choices=LANGUAGES)
    preferred_start = models.DateTimeField(_("preferred start"))
    alternative_starts = models.JSONField(_("alternatives"), default=list, blank=True)
    special_needs = models.TextField(_("special needs"), blank=True)
    purchase_order = models.CharField(_("purchase-order number"), max_length=64, blank=True)
    vat_number = models.CharField(_("VAT number"), max_length=32, blank=True)
    billing_address = models.TextField(_("invoice address"), blank=True)
    activity = models.OneToOneField(
        Activity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booking",
        verbose_name=_("planned as"),
    )
    actual_pupils = models.PositiveSmallIntegerField(_("pupils who came"), null=True, blank=True)
    actual_adults = models.PositiveSmallIntegerField(_("adults who came"), null=True, blank=True)
    amount = models.DecimalField(_("amount incl. VAT"), **MONEY, null=True, blank=True)
    invoice_number = models.CharField(_("invoice number"), max_length=20, blank=True)
    structured_communication = models.CharField(
        _("structured communication"), max_length=24, blank=True
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Paid online: the shop's order that took the money (its invoice is the booking's).
    order = models.ForeignKey(
        "shop.Order",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="visit_bookings",
        verbose_name=_("paid with order"),
    )
    paid_amount = models.DecimalField(
        _("paid online"), **MONEY, null=True, blank=True, editable=False
    )
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    # Status, planning, amounts and invoice change only through the workflow's actions
    # (Plan, Record who came, Send the invoice, Cancel), never by editing the form.
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("organisation_kind"),
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            ],
            _("Group"),
        ),
        FieldRowPanel([FieldPanel("pupils"), FieldPanel("adults"), FieldPanel("language")]),
        FieldPanel("preferred_start"),
        FieldPanel("special_needs"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("purchase_order"), FieldPanel("vat_number")]),
                FieldPanel("billing_address"),
            ],
            _("Invoice"),
        ),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("group booking")
        verbose_name_plural = _("group bookings")

    def __str__(self) -> str:
        return f"{self.organisation} — {self.offer}"

    @property
    def group_size(self) -> int:
        return self.pupils + self.adults


class BookingEvent(models.Model):
    """One step in a booking's history, as the group and staff see it."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        CONFIRMED = "confirmed", _("Confirmed")
        MOVED = "moved", _("Moved")
        CHANGE_ASKED = "change_asked", _("Change asked")
        REMINDED = "reminded", _("Reminder sent")
        VISITED = "visited", _("Numbers recorded")
        INVOICED = "invoiced", _("Invoiced")
        PAID = "paid", _("Paid online")
        REFUNDED = "refunded", _("Refunded")
        REFUND_FAILED = "refund_failed", _("Refund to be made by staff")
        CANCELLED = "cancelled", _("Cancelled")

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("booking event")
        verbose_name_plural = _("booking events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"


class CheckoutVisitLine(models.Model):
    """A booking being paid online: one line in a checkout of the shop, for the amount
    due when the group started to pay. A booking is in at most one checkout at a time
    (resumed, not duplicated); the line goes with its checkout (paid or expired)."""

    checkout = models.ForeignKey(
        "shop.Checkout", on_delete=models.CASCADE, related_name="visit_lines"
    )
    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="checkout_line")
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="visit_line_positive")
        ]

    def __str__(self) -> str:
        return f"{self.booking} € {self.amount}"
