"""Whether a promo code may be used, and counting its uses under lock.

A checkout only remembers the voucher; its use is counted when the order is placed
(`redeem`), inside the completion's transaction, with the voucher row locked and the
count written with F(): two orders racing for the last use queue on the lock and the
second one is refused. A cancelled order gives its use back (`release`).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format

from shop.models import Voucher
from shop.models.vouchers import normalise_code
from shop.pricing import DiscountTerms
from shop.services.errors import CheckoutErrorCode, PayloadError

FIELD = "promoCode"


def find(code: str, museum_id: int | None = None) -> Voucher:
    """The active voucher with this code (of this museum: another museum's code is
    unknown here); unknown and switched-off codes look the same."""
    code = normalise_code(code)
    if not code:
        raise PayloadError(CheckoutErrorCode.REQUIRED, "Enter a promo code.", FIELD)
    found = Voucher.objects.filter(code=code, active=True)
    if museum_id is not None:
        found = found.filter(museum_id=museum_id)
    voucher = found.first()
    if voucher is None:
        raise PayloadError(CheckoutErrorCode.INVALID, "This promo code does not exist.", FIELD)
    return voucher


def problem(voucher: Voucher, goods_gross: Decimal, now: datetime | None = None) -> str | None:
    """Why the voucher cannot be used on these goods now, or None if it can."""
    now = now or timezone.now()
    if not voucher.active:
        return "This promo code is no longer valid."
    if voucher.valid_from > now:
        return (
            f"This promo code is valid from {date_format(timezone.localtime(voucher.valid_from))}."
        )
    if voucher.valid_until is not None and voucher.valid_until <= now:
        return f"This promo code expired on {date_format(timezone.localtime(voucher.valid_until))}."
    if voucher.usage_limit is not None and voucher.used >= voucher.usage_limit:
        return "This promo code has been used up."
    if voucher.minimum_spend is not None and goods_gross < voucher.minimum_spend:
        return f"This promo code needs a spend of at least € {voucher.minimum_spend}."
    return None


def check(voucher: Voucher, goods_gross: Decimal, now: datetime | None = None) -> None:
    reason = problem(voucher, goods_gross, now)
    if reason:
        raise PayloadError(CheckoutErrorCode.VOUCHER_NOT_APPLICABLE, reason, FIELD)


def terms(voucher: Voucher) -> DiscountTerms:
    if voucher.kind == Voucher.Kind.PERCENTAGE:
        return DiscountTerms(percentage=voucher.value)
    return DiscountTerms(fixed_amount=voucher.value)


def redeem(voucher_id: int, goods_gross: Decimal) -> None:
    """Count one use for an order being placed; refuses (VOUCHER_NOT_APPLICABLE) when
    the voucher expired or its last use went to someone else meanwhile."""
    with transaction.atomic():
        voucher = Voucher.objects.select_for_update().get(pk=voucher_id)
        check(voucher, goods_gross)
        Voucher.objects.filter(pk=voucher_id).update(used=F("used") + 1)


def release(voucher_id: int) -> None:
    """Give back the use of a cancelled order."""
    with transaction.atomic():
        voucher = Voucher.objects.select_for_update().get(pk=voucher_id)
        if voucher.used < 1:
            raise ValueError(f"Voucher {voucher.code} has no use to give back.")
        Voucher.objects.filter(pk=voucher_id).update(used=F("used") - 1)
