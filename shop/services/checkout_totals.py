"""What a checkout costs now: its lines, delivery and voucher priced by shop/pricing.py."""

from __future__ import annotations

from collections.abc import Sequence

from shop.models import Checkout, CheckoutLine
from shop.pricing import DeliveryPrice, PricedLine, Totals, checkout_totals
from shop.services import checkout_extensions, vouchers
from shop.services.checkout_lines import goods_gross


def totals(checkout: Checkout, lines: Sequence[CheckoutLine]) -> Totals:
    """`lines` with `variant__product` loaded, plus the lines of checkout extensions
    (tickets). A delivery method switched off or a voucher that expired since it was
    chosen no longer counts."""
    method = checkout.delivery_method
    voucher = checkout.voucher
    discount = None
    if voucher is not None and vouchers.problem(voucher, goods_gross(lines)) is None:
        discount = vouchers.terms(voucher)
    return checkout_totals(
        [
            PricedLine(
                key=line.pk,
                quantity=line.quantity,
                unit_gross=line.variant.gross_price,
                vat_rate=line.variant.product.vat_rate,
                shipped=not line.variant.is_digital,
            )
            for line in lines
        ]
        + checkout_extensions.priced_lines(checkout),
        delivery=DeliveryPrice(method.price, method.free_above)
        if method is not None and method.active
        else None,
        discount=discount,
        currency=checkout.currency,
    )
