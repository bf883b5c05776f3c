"""GraphQL types of the checkout. Totals are computed once per answer (shop/pricing.py)."""

from __future__ import annotations

import graphene

from shop import models
from shop.accounts.graphql.types import Address
from shop.graphql.errors import error_type
from shop.graphql.money import Money, TaxedMoney, VatLine
from shop.graphql.types import ProductImageType, ProductVariantType
from shop.money import Money as Amount
from shop.pricing import Totals
from shop.services import delivery
from shop.services.checkout_totals import totals
from shop.services.errors import CheckoutErrorCode

DeliveryMethodKind = graphene.Enum.from_enum(
    models.ShippingMethod.Kind,
    name="DeliveryMethodKind",
    description="SHIPPING posts to the shipping address; PICKUP is at the museum desk.",
)


class DeliveryMethod(graphene.ObjectType):
    """Posting to an address in a zone, or picking up at the museum desk."""

    id = graphene.ID(required=True, description="Pass as `deliveryMethodId`.")
    name = graphene.String(required=True)
    kind = graphene.Field(DeliveryMethodKind, required=True)
    requires_address = graphene.Boolean(required=True)
    price = graphene.Field(
        Money, required=True, description="VAT included; before any free delivery."
    )
    free_above = graphene.Field(
        Money, description="Goods total (after discount) from which delivery is free."
    )
    max_weight_grams = graphene.Int()

    @staticmethod
    def resolve_name(method: models.ShippingMethod, info) -> str:
        return method.name()

    @staticmethod
    def resolve_kind(method: models.ShippingMethod, info):
        return models.ShippingMethod.Kind(method.kind)

    @staticmethod
    def resolve_requires_address(method: models.ShippingMethod, info) -> bool:
        return not method.is_pickup

    @staticmethod
    def resolve_price(method: models.ShippingMethod, info) -> Amount:
        return Amount(method.price, method.currency)

    @staticmethod
    def resolve_free_above(method: models.ShippingMethod, info) -> Amount | None:
        return None if method.free_above is None else Amount(method.free_above, method.currency)


def _totals(checkout: models.Checkout) -> Totals:
    if not hasattr(checkout, "computed_totals"):
        checkout.computed_totals = totals(checkout, checkout.loaded_lines)
    return checkout.computed_totals


class CheckoutLine(graphene.ObjectType):
    id = graphene.ID(required=True, description="Pass in `lineIds` to delete the line.")
    sku = graphene.String(required=True)
    quantity = graphene.Int(required=True)
    variant = graphene.Field(ProductVariantType, required=True)
    product_title = graphene.String(required=True, description="In the checkout's language.")
    product_slug = graphene.String(description="Of the product page in the checkout's language.")
    product_image = graphene.Field(ProductImageType)
    unit_price = graphene.Field(TaxedMoney, required=True)
    total_price = graphene.Field(TaxedMoney, required=True)

    @staticmethod
    def resolve_sku(line: models.CheckoutLine, info) -> str:
        return line.variant.sku

    @staticmethod
    def resolve_product_title(line: models.CheckoutLine, info) -> str:
        page = line.localized_product or line.variant.product
        return page.title

    @staticmethod
    def resolve_product_slug(line: models.CheckoutLine, info) -> str | None:
        return line.localized_product.slug if line.localized_product else None

    @staticmethod
    def resolve_product_image(line: models.CheckoutLine, info):
        images = list(line.localized_product.images.all()) if line.localized_product else []
        return images[0] if images else None

    @staticmethod
    def resolve_unit_price(line: models.CheckoutLine, info):
        return _totals(line.checkout).lines[line.pk].unit

    @staticmethod
    def resolve_total_price(line: models.CheckoutLine, info):
        return _totals(line.checkout).lines[line.pk].total


class Checkout(graphene.ObjectType):
    """A visitor's cart and what the order will need. Keep the token secret: it is the
    only key to the checkout."""

    token = graphene.UUID(required=True)
    email = graphene.String()
    locale = graphene.String(required=True)
    updated_at = graphene.DateTime(
        required=True,
        description="The last change. Of two answers about one checkout, keep the one with "
        "the later `updatedAt`: a read that started before a change can arrive after it.",
    )
    lines = graphene.List(graphene.NonNull(CheckoutLine), required=True)
    ticket_lines = graphene.List(
        graphene.NonNull("shop.tickets.graphql.types.CheckoutTicketLine"),
        required=True,
        description="Admission tickets (shop/tickets/), priced in the same totals.",
    )
    visit_lines = graphene.List(
        graphene.NonNull("shop.visits.graphql.types.CheckoutVisitLine"),
        required=True,
        description="Group visits paid online (shop/visits/, visitBookingPay), in the same totals.",
    )
    quantity = graphene.Int(required=True, description="Units in all lines.")
    is_shipping_required = graphene.Boolean(required=True)
    shipping_address = graphene.Field(Address)
    billing_address = graphene.Field(Address)
    delivery_method = graphene.Field(DeliveryMethod)
    available_delivery_methods = graphene.List(
        graphene.NonNull(DeliveryMethod),
        required=True,
        description="Pick-up, and posting to the shipping address's zone; empty if nothing is shipped.",
    )
    voucher_code = graphene.String()
    subtotal = graphene.Field(TaxedMoney, required=True, description="Goods before discount.")
    discount = graphene.Field(Money, required=True, description="Off the goods, VAT included.")
    shipping_price = graphene.Field(TaxedMoney, required=True)
    vat_breakdown = graphene.List(graphene.NonNull(VatLine), required=True)
    total = graphene.Field(TaxedMoney, required=True)
    problems = graphene.List(
        graphene.NonNull(error_type("CheckoutError", CheckoutErrorCode)),
        required=True,
        description="Why the checkout cannot be paid yet (the errors checkoutPaymentCreate "
        "would answer); empty when it is ready.",
    )

    @staticmethod
    def resolve_problems(checkout: models.Checkout, info):
        from shop.services import payments

        shape = error_type("CheckoutError", CheckoutErrorCode)
        # Shaped, not returned as they are: GraphQL treats an Exception in a list as an
        # error of the field.
        return [
            shape(field=problem.field, message=problem.message, code=problem.code)
            for problem in payments.problems(checkout, checkout.loaded_lines)
        ]

    @staticmethod
    def resolve_email(checkout: models.Checkout, info) -> str | None:
        return checkout.email or None

    @staticmethod
    def resolve_lines(checkout: models.Checkout, info):
        return checkout.loaded_lines

    @staticmethod
    def resolve_ticket_lines(checkout: models.Checkout, info):
        from shop.tickets.graphql.types import checkout_ticket_lines

        return checkout_ticket_lines(checkout)

    @staticmethod
    def resolve_visit_lines(checkout: models.Checkout, info):
        from shop.visits.graphql.types import checkout_visit_lines

        return checkout_visit_lines(checkout)

    @staticmethod
    def resolve_quantity(checkout: models.Checkout, info) -> int:
        return sum(line.quantity for line in checkout.loaded_lines)

    @staticmethod
    def resolve_is_shipping_required(checkout: models.Checkout, info) -> bool:
        return delivery.is_shipping_required(checkout.loaded_lines)

    @staticmethod
    def resolve_available_delivery_methods(checkout: models.Checkout, info):
        address = checkout.shipping_address
        return delivery.available_methods(
            checkout.loaded_lines, address.country if address else None, checkout.museum_id
        )

    @staticmethod
    def resolve_voucher_code(checkout: models.Checkout, info) -> str | None:
        return checkout.voucher.code if checkout.voucher else None

    @staticmethod
    def resolve_subtotal(checkout: models.Checkout, info):
        return _totals(checkout).subtotal

    @staticmethod
    def resolve_discount(checkout: models.Checkout, info) -> Amount:
        return _totals(checkout).discount

    @staticmethod
    def resolve_shipping_price(checkout: models.Checkout, info):
        return _totals(checkout).shipping

    @staticmethod
    def resolve_vat_breakdown(checkout: models.Checkout, info):
        return _totals(checkout).vat_breakdown

    @staticmethod
    def resolve_total(checkout: models.Checkout, info):
        return _totals(checkout).total
