from __future__ import annotations

import graphene
from django.utils import translation

from museum_site.museums.current import museum_for_request
from shop.visits import models
from shop.visits.graphql.types import VisitBooking, VisitOffer


class VisitQuery:
    """Mixed into the root Query type by the `register_schema_query` hook."""

    visit_offers = graphene.List(
        graphene.NonNull(VisitOffer),
        required=True,
        locale=graphene.String(description="nl, en or fr; the request's language otherwise."),
        description="The guided tours and workshops groups can book at this museum.",
    )
    visit_booking = graphene.Field(
        VisitBooking,
        token=graphene.String(required=True),
        locale=graphene.String(description="nl, en or fr; the request's language otherwise."),
        description="A group booking by the token of its e-mailed link; null if unknown.",
    )

    @staticmethod
    def resolve_visit_offers(root, info, locale: str | None = None):
        if locale:
            translation.activate(locale[:2])
        museum = museum_for_request(info.context)
        return list(
            models.VisitOffer.objects.filter(museum=museum, active=True).select_related("museum")
        )

    @staticmethod
    def resolve_visit_booking(root, info, token: str, locale: str | None = None):
        if locale:
            translation.activate(locale[:2])
        museum = museum_for_request(info.context)
        return (
            models.Booking.objects.filter(token=token, museum=museum)
            .select_related("offer__museum", "museum", "activity")
            .prefetch_related("events")
            .first()
        )
