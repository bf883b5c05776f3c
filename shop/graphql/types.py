"""GraphQL types of the catalogue: products, their variants, prices and availability."""

from __future__ import annotations

from decimal import Decimal

import graphene
from django.utils import translation
from grapple.types.interfaces import PageInterface

from museum_site.graphql.images import Image, make_rendition, rendition_field
from museum_site.graphql.rich_text import rich_text_html
from museum_site.graphql.types import CollectionObjectType, PageFields
from museum_site.visibility import is_visible_now
from shop import models
from shop.graphql import loaders
from shop.graphql.money import TaxedMoney
from shop.money import Money
from shop.money import TaxedMoney as TaxedAmount
from shop.services.stock import SHOWN_QUANTITY_CAP, shown_quantity

VariantKind = graphene.Enum.from_enum(
    models.ProductVariant.Kind,
    name="ProductVariantKind",
    description="PHYSICAL variants are shipped or picked up; DIGITAL ones are downloaded.",
)


class ProductCategoryType(graphene.ObjectType):
    class Meta:
        name = "ProductCategory"

    id = graphene.ID(required=True)
    slug = graphene.String(required=True, description="Pass as `category` to `products`.")
    name = graphene.String(required=True, description="In the requested locale.")

    @staticmethod
    def resolve_name(category: models.ProductCategory, info) -> str:
        return category.name(translation.get_language())


class ProductImageType(graphene.ObjectType):
    """An image of a product, with the alt text for this product."""

    class Meta:
        name = "ProductImage"

    image = graphene.Field(Image, required=True)
    alt = graphene.String(required=True)
    rendition = rendition_field()

    @staticmethod
    def resolve_alt(item: models.ProductImage, info) -> str:
        return item.alt

    @staticmethod
    def resolve_rendition(item: models.ProductImage, info, preset, format):
        return make_rendition(item.image, preset, format, item.alt)


class StockAvailability(graphene.ObjectType):
    """Whether a variant can be bought now, without telling the exact stock."""

    in_stock = graphene.Boolean(
        required=True, description="On sale and at least one unit available (always, if digital)."
    )
    quantity_available = graphene.Int(
        required=True,
        description=f"Units that can be ordered now, capped at {SHOWN_QUANTITY_CAP}.",
    )


def variant_availability(variant: models.ProductVariant) -> dict[str, object]:
    if not getattr(variant, "product_is_public", False):
        return {"in_stock": False, "quantity_available": 0}
    if variant.is_digital:
        return {"in_stock": True, "quantity_available": SHOWN_QUANTITY_CAP}
    shown = shown_quantity(variant.stock_available)
    return {"in_stock": shown > 0, "quantity_available": shown}


class ProductVariantType(graphene.ObjectType):
    """What is sold: one SKU of a product, with its price and availability."""

    class Meta:
        name = "ProductVariant"

    sku = graphene.String(required=True)
    label = graphene.String(
        required=True,
        description="What tells it from its siblings, e.g. 'M' or 'hardcover', in the "
        "asked locale (the product's or the checkout's; Dutch when not translated).",
    )
    size = graphene.String(description="The size in the asked locale.")
    edition = graphene.String(description="The edition in the asked locale.")
    kind = graphene.Field(VariantKind, required=True)
    weight_grams = graphene.Int(required=True)
    price = graphene.Field(
        TaxedMoney, required=True, description="Unit price; prices are set VAT included."
    )
    availability = graphene.Field(StockAvailability, required=True)

    # The resolvers of products and checkouts activate the asked locale.
    @staticmethod
    def resolve_label(variant: models.ProductVariant, info) -> str:
        return variant.label_in(translation.get_language())

    @staticmethod
    def resolve_size(variant: models.ProductVariant, info) -> str | None:
        return variant.size_in(translation.get_language()) or None

    @staticmethod
    def resolve_edition(variant: models.ProductVariant, info) -> str | None:
        return variant.edition_in(translation.get_language()) or None

    @staticmethod
    def resolve_kind(variant: models.ProductVariant, info):
        return models.ProductVariant.Kind(variant.kind)

    @staticmethod
    def resolve_price(variant: models.ProductVariant, info) -> TaxedAmount:
        return TaxedAmount.from_gross(
            Money(variant.gross_price, variant.currency), variant.vat_rate
        )

    @staticmethod
    def resolve_availability(variant: models.ProductVariant, info) -> dict[str, object]:
        return variant_availability(variant)


class ProductType(PageFields, graphene.ObjectType):
    """A product of the museum shop, in one language."""

    class Meta:
        name = "Product"
        interfaces = (PageInterface,)

    intro = graphene.String(required=True)
    description = graphene.String(required=True, description="Sanitised HTML.")
    category = graphene.Field(ProductCategoryType)
    vat_rate = graphene.Decimal(required=True, description="VAT rate in percent, e.g. 21 or 6.")
    images = graphene.List(graphene.NonNull(ProductImageType), required=True)
    variants = graphene.List(graphene.NonNull(ProductVariantType), required=True)
    price_from = graphene.Field(TaxedMoney, description="The lowest variant price.")
    in_stock = graphene.Boolean(required=True, description="Whether any variant can be bought.")
    reproduces = graphene.Field(
        CollectionObjectType, description="The collection object this product reproduces."
    )

    @staticmethod
    def resolve_description(product: models.ProductPage, info) -> str:
        return rich_text_html(product.description)

    @staticmethod
    def resolve_vat_rate(product: models.ProductPage, info) -> Decimal:
        return Decimal(product.vat_rate)

    @staticmethod
    def resolve_images(product: models.ProductPage, info):
        return product.images.all()

    @staticmethod
    def resolve_variants(product: models.ProductPage, info):
        return loaders.variants_of(product)

    @staticmethod
    def resolve_price_from(product: models.ProductPage, info) -> TaxedAmount | None:
        variants = loaders.variants_of(product)
        if not variants:
            return None
        cheapest = min(variants, key=lambda variant: variant.gross_price)
        return ProductVariantType.resolve_price(cheapest, info)

    @staticmethod
    def resolve_in_stock(product: models.ProductPage, info) -> bool:
        return any(
            variant_availability(variant)["in_stock"] for variant in loaders.variants_of(product)
        )

    @staticmethod
    def resolve_reproduces(product: models.ProductPage, info):
        obj = product.reproduces
        return obj if is_visible_now(obj) else None


class ProductIndexType(PageFields, graphene.ObjectType):
    class Meta:
        name = "ProductIndex"
        interfaces = (PageInterface,)

    intro = graphene.String(required=True)


PAGE_TYPES = {models.ProductPage: ProductType, models.ProductIndexPage: ProductIndexType}
