"""accountUpdate and the address book: Saleor's mutations, our checks."""

from __future__ import annotations

import pytest
from graphql_relay import to_global_id

from shop.models import Address
from tests.accounts import builders

pytestmark = pytest.mark.django_db

ADDRESS_FIELDS = """id firstName lastName companyName streetAddress1 streetAddress2 city
  cityArea postalCode country { code country } countryArea phone
  isDefaultBillingAddress isDefaultShippingAddress"""
UPDATE = f"""mutation($input: AccountInput!) {{
  accountUpdate(input: $input) {{
    user {{ firstName lastName languageCode addresses {{ city }}
      defaultBillingAddress {{ {ADDRESS_FIELDS} }} defaultShippingAddress {{ city }} }}
    errors {{ field code }}
  }}
}}"""
CREATE = f"""mutation($input: AddressInput!, $type: AddressTypeEnum) {{
  accountAddressCreate(input: $input, type: $type) {{
    address {{ {ADDRESS_FIELDS} }}
    user {{ defaultBillingAddress {{ id }} defaultShippingAddress {{ id }} addresses {{ id }} }}
    errors {{ field code message }}
  }}
}}"""
UPDATE_ADDRESS = """mutation($id: ID!, $input: AddressInput!) {
  accountAddressUpdate(id: $id, input: $input) {
    address { city postalCode streetAddress1 } errors { field code }
  }
}"""
DELETE_ADDRESS = """mutation($id: ID!) {
  accountAddressDelete(id: $id) {
    address { id city } user { addresses { id } defaultBillingAddress { id } } errors { field code }
  }
}"""
SET_DEFAULT = """mutation($id: ID!, $type: AddressTypeEnum!) {
  accountSetDefaultAddress(id: $id, type: $type) {
    user { defaultBillingAddress { id } defaultShippingAddress { id } } errors { field code }
  }
}"""
GHENT = {
    "firstName": "Anna",
    "lastName": "Bijns",
    "streetAddress1": "Leiekaai 12",
    "city": "Gent",
    "postalCode": "9000",
    "country": "BE",
}


def gid(address: Address) -> str:
    return to_global_id("Address", address.pk)


def errors(result: dict, name: str) -> list[tuple[str | None, str]]:
    return [(error["field"], error["code"]) for error in result["data"][name]["errors"]]


def test_account_update_changes_names_and_language(as_customer):
    user = builders.customer()
    result = as_customer(
        user, UPDATE, {"input": {"firstName": " Anna ", "lastName": "Bijns", "languageCode": "FR"}}
    )["data"]["accountUpdate"]
    assert result["errors"] == []
    assert (result["user"]["firstName"], result["user"]["lastName"]) == ("Anna", "Bijns")
    assert result["user"]["languageCode"] == "FR"
    user.refresh_from_db()
    assert user.customer.language_code == "fr"


def test_account_update_adds_default_addresses_to_the_book(as_customer):
    user = builders.customer()
    result = as_customer(
        user,
        UPDATE,
        {
            "input": {
                "defaultBillingAddress": GHENT,
                "defaultShippingAddress": {**GHENT, "city": "Brugge", "postalCode": "8000"},
            }
        },
    )["data"]["accountUpdate"]
    assert result["errors"] == []
    billing = result["user"]["defaultBillingAddress"]
    assert billing["city"] == "Gent" and billing["isDefaultBillingAddress"] is True
    assert billing["country"] == {"code": "BE", "country": "Belgium"}
    assert result["user"]["defaultShippingAddress"] == {"city": "Brugge"}
    assert sorted(a["city"] for a in result["user"]["addresses"]) == ["Brugge", "Gent"]


def test_account_update_reports_every_problem_and_writes_nothing(as_customer):
    user = builders.customer(first_name="Anna")
    result = as_customer(
        user,
        UPDATE,
        {"input": {"firstName": "B" * 151, "defaultBillingAddress": {"city": "Gent"}}},
    )
    assert errors(result, "accountUpdate") == [
        ("firstName", "INVALID"),  # the account's name; the address's problems follow
        ("firstName", "REQUIRED"),
        ("lastName", "REQUIRED"),
        ("streetAddress1", "REQUIRED"),
        ("country", "REQUIRED"),
        ("postalCode", "REQUIRED"),
    ]
    user.refresh_from_db()
    assert user.first_name == "Anna" and not Address.objects.exists()


def test_a_new_address_can_become_a_default_at_once(as_customer):
    user = builders.customer()
    result = as_customer(user, CREATE, {"input": GHENT, "type": "SHIPPING"})
    payload = result["data"]["accountAddressCreate"]
    assert payload["errors"] == []
    address = payload["address"]
    assert address["isDefaultShippingAddress"] is True
    assert address["isDefaultBillingAddress"] is False
    assert payload["user"]["defaultShippingAddress"] == {"id": address["id"]}
    assert payload["user"]["defaultBillingAddress"] is None
    assert address["phone"] == "" and address["cityArea"] == ""


def test_a_new_address_without_type_is_not_a_default(as_customer):
    user = builders.customer()
    payload = as_customer(user, CREATE, {"input": GHENT})["data"]["accountAddressCreate"]
    assert payload["address"]["isDefaultShippingAddress"] is False
    assert payload["user"]["defaultShippingAddress"] is None


def test_a_new_address_reports_all_missing_fields_at_once(as_customer):
    user = builders.customer()
    result = as_customer(user, CREATE, {"input": {"firstName": "Anna"}})
    # The checkout's rules: a parcel and an invoice need a name, so the book asks for it too.
    assert errors(result, "accountAddressCreate") == [
        ("lastName", "REQUIRED"),
        ("streetAddress1", "REQUIRED"),
        ("city", "REQUIRED"),
        ("country", "REQUIRED"),
        ("postalCode", "REQUIRED"),
    ]
    assert result["data"]["accountAddressCreate"]["address"] is None
    assert not Address.objects.exists()


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"country": "XX"}, [("country", "INVALID")]),
        ({"postalCode": "12"}, [("postalCode", "INVALID")]),
        ({"phone": "call me maybe"}, [("phone", "INVALID")]),
        ({"city": "G" * 300}, [("city", "INVALID")]),
    ],
    ids=["unknown-country", "bad-belgian-postal-code", "bad-phone", "long-city"],
)
def test_invalid_address_fields_are_payload_errors(as_customer, fields, expected):
    user = builders.customer()
    result = as_customer(user, CREATE, {"input": {**GHENT, **fields}})
    assert errors(result, "accountAddressCreate") == expected


def test_postal_codes_are_written_as_the_post_writes_them(as_customer):
    user = builders.customer()
    dutch = {**GHENT, "city": "Amsterdam", "postalCode": "1012ab", "country": "nl"}
    address = as_customer(user, CREATE, {"input": dutch})["data"]["accountAddressCreate"]["address"]
    assert address["postalCode"] == "1012 AB" and address["country"]["code"] == "NL"


def test_the_address_book_has_a_limit(as_customer, monkeypatch):
    monkeypatch.setattr("shop.accounts.services.MAX_ADDRESSES", 1)
    user = builders.customer()
    builders.address(user)
    result = as_customer(user, CREATE, {"input": GHENT})
    assert errors(result, "accountAddressCreate") == [(None, "INVALID")]
    assert Address.objects.count() == 1


def test_a_country_without_postal_codes_needs_none(as_customer):
    user = builders.customer()
    hong_kong = {**GHENT, "city": "Hong Kong", "postalCode": "", "country": "HK"}
    result = as_customer(user, CREATE, {"input": hong_kong})
    assert result["data"]["accountAddressCreate"]["errors"] == []


def test_updating_an_address_changes_only_the_fields_given(as_customer):
    user = builders.customer()
    address = builders.address(user)
    result = as_customer(
        user,
        UPDATE_ADDRESS,
        {"id": gid(address), "input": {"city": "Gentbrugge", "postalCode": "9050"}},
    )["data"]["accountAddressUpdate"]
    assert result == {
        "address": {"city": "Gentbrugge", "postalCode": "9050", "streetAddress1": "Leiekaai 12"},
        "errors": [],
    }


def test_updating_an_address_can_not_empty_a_required_field(as_customer):
    user = builders.customer()
    address = builders.address(user)
    result = as_customer(user, UPDATE_ADDRESS, {"id": gid(address), "input": {"city": ""}})
    assert errors(result, "accountAddressUpdate") == [("city", "REQUIRED")]
    address.refresh_from_db()
    assert address.city == "Gent"


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (UPDATE_ADDRESS, {"input": {"city": "Brugge"}}),
        (DELETE_ADDRESS, {}),
        (SET_DEFAULT, {"type": "BILLING"}),
    ],
    ids=["update", "delete", "set-default"],
)
def test_someone_elses_address_is_not_found(as_customer, query, variables):
    owner, intruder = builders.customer(), builders.customer()
    address = builders.address(owner)
    result = as_customer(intruder, query, {"id": gid(address), **variables})
    name = next(iter(result["data"]))
    assert errors(result, name) == [("id", "NOT_FOUND")]
    address.refresh_from_db()
    assert address.city == "Gent"


@pytest.mark.parametrize(
    "bad_id", ["nonsense", to_global_id("User", 1), to_global_id("Address", "x")]
)
def test_an_id_that_is_no_address_id_is_not_found(as_customer, bad_id):
    user = builders.customer()
    builders.address(user)
    result = as_customer(user, DELETE_ADDRESS, {"id": bad_id})
    assert errors(result, "accountAddressDelete") == [("id", "NOT_FOUND")]


def test_deleting_the_default_address_leaves_no_default(as_customer):
    user = builders.customer()
    kept, gone = builders.address(user), builders.address(user, city="Brugge")
    user.customer.default_billing_address = gone
    user.customer.save()
    result = as_customer(user, DELETE_ADDRESS, {"id": gid(gone)})["data"]["accountAddressDelete"]
    assert result["errors"] == []
    assert result["address"] == {"id": gid(gone), "city": "Brugge"}
    assert result["user"] == {"addresses": [{"id": gid(kept)}], "defaultBillingAddress": None}
    assert list(Address.objects.all()) == [kept]


def test_setting_the_default_billing_and_shipping_addresses(as_customer):
    user = builders.customer()
    home, work = builders.address(user), builders.address(user, city="Brugge")
    as_customer(user, SET_DEFAULT, {"id": gid(home), "type": "SHIPPING"})
    result = as_customer(user, SET_DEFAULT, {"id": gid(work), "type": "BILLING"})
    assert result["data"]["accountSetDefaultAddress"] == {
        "user": {
            "defaultBillingAddress": {"id": gid(work)},
            "defaultShippingAddress": {"id": gid(home)},
        },
        "errors": [],
    }
