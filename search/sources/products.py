"""The shop's products as search documents: only what a visitor can put in a basket.

A product is a document in its page's language when it is *purchasable*: the page is
public (published, not expired, not restricted) and its translation group has at least
one variant on sale, i.e. a variant whose carrying page is public too (variants live on
the page they were created on, shop.models.catalogue; checkout refuses a variant whose
page is not public). A sold-out product stays findable, as it stays in the shop's
catalogue, with the `in_stock` facet saying "no".

What a document holds: the title; as labels the category's names and the SKUs; as body
the short description and the description; as related text the reproduced object's
title, inventory number and makers' names (so "Bruegel" finds the replica of a Bruegel).
Facets: `category` (slug), `price_band` (each band one of its variants' prices falls in)
and `in_stock` ("true" when a variant can be bought now: digital, or units left).

Stock changes do not save rows (shop.services.stock updates them with F() expressions),
so the stock service sends `stock_changed`, and the products of those variants are
rebuilt after commit like every other change.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Model, Prefetch
from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import get_text_for_indexing

from museum_site.models import CollectionObject, Term, public_pages
from museum_site.visibility import is_visible_now
from search import indexing, registry
from search.registry import Document, FacetValue, Field, SearchKind, SearchSource, Watch
from search.sources.museum import objects_with_term, page_url_path, term_names
from shop.models import ProductCategory, ProductImage, ProductPage, ProductVariant, Stock
from shop.services.stock import stock_changed

PRODUCT_FACETS = ("category", "price_band", "in_stock")
PRODUCT_WEIGHT = 0.5


@dataclass(frozen=True)
class PriceBand:
    """Prices from `low` (included) up to `high` (excluded; None: no upper end), in EUR."""

    value: str
    low: Decimal
    high: Decimal | None

    def holds(self, price: Decimal) -> bool:
        return price >= self.low and (self.high is None or price < self.high)

    def label(self, language: str) -> str:
        low, high = int(self.low), int(self.high) if self.high is not None else None
        if language == "fr":
            if not low:
                return f"moins de {high} €"
            return f"{low} € et plus" if high is None else f"{low} à {high} €"
        if language == "en":
            if not low:
                return f"under €{high}"
            return f"€{low} and more" if high is None else f"€{low} to €{high}"
        if not low:
            return f"minder dan € {high}"
        return f"€ {low} en meer" if high is None else f"€ {low} tot € {high}"


# A museum shop's shelves: postcards and pencils, books and posters, catalogues and
# scarves, replicas and jewellery, and the few pieces above a hundred euro.
PRICE_BANDS = (
    PriceBand("0-10", Decimal(0), Decimal(10)),
    PriceBand("10-25", Decimal(10), Decimal(25)),
    PriceBand("25-50", Decimal(25), Decimal(50)),
    PriceBand("50-100", Decimal(50), Decimal(100)),
    PriceBand("100-", Decimal(100), None),
)
IN_STOCK_LABELS = {
    ("nl", True): "op voorraad",
    ("nl", False): "uitverkocht",
    ("en", True): "in stock",
    ("en", False): "sold out",
    ("fr", True): "en stock",
    ("fr", False): "épuisé",
}


def price_bands(prices: Iterable[Decimal]) -> list[PriceBand]:
    prices = list(prices)
    return [band for band in PRICE_BANDS if any(band.holds(price) for price in prices)]


def on_sale(variants: Iterable[ProductVariant]) -> list[ProductVariant]:
    """Variants a checkout would accept a line for, stock aside: their page is public."""
    return [variant for variant in variants if variant.product_is_public]


def can_be_bought_now(variant: ProductVariant) -> bool:
    return variant.product_is_public and (variant.is_digital or variant.stock_available > 0)


def build_products(ids: Sequence[int]) -> Iterator[Document]:
    products = list(
        public_pages(ProductPage.objects.filter(pk__in=ids))
        .select_related("locale", "category", "reproduces")
        .prefetch_related(
            "reproduces__makers",
            Prefetch("images", queryset=ProductImage.objects.select_related("image")),
        )
    )
    variants: dict[object, list[ProductVariant]] = {}
    for variant in (
        ProductVariant.objects.for_products(products)
        .with_sale_state()
        .select_related("product")
        .order_by("sort_order", "pk")
    ):
        variants.setdefault(variant.product.translation_key, []).append(variant)
    for product in products:
        sold = on_sale(variants.get(product.translation_key, []))
        if not sold:
            continue  # nothing to buy: not a result
        language = product.locale.language_code
        description = get_text_for_indexing(product.description)
        related: list[str] = []
        obj = product.reproduces
        if is_visible_now(obj):
            related += [obj.title, obj.inventory_number]
            related += [name for term in obj.makers.all() for name in term_names(term)]
        category = product.category
        in_stock = any(can_be_bought_now(variant) for variant in sold)
        facets = [
            FacetValue("price_band", band.value, band.label(language))
            for band in price_bands(variant.gross_price for variant in sold)
        ]
        facets.append(
            FacetValue(
                "in_stock", "true" if in_stock else "false", IN_STOCK_LABELS[language, in_stock]
            )
        )
        if category is not None:
            facets.append(FacetValue("category", category.slug, category.name(language)))
        images = sorted(product.images.all(), key=lambda item: (item.sort_order or 0, item.pk))
        yield Document(
            kind=SearchKind.PRODUCT,
            source=product,
            locale=language,
            title=product.title,
            fields={
                Field.TITLE: [product.title],
                Field.LABELS: [
                    *(
                        [category.name_nl, category.name_en, category.name_fr]
                        if category is not None
                        else []
                    ),
                    *(variant.sku for variant in sold),
                ],
                Field.BODY: [product.intro, strip_tags(description)],
                Field.RELATED: related,
            },
            text=" ".join(part for part in (product.intro, description) if part),
            slug=product.slug,
            url_path=page_url_path(product),
            expires_at=product.expire_at,
            visible_from=product.go_live_at,
            image_id=images[0].image_id if images else None,
            image_alt=images[0].alt if images else "",
            facets=facets,
            price=min(variant.gross_price for variant in sold),
        )


# --- what makes a product's document stale -----------------------------------------------


def translations_of(products: Iterable[int]) -> Iterable[int]:
    """Every page of these products' translation groups: variants and their stock live on
    one page of the group and decide for all of them."""
    keys = ProductPage.objects.filter(pk__in=list(products)).values("translation_key")
    return ProductPage.objects.filter(translation_key__in=keys).values_list("pk", flat=True)


def products_under(instance: Model) -> Iterable[int]:
    """A product page and every translation of it, when it or an ancestor changes."""
    page = instance.page if isinstance(instance, PageViewRestriction) else instance
    under = ProductPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    return list(translations_of(under))


def products_of_variants(variant_ids: Iterable[int]) -> Iterable[int]:
    pages = ProductVariant.objects.filter(pk__in=list(variant_ids)).values("product_id")
    return list(translations_of(pages.values_list("product_id", flat=True)))


def products_reproducing(object_ids: Iterable[int]) -> Iterable[int]:
    return ProductPage.objects.filter(reproduces__in=list(object_ids)).values_list("pk", flat=True)


def _stock_changed(sender, variant_ids: Iterable[int], **kwargs) -> None:
    indexing.mark_stale(
        registry.source_for(ProductPage._meta.label_lower), products_of_variants(variant_ids)
    )


def register_sources() -> None:
    registry.register(
        SearchSource(
            kind=SearchKind.PRODUCT,
            model=ProductPage,
            build=build_products,
            watches=(
                Watch(Page, products_under),
                Watch(PageViewRestriction, products_under),
                Watch(ProductVariant, lambda variant: products_of_variants([variant.pk])),
                Watch(Stock, lambda stock: products_of_variants([stock.variant_id])),
                Watch(
                    ProductCategory,
                    lambda category: ProductPage.objects.filter(category=category).values_list(
                        "pk", flat=True
                    ),
                ),
                Watch(CollectionObject, lambda obj: products_reproducing([obj.pk])),
                Watch(Term, lambda term: products_reproducing(objects_with_term(term))),
            ),
            facets=PRODUCT_FACETS,
            # A replica repeats the title of the object it reproduces, and a catalogue the
            # title of its exhibition: for the same words the museum's own page comes first,
            # the shop's product after it (tests/search/judgements.toml measures this).
            weight=PRODUCT_WEIGHT,
        )
    )
    stock_changed.connect(_stock_changed, weak=False, dispatch_uid="vitrine-search-stock")
