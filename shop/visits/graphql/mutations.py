"""Booking a group visit, and changing or cancelling it through its link."""

from __future__ import annotations

from datetime import datetime

import graphene
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from museum_site.museums.current import museum_for_request
from shop.accounts.graphql.mutations import PayloadMutation
from shop.graphql.errors import PayloadError
from shop.visits import models
from shop.visits.errors import VisitErrorCode
from shop.visits.graphql.types import OrganisationKind, VisitBooking, VisitError
from shop.visits.services import online_payment, workflow
from shop.visits.services.booking_requests import BookingRequest, request_booking


class VisitBookingRequestInput(graphene.InputObjectType):
    offer = graphene.ID(required=True)
    organisation = graphene.String(required=True)
    organisation_kind = OrganisationKind(required=True)
    contact_name = graphene.String(required=True)
    email = graphene.String(required=True)
    phone = graphene.String()
    pupils = graphene.Int(required=True, description="Pupils or participants.")
    adults = graphene.Int(required=True, description="Accompanying adults.")
    language = graphene.String(required=True, description="Language of the visit: nl, en, fr.")
    preferred_start = graphene.DateTime(
        required=True, description="Without an offset: the museum's local time."
    )
    alternative_starts = graphene.List(
        graphene.NonNull(graphene.DateTime), description="Up to three, as preferredStart."
    )
    special_needs = graphene.String()
    purchase_order = graphene.String(description="The organisation's order number.")
    vat_number = graphene.String()
    billing_address = graphene.String()
    locale = graphene.String(description="Language of the e-mails; nl by default.")


class VisitMutation(PayloadMutation):
    error_type = VisitError
    errors = graphene.List(graphene.NonNull(VisitError), required=True)
    booking = graphene.Field(VisitBooking)

    class Meta:
        abstract = True


def _museum_time(moment: datetime) -> datetime:
    """A time without an offset is the museum's wall-clock time (a form's date and hour),
    whatever the visitor's own time zone."""
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _booking(info, token: str) -> models.Booking:
    found = models.Booking.objects.filter(token=token, museum=museum_for_request(info.context))
    booking = found.first()
    if booking is None:
        raise PayloadError(VisitErrorCode.NOT_FOUND, _("No booking has this link."), "token")
    return booking


class VisitBookingRequest(VisitMutation):
    """Ask for a guided visit; checked at once (group size, ratio, language, days and
    hours, notice). Keep the booking's token: it reads and changes the booking."""

    class Arguments:
        input = VisitBookingRequestInput(required=True)

    @classmethod
    def perform(cls, info, input) -> VisitBookingRequest:
        locale = (input.get("locale") or "nl")[:2]
        locale = locale if locale in ("nl", "en", "fr") else "nl"
        # The payload's messages in the language the group books in.
        with translation.override(locale):
            return cls._request(info, input, locale)

    @classmethod
    def _request(cls, info, input, locale: str) -> VisitBookingRequest:
        try:
            offer_id = int(input["offer"])
        except (TypeError, ValueError):
            raise PayloadError(
                VisitErrorCode.NOT_FOUND, _("This visit is not offered."), "offer"
            ) from None
        request = BookingRequest(
            offer_id=offer_id,
            organisation=input["organisation"],
            organisation_kind=input["organisation_kind"].value
            if hasattr(input["organisation_kind"], "value")
            else input["organisation_kind"],
            contact_name=input["contact_name"],
            email=input["email"].strip(),
            pupils=input["pupils"],
            adults=input["adults"],
            language=input["language"],
            preferred_start=_museum_time(input["preferred_start"]),
            alternative_starts=[
                _museum_time(start) for start in input.get("alternative_starts") or []
            ],
            phone=input.get("phone") or "",
            special_needs=input.get("special_needs") or "",
            purchase_order=input.get("purchase_order") or "",
            vat_number=input.get("vat_number") or "",
            billing_address=input.get("billing_address") or "",
            locale=locale,
        )
        booking = request_booking(museum_for_request(info.context), request)
        return cls(booking=booking, errors=[])


class VisitBookingCancel(VisitMutation):
    """Cancel through the booking's link; the museum's fee for the notice given applies."""

    class Arguments:
        token = graphene.String(required=True)
        reason = graphene.String()

    @classmethod
    def perform(cls, info, token: str, reason: str = "") -> VisitBookingCancel:
        booking = workflow.cancel(_booking(info, token), reason=(reason or "")[:2000])
        return cls(booking=booking, errors=[])


class VisitBookingChangeRequest(VisitMutation):
    """Ask staff for a change (another time, more pupils); they answer by e-mail."""

    class Arguments:
        token = graphene.String(required=True)
        message = graphene.String(required=True)

    @classmethod
    def perform(cls, info, token: str, message: str) -> VisitBookingChangeRequest:
        booking = workflow.ask_change(_booking(info, token), message)
        return cls(booking=booking, errors=[])


class VisitBookingPay(VisitMutation):
    """Pay a confirmed booking online: a checkout of the museum with one line for the
    amount due (the open one again if the group started before). The frontend makes it
    the cart and pays it in its checkout; the completed order marks the booking paid."""

    class Arguments:
        token = graphene.String(required=True)
        locale = graphene.String(description="Language of the messages; the booking's otherwise.")

    checkout_token = graphene.UUID(description="The checkout to pay (checkoutPaymentCreate).")

    @classmethod
    def perform(cls, info, token: str, locale: str | None = None) -> VisitBookingPay:
        booking = _booking(info, token)
        with translation.override((locale or booking.locale)[:2]):
            checkout = online_payment.start(booking)
        booking.refresh_from_db()
        return cls(booking=booking, checkout_token=checkout.token, errors=[])


class VisitMutations:
    """Mixed into the root Mutation type by the `register_schema_mutation` hook."""

    visit_booking_request = VisitBookingRequest.Field()
    visit_booking_cancel = VisitBookingCancel.Field()
    visit_booking_change_request = VisitBookingChangeRequest.Field()
    visit_booking_pay = VisitBookingPay.Field()
