"""GraphQL types of admission: offers, categories, availability, tickets."""

from __future__ import annotations

import graphene
from django.urls import reverse

from museum_site.museums.links import museum_url
from shop.graphql.money import Money
from shop.money import Money as Amount
from shop.tickets import models
from shop.tickets.availability import DayAvailability, SlotAvailability

OfferKind = graphene.Enum.from_enum(models.AdmissionOffer.Kind, name="AdmissionOfferKind")
CategoryKind = graphene.Enum.from_enum(models.VisitorCategory.Kind, name="VisitorCategoryKind")
TicketStatus = graphene.Enum.from_enum(models.Ticket.Status, name="TicketStatus")


class SlotState(graphene.Enum):
    OPEN = "open"
    FULL = "full"
    CLOSED = "closed"
    PAST = "past"


def _language(obj, info) -> str:
    return getattr(obj, "language", None) or getattr(info.context, "LANGUAGE_CODE", "nl")


class VisitorCategory(graphene.ObjectType):
    id = graphene.ID(required=True)
    kind = graphene.Field(CategoryKind, required=True)
    name = graphene.String(required=True)
    price = graphene.Field(Money, required=True, description="VAT included.")
    asks_pass_number = graphene.Boolean(
        required=True, description="Give one pass number per ticket (`passNumbers`)."
    )

    @staticmethod
    def resolve_kind(category: models.VisitorCategory, info):
        return models.VisitorCategory.Kind(category.kind)

    @staticmethod
    def resolve_name(category: models.VisitorCategory, info) -> str:
        return category.translated("name", _language(category, info))

    @staticmethod
    def resolve_price(category: models.VisitorCategory, info) -> Amount:
        return Amount(category.price, "EUR")


class AdmissionOffer(graphene.ObjectType):
    id = graphene.ID(required=True)
    slug = graphene.String(required=True)
    kind = graphene.Field(OfferKind, required=True)
    name = graphene.String(required=True)
    description = graphene.String(required=True)
    vat_rate = graphene.Int(required=True, description="VAT rate in percent (6 in Belgium).")
    cancel_until_hours = graphene.Int(
        required=True, description="Visitors may cancel until this many hours before the slot."
    )
    refund_percentage = graphene.Int(required=True)
    categories = graphene.List(graphene.NonNull(VisitorCategory), required=True)

    @staticmethod
    def resolve_kind(offer: models.AdmissionOffer, info):
        return models.AdmissionOffer.Kind(offer.kind)

    @staticmethod
    def resolve_name(offer: models.AdmissionOffer, info) -> str:
        return offer.translated("name", _language(offer, info))

    @staticmethod
    def resolve_description(offer: models.AdmissionOffer, info) -> str:
        return offer.translated("description", _language(offer, info))

    @staticmethod
    def resolve_categories(offer: models.AdmissionOffer, info):
        categories = list(offer.categories.all())
        for category in categories:
            category.language = _language(offer, info)
        return categories


class CategoryPrice(graphene.ObjectType):
    category = graphene.Field(VisitorCategory, required=True)
    price = graphene.Field(Money, required=True)


class TicketSlot(graphene.ObjectType):
    id = graphene.ID(required=True, description="Pass as `slot` to checkoutTicketsAdd.")
    starts_at = graphene.DateTime(required=True)
    ends_at = graphene.DateTime(required=True)
    remaining = graphene.Int(required=True, description="Places left (0 when not open).")
    state = graphene.Field(SlotState, required=True)
    prices = graphene.List(graphene.NonNull(CategoryPrice), required=True)

    @staticmethod
    def resolve_id(slot: SlotAvailability, info) -> int:
        return slot.slot.pk

    @staticmethod
    def resolve_starts_at(slot: SlotAvailability, info):
        return slot.slot.starts_at

    @staticmethod
    def resolve_ends_at(slot: SlotAvailability, info):
        return slot.slot.ends_at

    @staticmethod
    def resolve_remaining(slot: SlotAvailability, info) -> int:
        return slot.remaining if slot.state == "open" else 0

    @staticmethod
    def resolve_prices(slot: SlotAvailability, info):
        return [
            CategoryPrice(category=category, price=Amount(category.price, "EUR"))
            for category in slot.categories
        ]


class TicketDay(graphene.ObjectType):
    date = graphene.Date(required=True)
    remaining = graphene.Int(required=True, description="Places left over the open slots.")
    slots = graphene.List(graphene.NonNull(TicketSlot), required=True)

    @staticmethod
    def resolve_remaining(day: DayAvailability, info) -> int:
        return day.remaining


class Ticket(graphene.ObjectType):
    code = graphene.String(required=True)
    slot = graphene.Field(TicketSlot, required=True)
    category = graphene.Field(VisitorCategory, required=True)
    status = graphene.Field(TicketStatus, required=True)
    offer_name = graphene.String(required=True)
    qr_code_url = graphene.String(required=True, description="An SVG image of the code.")
    pdf_url = graphene.String(required=True)
    checked_in_at = graphene.DateTime()
    cancellable_until = graphene.DateTime(
        required=True,
        description="Until when the visitor may cancel it (`orderTicketsCancel`), by the "
        "offer's policy.",
    )
    refund_percentage = graphene.Int(
        required=True, description="The share of its price refunded on cancellation."
    )

    @staticmethod
    def resolve_cancellable_until(ticket: models.Ticket, info):
        from shop.tickets.cancellation import cancellable_until

        return cancellable_until(ticket)

    @staticmethod
    def resolve_refund_percentage(ticket: models.Ticket, info) -> int:
        return ticket.slot.offer.refund_percentage

    @staticmethod
    def resolve_slot(ticket: models.Ticket, info):
        return SlotAvailability(ticket.slot, 0, "past", [])

    @staticmethod
    def resolve_status(ticket: models.Ticket, info):
        return models.Ticket.Status(ticket.status)

    @staticmethod
    def resolve_offer_name(ticket: models.Ticket, info) -> str:
        return ticket.slot.offer.translated("name", ticket.order.locale)

    @staticmethod
    def resolve_category(ticket: models.Ticket, info):
        ticket.category.language = ticket.order.locale
        return ticket.category

    @staticmethod
    def resolve_qr_code_url(ticket: models.Ticket, info) -> str:
        return museum_url(ticket.museum_id, reverse("shop:ticket-qr", kwargs={"code": ticket.code}))

    @staticmethod
    def resolve_pdf_url(ticket: models.Ticket, info) -> str:
        return museum_url(
            ticket.museum_id, reverse("shop:ticket-pdf", kwargs={"code": ticket.code})
        )


class CheckoutTicketLine(graphene.ObjectType):
    id = graphene.ID(required=True, description="Pass as `lineId` to checkoutTicketLineDelete.")
    slot = graphene.Field(TicketSlot, required=True)
    category = graphene.Field(VisitorCategory, required=True)
    quantity = graphene.Int(required=True)
    offer_name = graphene.String(required=True)
    held_until = graphene.DateTime(description="Places set aside while paying, until then.")

    @staticmethod
    def resolve_slot(line: models.CheckoutTicketLine, info):
        return SlotAvailability(line.slot, 0, "open", [])

    @staticmethod
    def resolve_offer_name(line: models.CheckoutTicketLine, info) -> str:
        return line.slot.offer.translated("name", line.checkout.locale)

    @staticmethod
    def resolve_category(line: models.CheckoutTicketLine, info):
        line.category.language = line.checkout.locale
        return line.category


def order_tickets(order) -> list[models.Ticket]:
    return list(
        models.Ticket.objects.filter(order=order).select_related("slot__offer", "category", "order")
    )


def checkout_ticket_lines(checkout) -> list[models.CheckoutTicketLine]:
    return list(
        models.CheckoutTicketLine.objects.filter(checkout_id=checkout.token).select_related(
            "slot__offer", "category", "checkout"
        )
    )
