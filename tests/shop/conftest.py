"""Calling the checkout API over /graphql/ the way a frontend does."""

from __future__ import annotations

import pytest

CHECKOUT_FIELDS = """
  token email locale quantity isShippingRequired voucherCode
  lines { id sku quantity productTitle unitPrice { gross { amount } } }
  shippingAddress { firstName postalCode city country { code } }
  billingAddress { lastName country { code } }
  deliveryMethod { id name kind }
  availableDeliveryMethods { id kind }
  subtotal { gross { amount } }
  discount { amount }
  shippingPrice { gross { amount } }
  total { gross { amount currency } net { amount } vat { amount } }
"""
PAYLOAD = f"errors {{ field code message }} checkout {{ {CHECKOUT_FIELDS} }}"
TOKEN = "$token: UUID!"
LINES = "$lines: [CheckoutLineInput!]!"

MUTATIONS = {
    "checkoutCreate": ("$input: CheckoutCreateInput!", "input: $input"),
    "checkoutLinesAdd": (f"{TOKEN}, {LINES}", "token: $token, lines: $lines"),
    "checkoutLinesUpdate": (f"{TOKEN}, {LINES}", "token: $token, lines: $lines"),
    "checkoutLinesDelete": (f"{TOKEN}, $lineIds: [ID!]!", "token: $token, lineIds: $lineIds"),
    "checkoutEmailUpdate": (f"{TOKEN}, $email: String!", "token: $token, email: $email"),
    "checkoutShippingAddressUpdate": (
        f"{TOKEN}, $address: AddressInput!",
        "token: $token, shippingAddress: $address",
    ),
    "checkoutBillingAddressUpdate": (
        f"{TOKEN}, $address: AddressInput!",
        "token: $token, billingAddress: $address",
    ),
    "checkoutDeliveryMethodUpdate": (
        f"{TOKEN}, $method: ID!",
        "token: $token, deliveryMethodId: $method",
    ),
    "checkoutAddPromoCode": (f"{TOKEN}, $code: String!", "token: $token, promoCode: $code"),
    "checkoutRemovePromoCode": (TOKEN, "token: $token"),
}


@pytest.fixture
def shop_api(graphql):
    """shop_api("checkoutLinesAdd", token=..., lines=[...]) -> the payload
    {errors, checkout}; a GraphQL-level error (a crash, a schema mismatch) fails the test."""

    def call(name: str, **variables) -> dict:
        declared, arguments = MUTATIONS[name]
        result = graphql(
            f"mutation({declared}) {{ {name}({arguments}) {{ {PAYLOAD} }} }}", variables
        )
        assert "errors" not in result, result["errors"]
        return result["data"][name]

    return call


@pytest.fixture
def new_checkout(shop_api):
    """A checkout with these lines ([(sku, quantity)]); returns its token."""

    def create(*lines: tuple[str, int], **fields) -> str:
        payload = shop_api(
            "checkoutCreate",
            input={
                "lines": [{"sku": sku, "quantity": quantity} for sku, quantity in lines],
                **fields,
            },
        )
        assert payload["errors"] == [], payload["errors"]
        return payload["checkout"]["token"]

    return create
