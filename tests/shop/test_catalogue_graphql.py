"""The public catalogue over GraphQL: visibility, prices, availability, filters, caching."""

from __future__ import annotations

import datetime
import json

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from shop.models import VatRate
from shop.services import stock as stock_service
from shop.services.stock import SHOWN_QUANTITY_CAP
from tests.shop import builders
from tests.site import builders as site_builders

pytestmark = pytest.mark.django_db

PRODUCTS = """query($category: String, $inStock: Boolean, $orderBy: ProductOrder, $locale: String) {
  products(category: $category, inStock: $inStock, orderBy: $orderBy, locale: $locale) {
    totalCount nodes { title slug inStock } } }"""

PRODUCT = """query($slug: String!, $locale: String) { product(slug: $slug, locale: $locale) {
  title intro description vatRate locale
  category { slug name }
  priceFrom { gross { amount } }
  images { alt rendition(preset: THUMBNAIL, format: WEBP) { url width height alt } }
  variants { sku label size edition kind weightGrams
    price { gross { amount currency } net { amount } vat { amount } vatRate }
    availability { inStock quantityAvailable } }
  reproduces { inventoryNumber title images { rendition(preset: CARD) { url } } }
} }"""


def titles(result: dict) -> list[str]:
    assert "errors" not in result, result["errors"]
    return [node["title"] for node in result["data"]["products"]["nodes"]]


def test_only_public_products_are_listed(graphql):
    builders.product(title="Affiche")
    builders.product(title="Concept", publish=False)
    private = builders.product(title="Voor leden")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = builders.product(title="Verlopen")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save()

    assert titles(graphql(PRODUCTS)) == ["Affiche"]


def test_a_product_with_prices_stock_images_and_the_object_it_reproduces(graphql):
    obj = site_builders.collection_object(inventory_number="S.1912.4", title="Vaas")
    builders.product(
        title="Catalogus",
        slug="catalogus",
        vat_rate=VatRate.REDUCED,
        category=builders.category("boeken", name_nl="Boeken", name_en="Books"),
        reproduces=obj,
        variants=[
            builders.variant(
                "CAT-NL", "24.95", size_nl="A4", edition_nl="Nederlandstalig", weight=900
            ),
            builders.digital("CAT-PDF", "9.99"),
        ],
        stock=2,
    )

    product = graphql(PRODUCT, {"slug": "catalogus"})["data"]["product"]

    assert product["vatRate"] == "6" and product["category"] == {"slug": "boeken", "name": "Boeken"}
    assert product["priceFrom"] == {"gross": {"amount": "9.99"}}
    printed, pdf = product["variants"]
    assert printed["price"] == {
        "gross": {"amount": "24.95", "currency": "EUR"},
        "net": {"amount": "23.54"},
        "vat": {"amount": "1.41"},
        "vatRate": "6",
    }
    assert printed["label"] == "A4 / Nederlandstalig" and printed["kind"] == "PHYSICAL"
    assert printed["availability"] == {"inStock": True, "quantityAvailable": 2}
    assert pdf["availability"] == {"inStock": True, "quantityAvailable": SHOWN_QUANTITY_CAP}
    assert pdf["size"] is None and pdf["weightGrams"] == 0
    [image] = product["images"]
    assert image["rendition"]["url"].endswith(".webp") and image["rendition"]["width"] == 160
    assert product["reproduces"]["inventoryNumber"] == "S.1912.4"
    assert product["reproduces"]["images"][0]["rendition"]["url"]


def test_the_exact_stock_is_not_told(graphql):
    builders.product(slug="affiche", variants=[builders.variant("POSTER")], stock=500)
    variant = graphql(PRODUCT, {"slug": "affiche"})["data"]["product"]["variants"][0]
    assert variant["availability"] == {"inStock": True, "quantityAvailable": SHOWN_QUANTITY_CAP}


def test_stock_set_aside_for_orders_is_not_available(graphql, settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 0}
    builders.product(slug="affiche", variants=[builders.variant("POSTER")], stock=3)
    builders.set_stock("POSTER", quantity=3, allocated=3)
    product = graphql(PRODUCT, {"slug": "affiche"})["data"]["product"]
    assert product["variants"][0]["availability"] == {"inStock": False, "quantityAvailable": 0}


def test_an_untranslated_product_is_answered_in_its_own_language(graphql):
    """Until its translation is published, an English visitor reads the Dutch original,
    and `locale` says so (museum_site.original_language)."""
    builders.product(slug="affiche")
    query = 'query($slug: String!) { product(slug: $slug, locale: "en") { slug locale } }'
    assert graphql(query, {"slug": "affiche"})["data"]["product"] == {
        "slug": "affiche",
        "locale": "nl",
    }


def test_a_reproduced_object_that_is_not_live_is_not_shown(graphql):
    draft = site_builders.collection_object(live=False)
    builders.product(slug="replica", reproduces=draft)
    assert graphql(PRODUCT, {"slug": "replica"})["data"]["product"]["reproduces"] is None


def test_filter_by_category_and_stock(graphql):
    books = builders.category("boeken")
    builders.product(title="Catalogus", category=books)
    builders.product(title="Gids", category=books, stock=0)
    builders.product(title="E-boek", category=books, variants=[builders.digital()], stock=0)
    builders.product(title="Affiche")

    assert titles(graphql(PRODUCTS, {"category": "boeken"})) == ["Catalogus", "E-boek", "Gids"]
    assert titles(graphql(PRODUCTS, {"category": "boeken", "inStock": True})) == [
        "Catalogus",
        "E-boek",
    ]
    assert titles(graphql(PRODUCTS, {"inStock": False})) == ["Gids"]
    assert titles(graphql(PRODUCTS, {"category": "nope"})) == []


def test_order_by_lowest_variant_price(graphql):
    builders.product(
        title="B", variants=[builders.variant(price="30.00"), builders.variant(price="5.00")]
    )
    builders.product(title="A", variants=[builders.variant(price="12.00")])
    builders.product(title="C", variants=[])

    assert titles(graphql(PRODUCTS, {"orderBy": "PRICE_ASC"})) == ["B", "A", "C"]
    assert titles(graphql(PRODUCTS, {"orderBy": "PRICE_DESC"})) == ["A", "B", "C"]
    assert titles(graphql(PRODUCTS, {"orderBy": "TITLE_DESC"})) == ["C", "B", "A"]


def test_ordering_only_by_the_enum(graphql):
    result = graphql('{ products(orderBy: "path") { totalCount } }')
    assert result["errors"]


def test_page_size_is_bounded(graphql):
    result = graphql("{ products(first: 101) { totalCount } }")
    assert "between 1 and 100" in result["errors"][0]["message"]


def test_categories_in_the_requested_language(graphql):
    builders.category("boeken", name_nl="Boeken", name_en="Books", sort_order=2)
    builders.category("affiches", name_nl="Affiches", name_fr="Affiches (fr)", sort_order=1)
    result = graphql('{ productCategories(locale: "fr") { totalCount nodes { slug name } } }')
    assert result["data"]["productCategories"] == {
        "totalCount": 2,
        "nodes": [
            {"slug": "affiches", "name": "Affiches (fr)"},
            {"slug": "boeken", "name": "Boeken"},  # no French name: Dutch
        ],
    }


def test_products_are_answered_from_the_cache_until_stock_changes(client):
    builders.product(title="Replica", variants=[builders.variant("REPLICA")], stock=1)
    query = {"query": "{ products { nodes { title inStock } } }"}

    first = client.get("/graphql/", query)
    assert first["Cache-Control"].startswith("public")
    assert json.loads(first.content)["data"]["products"]["nodes"][0]["inStock"] is True

    variant_id = builders.set_stock("REPLICA", quantity=1).variant_id
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.transaction.on_commit", lambda callback, **kwargs: callback())
        stock_service.allocate([type("Line", (), {"variant_id": variant_id, "quantity": 1})()])

    again = client.get("/graphql/", query)
    assert json.loads(again.content)["data"]["products"]["nodes"][0]["inStock"] is False


def test_a_checkout_is_never_cached(client, graphql):
    builders.product(variants=[builders.variant("POSTER")])
    created = graphql(
        'mutation { checkoutCreate(input: {lines: [{sku: "POSTER", quantity: 1}]}) '
        "{ checkout { token } } }"
    )
    token = created["data"]["checkoutCreate"]["checkout"]["token"]
    response = client.get(
        "/graphql/", {"query": f'{{ checkout(token: "{token}") {{ quantity }} }}'}
    )
    assert response["Cache-Control"] == "private, no-store"
    assert json.loads(response.content)["data"]["checkout"]["quantity"] == 1


def test_an_unknown_checkout_is_null(graphql):
    result = graphql('{ checkout(token: "8d6a5f2e-2f57-4c8e-9d55-6f0f3e1c2b11") { token } }')
    assert result == {"data": {"checkout": None}}
