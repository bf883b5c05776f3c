"""One address model and one validator (issue 12, point 9): an address typed at the
checkout and one saved in the address book are rows of the same model, refused by the
same rules with the same field, code and message, and stored alike."""

from __future__ import annotations

import pytest

from shop.models import Address
from tests.accounts import builders
from tests.shop import builders as shop_builders

pytestmark = pytest.mark.django_db

CREATE_CHECKOUT = """mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) { errors { field code message } checkout { token } } }"""
ADDRESS = """id firstName lastName streetAddress1 city cityArea postalCode countryArea
  country { code } phone isDefaultShippingAddress"""
CHECKOUT_SHIPPING = f"""mutation($token: UUID!, $address: AddressInput!) {{
  checkoutShippingAddressUpdate(token: $token, shippingAddress: $address) {{
    errors {{ field code message }} checkout {{ shippingAddress {{ {ADDRESS} }} }} }} }}"""
CHECKOUT_BILLING = """mutation($token: UUID!, $address: AddressInput!) {
  checkoutBillingAddressUpdate(token: $token, billingAddress: $address) {
    errors { field code message } } }"""
BOOK = f"""mutation($input: AddressInput!) {{
  accountAddressCreate(input: $input) {{ errors {{ field code message }} address {{ {ADDRESS} }} }} }}"""

GOOD = {
    "firstName": " Anna ",
    "lastName": "Bijns",
    "streetAddress1": "Leiekaai   12",
    "city": "Gent",
    "cityArea": "Sint-Amandsberg",
    "postalCode": "9000",
    "country": "be",
    "countryArea": "Oost-Vlaanderen",
    "phone": "+32 9 123 45 67",
}


@pytest.fixture
def token(graphql) -> str:
    shop_builders.product(title="Affiche", variants=[shop_builders.variant("POSTER", "12.10")])
    result = graphql(CREATE_CHECKOUT, {"input": {"lines": [{"sku": "POSTER", "quantity": 1}]}})
    return result["data"]["checkoutCreate"]["checkout"]["token"]


@pytest.mark.parametrize(
    "changes",
    [
        {"firstName": "", "lastName": " ", "streetAddress1": None, "city": ""},
        {"country": ""},
        {"country": "XX"},
        {"country": "Belgium"},
        {"postalCode": ""},
        {"postalCode": "12"},
        {"country": "NL", "postalCode": "1012"},
        {"country": "FR", "postalCode": ""},
        {"country": "HK", "postalCode": ""},
        {"phone": "call me maybe"},
        {"city": "G" * 257, "companyName": "C" * 257},
        {"countryArea": "A" * 129},
    ],
    ids=[
        "names-street-city-missing",
        "no-country",
        "unknown-country",
        "country-name",
        "be-no-postal-code",
        "be-bad-postal-code",
        "nl-bad-postal-code",
        "fr-no-postal-code",
        "hk-needs-none",
        "bad-phone",
        "too-long",
        "too-long-area",
    ],
)
def test_the_checkout_and_the_address_book_answer_the_same_errors(
    graphql, as_customer, token, changes
):
    address = {**GOOD, **changes}
    book = as_customer(builders.customer(), BOOK, {"input": address})
    booked = book["data"]["accountAddressCreate"]["errors"]
    for mutation, name in (
        (CHECKOUT_SHIPPING, "checkoutShippingAddressUpdate"),
        (CHECKOUT_BILLING, "checkoutBillingAddressUpdate"),
    ):
        answer = graphql(mutation, {"token": token, "address": address})
        assert "errors" not in answer, answer
        assert answer["data"][name]["errors"] == booked, name
    if changes.get("country") == "HK":
        assert booked == []
    else:
        assert booked and {error["code"] for error in booked} <= {"REQUIRED", "INVALID"}


def test_both_store_one_address_alike_in_one_model(graphql, as_customer, token):
    anna = builders.customer()
    booked = as_customer(anna, BOOK, {"input": GOOD})["data"]["accountAddressCreate"]
    typed = graphql(CHECKOUT_SHIPPING, {"token": token, "address": GOOD})
    shipping = typed["data"]["checkoutShippingAddressUpdate"]["checkout"]["shippingAddress"]

    def without_id(address: dict) -> dict:
        return {key: value for key, value in address.items() if key != "id"}

    assert without_id(booked["address"]) == {
        "firstName": "Anna",
        "lastName": "Bijns",
        "streetAddress1": "Leiekaai 12",
        "city": "Gent",
        "cityArea": "Sint-Amandsberg",
        "postalCode": "9000",
        "countryArea": "Oost-Vlaanderen",
        "country": {"code": "BE"},
        "phone": "+32 9 123 45 67",
        "isDefaultShippingAddress": False,
    }
    # The checkout's copy: the same values, in no one's book.
    assert without_id(shipping) == {
        **without_id(booked["address"]),
        "isDefaultShippingAddress": None,
    }
    assert booked["address"]["id"] != shipping["id"]
    assert Address.objects.filter(customer=anna.customer).count() == 1
    assert Address.objects.filter(customer=None).count() == 1
