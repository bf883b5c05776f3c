"""What an order e-mail (and, later, its invoice) says about the money, in one place.

The statement is built from the order's own copy of its amounts (the lines, the
discount, delivery and the VAT breakdown recorded when it was placed), so the lines,
the discount and delivery always sum to the total the buyer paid (D5).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from shop.models import Order


@dataclass(frozen=True)
class StatementLine:
    quantity: int
    name: str
    sku: str
    unit_gross: Decimal
    total_gross: Decimal
    vat_rate: int

    @property
    def total_net(self) -> Decimal:
        """Before any discount; the VAT totals per rate (the order's breakdown) are what
        is owed."""
        return (self.total_gross * 100 / (100 + self.vat_rate)).quantize(Decimal("0.01"))

    @property
    def total_vat(self) -> Decimal:
        return self.total_gross - self.total_net


@dataclass(frozen=True)
class VatLine:
    rate: Decimal
    net: Decimal
    vat: Decimal
    gross: Decimal


@dataclass(frozen=True)
class Statement:
    currency: str
    lines: list[StatementLine]
    goods: Decimal
    discount: Decimal
    voucher_code: str
    shipping: Decimal
    total: Decimal
    total_net: Decimal
    vat: list[VatLine]
    refunded: Decimal

    @property
    def sums_to_total(self) -> bool:
        return self.goods - self.discount + self.shipping == self.total


def statement(order: Order) -> Statement:
    lines = [
        StatementLine(
            quantity=line.quantity,
            name=f"{line.product_name} {line.variant_label}".strip(),
            sku=line.sku,
            unit_gross=line.unit_gross,
            total_gross=line.total_gross,
            vat_rate=line.vat_rate,
        )
        for line in order.lines.all()
    ]
    return Statement(
        currency=order.currency,
        lines=lines,
        goods=sum((line.total_gross for line in lines), Decimal("0.00")),
        discount=order.discount,
        voucher_code=order.voucher_code,
        shipping=order.shipping,
        total=order.total_gross,
        total_net=order.total_net,
        vat=[
            VatLine(
                rate=Decimal(entry["rate"]),
                net=Decimal(entry["net"]),
                vat=Decimal(entry["vat"]),
                gross=Decimal(entry["gross"]),
            )
            for entry in order.vat_breakdown or []
        ],
        refunded=order.refunded,
    )
