"""What the demo museum's facets must say, counted straight from the content models.

Used by the relevance tests of both backends: a facet count is right when it equals the
count of an ORM query for the same filter.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db.models import Exists, Max, Min, OuterRef, QuerySet
from django.db.models.functions import Coalesce

from museum_site import models
from museum_site.models import public_pages
from shop.graphql.queries import sellable_variants
from shop.models import ProductCategory, ProductPage, ProductVariant
from tours.models import Scene, TourPage

LANGUAGES = ("nl", "en", "fr")


def _century_objects(objects: QuerySet, number: int) -> QuerySet:
    start = (number - 1) * 100 if number > 0 else number * 100
    end = start + 99
    return objects.annotate(
        first=Coalesce("earliest_year", "latest_year"),
        last=Coalesce("latest_year", "earliest_year"),
    ).filter(first__lte=end, last__gte=start)


def _objects_shown_in(language: str) -> set[int]:
    """Live objects of the language, and for each work with no live record in it, the
    record that stands in: the default language's if live (a withdrawn one stands in
    nowhere), else the oldest live one."""
    default = settings.LANGUAGE_CODE
    rows = list(
        models.CollectionObject.objects.values_list(
            "pk", "translation_key", "locale__language_code", "live"
        ).order_by("pk")
    )
    groups: dict = {}
    for pk, key, row_language, live in rows:
        groups.setdefault(key, []).append((pk, row_language, live))
    shown = set()
    for records in groups.values():
        live = [(pk, lang) for pk, lang, is_live in records if is_live]
        own = [pk for pk, lang in live if lang == language]
        if own:
            shown.update(own)
            continue
        if any(lang == default and not is_live for _pk, lang, is_live in records):
            continue
        source = next((pk for pk, lang in live if lang == default), None)
        if source is None and live:
            source = live[0][0]
        if source is not None:
            shown.add(source)
    return shown


def orm_facet_counts(language: str) -> dict[str, dict[str, int]]:
    """What the facets must say for a blank query, counted straight from the content."""
    objects = models.CollectionObject.objects.filter(pk__in=_objects_shown_in(language))
    tours = public_pages(TourPage.objects.filter(locale__language_code=language))
    kinds = {
        "story": public_pages(models.StoryPage.objects.filter(locale__language_code=language)),
        "exhibition": public_pages(
            models.ExhibitionPage.objects.filter(locale__language_code=language)
        ),
        "object": objects,
    }
    counts = {"kind": {kind: queryset.count() for kind, queryset in kinds.items()}}
    counts["kind"]["tour"] = tours.count() + Scene.objects.filter(tour__in=tours).count()
    for facet, relation, kind in (
        ("maker", "makers", models.Term.Kind.PERSON),
        ("material", "materials", models.Term.Kind.MATERIAL),
        ("period", "periods", models.Term.Kind.PERIOD),
        ("object_type", "object_type", models.Term.Kind.OBJECT_TYPE),
    ):
        counts[facet] = {
            str(term.pk): objects.filter(**{relation: term}).count()
            for term in models.Term.objects.filter(kind=kind)
        }
    years = objects.aggregate(
        low=Coalesce(Min("earliest_year"), Min("latest_year")),
        high=Coalesce(Max("latest_year"), Max("earliest_year")),
    )
    counts["century"] = {
        str(number): _century_objects(objects, number).count()
        for number in range(years["low"] // 100 + 1, years["high"] // 100 + 2)
    }
    products = orm_product_counts(language)
    counts["kind"].update(products.pop("kind"))
    counts.update(products)
    return {
        facet: {value: count for value, count in values.items() if count}
        for facet, values in counts.items()
    }


# Bands in EUR, lower end included, written out here rather than read from the search.
PRICE_BANDS = {
    "0-10": (0, 10),
    "10-25": (10, 25),
    "25-50": (25, 50),
    "50-100": (50, 100),
    "100-": (100, None),
}


def orm_product_counts(language: str) -> dict[str, dict[str, int]]:
    """The product kind and facets: public product pages of the language whose translation
    group has a variant on a public page (what checkout accepts); in stock as the shop's
    own `products(inStock: true)` filter counts it."""
    on_sale = ProductVariant.objects.with_sale_state().filter(
        product__translation_key=OuterRef("translation_key"), product_is_public=True
    )
    products = public_pages(ProductPage.objects.filter(locale__language_code=language)).filter(
        Exists(on_sale)
    )
    counts = {
        "kind": {"product": products.count()},
        "category": {
            category.slug: products.filter(category=category).count()
            for category in ProductCategory.objects.all()
        },
        "in_stock": {
            "true": products.filter(Exists(sellable_variants())).count(),
            "false": products.exclude(Exists(sellable_variants())).count(),
        },
        "price_band": {},
    }
    for band, (low, high) in PRICE_BANDS.items():
        priced = on_sale.filter(gross_price__gte=Decimal(low))
        if high is not None:
            priced = priced.filter(gross_price__lt=Decimal(high))
        counts["price_band"][band] = products.filter(Exists(priced)).count()
    return {
        facet: {value: count for value, count in values.items() if count}
        for facet, values in counts.items()
    }
