"""Money as the shop counts it: Decimal amounts in a currency, rounded half up to cents.

Prices are entered and stored gross (what the visitor pays, VAT included), as a museum
shop labels its shelves. Net and VAT are derived: net = gross / (1 + rate), rounded to
the cent, and VAT = gross - net, so gross = net + VAT holds to the cent every time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import TypeVar

CENT = Decimal("0.01")
K = TypeVar("K")


def to_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str = "EUR"

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", to_cents(Decimal(self.amount)))

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"Cannot mix {self.currency} and {other.currency}.")

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: int) -> Money:
        return Money(self.amount * factor, self.currency)

    @classmethod
    def zero(cls, currency: str = "EUR") -> Money:
        return cls(Decimal(0), currency)

    @classmethod
    def total(cls, amounts: Iterable[Money], currency: str = "EUR") -> Money:
        result = cls.zero(currency)
        for amount in amounts:
            result += amount
        return result


@dataclass(frozen=True)
class TaxedMoney:
    """A gross amount with its net and VAT parts; `rate` is None when the amount mixes
    rates (a total), in which case the VAT breakdown says what is in it."""

    gross: Money
    net: Money
    vat: Money
    rate: Decimal | None

    @classmethod
    def from_gross(cls, gross: Money, rate_percent: Decimal | int) -> TaxedMoney:
        rate = Decimal(rate_percent)
        net = Money(gross.amount / (1 + rate / 100), gross.currency)
        return cls(gross=gross, net=net, vat=gross - net, rate=rate)

    @classmethod
    def zero(cls, currency: str = "EUR", rate: Decimal | None = None) -> TaxedMoney:
        nothing = Money.zero(currency)
        return cls(gross=nothing, net=nothing, vat=nothing, rate=rate)


def split_proportionally(amount: Decimal, weights: dict[K, Decimal]) -> dict[K, Decimal]:
    """Split `amount` over the keys in proportion to their weights, in whole cents that
    add up to `amount` exactly (largest remainders get the leftover cents)."""
    total = sum(weights.values(), Decimal(0))
    if not weights or total <= 0:
        return dict.fromkeys(weights, Decimal("0.00"))
    exact = {key: amount * weight / total for key, weight in weights.items()}
    shares = {key: value.quantize(CENT, rounding=ROUND_DOWN) for key, value in exact.items()}
    leftover = int((amount - sum(shares.values(), Decimal(0))) / CENT)
    by_remainder = sorted(
        weights, key=lambda key: (exact[key] - shares[key], weights[key]), reverse=True
    )
    for key in by_remainder[:leftover]:
        shares[key] += CENT
    return shares
