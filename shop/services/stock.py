"""Taking and giving back stock, safely under concurrent buyers (Saleor's warehouse rules).

Every change runs in `transaction.atomic()`, locks the stock rows it touches in
primary-key order (two orders sharing variants lock them in the same order, so they
queue instead of deadlocking) and writes with expressions (`F()`, or SQL in `_take`), so
the database computes the new value from the row it holds. The check constraints on
Stock (0 <= allocated <= quantity) are the last line of defence, not the mechanism.

Checkout lines do not reserve stock: `checkoutComplete` calls `allocate()` when the
order is placed; a cancelled or failed payment calls `deallocate()`; handing the goods
over calls `fulfil()`.

Each change sends `stock_changed`, inside the transaction, with the variants whose
being sellable it may have changed (the last units sold, units back on an empty shelf,
a count in the admin): the rows are updated with F() expressions, which send no
`post_save`, and what shows availability (the search's in-stock facet) has to hear of
it. A sale that leaves units on the shelf sends none, so that `checkoutComplete` does
not rebuild the product's search documents for every buyer (issue 12, point 8).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from django.db import connection, transaction
from django.db.models import F
from django.dispatch import Signal

from museum_site.graphql.response_cache import bump_content_version
from shop.models import CheckoutLine, ProductVariant, Stock
from shop.services.errors import CheckoutErrorCode, PayloadError

# Visitors see "in stock" and at most this many units, never the exact count.
SHOWN_QUANTITY_CAP = 10

# Sent with `variant_ids` (a list) after stock rows changed, before the commit.
stock_changed = Signal()


def _changed(
    rows: dict[int, Stock] | dict[int, int], sellable_changed: Iterable[int] | None = None
) -> None:
    """Cached answers go stale; `stock_changed` goes out for the variants whose being
    sellable may have changed (all of `rows` unless the caller says which): what listens
    (the search's in-stock facet) rebuilds documents, which a sale that leaves units on
    the shelf need not pay for in every `checkoutComplete`."""
    bump_content_version()
    variant_ids = sorted(rows if sellable_changed is None else set(sellable_changed))
    if variant_ids:
        stock_changed.send(sender=Stock, variant_ids=variant_ids)


class StockLine(Protocol):
    """Anything with a variant and a quantity: a checkout line, an order line (which
    also says whether it is digital: see `_physical_quantities`)."""

    variant_id: int
    quantity: int


def shown_quantity(available: int) -> int:
    return max(0, min(available, SHOWN_QUANTITY_CAP))


def _physical_quantities(lines: Iterable[StockLine]) -> dict[int, int]:
    """Quantity per physical variant; digital variants have no stock to count.

    A line that says whether it is digital (an order line, which copied it from its
    variant when it was sold) is taken at its word, as is a checkout line read with its
    variant; the variants of the others are asked, in one query."""
    wanted: dict[int, int] = {}
    digital: set[int] = set()
    unknown = False
    for line in lines:
        if line.quantity <= 0:
            raise ValueError(f"Quantity must be positive, got {line.quantity}.")
        wanted[line.variant_id] = wanted.get(line.variant_id, 0) + line.quantity
        is_digital = getattr(line, "is_digital", None)
        if is_digital is None and isinstance(line, CheckoutLine):
            is_digital = line.variant.is_digital if CheckoutLine.variant.is_cached(line) else None
        if is_digital is None:
            unknown = True
        elif is_digital:
            digital.add(line.variant_id)
    if unknown:
        digital = set(
            ProductVariant.objects.filter(
                pk__in=wanted, kind=ProductVariant.Kind.DIGITAL
            ).values_list("pk", flat=True)
        )
    return {variant: quantity for variant, quantity in wanted.items() if variant not in digital}


def _locked_rows(variant_ids: Iterable[int]) -> dict[int, Stock]:
    """Lock the stock rows of these variants, in primary-key order, until commit."""
    rows = (
        Stock.objects.select_for_update(of=("self",))
        .filter(variant_id__in=list(variant_ids))
        .order_by("pk")
    )
    return {row.variant_id: row for row in rows}


def _require_allocated(rows: dict[int, Stock], wanted: dict[int, int]) -> None:
    """Releasing more than was set aside is a bookkeeping error: refuse before writing."""
    for variant_id, quantity in wanted.items():
        row = rows.get(variant_id)
        if row is None or row.allocated < quantity:
            held = row.allocated if row else 0
            raise ValueError(f"Variant {variant_id}: {quantity} asked back, {held} set aside.")


def allocate(lines: Iterable[StockLine]) -> None:
    """Set aside stock for an order's lines, all or nothing.

    Raises PayloadError(INSUFFICIENT_STOCK) naming the short SKUs when any line cannot be
    served; nothing is allocated then. Inside the caller's transaction it needs no
    savepoint of its own (order completion runs it in one already): the refusal is
    raised once what was taken is given back, and the caller's transaction stays usable.
    """
    wanted = _physical_quantities(lines)
    if not wanted:
        return
    with transaction.atomic(savepoint=False):
        left = _take(wanted)
        short = [variant_id for variant_id in wanted if variant_id not in left]
        if short and left:
            _add_allocated({variant_id: -wanted[variant_id] for variant_id in left})
        elif not short and any(units < SHOWN_QUANTITY_CAP for units in left.values()):
            # Only the last units sold change what the search says (in stock or not), and
            # visitors see at most SHOWN_QUANTITY_CAP units: a sale that leaves more than
            # that changes no answer, and keeps every cached one.
            _changed(left, [v for v, units in left.items() if units <= 0])
    if short:
        raise _not_enough(ProductVariant.objects.filter(pk__in=short).values_list("sku", flat=True))


def shortage(lines: Sequence[CheckoutLine]) -> PayloadError | None:
    """The refusal `allocate` would raise, as far as the stock read with the checkout's
    `lines` (`variant__stock` loaded, no lock taken) tells already. "Enough" is only a
    hope, which `allocate` settles under the lock; "not enough" was true when read, as
    if the buyer had come a moment later. A buyer who lost a race is told so before
    anything is written or locked: a loser cost twice a sale (bench/checkout.py)."""
    variants = {line.variant_id: line.variant for line in lines}
    short = [
        variants[variant_id].sku
        for variant_id, quantity in _physical_quantities(lines).items()
        if _available(variants[variant_id]) < quantity
    ]
    return _not_enough(short) if short else None


def _available(variant: ProductVariant) -> int:
    try:
        row = variant.stock
    except Stock.DoesNotExist:
        return 0
    return row.quantity - row.allocated


def _not_enough(skus: Iterable[str]) -> PayloadError:
    return PayloadError(
        CheckoutErrorCode.INSUFFICIENT_STOCK,
        "Not enough stock for: " + ", ".join(sorted(skus)) + ".",
        "lines",
    )


def _take(wanted: dict[int, int]) -> dict[int, int]:
    """Set aside `wanted` (units per variant) on every row that has them available, in
    one statement; answers the units left to sell of the rows taken from.

    The statement locks the rows until the commit: on PostgreSQL in primary-key order
    first (a subquery FOR UPDATE), so orders sharing variants queue instead of
    deadlocking; SQLite has one writer at a time. One round trip instead of a locked
    read and an UPDATE: every buyer of these goods waits for the lock, and each
    statement under it costs the holder a wait for its server thread's turn
    (bench/checkout.py)."""
    q = connection.ops.quote_name
    table = q(Stock._meta.db_table)
    variant, allocated, quantity = q("variant_id"), q("allocated"), q("quantity")
    units, params = _units_by_variant(wanted)
    some = ", ".join(["%s"] * len(wanted))
    if connection.features.has_select_for_update:
        rows = (
            f"{q('id')} IN (SELECT {q('id')} FROM {table} WHERE {variant} IN ({some}) "
            f"ORDER BY {q('id')} FOR UPDATE)"
        )
    else:
        rows = f"{variant} IN ({some})"
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {allocated} = {allocated} + {units} "
            f"WHERE {rows} AND {quantity} - {allocated} >= {units} "
            f"RETURNING {variant}, {quantity} - {allocated}",
            [*params, *wanted, *params],
        )
        return dict(cursor.fetchall())


def _add_allocated(change: dict[int, int]) -> None:
    """Add `change` (units per variant, negative to give back) to rows this transaction
    holds locked already."""
    q = connection.ops.quote_name
    units, params = _units_by_variant(change)
    some = ", ".join(["%s"] * len(change))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {q(Stock._meta.db_table)} SET {q('allocated')} = {q('allocated')} + "
            f"{units} WHERE {q('variant_id')} IN ({some})",
            [*params, *change],
        )


def _units_by_variant(units: dict[int, int]) -> tuple[str, list[int]]:
    """A SQL CASE giving each variant's units, and its parameters."""
    whens = " ".join(["WHEN %s THEN %s"] * len(units))
    return f"(CASE {connection.ops.quote_name('variant_id')} {whens} END)", [
        value for pair in units.items() for value in pair
    ]


def deallocate(lines: Iterable[StockLine]) -> None:
    """Give back stock set aside for lines that will not be sold (a cancelled order).

    Giving back more than was set aside raises ValueError before anything changes.
    """
    with transaction.atomic():
        wanted = _physical_quantities(lines)
        rows = _locked_rows(wanted)
        _require_allocated(rows, wanted)
        for row in rows.values():
            Stock.objects.filter(pk=row.pk).update(
                allocated=F("allocated") - wanted[row.variant_id]
            )
        _changed(rows, [v for v, row in rows.items() if row.available <= 0])


def fulfil(lines: Iterable[StockLine]) -> None:
    """The goods of allocated lines left the museum: they are neither set aside nor on
    the shelf any more."""
    with transaction.atomic():
        wanted = _physical_quantities(lines)
        rows = _locked_rows(wanted)
        _require_allocated(rows, wanted)
        for row in rows.values():
            Stock.objects.filter(pk=row.pk).update(
                quantity=F("quantity") - wanted[row.variant_id],
                allocated=F("allocated") - wanted[row.variant_id],
            )
        _changed(rows, [])  # what is left to sell is the same


def count_shelf(
    row: Stock, *, quantity: int | None = None, low_stock_threshold: int | object | None = ...
) -> bool:
    """An editor counted the shelf (the product form): write the count and/or the alert
    level, and only those columns, under the row's lock.

    A count below what paid orders set aside meanwhile is refused (False, nothing
    written): the check constraint would refuse it too, and the editor's number was
    made before those sales.
    """
    with transaction.atomic():
        locked = _locked_rows([row.variant_id]).get(row.variant_id)
        if locked is None:
            return False
        updates: dict[str, object] = {}
        if quantity is not None:
            if quantity < locked.allocated:
                return False
            updates["quantity"] = quantity
        if low_stock_threshold is not ...:
            updates["low_stock_threshold"] = low_stock_threshold
        if updates:
            Stock.objects.filter(pk=locked.pk).update(**updates)
            _changed({locked.variant_id: locked})
        return True


def restock(lines: Iterable[StockLine]) -> None:
    """Goods that came back (a return) are on the shelf again, for sale."""
    with transaction.atomic():
        wanted = _physical_quantities(lines)
        rows = _locked_rows(wanted)
        for row in rows.values():
            Stock.objects.filter(pk=row.pk).update(quantity=F("quantity") + wanted[row.variant_id])
        _changed(rows, [v for v, row in rows.items() if row.available <= 0])
