"""Checkout totals and the VAT in them, from plain numbers (no database).

The order of the sums matters for cents, so it is fixed here once:

1. Goods are summed gross per VAT rate.
2. A voucher's discount comes off the goods and is split over the rates in proportion
   to the goods at each rate (a discount lowers the taxable amount of what it discounts).
3. Delivery is free above the method's threshold (goods after discount); otherwise its
   price is split over the rates of the shipped goods, because VAT on delivery follows
   the goods delivered.
4. Per rate: net = gross / (1 + rate), rounded half up to the cent; VAT = gross - net.
   The breakdown per rate is what an invoice shows and what the totals add up from;
   the net of a single line is for display and may differ from its share by a cent.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from shop.money import Money, TaxedMoney, split_proportionally, to_cents


@dataclass(frozen=True)
class PricedLine:
    key: Hashable
    quantity: int
    unit_gross: Decimal
    vat_rate: int
    shipped: bool


@dataclass(frozen=True)
class DeliveryPrice:
    price: Decimal
    free_above: Decimal | None = None


@dataclass(frozen=True)
class DiscountTerms:
    percentage: Decimal | None = None
    fixed_amount: Decimal | None = None

    def amount_off(self, goods_gross: Decimal) -> Decimal:
        if self.percentage is not None:
            off = to_cents(goods_gross * self.percentage / 100)
        else:
            off = self.fixed_amount or Decimal(0)
        return min(off, goods_gross)


@dataclass(frozen=True)
class LinePrice:
    unit: TaxedMoney
    total: TaxedMoney


@dataclass(frozen=True)
class VatLine:
    rate: Decimal
    gross: Money
    net: Money
    vat: Money


@dataclass(frozen=True)
class Totals:
    lines: dict[Hashable, LinePrice]
    subtotal: TaxedMoney
    discount: Money
    shipping: TaxedMoney
    vat_breakdown: list[VatLine]
    total: TaxedMoney

    def order_amounts(self) -> dict[str, object]:
        """The amounts an order keeps of these totals (`Order`'s fields), in one place for
        the checkout and the demo's ready-made orders."""
        return {
            "subtotal": self.subtotal.gross.amount,
            "discount": self.discount.amount,
            "shipping": self.shipping.gross.amount,
            "total_gross": self.total.gross.amount,
            "total_net": self.total.net.amount,
            "vat_breakdown": self.vat_breakdown_record(),
        }

    def vat_breakdown_record(self) -> list[dict[str, str]]:
        """The breakdown as an order keeps it (`Order.vat_breakdown`, JSON)."""
        return [
            {
                "rate": str(line.rate),
                "gross": str(line.gross.amount),
                "net": str(line.net.amount),
                "vat": str(line.vat.amount),
            }
            for line in self.vat_breakdown
        ]


def _sum_by_rate(amounts: list[tuple[int, Decimal]]) -> dict[int, Decimal]:
    by_rate: dict[int, Decimal] = {}
    for rate, amount in amounts:
        by_rate[rate] = by_rate.get(rate, Decimal(0)) + amount
    return by_rate


def _taxed(by_rate: dict[int, Decimal], currency: str) -> TaxedMoney:
    """A sum over rates, taxed per rate; `rate` is set when there is only one."""
    parts = [TaxedMoney.from_gross(Money(gross, currency), rate) for rate, gross in by_rate.items()]
    if not parts:
        return TaxedMoney.zero(currency)
    return TaxedMoney(
        gross=Money.total((part.gross for part in parts), currency),
        net=Money.total((part.net for part in parts), currency),
        vat=Money.total((part.vat for part in parts), currency),
        rate=parts[0].rate if len(parts) == 1 else None,
    )


def checkout_totals(
    lines: Sequence[PricedLine],
    delivery: DeliveryPrice | None = None,
    discount: DiscountTerms | None = None,
    currency: str = "EUR",
) -> Totals:
    line_prices = {
        line.key: LinePrice(
            unit=TaxedMoney.from_gross(Money(line.unit_gross, currency), line.vat_rate),
            total=TaxedMoney.from_gross(
                Money(line.unit_gross * line.quantity, currency), line.vat_rate
            ),
        )
        for line in lines
    }
    goods = _sum_by_rate([(line.vat_rate, line.unit_gross * line.quantity) for line in lines])
    goods_gross = sum(goods.values(), Decimal(0))

    discount_gross = discount.amount_off(goods_gross) if discount else Decimal(0)
    discount_shares = split_proportionally(discount_gross, goods)
    discounted = {rate: goods[rate] - discount_shares[rate] for rate in goods}
    discounted_gross = goods_gross - discount_gross

    delivery_gross = Decimal(0)
    if delivery is not None and not (
        delivery.free_above is not None and discounted_gross >= delivery.free_above
    ):
        delivery_gross = delivery.price
    shipped = _sum_by_rate(
        [(line.vat_rate, line.unit_gross * line.quantity) for line in lines if line.shipped]
    )
    # Shipped goods at each rate after their share of the discount. A discount that took
    # everything leaves no weights: then the list prices decide.
    weights = {
        rate: amount * discounted[rate] / goods[rate]
        for rate, amount in shipped.items()
        if goods[rate]
    }
    if not any(weights.values()):
        weights = shipped or goods
    if not weights:
        delivery_gross = Decimal(0)
    delivery_shares = split_proportionally(delivery_gross, weights)

    per_rate = {
        rate: discounted.get(rate, Decimal(0)) + delivery_shares.get(rate, Decimal(0))
        for rate in sorted({*goods, *delivery_shares}, reverse=True)
    }
    breakdown = []
    for rate, gross in per_rate.items():
        taxed = TaxedMoney.from_gross(Money(gross, currency), rate)
        breakdown.append(VatLine(rate=taxed.rate, gross=taxed.gross, net=taxed.net, vat=taxed.vat))

    return Totals(
        lines=line_prices,
        subtotal=_taxed(goods, currency),
        discount=Money(discount_gross, currency),
        shipping=_taxed(delivery_shares, currency) if delivery_gross else TaxedMoney.zero(currency),
        vat_breakdown=breakdown,
        total=TaxedMoney(
            gross=Money.total((line.gross for line in breakdown), currency),
            net=Money.total((line.net for line in breakdown), currency),
            vat=Money.total((line.vat for line in breakdown), currency),
            rate=breakdown[0].rate if len(breakdown) == 1 else None,
        ),
    )
