"""Top-level shop fields: the public catalogue (cached) and a checkout by token (never)."""

from __future__ import annotations

import graphene
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import translation

from museum_site.graphql.locales import resolve_locale
from museum_site.graphql.pagination import connection_type, list_arguments, paginate
from museum_site.graphql.queries import in_locale, locale_arg, page_by_slug_or_preview
from museum_site.models import public_pages
from museum_site.museums.current import museum_for_field
from museum_site.museums.graphql_scope import museum_argument
from museum_site.museums.scoping import pages_of
from shop import models
from shop.accounts.graphql.middleware import current_customer
from shop.graphql import loaders
from shop.graphql.checkout_types import Checkout
from shop.graphql.types import ProductCategoryType, ProductType
from shop.services import checkout_access


class ProductOrder(graphene.Enum):
    TITLE_ASC = "title"
    TITLE_DESC = "-title"
    PRICE_ASC = "price"
    PRICE_DESC = "-price"
    NEWEST = "-first_published_at"


def sellable_variants() -> QuerySet:
    """Variants of the product group at OuterRef("translation_key") a visitor can buy now."""
    return (
        models.ProductVariant.objects.with_sale_state()
        .filter(product__translation_key=OuterRef("translation_key"), product_is_public=True)
        .filter(Q(kind=models.ProductVariant.Kind.DIGITAL) | Q(stock_available__gt=0))
    )


def ordered(queryset: QuerySet, order_by: ProductOrder) -> QuerySet:
    if order_by.value.lstrip("-") != "price":
        return queryset.order_by(order_by.value, "pk")
    cheapest = (
        models.ProductVariant.objects.filter(product__translation_key=OuterRef("translation_key"))
        .order_by("gross_price")
        .values("gross_price")[:1]
    )
    price = F("lowest_price")
    return queryset.annotate(lowest_price=Subquery(cheapest)).order_by(
        price.desc(nulls_last=True)
        if order_by.value.startswith("-")
        else price.asc(nulls_last=True),
        "pk",
    )


class ShopQuery:
    """Mixed into the root Query type by the `register_schema_query` hook."""

    products = graphene.Field(
        connection_type(ProductType, "Product"),
        museum=museum_argument(),
        required=True,
        locale=locale_arg(),
        category=graphene.String(description="Only products in the category with this slug."),
        in_stock=graphene.Boolean(description="Only products that can (or cannot) be bought now."),
        order_by=graphene.Argument(ProductOrder, default_value=ProductOrder.TITLE_ASC),
        **list_arguments(),
        description="Published products of the museum shop.",
    )
    product = graphene.Field(
        ProductType,
        museum=museum_argument(),
        slug=graphene.String(),
        locale=locale_arg(),
        preview_token=graphene.String(
            description="Token from Wagtail's preview: answers the draft."
        ),
        description="One published product by slug, or a draft by preview token.",
    )
    product_categories = graphene.Field(
        connection_type(ProductCategoryType, "ProductCategory"),
        required=True,
        locale=graphene.Argument(graphene.String, description="Language of `name`."),
        **list_arguments(),
        description="The shop's categories, in the museum's order.",
    )
    checkout = graphene.Field(
        Checkout,
        museum=museum_argument(),
        token=graphene.Argument(graphene.UUID, required=True),
        description="A checkout by its token; null if there is none, or if it belongs to "
        "another customer (a checkout created while signed in needs that customer's token).",
    )

    order_by_link = graphene.Field(
        "shop.graphql.order_types.Order",
        link=graphene.Argument(graphene.String, required=True),
        description="A guest's order (and its invoices) by the signed link token from "
        "checkoutComplete or the confirmation e-mail; null when the link is not valid.",
    )

    @staticmethod
    def resolve_order_by_link(root, info, link):
        from shop.services import order_links

        return order_links.order_for(link)

    @staticmethod
    def resolve_products(
        root,
        info,
        first,
        after=None,
        locale=None,
        category=None,
        in_stock=None,
        order_by=ProductOrder.TITLE_ASC,
    ):
        products = pages_of(museum_for_field(info), models.ProductPage.objects.all())
        queryset = in_locale(public_pages(products), locale)
        if category:
            queryset = queryset.filter(category__slug=category)
        if in_stock is not None:
            sellable = Exists(sellable_variants())
            queryset = queryset.filter(sellable if in_stock else ~sellable)
        page = paginate(loaders.products(ordered(queryset, order_by)), first, after)
        loaders.attach_variants(page["nodes"])
        return page

    @staticmethod
    def resolve_product(root, info, slug=None, locale=None, preview_token=None):
        return page_by_slug_or_preview(
            models.ProductPage,
            loaders.products,
            slug,
            locale,
            preview_token,
            museum_for_field(info),
        )

    @staticmethod
    def resolve_product_categories(root, info, first, after=None, locale=None):
        translation.activate(resolve_locale(locale))
        return paginate(
            models.ProductCategory.objects.order_by("sort_order", "name_nl", "pk"), first, after
        )

    @staticmethod
    def resolve_checkout(root, info, token):
        checkout = loaders.checkout(token)
        if checkout is None or checkout.museum_id != museum_for_field(info).pk:
            return None  # another museum's checkout is unknown here
        if not checkout_access.is_open_to(checkout.customer_id, lambda: current_customer(info)):
            return None  # someone else's checkout answers as an unknown token does
        translation.activate(checkout.locale)
        return checkout
