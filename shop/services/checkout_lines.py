"""Changing what is in a checkout: every requested line is checked before any is written.

A line may hold a variant whose product page is public (published, not expired, not
view-restricted), at most MAX_LINE_QUANTITY units, and no more than the unallocated
stock (digital variants have no stock limit). The check is a promise to the visitor,
not a reservation: `allocate()` decides when the order is placed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from museum_site.museums.scoping import in_museum_pages
from shop.models import Checkout, CheckoutLine, ProductVariant
from shop.services import delivery, vouchers
from shop.services.errors import CheckoutErrorCode, PayloadError, raise_all
from shop.services.stock import SHOWN_QUANTITY_CAP

MAX_LINE_QUANTITY = 50


@dataclass(frozen=True)
class LineRequest:
    sku: str
    quantity: int


def current_lines(checkout: Checkout) -> list[CheckoutLine]:
    return list(checkout.lines.select_related("variant"))


def goods_gross(lines: Sequence[CheckoutLine]) -> Decimal:
    return sum((line.variant.gross_price * line.quantity for line in lines), Decimal(0))


def _parse(requests: Sequence[LineRequest], *, replace: bool) -> dict[str, int]:
    """SKU -> quantity. Adding sums repeated SKUs; setting a SKU twice is ambiguous."""
    wanted: dict[str, int] = {}
    errors = []
    for request in requests:
        sku = request.sku.strip()
        if not sku:
            errors.append(PayloadError(CheckoutErrorCode.REQUIRED, "Give a SKU.", "sku"))
        elif request.quantity < 0 or (request.quantity == 0 and not replace):
            errors.append(
                PayloadError(
                    CheckoutErrorCode.ZERO_QUANTITY,
                    f"{sku}: the quantity must be at least 1"
                    + (" (0 removes the line)." if replace else "."),
                    "quantity",
                )
            )
        elif replace and sku in wanted:
            errors.append(PayloadError(CheckoutErrorCode.INVALID, f"{sku} is given twice.", "sku"))
        else:
            wanted[sku] = wanted.get(sku, 0) + request.quantity
    raise_all(errors)
    return wanted


def _check(variant: ProductVariant | None, sku: str, quantity: int) -> PayloadError | None:
    if variant is None:
        return PayloadError(CheckoutErrorCode.NOT_FOUND, f"No product has the SKU {sku}.", "sku")
    if not variant.product_is_public:
        return PayloadError(
            CheckoutErrorCode.PRODUCT_NOT_PUBLISHED, f"{sku} is not on sale.", "sku"
        )
    if quantity > MAX_LINE_QUANTITY:
        return PayloadError(
            CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT,
            f"{sku}: at most {MAX_LINE_QUANTITY} per order.",
            "quantity",
        )
    if not variant.is_digital and quantity > variant.stock_available:
        return PayloadError(
            CheckoutErrorCode.INSUFFICIENT_STOCK,
            _shortage(sku, variant.stock_available),
            "quantity",
        )
    return None


def _shortage(sku: str, available: int) -> str:
    """Why the quantity cannot be had, true without telling more than the shop shows: the
    exact count up to SHOWN_QUANTITY_CAP, beyond it only that there are fewer."""
    if available <= 0:
        return f"{sku} is out of stock."
    if available <= SHOWN_QUANTITY_CAP:
        return f"{sku}: only {available} available."
    return f"{sku}: fewer units are available than asked for."


def change_lines(checkout: Checkout, requests: Sequence[LineRequest], *, replace: bool) -> None:
    """Add quantities (replace=False) or set them (replace=True; 0 removes the line).

    Call inside the transaction that locked `checkout`.
    """
    wanted = _parse(requests, replace=replace)
    existing = {line.variant.sku: line for line in current_lines(checkout)}
    variants = (
        ProductVariant.objects.with_sale_state()
        .filter(sku__in=wanted)
        # Only the checkout's museum's products: another museum's SKU is unknown here.
        .filter(in_museum_pages(checkout.museum, prefix="product__"))
        .in_bulk(field_name="sku")
    )
    final = {
        sku: quantity if replace else quantity + getattr(existing.get(sku), "quantity", 0)
        for sku, quantity in wanted.items()
    }
    raise_all(
        [
            error
            for sku, quantity in final.items()
            if (quantity or sku not in existing)
            and (error := _check(variants.get(sku), sku, quantity)) is not None
        ]
    )
    for sku, quantity in final.items():
        line = existing.get(sku)
        if quantity == 0:
            if line is not None:
                line.delete()
        elif line is not None:
            line.quantity = quantity
            line.save(update_fields=["quantity"])
        else:
            CheckoutLine.objects.create(checkout=checkout, variant=variants[sku], quantity=quantity)
    forget_what_no_longer_fits(checkout)


def delete_lines(checkout: Checkout, line_ids: Sequence[str]) -> None:
    lines = {str(line.pk): line for line in current_lines(checkout)}
    unknown = [line_id for line_id in line_ids if line_id not in lines]
    raise_all(
        [
            PayloadError(
                CheckoutErrorCode.NOT_FOUND, f"This checkout has no line {line_id}.", "lineIds"
            )
            for line_id in unknown
        ]
    )
    CheckoutLine.objects.filter(pk__in=[lines[line_id].pk for line_id in set(line_ids)]).delete()
    forget_what_no_longer_fits(checkout)


def forget_what_no_longer_fits(checkout: Checkout) -> None:
    """After the goods changed: drop a delivery method or voucher that no longer applies
    (nothing to ship, parcel too heavy, minimum spend not reached), as Saleor does."""
    lines = current_lines(checkout)
    changed = []
    if checkout.delivery_method_id is not None:
        country = checkout.shipping_address.country if checkout.shipping_address_id else None
        if delivery.problem(checkout.delivery_method, lines, country) is not None:
            checkout.delivery_method = None
            changed.append("delivery_method")
    if checkout.voucher_id is not None and vouchers.problem(checkout.voucher, goods_gross(lines)):
        checkout.voucher = None
        changed.append("voucher")
    checkout.save(update_fields=[*changed, "updated_at"])
