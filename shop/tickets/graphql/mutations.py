"""Tickets into the checkout, and a visitor canceling tickets. Each resolver parses,
calls one service and shapes the answer."""

from __future__ import annotations

import graphene
from django.db import transaction

from shop.accounts.graphql.middleware import current_customer
from shop.graphql.errors import PayloadError, error_type
from shop.graphql.mutations import CheckoutMutation
from shop.models import Order
from shop.services import order_links
from shop.services.checkout import _locked
from shop.tickets import checkout as tickets_in_checkout
from shop.tickets.cancellation import TicketErrorCode, cancel_tickets
from shop.tickets.graphql.types import Ticket
from shop.tickets.models import Ticket as TicketModel

TicketError = error_type("TicketError", TicketErrorCode)


class TicketCategoryInput(graphene.InputObjectType):
    category = graphene.ID(required=True, description="A visitor category of the slot's offer.")
    quantity = graphene.Int(required=True)
    pass_numbers = graphene.List(
        graphene.NonNull(graphene.String),
        default_value=[],
        description="One per ticket, for categories that ask a pass number.",
    )


class CheckoutTicketsAdd(CheckoutMutation):
    """Add tickets for one time slot to the checkout: quantities per visitor category.
    Errors: SLOT_FULL, SLOT_CLOSED, SLOT_PAST, PASS_NUMBER_REQUIRED, NOT_FOUND, ..."""

    class Arguments:
        token = graphene.Argument(graphene.UUID, required=True)
        slot = graphene.ID(required=True)
        tickets = graphene.List(graphene.NonNull(TicketCategoryInput), required=True)

    @classmethod
    def perform(cls, token, slot, tickets):
        requests = [
            tickets_in_checkout.TicketRequest(
                category_id=item.category,
                quantity=item.quantity,
                pass_numbers=tuple(item.pass_numbers or ()),
            )
            for item in tickets
        ]
        with transaction.atomic():
            checkout = _locked(token)
            tickets_in_checkout.add_tickets(checkout, slot, requests)
        return checkout


class CheckoutTicketLineDelete(CheckoutMutation):
    """Take a ticket line out of the checkout."""

    class Arguments:
        token = graphene.Argument(graphene.UUID, required=True)
        line_id = graphene.ID(required=True)

    @classmethod
    def perform(cls, token, line_id):
        with transaction.atomic():
            checkout = _locked(token)
            tickets_in_checkout.remove_ticket_line(checkout, line_id)
        return checkout


class OrderTicketsCancel(graphene.Mutation):
    """Cancel tickets of an order (all valid ones when `codes` is empty) until the
    offer's deadline before the slot; the offer's share of their price is refunded.
    The order is named by the token of the checkout it came from (what the buyer's
    browser holds; an order placed signed in needs that customer), or by the signed
    link of the confirmation e-mail (`Order.link`, what `orderByLink` reads)."""

    class Arguments:
        checkout_token = graphene.Argument(graphene.UUID)
        link = graphene.Argument(
            graphene.String, description="The order's signed link token (`Order.link`)."
        )
        codes = graphene.List(graphene.NonNull(graphene.String), default_value=[])

    tickets = graphene.List(graphene.NonNull(Ticket), required=True)
    refunded = graphene.Decimal()
    errors = graphene.List(graphene.NonNull(TicketError), required=True)

    @classmethod
    def mutate(cls, root, info, codes, checkout_token=None, link=None):
        if link:
            # The link is the proof: it was mailed to the order's address.
            order = order_links.order_for(link)
        elif checkout_token:
            order = Order.objects.filter(checkout_token=checkout_token).first()
            if order is not None and order.customer_id is not None:
                customer = current_customer(info)
                if customer is None or customer.pk != order.customer_id:
                    order = None
        else:
            order = None
        try:
            if order is None:
                raise PayloadError(
                    TicketErrorCode.NOT_FOUND, "No such order.", "link" if link else "checkoutToken"
                )
            chosen, amount = cancel_tickets(order, list(codes))
        except PayloadError as error:
            code = (
                error.code
                if isinstance(error.code, TicketErrorCode)
                else (TicketErrorCode.PAYMENT_ERROR)
            )
            return cls(
                tickets=[],
                refunded=None,
                errors=[TicketError(field=error.field, message=error.message, code=code)],
            )
        tickets = TicketModel.objects.filter(pk__in=[t.pk for t in chosen]).select_related(
            "slot__offer", "category", "order"
        )
        return cls(tickets=list(tickets), refunded=amount, errors=[])


class TicketMutations(graphene.ObjectType):
    checkout_tickets_add = CheckoutTicketsAdd.Field()
    checkout_ticket_line_delete = CheckoutTicketLineDelete.Field()
    order_tickets_cancel = OrderTicketsCancel.Field()
