"""Batched loading for shop answers: a page of products or a checkout costs a constant
number of SQL queries, however many products, variants or lines it holds
(tests/shop/test_query_counts.py pins the numbers)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.db.models import F, Prefetch, QuerySet

from museum_site.graphql.loaders import OBJECT_PREFETCHES
from museum_site.models import CollectionObject, public_pages
from shop import models

IMAGES = Prefetch(
    "images",
    queryset=models.ProductImage.objects.select_related("image").prefetch_related(
        "image__renditions"
    ),
)


def products(queryset: QuerySet) -> QuerySet:
    """Pages with locale, category, images and the reproduced object (with its relations)."""
    return queryset.select_related("locale", "category").prefetch_related(
        IMAGES,
        Prefetch(
            "reproduces",
            queryset=CollectionObject.objects.select_related("locale").prefetch_related(
                *OBJECT_PREFETCHES
            ),
        ),
    )


def _variants() -> QuerySet:
    return (
        models.ProductVariant.objects.with_sale_state()
        .select_related("stock")
        .annotate(product_key=F("product__translation_key"), vat_rate=F("product__vat_rate"))
        .order_by("product_id", "sort_order", "pk")
    )


def attach_variants(pages: Sequence[models.ProductPage]) -> None:
    """Give each page `loaded_variants`: the variants of its translation group (they live
    on one page of the group) with sale state and stock, in one query."""
    by_key: dict = defaultdict(list)
    for variant in _variants().for_products(pages):
        by_key[variant.product_key].append(variant)
    for page in pages:
        page.loaded_variants = by_key.get(page.translation_key, [])


def variants_of(page: models.ProductPage) -> list[models.ProductVariant]:
    if not hasattr(page, "loaded_variants"):
        attach_variants([page])
    return page.loaded_variants


def checkout(token) -> models.Checkout | None:
    """A checkout with its lines, their variants (sale state, stock, owning page) and, in
    the checkout's language, the product's title, slug and images."""
    found = (
        models.Checkout.objects.select_related(
            "shipping_address", "billing_address", "delivery_method", "voucher"
        )
        .filter(token=token)
        .first()
    )
    if found is None:
        return None
    lines = list(found.lines.all())
    variants = _variants().select_related("product").in_bulk([line.variant_id for line in lines])
    keys = {variant.product_key for variant in variants.values()}
    localized = {
        page.translation_key: page
        for page in public_pages(
            models.ProductPage.objects.filter(
                translation_key__in=keys, locale__language_code=found.locale
            )
        ).prefetch_related(IMAGES)
    }
    for line in lines:
        if line.variant_id in variants:  # else deleted by an editor a moment ago
            line.variant = variants[line.variant_id]
            line.localized_product = localized.get(line.variant.product_key)
    found.loaded_lines = [line for line in lines if line.variant_id in variants]
    return found
