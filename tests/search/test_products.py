"""Products in the search: only what can be bought, with category, price band and stock.

Products are built with the shop's own builders (real pages, variants and stock rows) and
indexed when their transaction commits, as in the admin.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from wagtail.models import PageViewRestriction
from wagtail_localize.models import TranslationSource

from search.services import search, suggest
from search.sources.products import PRICE_BANDS
from shop.models import ProductPage
from shop.services import stock
from tests.search.demo_museum import orm_product_counts
from tests.shop import builders as shop
from tests.site import builders

pytestmark = pytest.mark.django_db


def translate(page: ProductPage, language: str) -> ProductPage:
    """A published translation made as wagtail-localize makes it (parents copied along)."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = source.create_or_update_translation(
        builders.locale(language), copy_parent_pages=True, fallback=True
    )
    translation = ProductPage.objects.get(pk=translation.pk)
    translation.save_revision().publish()
    return translation


@dataclass(frozen=True)
class Line:
    """What the stock service takes from an order: a variant and a quantity."""

    variant_id: int
    quantity: int


def product_slugs(query: str, locale: str = "nl", **options) -> list[str]:
    results = search(query, locale, kinds=["product"], **options)
    return [result.slug for result in results[0:100]]


def facet(query: str, name: str, locale: str = "nl", **options) -> dict[str, int]:
    return {value.value: value.count for value in search(query, locale, **options).facets()[name]}


@pytest.fixture
def shelves(committed):
    """Purchasable products across categories, price bands and stock, and some that are
    not purchasable (draft, private, nothing to sell)."""
    books = shop.category("boeken", name_nl="Boeken", name_en="Books", name_fr="Livres")
    replicas = shop.category("replica", name_nl="Replica's", name_en="Replicas")
    with committed():
        catalogue = shop.product(
            title="Catalogus Vlaamse primitieven",
            slug="catalogus",
            category=books,
            variants=[shop.variant(price="39.50"), shop.variant(price="45.00")],
        )
        postcard = shop.product(
            title="Postkaart Madonna",
            slug="postkaart",
            category=books,
            variants=[shop.variant(price="1.50")],
            stock=0,
        )
        replica = shop.product(
            title="Replica van de roemer",
            slug="roemer",
            category=replicas,
            variants=[shop.variant(price="89.00"), shop.variant(price="120.00")],
            stock=1,
        )
        ebook = shop.product(
            title="E-book Vlaamse primitieven",
            slug="ebook",
            category=books,
            variants=[shop.digital(price="9.99")],
        )
        draft = shop.product(title="Catalogus in voorbereiding", slug="concept", publish=False)
        empty = shop.product(title="Catalogus zonder varianten", slug="leeg", variants=[])
        private = shop.product(title="Catalogus voor leden", slug="leden", category=books)
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    pages = {
        "catalogue": catalogue,
        "postcard": postcard,
        "replica": replica,
        "ebook": ebook,
        "draft": draft,
        "empty": empty,
        "private": private,
    }
    # As saved: the builder publishes a revision, not the instance it made.
    return {name: ProductPage.objects.get(pk=page.pk) for name, page in pages.items()}


def test_an_unpurchasable_product_is_never_found_nor_suggested(shelves):
    found = product_slugs("catalogus")
    assert found == ["catalogus"]
    assert {result.slug for result in search("", "nl")[0:100]} >= {"catalogus", "ebook"}
    hidden = {"concept", "leden", "leeg"}
    assert not hidden & {result.slug for result in search("", "nl")[0:100]}
    suggested = [s for s in suggest("catalog", "nl", 20)]
    assert [(s.text, s.kind) for s in suggested] == [("Catalogus Vlaamse primitieven", "product")]


def test_a_product_whose_translation_carries_no_sale_is_not_purchasable(committed):
    with committed():
        dutch = shop.product(title="Sjaal met bladwerk", slug="sjaal")
        translate(dutch, "en")
    assert product_slugs("bladwerk", "en") == ["sjaal"]  # the copy keeps its slug
    # The variants are on the Dutch page: unpublished there, nothing can be bought.
    with committed():
        ProductPage.objects.get(pk=dutch.pk).unpublish()
    assert product_slugs("sjaal") == [] and product_slugs("bladwerk", "en") == []


def test_selling_the_last_unit_flips_the_in_stock_facet_after_commit(shelves, committed):
    variants = list(shelves["replica"].variants.order_by("pk"))
    assert facet("roemer", "in_stock") == {"true": 1}
    with committed():
        stock.allocate([Line(variant.pk, 1) for variant in variants])  # as a paid order does
        # Not committed yet: the index still says what was committed.
        assert facet("roemer", "in_stock") == {"true": 1}
    assert facet("roemer", "in_stock") == {"false": 1}
    assert product_slugs("roemer", filters={"in_stock": ["false"]}) == ["roemer"]
    assert product_slugs("roemer", filters={"in_stock": ["true"]}) == []
    with committed():
        stock.deallocate([Line(variants[0].pk, 1)])  # a cancelled order gives one back
    assert facet("roemer", "in_stock") == {"true": 1}


def test_a_stock_count_in_the_admin_updates_the_in_stock_facet(shelves, committed):
    row = shelves["postcard"].variants.get().stock
    assert product_slugs("", filters={"in_stock": ["false"]}) == ["postkaart"]
    with committed():
        row.quantity = 25
        row.save()
    assert product_slugs("", filters={"in_stock": ["false"]}) == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_product_facet_counts_equal_the_counts_of_a_direct_query(shelves, committed, language):
    with committed():
        for product in (shelves["catalogue"], shelves["replica"], shelves["draft"]):
            translate(product, "en")
    facets = search("", language).facets()
    answered = {
        name: {value.value: value.count for value in facets[name]}
        for name in ("category", "price_band", "in_stock")
    }
    answered["kind"] = {v.value: v.count for v in facets["kind"] if v.value == "product"}
    expected = orm_product_counts(language)
    assert answered == expected
    # The English copy of the draft has nothing to sell: its variants' page is a draft.
    assert expected["kind"]["product"] == (4 if language == "nl" else 2)


def test_price_bands_follow_the_variants_prices(shelves):
    assert facet("", "price_band") == {"0-10": 2, "25-50": 1, "50-100": 1, "100-": 1}
    assert product_slugs("", filters={"price_band": ["100-"]}) == ["roemer"]
    assert sorted(product_slugs("", filters={"price_band": ["0-10", "25-50"]})) == [
        "catalogus",
        "ebook",
        "postkaart",
    ]
    labels = {band.value: band.label("en") for band in PRICE_BANDS}
    assert labels == {
        "0-10": "under €10",
        "10-25": "€10 to €25",
        "25-50": "€25 to €50",
        "50-100": "€50 to €100",
        "100-": "€100 and more",
    }


def test_categories_filter_and_count_with_the_other_filters(shelves):
    assert facet("", "category") == {"boeken": 3, "replica": 1}
    in_stock_books = search("", "nl", filters={"category": ["boeken"], "in_stock": ["true"]})
    assert sorted(result.slug for result in in_stock_books[0:10]) == ["catalogus", "ebook"]
    # Each facet is counted with the other's filter but not its own.
    counts = in_stock_books.facets()
    assert {v.value: v.count for v in counts["category"]} == {"boeken": 2, "replica": 1}
    assert {v.value: v.count for v in counts["in_stock"]} == {"true": 2, "false": 1}


def test_a_replica_is_found_by_the_maker_of_the_object_it_reproduces(committed):
    bruegel = builders.term(label="Pieter Bruegel de Oude", alt_labels="Boeren-Bruegel")
    with committed():
        obj = builders.collection_object(title="Boerenbruiloft", makers=[bruegel])
        shop.product(title="Replica in hars", slug="replica-bruiloft", reproduces=obj)
    assert product_slugs("Bruegel") == ["replica-bruiloft"]
    assert product_slugs("boeren-bruegel boerenbruiloft") == ["replica-bruiloft"]
    # Renaming the maker reaches the product's document too.
    with committed():
        bruegel.alt_labels = "Pieter Brueghel"
        bruegel.save()
    assert product_slugs("brueghel") == ["replica-bruiloft"]


def test_unpublishing_and_deleting_remove_the_product(shelves, committed):
    with committed():
        shelves["catalogue"].unpublish()
    assert product_slugs("catalogus") == []
    with committed():
        shelves["ebook"].delete()
    assert product_slugs("primitieven") == []
    with committed():
        shelves["catalogue"].save_revision().publish()
    assert product_slugs("catalogus") == ["catalogus"]
