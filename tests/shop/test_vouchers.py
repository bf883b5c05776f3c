"""Vouchers: validity, and the usage limit counted under lock."""

from __future__ import annotations

import datetime
import threading
import time
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from shop.graphql.errors import PayloadError
from shop.models import Voucher
from shop.services import vouchers
from shop.services.errors import CheckoutErrorCode
from tests.shop import builders

pytestmark = pytest.mark.django_db

NOW = timezone.now()
DAY = datetime.timedelta(days=1)


def test_codes_are_found_whatever_their_case():
    builders.voucher("summer-26")
    assert vouchers.find("  Summer-26 ").code == "SUMMER-26"


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"valid_from": NOW + DAY}, "valid from"),
        ({"valid_from": NOW - 2 * DAY, "valid_until": NOW - DAY}, "expired"),
        ({"usage_limit": 3, "used": 3}, "used up"),
        ({"minimum_spend": Decimal("50.00")}, "at least"),
    ],
    ids=["not-yet", "expired", "used-up", "minimum-spend"],
)
def test_a_voucher_out_of_its_terms_is_not_applicable(fields, reason):
    used = fields.pop("used", 0)
    voucher = builders.voucher(**fields)
    Voucher.objects.filter(pk=voucher.pk).update(used=used)
    voucher.refresh_from_db()
    with pytest.raises(PayloadError) as raised:
        vouchers.check(voucher, Decimal("49.99"))
    assert raised.value.code is CheckoutErrorCode.VOUCHER_NOT_APPLICABLE
    assert reason in raised.value.message


def test_redeeming_counts_a_use_and_releasing_gives_it_back():
    voucher = builders.voucher(usage_limit=2)
    vouchers.redeem(voucher.pk, Decimal("10.00"))
    vouchers.redeem(voucher.pk, Decimal("10.00"))
    with pytest.raises(PayloadError):
        vouchers.redeem(voucher.pk, Decimal("10.00"))
    vouchers.release(voucher.pk)
    voucher.refresh_from_db()
    assert voucher.used == 1


def test_the_database_refuses_more_uses_than_the_limit():
    voucher = builders.voucher(usage_limit=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Voucher.objects.filter(pk=voucher.pk).update(used=2)


def test_codes_are_unique_whatever_their_case():
    builders.voucher("MUSEUM")
    with pytest.raises(IntegrityError), transaction.atomic():
        Voucher.objects.bulk_create(
            [Voucher(code="museum", kind="fixed", value=Decimal(5), valid_from=NOW)]
        )


def test_editing_a_voucher_does_not_undo_uses_counted_meanwhile():
    voucher = builders.voucher(usage_limit=10)
    opened_in_admin = Voucher.objects.get(pk=voucher.pk)
    vouchers.redeem(voucher.pk, Decimal("10.00"))
    opened_in_admin.description = "Spring campaign"
    opened_in_admin.save()
    voucher.refresh_from_db()
    assert voucher.used == 1 and voucher.description == "Spring campaign"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
def test_two_buyers_cannot_both_use_the_last_redemption(monkeypatch):
    voucher = builders.voucher(usage_limit=1)
    original_check = vouchers.check

    def slow_check(*args, **kwargs):
        original_check(*args, **kwargs)
        time.sleep(0.3)  # without the lock, the other buyer would pass the check too

    monkeypatch.setattr(vouchers, "check", slow_check)
    start = threading.Barrier(2)
    results: list[object] = []

    def buy() -> None:
        try:
            start.wait()
            vouchers.redeem(voucher.pk, Decimal("20.00"))
            results.append("ok")
        except Exception as error:
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=buy) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert results.count("ok") == 1
    [refused] = [result for result in results if result != "ok"]
    assert isinstance(refused, PayloadError), refused
    assert refused.code is CheckoutErrorCode.VOUCHER_NOT_APPLICABLE
    voucher.refresh_from_db()
    assert voucher.used == 1
