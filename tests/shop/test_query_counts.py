"""A page of products or a checkout costs a constant number of SQL queries (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from museum_site.museums.current import museum_by_pk
from museum_site.museums.models import Museum
from shop.models import Checkout, CheckoutLine, Order, ProductVariant, Stock
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
# their images and renditions; which extensions (admission tickets, group visits) have
# lines in it, for its totals (one query, and none of their lines read when none has).
# The museum the request is for costs none: its host was resolved (and cached) before.
# (10 before the extensions were asked at once.)
CHECKOUT_QUERIES = 9


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


# One `checkoutComplete` of a paid checkout with ample stock, the after-commit work
# included (the e-mail is a queued row, as TASKS_BACKEND=database runs it in production:
# bench/checkout.py). Pinned; raise only with a reason. Before the lock: the checkout's
# owner, and the payment attempts and the order one of them already paid for, if any
# (their museums, for the Stripe account and the invoice series, come from the shared
# cache, as on a running server). Under the checkout's lock (the transaction; here a
# savepoint and its release): the checkout with its method and voucher, and whether
# extensions (group visits, tickets) have lines in it (none of their lines read when
# none has); the payments (locked); the lines with variants, products and their
# locales; the order (no reference-index job: orders are not
# content); the lines (one INSERT); the payment; the checkout's deletion (one DELETE
# each for its lines, visit and ticket lines, none read first, and one for the
# checkout), the PLACED and PAID events (one INSERT), one UPDATE that locks and takes
# the stock rows, and one statement for the invoice number, the invoice and the paid
# order (PostgreSQL; SQLite takes three), all in a savepoint (and its release).
# After the commit: the e-mail's job. No translated titles looked up when the buyer
# reads the products' own language; no variants asked whether they are digital (the
# order lines say so); no savepoint of its own for the stock (a refusal gives back
# what it took); no search-document or cache work while units are left beyond
# what visitors are shown (stock.py); no ticket or visit line read twice when the totals
# hold none; the checkout lets go of its addresses (an UPDATE) only when it is not
# served. (56, then 36, then 32, then 30, then 24, then 23, then 22 before.)
COMPLETE_QUERIES = 20 if connection.vendor == "postgresql" else 22
# What bench/checkout.py asks.
COMPLETE = """mutation($token: UUID!) { checkoutComplete(token: $token) {
  errors { field code message } order { number status } } }"""


def test_checkout_complete_costs_the_same_for_1_and_5_lines(
    graphql, pay_api, browser_pays, database_queue, django_capture_on_commit_callbacks
):
    skus = [f"AMPLE-{number}" for number in range(5)]
    for sku in skus:
        builders.product(variants=[builders.variant(sku, "12.00")], stock=1000)
    builders.pickup()
    museum_by_pk(Museum.objects.default().pk)  # cached, as on a running server
    counts = []
    for size in (1, 5):
        checkout = builders.ready_checkout(*[(sku, 1) for sku in skus[:size]])
        browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            result = graphql(COMPLETE, {"token": str(checkout.token)})
        payload = result["data"]["checkoutComplete"]
        assert payload["errors"] == [], payload["errors"]
        assert payload["order"]["status"] == "PAID"
        order = Order.objects.get(checkout_token=checkout.token)
        assert order.lines.count() == size
        # The checkout's addresses became the order's; its deletion did not take them.
        assert (order.billing_address.city, order.shipping_address.city) == ("Antwerpen",) * 2
        counts.append(len(queries))
    assert counts == [COMPLETE_QUERIES, COMPLETE_QUERIES]


# A buyer who paid but finds the stock gone (a lost race: bench/checkout.py's scarce
# case, 35 of 40 buyers): the winner's reads, the order, its lines and the payment; the
# stock as read with the lines says no (`stock.shortage`), so nothing is deleted, locked
# or rolled back for it: the PLACED and NOT_PLACED events (one INSERT), the canceled
# order, the decided refund (a pending attempt) and the checkout's deletion (nothing
# read or cleared first). After the commit: the refund at Stripe, carried out from the
# attempt this call wrote and the payment it read under the lock (neither read again)
# and recorded under the order's lock (refund, order, event, attempt), the order as
# recorded answered (not read again), and the e-mail's job. Pinned: a race's p95 is set
# by what losers cost (46, then 28 before).
REFUSED_QUERIES = 27


def test_a_buyer_who_lost_the_race_is_refunded_at_a_pinned_cost(
    graphql, pay_api, browser_pays, database_queue, django_capture_on_commit_callbacks
):
    builders.product(variants=[builders.variant("SCARCE-1", "12.00")], stock=1)
    builders.pickup()
    museum_by_pk(Museum.objects.default().pk)  # cached, as on a running server
    checkout = builders.ready_checkout(("SCARCE-1", 1))
    browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
    Stock.objects.filter(variant__sku="SCARCE-1").update(allocated=1)  # sold meanwhile
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        result = graphql(COMPLETE, {"token": str(checkout.token)})
    payload = result["data"]["checkoutComplete"]
    assert [error["code"] for error in payload["errors"]] == ["INSUFFICIENT_STOCK"]
    assert payload["order"]["status"] == "CANCELED"
    order = Order.objects.get(checkout_token=checkout.token)
    assert order.refunded == order.total_gross
    assert list(order.events.values_list("type", flat=True).order_by("pk")) == [
        "placed",
        "not_placed",
        "auto_refunded",
    ]
    assert not Checkout.objects.filter(token=checkout.token).exists()
    # The order kept the checkout's addresses; the checkout's deletion did not take them.
    assert (order.billing_address.city, order.shipping_address.city) == ("Antwerpen",) * 2
    assert len(queries) == REFUSED_QUERIES
