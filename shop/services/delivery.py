"""Which delivery methods fit a checkout: its goods, its address's zone, its weight."""

from __future__ import annotations

from collections.abc import Iterable

from shop.countries import EU_MEMBER_STATES
from shop.models import CheckoutLine, ShippingMethod, ShippingZone
from shop.services.errors import CheckoutErrorCode, PayloadError

FIELD = "deliveryMethodId"


def zone_of(country: str) -> ShippingZone:
    if country == "BE":
        return ShippingZone.BELGIUM
    if country in EU_MEMBER_STATES:
        return ShippingZone.EU
    return ShippingZone.WORLD


def is_shipping_required(lines: Iterable[CheckoutLine]) -> bool:
    return any(not line.variant.is_digital for line in lines)


def parcel_weight(lines: Iterable[CheckoutLine]) -> int:
    return sum(
        line.variant.weight_grams * line.quantity for line in lines if not line.variant.is_digital
    )


def problem(
    method: ShippingMethod, lines: list[CheckoutLine], country: str | None
) -> PayloadError | None:
    """Why `method` cannot deliver these lines to `country` (None: no address yet)."""
    if not method.active:
        return PayloadError(
            CheckoutErrorCode.NOT_FOUND, "This delivery method is not offered.", FIELD
        )
    if not is_shipping_required(lines):
        return PayloadError(
            CheckoutErrorCode.SHIPPING_NOT_REQUIRED, "Nothing in this checkout is shipped.", FIELD
        )
    if method.is_pickup:
        return None
    if not country:
        return PayloadError(
            CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET,
            "Enter a shipping address before choosing how it is posted.",
            FIELD,
        )
    if method.zone != zone_of(country):
        return PayloadError(
            CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE,
            f"{method.name()} does not deliver to {country}.",
            FIELD,
        )
    if method.max_weight_grams is not None and parcel_weight(lines) > method.max_weight_grams:
        return PayloadError(
            CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE,
            f"{method.name()} takes parcels up to {method.max_weight_grams} g.",
            FIELD,
        )
    return None


def available_methods(
    lines: list[CheckoutLine], country: str | None, museum_id: int | None = None
) -> list[ShippingMethod]:
    """Methods the buyer can choose now: the museum's pick-up, and its posting to the
    address's zone."""
    if not is_shipping_required(lines):
        return []
    methods = ShippingMethod.objects.filter(active=True)
    if museum_id is not None:
        methods = methods.filter(museum_id=museum_id)
    return [method for method in methods if problem(method, lines, country) is None]
