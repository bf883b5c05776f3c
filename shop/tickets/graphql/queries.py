"""`admissionOffers` and `ticketAvailability`, scoped to the museum of the request."""

from __future__ import annotations

import graphene
from graphql import GraphQLError

from museum_site.graphql.locales import resolve_locale
from museum_site.museums.current import museum_for_request
from shop.graphql.errors import PayloadError
from shop.tickets import availability, models
from shop.tickets.graphql.types import AdmissionOffer, TicketDay


def _offers(info):
    return models.AdmissionOffer.objects.filter(
        museum=museum_for_request(info.context), active=True
    )


class TicketQuery(graphene.ObjectType):
    admission_offers = graphene.List(
        graphene.NonNull(AdmissionOffer),
        required=True,
        locale=graphene.String(description="Language of names (nl, en, fr)."),
        description="What the museum sells as admission, with categories and prices.",
    )
    ticket_availability = graphene.List(
        graphene.NonNull(TicketDay),
        required=True,
        offer=graphene.ID(required=True),
        from_=graphene.Date(required=True, name="from"),
        to=graphene.Date(required=True),
        locale=graphene.String(),
        description="Per day, per slot: places left and price per category (at most 92 "
        "days). An unknown offer answers an empty list.",
    )

    @staticmethod
    def resolve_admission_offers(root, info, locale=None):
        language = resolve_locale(locale)
        offers = list(_offers(info).prefetch_related("categories"))
        for offer in offers:
            offer.language = language
        return offers

    @staticmethod
    def resolve_ticket_availability(root, info, offer, from_, to, locale=None):
        try:
            found = _offers(info).filter(pk=int(offer)).first()
        except ValueError:
            found = None
        if found is None:
            return []
        try:
            days = availability.days(found, from_, to)
        except PayloadError as error:
            raise GraphQLError(error.message) from None
        language = resolve_locale(locale)
        for day in days:
            for slot in day.slots:
                for category in slot.categories:
                    category.language = language
        return days
