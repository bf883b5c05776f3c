"""A group's booking request, checked in full the moment it arrives.

Every rule the museum would otherwise answer by e-mail is checked here and answered as a
payload error naming the field: group size, the adult-to-pupil ratio, the language, the
museum's days and hours for groups, and the notice the offer needs. All errors come
back at once, so a teacher fixes the form in one go.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from museum_site.museums.models import Museum
from shop.graphql.errors import PayloadError
from shop.services.errors import raise_all
from shop.visits.errors import VisitErrorCode
from shop.visits.models import LANGUAGES, Booking, BookingEvent, VisitCalendar, VisitOffer

LANGUAGE_CODES = {code for code, _label in LANGUAGES}
MAX_ALTERNATIVES = 3


@dataclass
class BookingRequest:
    offer_id: int
    organisation: str
    organisation_kind: str
    contact_name: str
    email: str
    pupils: int
    adults: int
    language: str
    preferred_start: datetime
    alternative_starts: list[datetime] = field(default_factory=list)
    phone: str = ""
    special_needs: str = ""
    purchase_order: str = ""
    vat_number: str = ""
    billing_address: str = ""
    locale: str = "nl"


def check_time(
    offer: VisitOffer, calendar: VisitCalendar | None, start: datetime, field_name: str
) -> list[PayloadError]:
    """Why a group of `offer` cannot come at `start`, if it cannot."""
    now = timezone.now()
    if start <= now:
        return [PayloadError(VisitErrorCode.PAST, _("That moment has passed."), field_name)]
    errors = []
    local = timezone.localtime(start)
    if local.date() < timezone.localdate() + timedelta(days=offer.lead_days):
        errors.append(
            PayloadError(
                VisitErrorCode.TOO_SOON,
                _("Book at least %(days)s days ahead.") % {"days": offer.lead_days},
                field_name,
            )
        )
    if calendar is not None:
        end = (local + timedelta(minutes=offer.duration_minutes)).time()
        closed_day = (
            local.weekday() not in calendar.open_weekdays
            or local.date().isoformat() in calendar.closed_dates
        )
        if closed_day:
            errors.append(
                PayloadError(
                    VisitErrorCode.CLOSED, _("The museum is closed to groups that day."), field_name
                )
            )
        elif local.time() < calendar.opens or end > calendar.closes or end < local.time():
            errors.append(
                PayloadError(
                    VisitErrorCode.CLOSED,
                    _("Groups visit between %(opens)s and %(closes)s; this visit would not fit.")
                    % {
                        "opens": calendar.opens.strftime("%H:%M"),
                        "closes": calendar.closes.strftime("%H:%M"),
                    },
                    field_name,
                )
            )
    return errors


def _check_group(offer: VisitOffer, request: BookingRequest) -> list[PayloadError]:
    errors = []
    size = request.pupils + request.adults
    if request.pupils < 1:
        errors.append(
            PayloadError(
                VisitErrorCode.GROUP_TOO_SMALL, _("A group has at least one participant."), "pupils"
            )
        )
    elif size < offer.min_group:
        errors.append(
            PayloadError(
                VisitErrorCode.GROUP_TOO_SMALL,
                _("This visit is for groups of at least %(min)s people.")
                % {"min": offer.min_group},
                "pupils",
            )
        )
    if size > offer.max_group:
        errors.append(
            PayloadError(
                VisitErrorCode.GROUP_TOO_LARGE,
                _("This visit takes at most %(max)s people, adults included; split the group.")
                % {"max": offer.max_group},
                "pupils",
            )
        )
    if offer.pupils_per_adult and request.pupils > 0:
        needed = math.ceil(request.pupils / offer.pupils_per_adult)
        if request.adults < needed:
            errors.append(
                PayloadError(
                    VisitErrorCode.TOO_FEW_ADULTS,
                    _("%(pupils)s pupils need at least %(adults)s accompanying adults.")
                    % {"pupils": request.pupils, "adults": needed},
                    "adults",
                )
            )
    if request.language not in LANGUAGE_CODES or request.language not in offer.languages:
        errors.append(
            PayloadError(
                VisitErrorCode.LANGUAGE_NOT_OFFERED,
                _("This visit is given in %(languages)s.")
                % {"languages": ", ".join(offer.languages)},
                "language",
            )
        )
    return errors


def _check_contact(request: BookingRequest) -> list[PayloadError]:
    errors = []
    for name in ("organisation", "contact_name"):
        if not getattr(request, name).strip():
            camel = "contactName" if name == "contact_name" else name
            errors.append(PayloadError(VisitErrorCode.REQUIRED, _("Fill this in."), camel))
    if request.organisation_kind not in Booking.Organisation.values:
        errors.append(
            PayloadError(
                VisitErrorCode.INVALID, _("Choose a kind of organisation."), "organisationKind"
            )
        )
    try:
        validate_email(request.email)
    except ValidationError:
        errors.append(
            PayloadError(VisitErrorCode.INVALID, _("Enter a valid e-mail address."), "email")
        )
    if len(request.alternative_starts) > MAX_ALTERNATIVES:
        errors.append(
            PayloadError(
                VisitErrorCode.INVALID,
                _("Give at most %(n)s alternatives.") % {"n": MAX_ALTERNATIVES},
                "alternativeStarts",
            )
        )
    return errors


def request_booking(museum: Museum, request: BookingRequest) -> Booking:
    offer = VisitOffer.objects.filter(pk=request.offer_id, museum=museum, active=True).first()
    if offer is None:
        raise PayloadError(VisitErrorCode.NOT_FOUND, _("This visit is not offered."), "offer")
    calendar = VisitCalendar.objects.filter(museum=museum).first()
    errors = _check_contact(request) + _check_group(offer, request)
    errors += check_time(offer, calendar, request.preferred_start, "preferredStart")
    for start in request.alternative_starts:
        errors += check_time(offer, calendar, start, "alternativeStarts")
    raise_all(errors)
    with transaction.atomic():
        booking = Booking.objects.create(
            museum=museum,
            offer=offer,
            locale=request.locale,
            organisation=request.organisation.strip(),
            organisation_kind=request.organisation_kind,
            contact_name=request.contact_name.strip(),
            email=request.email,
            phone=request.phone,
            pupils=request.pupils,
            adults=request.adults,
            language=request.language,
            preferred_start=request.preferred_start,
            alternative_starts=[start.isoformat() for start in request.alternative_starts],
            special_needs=request.special_needs,
            purchase_order=request.purchase_order,
            vat_number=request.vat_number,
            billing_address=request.billing_address,
        )
        BookingEvent.objects.create(booking=booking, kind=BookingEvent.Kind.REQUESTED)
    return booking
