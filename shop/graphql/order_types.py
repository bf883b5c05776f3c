"""GraphQL types of orders, for `checkoutComplete` and `me { orders }`."""

from __future__ import annotations

from decimal import Decimal

import graphene
from django.contrib.auth.models import AbstractUser

from museum_site.graphql.pagination import connection_type, paginate
from museum_site.museums.links import museum_url
from shop import models
from shop.accounts.graphql.types import Address
from shop.graphql.money import Money, VatLine
from shop.money import Money as Amount
from shop.pricing import VatLine as VatPart
from shop.services import downloads, invoices, order_links

OrderStatus = graphene.Enum.from_enum(models.Order.Status, name="OrderStatus")


def _money(amount, order: models.Order) -> Amount:
    return Amount(amount, order.currency)


class OrderLine(graphene.ObjectType):
    """A line as bought: SKU, name and prices are copies, unchanged by later edits."""

    id = graphene.ID(required=True, description="For `orderReturnRequest`.")
    sku = graphene.String(required=True)
    product_name = graphene.String(required=True)
    variant_label = graphene.String(required=True)
    quantity = graphene.Int(required=True)
    unit_price = graphene.Field(Money, required=True, description="VAT included.")
    total_price = graphene.Field(Money, required=True, description="VAT included.")
    vat_rate = graphene.Int(required=True, description="In percent.")
    download_url = graphene.String(
        description="For digital lines of a paid order: a signed link that expires."
    )

    @staticmethod
    def resolve_unit_price(line: models.OrderLine, info) -> Amount:
        return _money(line.unit_gross, line.order)

    @staticmethod
    def resolve_total_price(line: models.OrderLine, info) -> Amount:
        return _money(line.total_gross, line.order)

    @staticmethod
    def resolve_download_url(line: models.OrderLine, info) -> str | None:
        if not line.is_digital or not line.order.has_goods:
            return None
        return museum_url(line.order.museum_id, downloads.path(line))


InvoiceKind = graphene.Enum(
    "InvoiceKind",
    [
        ("INVOICE", models.InvoiceKind.INVOICE.value),
        ("CREDIT_NOTE", models.InvoiceKind.CREDIT_NOTE.value),
    ],
)


class InvoiceDocument(graphene.ObjectType):
    """An invoice or credit note of the order, as a PDF behind a signed, expiring link."""

    number = graphene.String(required=True)
    kind = graphene.Field(InvoiceKind, required=True)
    created_at = graphene.DateTime(required=True)
    url = graphene.String(required=True, description="A signed link to the PDF; it expires.")

    @staticmethod
    def resolve_kind(invoice: models.Invoice, info):
        return invoice.kind

    @staticmethod
    def resolve_url(invoice: models.Invoice, info) -> str:
        return museum_url(invoice.museum_id, invoices.download_path(invoice))


FulfilmentKind = graphene.Enum(
    "FulfilmentKind",
    [
        ("SHIPPED", models.Fulfilment.Kind.SHIPPED.value),
        ("READY_FOR_PICKUP", models.Fulfilment.Kind.READY_FOR_PICKUP.value),
    ],
)


class FulfilmentLine(graphene.ObjectType):
    sku = graphene.String(required=True)
    quantity = graphene.Int(required=True)

    @staticmethod
    def resolve_sku(line: models.FulfilmentLine, info) -> str:
        return line.order_line.sku


class Fulfilment(graphene.ObjectType):
    """Lines posted (with carrier and tracking) or ready for pick-up at the desk."""

    kind = graphene.Field(FulfilmentKind, required=True)
    created_at = graphene.DateTime(required=True)
    carrier = graphene.String(required=True)
    tracking_number = graphene.String(required=True)
    tracking_url = graphene.String(required=True)
    lines = graphene.List(graphene.NonNull(FulfilmentLine), required=True)

    @staticmethod
    def resolve_kind(fulfilment: models.Fulfilment, info):
        return fulfilment.kind

    @staticmethod
    def resolve_lines(fulfilment: models.Fulfilment, info):
        return fulfilment.lines.all()


ReturnStatus = graphene.Enum.from_enum(models.ReturnRequest.Status, name="ReturnStatus")


class ReturnLine(graphene.ObjectType):
    line_id = graphene.ID(required=True)
    sku = graphene.String(required=True)
    quantity = graphene.Int(required=True)

    @staticmethod
    def resolve_sku(line: models.ReturnLine, info) -> str:
        return line.order_line.sku

    @staticmethod
    def resolve_line_id(line: models.ReturnLine, info) -> int:
        return line.order_line_id


class ReturnRequest(graphene.ObjectType):
    """Goods the customer asked to send back, and how far staff got with them."""

    id = graphene.ID(required=True)
    status = graphene.Field(ReturnStatus, required=True)
    reason = graphene.String(required=True)
    created_at = graphene.DateTime(required=True)
    lines = graphene.List(graphene.NonNull(ReturnLine), required=True)
    refunded = graphene.Field(Money, description="What Stripe refunded; null until refunded.")

    @staticmethod
    def resolve_status(request: models.ReturnRequest, info):
        return request.status

    @staticmethod
    def resolve_lines(request: models.ReturnRequest, info):
        return request.lines.all()

    @staticmethod
    def resolve_refunded(request: models.ReturnRequest, info) -> Amount | None:
        if request.refund is None:
            return None
        return Amount(request.refund.amount, request.order.currency)


class ReturnableLine(graphene.ObjectType):
    line_id = graphene.ID(required=True)
    sku = graphene.String(required=True)
    quantity = graphene.Int(required=True, description="Units that may still be returned.")
    until = graphene.DateTime(required=True, description="End of the withdrawal period.")


class Order(graphene.ObjectType):
    id = graphene.ID(required=True)
    number = graphene.String(description="The invoice number; null until paid.")
    status = graphene.Field(OrderStatus, required=True)
    email = graphene.String(required=True)
    created = graphene.DateTime(required=True)
    lines = graphene.List(graphene.NonNull(OrderLine), required=True)
    tickets = graphene.List(
        graphene.NonNull("shop.tickets.graphql.types.Ticket"),
        required=True,
        description="Admission tickets (shop/tickets/), one per visitor.",
    )
    subtotal = graphene.Field(Money, required=True)
    discount = graphene.Field(Money, required=True)
    shipping_price = graphene.Field(Money, required=True)
    total = graphene.Field(Money, required=True, description="VAT included.")
    total_net = graphene.Field(Money, required=True)
    vat_breakdown = graphene.List(
        graphene.NonNull(VatLine),
        required=True,
        description="VAT per rate as on the invoice: gross, net and VAT at each rate.",
    )
    refunded = graphene.Field(Money, required=True)
    delivery_method_name = graphene.String(required=True)
    shipping_address = graphene.Field(Address)
    billing_address = graphene.Field(Address)
    fulfilments = graphene.List(
        graphene.NonNull(Fulfilment), required=True, description="Oldest first."
    )
    link = graphene.String(
        required=True,
        description="A signed token for `orderByLink`: how a guest sees the order later.",
    )
    invoices = graphene.List(
        graphene.NonNull(InvoiceDocument),
        required=True,
        description="The invoice, then a credit note per refund, oldest first.",
    )
    returns = graphene.List(
        graphene.NonNull(ReturnRequest), required=True, description="Newest first."
    )
    returnable_lines = graphene.List(
        graphene.NonNull(ReturnableLine),
        required=True,
        description="Goods lines delivered and still within the withdrawal period "
        "(tickets, dated services and downloads are exempt). Ask it of one order "
        "(orderByLink, or one order of me.orders): it costs a few queries per order.",
    )

    @staticmethod
    def resolve_number(order: models.Order, info) -> str | None:
        return order.invoice_number

    @staticmethod
    def resolve_status(order: models.Order, info):
        return models.Order.Status(order.status)

    @staticmethod
    def resolve_created(order: models.Order, info):
        return order.created_at

    @staticmethod
    def resolve_lines(order: models.Order, info):
        return order.lines.all()

    @staticmethod
    def resolve_tickets(order: models.Order, info):
        from shop.tickets.graphql.types import order_tickets

        return order_tickets(order)

    @staticmethod
    def resolve_subtotal(order: models.Order, info) -> Amount:
        return _money(order.subtotal, order)

    @staticmethod
    def resolve_discount(order: models.Order, info) -> Amount:
        return _money(order.discount, order)

    @staticmethod
    def resolve_shipping_price(order: models.Order, info) -> Amount:
        return _money(order.shipping, order)

    @staticmethod
    def resolve_total(order: models.Order, info) -> Amount:
        return _money(order.total_gross, order)

    @staticmethod
    def resolve_total_net(order: models.Order, info) -> Amount:
        return _money(order.total_net, order)

    @staticmethod
    def resolve_shipping_address(order: models.Order, info):
        """An erased customer's address, kept only until the parcel leaves, is shown to
        no one through the API."""
        return None if order.anonymised_at else order.shipping_address

    @staticmethod
    def resolve_billing_address(order: models.Order, info):
        return None if order.anonymised_at else order.billing_address

    @staticmethod
    def resolve_vat_breakdown(order: models.Order, info) -> list[VatPart]:
        """From the numbers stored when the order was paid, never recomputed: an invoice
        must not change when prices or rates do."""
        return [
            VatPart(
                rate=Decimal(part["rate"]),
                gross=_money(Decimal(part["gross"]), order),
                net=_money(Decimal(part["net"]), order),
                vat=_money(Decimal(part["vat"]), order),
            )
            for part in order.vat_breakdown
        ]

    @staticmethod
    def resolve_refunded(order: models.Order, info) -> Amount:
        return _money(order.refunded, order)

    @staticmethod
    def resolve_fulfilments(order: models.Order, info):
        return order.fulfilments.all()

    @staticmethod
    def resolve_link(order: models.Order, info) -> str:
        return order_links.token_for(order)

    @staticmethod
    def resolve_invoices(order: models.Order, info):
        return order.invoices.all()

    @staticmethod
    def resolve_returns(order: models.Order, info):
        return order.returns.all()

    @staticmethod
    def resolve_returnable_lines(order: models.Order, info):
        from shop.services import returns

        return [
            ReturnableLine(
                line_id=line_id, sku=item.line.sku, quantity=item.quantity, until=item.until
            )
            for line_id, item in sorted(returns.returnable(order).items())
        ]


OrderConnection = connection_type(Order, "Order")


def resolve_customer_orders(user: AbstractUser, info, first: int, after: str | None = None):
    queryset = (
        models.Order.objects.filter(customer=user)
        .select_related("shipping_address", "billing_address")
        .prefetch_related(
            "lines",
            "invoices",
            "fulfilments__lines__order_line",
            "returns__lines__order_line",
            "returns__refund",
        )
        .order_by("-created_at", "-pk")
    )
    return paginate(queryset, first, after)
