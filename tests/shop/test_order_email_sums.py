"""The confirmation e-mail adds up in every combination of voucher, delivery and VAT.

Each case is a real checkout priced by the shop's own services and placed through the
one completion path (`orders._place`), with the PaymentIntent Stripe would answer for
exactly that amount standing in for Stripe: what is tested is the e-mail's arithmetic,
not the payment (tests/shop/test_payments.py covers that against localstripe).
"""

from __future__ import annotations

import re
import uuid
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import transaction

from shop.models import Checkout, Order, Payment, ShippingZone
from shop.services import checkout as checkout_service
from shop.services import order_emails
from shop.services import orders as order_service
from shop.services.checkout_totals import totals
from tests.shop import builders

pytestmark = pytest.mark.django_db

ADDRESSES = {
    "BE": ("Meir 1", "2000", "Antwerpen"),
    "NL": ("Damrak 1", "1012 LG", "Amsterdam"),
    "US": ("1 Main Street", "10001", "New York"),
}
DELIVERIES = {
    "pickup": ("BE", None),
    "belgium": ("BE", ShippingZone.BELGIUM),
    "eu": ("NL", ShippingZone.EU),
    "world": ("US", ShippingZone.WORLD),
    "free_above_threshold": ("BE", ShippingZone.BELGIUM),
}
VOUCHERS = {"none": None, "percentage": ("percentage", "15"), "fixed": ("fixed", "4.35")}
VATS = {"6": [("BOOK", 2)], "21": [("POSTER", 3)], "mixed": [("BOOK", 1), ("POSTER", 2)]}
AMOUNT = re.compile(r"(-?)€ (\d+\.\d\d)")


@pytest.fixture
def shop():
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.15")], stock=50)
    builders.product(
        title="Catalogus", variants=[builders.variant("BOOK", "31.85")], stock=50, vat_rate=6
    )


def _order(delivery: str, voucher: str, vat: str) -> Order:
    country, zone = DELIVERIES[delivery]
    if zone is None:
        method = builders.pickup()
    else:
        free = Decimal("20.00") if delivery == "free_above_threshold" else None
        method = builders.shipping(zone=zone, price="7.45", free_above=free)
    code = None
    if VOUCHERS[voucher]:
        kind, value = VOUCHERS[voucher]
        code = builders.voucher(kind=kind, value=value).code
    checkout = builders.ready_checkout(*VATS[vat], voucher_code=code, locale="en")
    street, postal_code, city = ADDRESSES[country]
    address = {
        "first_name": "Anna",
        "last_name": "Peeters",
        "street_address_1": street,
        "postal_code": postal_code,
        "city": city,
        "country": country,
    }
    checkout_service.update_address(checkout.token, "shipping", address)
    checkout_service.update_delivery_method(checkout.token, str(method.pk))
    with transaction.atomic():
        checkout = Checkout.objects.select_related(
            "shipping_address", "billing_address", "delivery_method", "voucher"
        ).get(pk=checkout.token)
        lines = list(checkout.lines.select_related("variant__product"))
        due = totals(checkout, lines).total.gross.amount
        payment = Payment.objects.create(
            checkout_token=checkout.token,
            attempt=1,
            intent_id=f"pi_{uuid.uuid4().hex}",
            amount=due,
        )
        intent = SimpleNamespace(amount=int(due * 100), currency="eur", id=payment.intent_id)
        completion = order_service._place(checkout, lines, payment, intent, None, None)
    assert completion.problem is None, completion.problem
    return completion.order


def _amount(text: str, label: str) -> Decimal:
    found = [line for line in text.splitlines() if line.startswith(label)]
    if not found:
        return Decimal("0.00")
    sign, value = AMOUNT.search(found[0]).groups()
    return Decimal(value) * (-1 if sign else 1)


@pytest.mark.parametrize("vat", list(VATS))
@pytest.mark.parametrize("delivery", list(DELIVERIES))
@pytest.mark.parametrize("voucher", list(VOUCHERS))
def test_the_confirmation_e_mail_adds_up(shop, voucher, delivery, vat):
    order = _order(delivery, voucher, vat)
    message = order_emails.compose(order, order_emails.CONFIRMATION)
    text = message.text

    listed = [line for line in text.splitlines() if "×" in line and line[0].isdigit()]
    lines_sum = sum(Decimal(AMOUNT.search(line).group(2)) for line in listed)
    goods, discount = _amount(text, "Goods"), _amount(text, "Discount")
    shipping, total = _amount(text, "Delivery ("), _amount(text, "Total (incl. VAT)")

    assert lines_sum == goods
    assert goods + discount + shipping == total == order.total_gross
    vat_lines = [line for line in text.splitlines() if re.match(r"VAT \d+(\.\d+)?%:", line)]
    vat_sum = sum(Decimal(AMOUNT.search(line).group(2)) for line in vat_lines)
    assert vat_sum == order.total_gross - order.total_net
    assert len(vat_lines) == (2 if vat == "mixed" else 1)
    if voucher != "none":
        assert discount < 0
    if delivery == "free_above_threshold":
        assert shipping == 0
    if delivery == "pickup":
        assert "Delivery address" not in text
    else:
        assert "Delivery address: Anna Peeters" in text
    assert "Billing address: Anna Peeters" in text
    for amount in (str(order.total_gross), str(goods)):
        assert amount in message.html
