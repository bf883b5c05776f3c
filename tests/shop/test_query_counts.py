"""A page of products or a checkout costs a constant number of SQL queries (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.models import Checkout, CheckoutLine, ProductVariant
from tests.shop import builders
from tests.site import builders as site_builders

pytestmark = pytest.mark.django_db

PRODUCTS = """{ products(first: 100) { totalCount nodes {
  title intro description vatRate inStock
  category { slug name }
  priceFrom { gross { amount } net { amount } vat { amount } vatRate }
  images { alt rendition(preset: CARD, format: WEBP) { url width height srcSet } }
  variants { sku label kind price { gross { amount } net { amount } vatRate }
    availability { inStock quantityAvailable } }
  reproduces { title inventoryNumber makers { label } materials { label }
    images { alt rendition(preset: THUMBNAIL) { url } } }
} } }"""

CHECKOUT = """query($token: UUID!) { checkout(token: $token) {
  quantity isShippingRequired
  lines { id sku quantity productTitle productSlug
    productImage { rendition(preset: THUMBNAIL) { url } }
    variant { sku availability { inStock quantityAvailable } }
    unitPrice { gross { amount } } totalPrice { gross { amount } net { amount } } }
  subtotal { gross { amount } } total { gross { amount } }
  vatBreakdown { rate gross { amount } net { amount } vat { amount } }
} }"""

# Pinned; raise only with a reason. View restrictions, count, products with locale and
# category, images, their renditions, reproduced objects, their makers, materials,
# periods, images and renditions, variants with stock and sale state (its own
# restrictions query).
# The museum the request is for costs none: its host was resolved (and cached) before.
PRODUCT_LIST_QUERIES = 13
# The checkout with its addresses, method and voucher; lines; variants with sale state
# (with view restrictions); pages in the checkout's language (with view restrictions);
# their images and renditions; the admission ticket lines and the group-visit lines in
# its totals (shop/tickets, shop/visits: one query each, whatever the number of lines).
# The museum the request is for costs none: its host was resolved (and cached) before.
CHECKOUT_QUERIES = 10


@pytest.fixture
def uncached(settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 0}
    # The first answer makes every rendition (in production the background job does).
    settings.VITRINE_IMAGES = {**settings.VITRINE_IMAGES, "RENDITIONS_PER_REQUEST": 10_000}


def _count(graphql, query: str, variables: dict | None = None) -> tuple[int, dict]:
    graphql(query, variables)  # the first answer makes the renditions
    with CaptureQueriesContext(connection) as queries:
        result = graphql(query, variables)
    assert "errors" not in result, result["errors"]
    return len(queries), result["data"]


def test_product_list_costs_the_same_for_5_and_50_products(graphql, uncached):
    category = builders.category("replicas")
    maker = site_builders.term(label="Rubens")
    counts = []
    for total in (5, 50):
        while ProductVariant.objects.values("product").distinct().count() < total:
            obj = site_builders.collection_object(makers=[maker])
            builders.product(
                category=category,
                reproduces=obj,
                variants=[builders.variant(), builders.variant(), builders.digital()],
            )
        count, data = _count(graphql, PRODUCTS)
        assert data["products"]["totalCount"] == total
        assert len(data["products"]["nodes"][0]["variants"]) == 3
        assert data["products"]["nodes"][0]["reproduces"]["makers"] == [{"label": "Rubens"}]
        counts.append(count)
    assert counts == [PRODUCT_LIST_QUERIES, PRODUCT_LIST_QUERIES]


def test_checkout_costs_the_same_for_3_and_30_lines(graphql, uncached):
    products = [builders.product() for _ in range(30)]
    variants = [page.variants.get() for page in products]
    counts = []
    for size in (3, 30):
        checkout = Checkout.objects.create(locale="nl")
        CheckoutLine.objects.bulk_create(
            CheckoutLine(checkout=checkout, variant=variant, quantity=1)
            for variant in variants[:size]
        )
        count, data = _count(graphql, CHECKOUT, {"token": str(checkout.token)})
        assert data["checkout"]["quantity"] == size
        assert data["checkout"]["lines"][0]["productImage"]["rendition"]["url"]
        counts.append(count)
    assert counts == [CHECKOUT_QUERIES, CHECKOUT_QUERIES]
