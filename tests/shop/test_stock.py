"""Stock allocation: all or nothing, under row locks, with the database as the last word."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import pytest
from django.db import IntegrityError, connection, transaction

from shop.graphql.errors import PayloadError
from shop.models import Stock
from shop.services import stock as stock_service
from shop.services.errors import CheckoutErrorCode
from tests.shop import builders

pytestmark = pytest.mark.django_db


@dataclass
class Line:
    variant_id: int
    quantity: int


def line(sku: str, quantity: int) -> Line:
    return Line(Stock.objects.get(variant__sku=sku).variant_id, quantity)


def stock_of(sku: str) -> tuple[int, int]:
    row = Stock.objects.get(variant__sku=sku)
    return row.quantity, row.allocated


def test_physical_variants_get_a_stock_row_and_digital_ones_none():
    builders.product(variants=[builders.variant("POSTER"), builders.digital("EBOOK")], stock=4)
    assert stock_of("POSTER") == (4, 0)
    assert not Stock.objects.filter(variant__sku="EBOOK").exists()


def test_allocation_sets_stock_aside():
    builders.product(variants=[builders.variant("POSTER"), builders.variant("MUG")], stock=5)
    stock_service.allocate([line("POSTER", 2), line("MUG", 5), line("POSTER", 1)])
    assert stock_of("POSTER") == (5, 3)
    assert stock_of("MUG") == (5, 5)


def test_allocation_is_all_or_nothing():
    builders.product(variants=[builders.variant("POSTER"), builders.variant("MUG")], stock=2)
    with pytest.raises(PayloadError) as raised:
        stock_service.allocate([line("POSTER", 1), line("MUG", 3)])
    assert raised.value.code is CheckoutErrorCode.INSUFFICIENT_STOCK
    assert "MUG" in raised.value.message and "POSTER" not in raised.value.message
    assert stock_of("POSTER") == (2, 0)


def test_stock_set_aside_is_not_sold_twice():
    builders.product(variants=[builders.variant("POSTER")], stock=3)
    builders.set_stock("POSTER", quantity=3, allocated=2)
    with pytest.raises(PayloadError):
        stock_service.allocate([line("POSTER", 2)])
    stock_service.allocate([line("POSTER", 1)])
    assert stock_of("POSTER") == (3, 3)


def test_digital_variants_need_no_stock():
    page = builders.product(variants=[builders.digital("EBOOK")])
    variant = page.variants.get()
    stock_service.allocate([Line(variant.pk, 1000)])  # nothing to count, nothing raised


def test_deallocation_gives_stock_back():
    builders.product(variants=[builders.variant("POSTER")], stock=3)
    stock_service.allocate([line("POSTER", 2)])
    stock_service.deallocate([line("POSTER", 2)])
    assert stock_of("POSTER") == (3, 0)


def test_giving_back_more_than_was_set_aside_is_refused():
    builders.product(variants=[builders.variant("POSTER")], stock=3)
    stock_service.allocate([line("POSTER", 1)])
    with pytest.raises(ValueError):
        stock_service.deallocate([line("POSTER", 2)])
    assert stock_of("POSTER") == (3, 1)


def test_fulfilment_takes_handed_over_units_off_the_shelf():
    builders.product(variants=[builders.variant("POSTER")], stock=3)
    stock_service.allocate([line("POSTER", 2)])
    stock_service.fulfil([line("POSTER", 2)])
    assert stock_of("POSTER") == (1, 0)


@pytest.mark.parametrize(
    ("quantity", "allocated"), [(1, 2), (-1, 0), (3, -1)], ids=["over", "negative", "below-zero"]
)
def test_the_database_keeps_allocated_within_quantity(quantity, allocated):
    builders.product(variants=[builders.variant("POSTER")], stock=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Stock.objects.filter(variant__sku="POSTER").update(quantity=quantity, allocated=allocated)


def test_saving_a_stale_stock_row_does_not_undo_an_allocation():
    builders.product(variants=[builders.variant("POSTER")], stock=3)
    opened_in_admin = Stock.objects.get(variant__sku="POSTER")
    stock_service.allocate([line("POSTER", 2)])  # a sale while the form is open
    opened_in_admin.quantity = 5
    opened_in_admin.save()
    assert stock_of("POSTER") == (5, 2)


def _race(targets: list, monkeypatch, pause: float = 0.3) -> list[object]:
    """Run each target in its own thread and database connection, all at once; lock
    holders pause so that, without locks, the others would read the same stock."""
    original = stock_service._locked_rows

    def slow_locked_rows(variant_ids):
        rows = original(variant_ids)
        time.sleep(pause)
        return rows

    monkeypatch.setattr(stock_service, "_locked_rows", slow_locked_rows)
    start = threading.Barrier(len(targets))
    results: list[object] = [None] * len(targets)

    def run(index: int, target) -> None:
        try:
            start.wait()
            target()
            results[index] = "ok"
        except Exception as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
def test_two_buyers_cannot_take_the_last_replica(monkeypatch):
    builders.product(variants=[builders.variant("REPLICA")], stock=1)
    last = line("REPLICA", 1)

    results = _race([lambda: stock_service.allocate([last])] * 2, monkeypatch)

    assert results.count("ok") == 1
    [refused] = [result for result in results if result != "ok"]
    assert isinstance(refused, PayloadError), refused
    assert refused.code is CheckoutErrorCode.INSUFFICIENT_STOCK
    assert stock_of("REPLICA") == (1, 1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
def test_orders_sharing_variants_queue_instead_of_deadlocking(monkeypatch):
    builders.product(variants=[builders.variant("POSTER"), builders.variant("MUG")], stock=5)
    poster, mug = line("POSTER", 1), line("MUG", 1)

    results = _race(
        [
            lambda: stock_service.allocate([poster, mug]),
            lambda: stock_service.allocate([mug, poster]),
        ],
        monkeypatch,
    )

    assert results == ["ok", "ok"]
    assert stock_of("POSTER") == (5, 2) and stock_of("MUG") == (5, 2)


def test_a_restored_variant_keeps_its_own_stock_row_and_gets_no_second_one():
    """Fixtures and test-database restores save rows raw, variant before stock: the
    stock row they bring must not collide with one made for the variant on save."""
    from django.core import serializers

    page = builders.product(stock=7)
    variant = page.variants.get()
    dump = serializers.serialize("json", [variant, Stock.objects.get(variant=variant)])
    Stock.objects.filter(variant=variant).delete()
    variant.delete()

    for restored in serializers.deserialize("json", dump):
        restored.save()

    assert Stock.objects.get(variant__sku=variant.sku).quantity == 7


def test_a_sale_that_leaves_more_than_visitors_see_keeps_cached_answers(
    django_capture_on_commit_callbacks,
):
    """Visitors are shown at most SHOWN_QUANTITY_CAP units: selling one of 30 changes no
    answer (every checkoutComplete of a well-stocked product would otherwise empty the
    GraphQL cache); selling into the last ten does."""
    from museum_site.graphql.response_cache import content_version

    builders.product(variants=[builders.variant("MANY", "5.00")], stock=30)
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        stock_service.allocate([line("MANY", 20)])  # 10 left: still shown as 10
    assert content_version() == before
    with django_capture_on_commit_callbacks(execute=True):
        stock_service.allocate([line("MANY", 1)])  # 9 left: shown as 9
    assert content_version() > before
    assert Stock.objects.get(variant__sku="MANY").allocated == 21


def test_the_stock_read_with_the_lines_refuses_as_allocate_would():
    """`shortage` is the refusal `allocate` would raise, from the stock read with the
    checkout's lines: lines of one variant add up, digital variants need no stock, the
    SKUs come sorted, and nothing is written."""
    builders.product(variants=[builders.variant("SHORT-B"), builders.variant("SHORT-A")], stock=2)
    builders.product(variants=[builders.digital("SHORT-E-BOOK")])
    checkout = builders.ready_checkout(("SHORT-B", 1), ("SHORT-A", 2), ("SHORT-E-BOOK", 5))
    lines = list(checkout.lines.select_related("variant__stock"))
    assert stock_service.shortage(lines) is None
    Stock.objects.filter(variant__sku="SHORT-A").update(allocated=1)  # sold meanwhile
    Stock.objects.filter(variant__sku="SHORT-B").update(quantity=0)
    lines = list(checkout.lines.select_related("variant__stock"))
    refusal = stock_service.shortage(lines)
    assert refusal is not None
    assert refusal.code == CheckoutErrorCode.INSUFFICIENT_STOCK
    assert refusal.message == "Not enough stock for: SHORT-A, SHORT-B."
    with pytest.raises(PayloadError) as allocated:
        stock_service.allocate(lines)
    assert allocated.value.message == refusal.message
    assert list(Stock.objects.order_by("variant__sku").values_list("allocated", flat=True)) == [
        1,
        0,
    ]
