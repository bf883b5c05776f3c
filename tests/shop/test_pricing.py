"""Money math: gross prices, VAT from gross, discounts and delivery split over rates."""

from decimal import Decimal

import pytest

from shop.money import Money, TaxedMoney, split_proportionally
from shop.pricing import DeliveryPrice, DiscountTerms, PricedLine, checkout_totals

BOOK = PricedLine(key="book", quantity=1, unit_gross=Decimal("25.00"), vat_rate=6, shipped=True)
POSTER = PricedLine(
    key="poster", quantity=1, unit_gross=Decimal("12.10"), vat_rate=21, shipped=True
)
EBOOK = PricedLine(key="ebook", quantity=1, unit_gross=Decimal("9.99"), vat_rate=6, shipped=False)


def amounts(taxed: TaxedMoney) -> tuple[str, str, str]:
    return str(taxed.gross.amount), str(taxed.net.amount), str(taxed.vat.amount)


def test_money_rounds_half_up_to_cents_in_decimal_not_float():
    assert Money(Decimal("2.675")).amount == Decimal("2.68")  # a float would give 2.67
    assert Money(Decimal("0.005")).amount == Decimal("0.01")
    assert Money(Decimal("0.004")).amount == Decimal("0.00")


def test_money_refuses_to_mix_currencies():
    with pytest.raises(ValueError):
        Money(Decimal(1), "EUR") + Money(Decimal(1), "USD")


@pytest.mark.parametrize(
    ("gross", "rate", "net", "vat"),
    [
        ("12.10", 21, "10.00", "2.10"),
        ("1.00", 21, "0.83", "0.17"),
        ("10.60", 6, "10.00", "0.60"),
        ("24.95", 6, "23.54", "1.41"),
        ("0.00", 21, "0.00", "0.00"),
    ],
)
def test_net_is_gross_divided_by_one_plus_rate(gross, rate, net, vat):
    taxed = TaxedMoney.from_gross(Money(Decimal(gross)), rate)
    assert amounts(taxed) == (gross, net, vat)
    assert taxed.rate == rate


def test_gross_is_always_net_plus_vat_to_the_cent():
    for cents in range(0, 5000, 7):
        for rate in (6, 21):
            taxed = TaxedMoney.from_gross(Money(Decimal(cents) / 100), rate)
            assert taxed.net.amount + taxed.vat.amount == taxed.gross.amount


@pytest.mark.parametrize(
    ("amount", "weights"),
    [
        ("0.10", {"a": "1", "b": "1", "c": "1"}),
        ("3.71", {21: "12.10", 6: "25.00"}),
        ("100.00", {"x": "0.01", "y": "999.99"}),
        ("0.01", {"a": "5", "b": "5"}),
    ],
)
def test_proportional_split_adds_up_to_the_cent(amount, weights):
    shares = split_proportionally(
        Decimal(amount), {key: Decimal(value) for key, value in weights.items()}
    )
    assert sum(shares.values()) == Decimal(amount)
    assert all(share == share.quantize(Decimal("0.01")) for share in shares.values())


def test_mixed_basket_is_taxed_per_rate_with_a_breakdown():
    totals = checkout_totals([BOOK, POSTER])

    assert amounts(totals.subtotal) == ("37.10", "33.58", "3.52")
    assert totals.subtotal.rate is None  # mixed rates: see the breakdown
    assert [
        (line.rate, str(line.gross.amount), str(line.net.amount), str(line.vat.amount))
        for line in totals.vat_breakdown
    ] == [
        (21, "12.10", "10.00", "2.10"),
        (6, "25.00", "23.58", "1.42"),
    ]
    assert amounts(totals.total) == ("37.10", "33.58", "3.52")


def test_line_prices_multiply_the_unit_gross_before_taxing():
    three = PricedLine(
        key="card", quantity=3, unit_gross=Decimal("1.00"), vat_rate=21, shipped=True
    )
    line = checkout_totals([three]).lines["card"]
    assert amounts(line.unit) == ("1.00", "0.83", "0.17")
    assert amounts(line.total) == ("3.00", "2.48", "0.52")  # not 3 x 0.83


def test_percentage_discount_lowers_each_rate_in_proportion():
    totals = checkout_totals([BOOK, POSTER], discount=DiscountTerms(percentage=Decimal(10)))

    assert totals.discount.amount == Decimal("3.71")
    breakdown = {line.rate: line for line in totals.vat_breakdown}
    assert breakdown[21].gross.amount == Decimal("10.89")  # 12.10 - 1.21
    assert breakdown[6].gross.amount == Decimal("22.50")  # 25.00 - 2.50
    assert totals.total.gross.amount == Decimal("33.39")
    assert totals.total.net.amount + totals.total.vat.amount == totals.total.gross.amount


def test_fixed_discount_never_exceeds_the_goods():
    totals = checkout_totals([POSTER], discount=DiscountTerms(fixed_amount=Decimal("50.00")))
    assert totals.discount.amount == Decimal("12.10")
    assert totals.total.gross.amount == Decimal("0.00")


def test_delivery_vat_follows_the_shipped_goods_only():
    totals = checkout_totals([POSTER, EBOOK], delivery=DeliveryPrice(Decimal("6.05")))

    assert amounts(totals.shipping) == ("6.05", "5.00", "1.05")
    assert totals.shipping.rate == 21  # the e-book at 6% is not shipped
    breakdown = {line.rate: line for line in totals.vat_breakdown}
    assert breakdown[21].gross.amount == Decimal("18.15")
    assert breakdown[6].gross.amount == Decimal("9.99")
    assert totals.total.gross.amount == Decimal("28.14")


def test_delivery_over_mixed_goods_is_split_by_their_value():
    totals = checkout_totals([BOOK, POSTER], delivery=DeliveryPrice(Decimal("7.42")))

    breakdown = {line.rate: line for line in totals.vat_breakdown}
    assert breakdown[21].gross.amount == Decimal("14.52")  # 12.10 + 2.42
    assert breakdown[6].gross.amount == Decimal("30.00")  # 25.00 + 5.00
    assert totals.shipping.gross.amount == Decimal("7.42")
    assert totals.shipping.rate is None


def test_delivery_is_free_from_the_threshold_after_discount():
    free_from_35 = DeliveryPrice(Decimal("6.50"), free_above=Decimal("35.00"))

    assert checkout_totals([BOOK, POSTER], delivery=free_from_35).shipping.gross.amount == 0
    discounted = checkout_totals(
        [BOOK, POSTER], delivery=free_from_35, discount=DiscountTerms(fixed_amount=Decimal("5"))
    )
    assert discounted.shipping.gross.amount == Decimal("6.50")  # 32.10 of goods left
    assert discounted.total.gross.amount == Decimal("38.60")


def test_an_empty_checkout_costs_nothing_even_with_a_delivery_method():
    totals = checkout_totals([], delivery=DeliveryPrice(Decimal("6.50")))
    assert totals.total.gross.amount == 0 and totals.vat_breakdown == []
