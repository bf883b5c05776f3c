"""What a frontend reads about group visits: the offers, and a booking by its token."""

from __future__ import annotations

import graphene
from django.utils import translation

from shop.graphql.errors import error_type
from shop.graphql.money import Money
from shop.money import Money as Amount
from shop.visits import models
from shop.visits.errors import VisitErrorCode

VisitError = error_type("VisitError", VisitErrorCode)

VisitAudience = graphene.Enum.from_enum(models.Audience, name="VisitAudience")
VisitOfferKind = graphene.Enum.from_enum(models.VisitOffer.Kind, name="VisitOfferKind")
VisitPricing = graphene.Enum.from_enum(models.VisitOffer.Pricing, name="VisitPricing")
VisitBookingStatus = graphene.Enum.from_enum(models.Booking.Status, name="VisitBookingStatus")
VisitBookingEventKind = graphene.Enum.from_enum(
    models.BookingEvent.Kind, name="VisitBookingEventKind"
)
OrganisationKind = graphene.Enum.from_enum(models.Booking.Organisation, name="OrganisationKind")


def _language() -> str:
    return (translation.get_language() or "nl")[:2]


class VisitOffer(graphene.ObjectType):
    """A guided tour or workshop a group can book, in the asked language."""

    id = graphene.ID(required=True)
    kind = VisitOfferKind(required=True)
    title = graphene.String(required=True)
    description = graphene.String(required=True)
    languages = graphene.List(graphene.NonNull(graphene.String), required=True)
    audiences = graphene.List(graphene.NonNull(VisitAudience), required=True)
    duration_minutes = graphene.Int(required=True)
    min_group = graphene.Int(required=True)
    max_group = graphene.Int(required=True)
    pupils_per_adult = graphene.Int(description="At least one adult per this many pupils.")
    pricing = VisitPricing(required=True)
    price = graphene.Field(Money, required=True, description="Incl. VAT, per group or person.")
    lead_days = graphene.Int(required=True, description="Days of notice a booking needs.")

    @staticmethod
    def resolve_title(root: models.VisitOffer, info) -> str:
        return root.text("title", _language())

    @staticmethod
    def resolve_description(root: models.VisitOffer, info) -> str:
        return root.text("description", _language())

    @staticmethod
    def resolve_kind(root, info):
        return VisitOfferKind.get(root.kind)

    @staticmethod
    def resolve_pricing(root, info):
        return VisitPricing.get(root.pricing)

    @staticmethod
    def resolve_audiences(root, info):
        return [VisitAudience.get(a) for a in root.audiences if a in models.Audience.values]

    @staticmethod
    def resolve_price(root: models.VisitOffer, info) -> Amount:
        return Amount(root.price, root.museum.currency if root.museum_id else "EUR")


class VisitBookingEvent(graphene.ObjectType):
    kind = VisitBookingEventKind(required=True)
    at = graphene.DateTime(required=True)
    note = graphene.String(required=True)

    @staticmethod
    def resolve_kind(root, info):
        return VisitBookingEventKind.get(root.kind)


class VisitBooking(graphene.ObjectType):
    """A group's booking, read through the secret token of its links."""

    token = graphene.String(required=True)
    status = VisitBookingStatus(required=True)
    offer = graphene.Field(VisitOffer, required=True)
    organisation = graphene.String(required=True)
    contact_name = graphene.String(required=True)
    pupils = graphene.Int(required=True)
    adults = graphene.Int(required=True)
    language = graphene.String(required=True)
    preferred_start = graphene.DateTime(required=True)
    starts_at = graphene.DateTime(description="Once confirmed: when the visit starts.")
    ends_at = graphene.DateTime()
    amount = graphene.Field(Money)
    invoice_number = graphene.String()
    structured_communication = graphene.String(
        description="The Belgian structured communication to pay the invoice with."
    )
    history = graphene.List(graphene.NonNull(VisitBookingEvent), required=True)
    paid = graphene.Boolean(required=True, description="Paid online through the shop.")
    paid_at = graphene.DateTime()
    amount_due = graphene.Field(
        Money,
        description="What can be paid online now (visitBookingPay); null when nothing can: "
        "not confirmed yet, cancelled, paid, or invoiced for a bank transfer.",
    )

    @staticmethod
    def resolve_status(root, info):
        return VisitBookingStatus.get(root.status)

    @staticmethod
    def resolve_starts_at(root, info):
        return root.activity.starts_at if root.activity else None

    @staticmethod
    def resolve_ends_at(root, info):
        return root.activity.ends_at if root.activity else None

    @staticmethod
    def resolve_amount(root, info):
        return Amount(root.amount, root.museum.currency) if root.amount is not None else None

    @staticmethod
    def resolve_invoice_number(root, info):
        return root.invoice_number or None

    @staticmethod
    def resolve_structured_communication(root, info):
        return root.structured_communication or None

    @staticmethod
    def resolve_paid(root, info) -> bool:
        return root.paid_at is not None

    @staticmethod
    def resolve_amount_due(root, info):
        from shop.services.errors import PayloadError
        from shop.visits.services.online_payment import amount_due

        try:
            return Amount(amount_due(root), root.museum.currency)
        except PayloadError:
            return None

    @staticmethod
    def resolve_history(root, info):
        return list(root.events.all())


class CheckoutVisitLine(graphene.ObjectType):
    """A group visit being paid in this checkout (visitBookingPay), one line."""

    id = graphene.ID(required=True)
    title = graphene.String(required=True, description="The visit, the group and when.")
    total = graphene.Field(Money, required=True, description="VAT included.")
    vat_rate = graphene.Float(required=True)
    booking_token = graphene.String(
        required=True, description="The booking's token, to link back to its page."
    )

    @staticmethod
    def resolve_title(line: models.CheckoutVisitLine, info) -> str:
        from shop.visits.services.online_payment import line_title

        return line_title(line.booking, line.checkout.locale)

    @staticmethod
    def resolve_total(line: models.CheckoutVisitLine, info) -> Amount:
        return Amount(line.amount, line.checkout.currency)

    @staticmethod
    def resolve_vat_rate(line: models.CheckoutVisitLine, info) -> float:
        return float(line.booking.offer.vat_rate)

    @staticmethod
    def resolve_booking_token(line: models.CheckoutVisitLine, info) -> str:
        return line.booking.token


def checkout_visit_lines(checkout) -> list[models.CheckoutVisitLine]:
    return list(
        models.CheckoutVisitLine.objects.filter(checkout_id=checkout.token).select_related(
            "booking__offer", "booking__activity", "checkout"
        )
    )
