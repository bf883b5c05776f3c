"""The demo shop: a shop a frontend developer can sell from, loaded by `load_demo`.

It is loaded twice into a site with home pages in nl, en and fr and one of the demo's
objects (the whole museum takes long to load; tests/site/test_demo.py runs `load_demo`
with every app's part twice), then read only through GraphQL, as a frontend would.
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Page

from museum_site.models import MuseumImage
from shop import models
from shop.demo import load_demo_shop
from shop.demo_products import DRAFT_SLUG, LOW_STOCK_SKU, SOLD_OUT_SKUS, VOUCHER_CODE
from tests.shop.builders import address
from tests.site import builders as site_builders

pytestmark = pytest.mark.django_db

PRODUCTS = """query($locale: String, $inStock: Boolean) {
  products(locale: $locale, inStock: $inStock, first: 100) {
    totalCount
    nodes {
      slug title vatRate inStock
      category { slug name }
      reproduces { inventoryNumber }
      images { alt rendition(preset: THUMBNAIL) { url } }
      variants {
        sku label kind
        availability { inStock quantityAvailable }
        price { gross { amount } net { amount } vat { amount } }
      }
    }
  }
}"""


def _counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "variants": models.ProductVariant.objects.count(),
        "categories": models.ProductCategory.objects.count(),
        "delivery": models.ShippingMethod.objects.count(),
        "vouchers": models.Voucher.objects.count(),
        "images": MuseumImage.objects.count(),
        "documents": get_document_model().objects.count(),
    }


@pytest.fixture
def demo_shop(django_capture_on_commit_callbacks):
    """The shop loaded twice; returns the output of the second run."""
    for language in ("nl", "en", "fr"):
        site_builders.home(language)
    site_builders.collection_object(inventory_number="MAL.1911.030", title="Roemer")
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_shop(io.StringIO())
    counts = _counts()
    # What was sold or counted since must survive a second run.
    models.Stock.objects.filter(variant__sku="BOEK-HOND").update(quantity=7)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_shop(out)
    assert _counts() == counts, "a second run must not add anything"
    assert models.Stock.objects.get(variant__sku="BOEK-HOND").quantity == 7
    return out.getvalue()


def test_load_demo_loads_the_shop():
    assert any(
        getattr(hook, "__module__", "") == "shop.wagtail_hooks"
        for hook in hooks.get_hooks("vitrine_load_demo")
    )


def test_the_demo_shop_sells_at_least_twelve_products_in_every_language(demo_shop, graphql):
    assert "(0 new)" in demo_shop and VOUCHER_CODE in demo_shop
    for language in ("nl", "en", "fr"):
        result = graphql(PRODUCTS, {"locale": language, "inStock": True})
        assert "errors" not in result, result
        sellable = result["data"]["products"]
        assert sellable["totalCount"] >= 12, language
        for product in sellable["nodes"]:
            assert product["images"] and product["images"][0]["rendition"]["url"]
            assert product["category"]["name"]

    english = graphql(PRODUCTS, {"locale": "en"})["data"]["products"]["nodes"]
    by_sku = {
        variant["sku"]: (product, variant) for product in english for variant in product["variants"]
    }
    titles = {product["title"] for product in english}
    assert "Replica roemer" in titles and "Kraak porcelain bowl" in titles

    # Several products come in variants (size, edition).
    assert sum(1 for product in english if len(product["variants"]) > 1) >= 4
    # Replicas and prints link the object they reproduce.
    roemer, _variant = by_sku["REP-ROEMER"]
    assert roemer["reproduces"] == {"inventoryNumber": "MAL.1911.030"}
    # Books at 6%, the rest at 21%, with gross = net + VAT.
    book, book_variant = by_sku["BOEK-HOND"]
    assert book["vatRate"] == "6" and book["category"]["slug"] == "boeken"
    price = book_variant["price"]
    assert price["gross"]["amount"] == "14.95"
    assert Decimal(price["net"]["amount"]) + Decimal(price["vat"]["amount"]) == Decimal("14.95")
    assert Decimal(price["vat"]["amount"]) == Decimal("0.85")  # 14.95 / 1.06 = 14.10
    assert roemer["vatRate"] == "21"
    # One digital product, always available.
    digital = [variant for _product, variant in by_sku.values() if variant["kind"] == "DIGITAL"]
    assert len(digital) == 1 and digital[0]["availability"]["inStock"]
    assert models.ProductVariant.objects.get(sku=digital[0]["sku"]).digital_file is not None
    # Low stock on one variant.
    _cup, low = by_sku[LOW_STOCK_SKU]
    assert low["availability"] == {"inStock": True, "quantityAvailable": 3}


def test_what_cannot_be_bought_is_not_offered(demo_shop, graphql):
    listed = graphql(PRODUCTS, {"locale": "nl"})["data"]["products"]["nodes"]
    sellable = graphql(PRODUCTS, {"locale": "nl", "inStock": True})["data"]["products"]["nodes"]
    sold_out = [
        product["slug"]
        for product in listed
        if any(variant["sku"] in SOLD_OUT_SKUS for variant in product["variants"])
    ]
    assert len(sold_out) == 1
    assert sold_out[0] not in {product["slug"] for product in sellable}
    assert not next(p for p in listed if p["slug"] == sold_out[0])["inStock"]
    # The draft is neither listed nor found by its slug.
    assert DRAFT_SLUG not in {product["slug"] for product in listed}
    found = graphql("query($slug: String) { product(slug: $slug) { title } }", {"slug": DRAFT_SLUG})
    assert found["data"]["product"] is None


def test_the_demo_delivers_in_belgium_the_eu_and_the_world_and_takes_the_voucher(
    demo_shop, new_checkout, shop_api
):
    methods = models.ShippingMethod.objects.filter(active=True)
    assert {method.zone for method in methods if not method.is_pickup} == {"BE", "EU", "WORLD"}
    assert methods.filter(kind=models.ShippingMethod.Kind.PICKUP).count() == 1
    belgium = methods.get(zone="BE")
    assert belgium.free_above is not None and belgium.price > 0

    token = new_checkout(("REP-GILDEBEKER-TIN", 1), email="demo@example.be")  # 59.00
    shipped = shop_api("checkoutShippingAddressUpdate", token=token, address=address())
    offered = {method["id"] for method in shipped["checkout"]["availableDeliveryMethods"]}
    assert str(belgium.pk) in offered and str(methods.get(zone="EU").pk) not in offered
    shop_api("checkoutDeliveryMethodUpdate", token=token, method=str(belgium.pk))
    payload = shop_api("checkoutAddPromoCode", token=token, code=VOUCHER_CODE.lower())

    assert payload["errors"] == []
    checkout = payload["checkout"]
    assert checkout["discount"]["amount"] == "5.90"
    assert checkout["shippingPrice"]["gross"]["amount"] == "6.50"  # 53.10 is below 60
    assert checkout["total"]["gross"]["amount"] == "59.60"


def test_the_demo_variants_are_labelled_in_every_language(demo_shop, graphql):
    """Issue 12, point 10: an edition reads in the visitor's language, as the product does."""
    query = """query($slug: String!, $locale: String) {
      product(slug: $slug, locale: $locale) { variants { sku label } } }"""
    labels = {}
    for language in ("nl", "en", "fr"):
        listed = graphql(PRODUCTS, {"locale": language})["data"]["products"]["nodes"]
        [book] = [p for p in listed if any(v["sku"] == "BOEK-CAT-NL" for v in p["variants"])]
        product = graphql(query, {"slug": book["slug"], "locale": language})["data"]["product"]
        labels[language] = {v["sku"]: v["label"] for v in product["variants"]}
    assert labels["nl"]["BOEK-CAT-EN"] == "Engels, hardcover"
    assert labels["en"]["BOEK-CAT-EN"] == "English, hardcover"
    assert labels["fr"]["BOEK-CAT-EN"] == "Anglais, relié"
    assert labels["fr"]["BOEK-CAT-FR"] == "Français, broché"
