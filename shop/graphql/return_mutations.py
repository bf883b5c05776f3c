"""`orderReturnRequest`: a customer asks to send goods back (shop/services/returns.py).

The signed-in customer names one of their orders by id; a guest gives the order's
signed link instead (the token from checkoutComplete or the confirmation e-mail). Either
way an order of another museum, another customer or a bad link is NOT_FOUND, the same
answer as an order that does not exist. Errors come back through the one mutation base
(PayloadMutation) that maps the domain's PayloadError.
"""

from __future__ import annotations

import graphene

from museum_site.museums.current import museum_for_field
from shop.accounts.graphql.middleware import current_customer
from shop.accounts.graphql.mutations import PayloadMutation
from shop.graphql.errors import error_type
from shop.graphql.order_types import Order, ReturnRequest
from shop.services import order_links, returns
from shop.services.errors import PayloadError
from shop.services.returns import ReturnErrorCode

ReturnError = error_type("ReturnError", ReturnErrorCode)


class OrderReturnLineInput(graphene.InputObjectType):
    line_id = graphene.ID(required=True, description="`Order.lines.id`.")
    quantity = graphene.Int(required=True)


class OrderReturnRequest(PayloadMutation):
    """Ask to return delivered goods within the withdrawal period, with a reason."""

    error_type = ReturnError

    class Arguments:
        order_id = graphene.ID(description="One of the signed-in customer's orders.")
        link = graphene.String(description="A guest's signed order link (Order.link).")
        lines = graphene.List(graphene.NonNull(OrderReturnLineInput), required=True)
        reason = graphene.String(required=True)

    return_request = graphene.Field(ReturnRequest, description="Null when there are errors.")
    order = graphene.Field(Order)
    errors = graphene.List(graphene.NonNull(ReturnError), required=True)

    @classmethod
    def perform(cls, info, lines, reason, order_id=None, link=None) -> OrderReturnRequest:
        museum_id = museum_for_field(info).pk
        if link:
            order = order_links.order_for(link)
            order = order if order is not None and order.museum_id == museum_id else None
        else:
            order = returns.order_for_customer(order_id, current_customer(info), museum_id)
        if order is None:
            raise PayloadError(ReturnErrorCode.NOT_FOUND, "No such order.", "orderId")
        wanted: dict[int, int] = {}
        for line in lines:
            try:
                line_id = int(line.line_id)
            except (TypeError, ValueError):
                raise PayloadError(
                    ReturnErrorCode.NOT_FOUND, "No such order line.", "lines"
                ) from None
            wanted[line_id] = wanted.get(line_id, 0) + line.quantity
        request = returns.request_return(order, wanted, reason)
        order.refresh_from_db()
        return cls(return_request=request, order=order, errors=[])


class ReturnMutations:
    """Mixed into the root Mutation type by the `register_schema_mutation` hook."""

    order_return_request = OrderReturnRequest.Field()
