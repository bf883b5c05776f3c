"""Every checkout mutation: what it does, and each error code it answers instead of a 500
or a partial write."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from shop.models import Checkout, ProductVariant, ShippingZone, VatRate, Voucher
from tests.shop import builders

pytestmark = pytest.mark.django_db

UNKNOWN = str(uuid.uuid4())


def errors(payload: dict) -> list[tuple[str | None, str]]:
    return [(error["field"], error["code"]) for error in payload["errors"]]


@pytest.fixture
def shop():
    """A poster (3 in stock), a book at 6% VAT, an e-book, a draft product, delivery."""
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=3)
    builders.product(
        title="Catalogus",
        vat_rate=VatRate.REDUCED,
        variants=[builders.variant("BOOK", "25.00", weight=900), builders.digital("EBOOK", "9.99")],
        stock=10,
    )
    builders.product(title="Concept", variants=[builders.variant("DRAFT-1")], publish=False)
    return {
        "belgium": builders.shipping(ShippingZone.BELGIUM, "6.50", free_above=Decimal("50.00")),
        "eu": builders.shipping(ShippingZone.EU, "12.00", max_weight_grams=1000),
        "world": builders.shipping(ShippingZone.WORLD, "25.00"),
        "pickup": builders.pickup(),
    }


# checkoutCreate


def test_create_answers_a_checkout_with_lines_and_totals(shop_api, shop):
    payload = shop_api(
        "checkoutCreate",
        input={
            "email": "anna@example.be",
            "locale": "en",
            "lines": [{"sku": "POSTER", "quantity": 2}, {"sku": "EBOOK", "quantity": 1}],
        },
    )
    assert payload["errors"] == []
    checkout = payload["checkout"]
    uuid.UUID(checkout["token"])
    assert checkout["email"] == "anna@example.be" and checkout["locale"] == "en"
    assert [(line["sku"], line["quantity"]) for line in checkout["lines"]] == [
        ("POSTER", 2),
        ("EBOOK", 1),
    ]
    assert checkout["total"]["gross"] == {"amount": "34.19", "currency": "EUR"}
    assert checkout["isShippingRequired"] is True


def test_create_sums_a_sku_given_twice(shop_api, shop):
    payload = shop_api(
        "checkoutCreate",
        input={"lines": [{"sku": "POSTER", "quantity": 1}, {"sku": "POSTER", "quantity": 2}]},
    )
    assert [line["quantity"] for line in payload["checkout"]["lines"]] == [3]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"email": "not-an-address"}, [("email", "INVALID")]),
        ({"locale": "de"}, [("locale", "INVALID")]),
        ({"email": "x@", "locale": "xx"}, [("email", "INVALID"), ("locale", "INVALID")]),
        ({"lines": [{"sku": "NOPE", "quantity": 1}]}, [("sku", "NOT_FOUND")]),
        ({"lines": [{"sku": " ", "quantity": 1}]}, [("sku", "REQUIRED")]),
        ({"lines": [{"sku": "DRAFT-1", "quantity": 1}]}, [("sku", "PRODUCT_NOT_PUBLISHED")]),
        ({"lines": [{"sku": "POSTER", "quantity": 4}]}, [("quantity", "INSUFFICIENT_STOCK")]),
        ({"lines": [{"sku": "POSTER", "quantity": 0}]}, [("quantity", "ZERO_QUANTITY")]),
        (
            {"lines": [{"sku": "EBOOK", "quantity": 51}]},
            [("quantity", "QUANTITY_GREATER_THAN_LIMIT")],
        ),
    ],
    ids=[
        "bad-email",
        "bad-locale",
        "both",
        "unknown-sku",
        "empty-sku",
        "draft",
        "stock",
        "zero",
        "limit",
    ],
)
def test_create_refuses_bad_input_and_writes_nothing(shop_api, shop, fields, expected):
    payload = shop_api("checkoutCreate", input=fields)
    assert errors(payload) == expected
    assert payload["checkout"] is None
    assert not Checkout.objects.exists()


def test_create_with_one_bad_line_keeps_none_of_them(shop_api, shop):
    payload = shop_api(
        "checkoutCreate",
        input={"lines": [{"sku": "POSTER", "quantity": 1}, {"sku": "NOPE", "quantity": 1}]},
    )
    assert errors(payload) == [("sku", "NOT_FOUND")]
    assert not Checkout.objects.exists()


def test_private_expired_and_sold_out_products_cannot_be_added(shop_api, shop):
    private = builders.product(variants=[builders.variant("PRIVATE")])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = builders.product(variants=[builders.variant("EXPIRED")])
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save()
    builders.product(variants=[builders.variant("SOLD-OUT")], stock=0)

    for sku, code in [
        ("PRIVATE", "PRODUCT_NOT_PUBLISHED"),
        ("EXPIRED", "PRODUCT_NOT_PUBLISHED"),
        ("SOLD-OUT", "INSUFFICIENT_STOCK"),
    ]:
        payload = shop_api("checkoutCreate", input={"lines": [{"sku": sku, "quantity": 1}]})
        assert [code for _field, code in errors(payload)] == [code], sku


def test_allocated_stock_is_not_available_to_add(shop_api, shop):
    builders.set_stock("POSTER", quantity=3, allocated=2)
    payload = shop_api("checkoutCreate", input={"lines": [{"sku": "POSTER", "quantity": 2}]})
    assert errors(payload) == [("quantity", "INSUFFICIENT_STOCK")]
    assert "only 1 available" in payload["errors"][0]["message"]


# checkoutLinesAdd


def test_adding_lines_adds_to_what_is_there(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1))
    payload = shop_api(
        "checkoutLinesAdd",
        token=token,
        lines=[{"sku": "POSTER", "quantity": 2}, {"sku": "BOOK", "quantity": 1}],
    )
    assert payload["errors"] == []
    assert [(line["sku"], line["quantity"]) for line in payload["checkout"]["lines"]] == [
        ("POSTER", 3),
        ("BOOK", 1),
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([{"sku": "POSTER", "quantity": 2}], [("quantity", "INSUFFICIENT_STOCK")]),
        ([{"sku": "NOPE", "quantity": 1}], [("sku", "NOT_FOUND")]),
        ([{"sku": "", "quantity": 1}], [("sku", "REQUIRED")]),
        ([{"sku": "DRAFT-1", "quantity": 1}], [("sku", "PRODUCT_NOT_PUBLISHED")]),
        ([{"sku": "BOOK", "quantity": -1}], [("quantity", "ZERO_QUANTITY")]),
        ([{"sku": "EBOOK", "quantity": 49}], [("quantity", "QUANTITY_GREATER_THAN_LIMIT")]),
        (
            [{"sku": "BOOK", "quantity": 1}, {"sku": "NOPE", "quantity": 1}],
            [("sku", "NOT_FOUND")],
        ),
    ],
    ids=["stock-counts-the-line", "unknown", "empty", "draft", "negative", "limit", "one-bad"],
)
def test_adding_bad_lines_changes_nothing(shop_api, shop, new_checkout, lines, expected):
    token = new_checkout(("POSTER", 2), ("EBOOK", 2))
    payload = shop_api("checkoutLinesAdd", token=token, lines=lines)
    assert errors(payload) == expected
    assert payload["checkout"] is None
    checkout = Checkout.objects.get(token=token)
    assert sorted(checkout.lines.values_list("variant__sku", "quantity")) == [
        ("EBOOK", 2),
        ("POSTER", 2),
    ]


def test_adding_to_an_unknown_checkout(shop_api, shop):
    payload = shop_api("checkoutLinesAdd", token=UNKNOWN, lines=[{"sku": "BOOK", "quantity": 1}])
    assert errors(payload) == [("token", "NOT_FOUND")]


def test_a_malformed_token_is_a_graphql_error_not_a_crash(graphql, shop):
    result = graphql(
        'mutation { checkoutLinesAdd(token: "not-a-uuid", lines: []) { errors { code } } }'
    )
    assert result["errors"] and not result.get("data")


# checkoutLinesUpdate


def test_updating_sets_quantities_and_zero_removes(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1), ("BOOK", 2))
    payload = shop_api(
        "checkoutLinesUpdate",
        token=token,
        lines=[{"sku": "POSTER", "quantity": 3}, {"sku": "BOOK", "quantity": 0}],
    )
    assert payload["errors"] == []
    assert [(line["sku"], line["quantity"]) for line in payload["checkout"]["lines"]] == [
        ("POSTER", 3)
    ]


def test_updating_may_bring_in_a_new_sku(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1))
    payload = shop_api("checkoutLinesUpdate", token=token, lines=[{"sku": "EBOOK", "quantity": 2}])
    assert [line["sku"] for line in payload["checkout"]["lines"]] == ["POSTER", "EBOOK"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([{"sku": "POSTER", "quantity": 4}], [("quantity", "INSUFFICIENT_STOCK")]),
        ([{"sku": "POSTER", "quantity": -2}], [("quantity", "ZERO_QUANTITY")]),
        (
            [{"sku": "POSTER", "quantity": 1}, {"sku": "POSTER", "quantity": 2}],
            [("sku", "INVALID")],
        ),
        ([{"sku": "NOPE", "quantity": 1}], [("sku", "NOT_FOUND")]),
        ([{"sku": "DRAFT-1", "quantity": 1}], [("sku", "PRODUCT_NOT_PUBLISHED")]),
        ([{"sku": "EBOOK", "quantity": 51}], [("quantity", "QUANTITY_GREATER_THAN_LIMIT")]),
        ([{"sku": "\t", "quantity": 1}], [("sku", "REQUIRED")]),
    ],
    ids=["stock", "negative", "twice", "unknown", "draft", "limit", "empty"],
)
def test_updating_with_bad_lines_changes_nothing(shop_api, shop, new_checkout, lines, expected):
    token = new_checkout(("POSTER", 1))
    payload = shop_api("checkoutLinesUpdate", token=token, lines=lines)
    assert errors(payload) == expected
    assert list(Checkout.objects.get(token=token).lines.values_list("quantity", flat=True)) == [1]


def test_updating_an_unknown_checkout(shop_api, shop):
    payload = shop_api("checkoutLinesUpdate", token=UNKNOWN, lines=[])
    assert errors(payload) == [("token", "NOT_FOUND")]


def test_a_sold_out_line_can_still_be_lowered_or_removed(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 3))
    builders.set_stock("POSTER", quantity=3, allocated=3)  # sold to someone faster
    payload = shop_api("checkoutLinesUpdate", token=token, lines=[{"sku": "POSTER", "quantity": 0}])
    assert payload["errors"] == [] and payload["checkout"]["lines"] == []


# checkoutLinesDelete


def test_deleting_lines_by_id(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1), ("BOOK", 1))
    line_id = Checkout.objects.get(token=token).lines.get(variant__sku="BOOK").pk
    payload = shop_api("checkoutLinesDelete", token=token, lineIds=[str(line_id)])
    assert [line["sku"] for line in payload["checkout"]["lines"]] == ["POSTER"]


def test_deleting_a_line_of_another_checkout_is_not_found(shop_api, shop, new_checkout):
    mine = new_checkout(("POSTER", 1))
    theirs = new_checkout(("BOOK", 1))
    their_line = Checkout.objects.get(token=theirs).lines.get().pk
    payload = shop_api("checkoutLinesDelete", token=mine, lineIds=[str(their_line), "x"])
    assert errors(payload) == [("lineIds", "NOT_FOUND"), ("lineIds", "NOT_FOUND")]
    assert Checkout.objects.get(token=theirs).lines.exists()


def test_deleting_from_an_unknown_checkout(shop_api, shop):
    payload = shop_api("checkoutLinesDelete", token=UNKNOWN, lineIds=["1"])
    assert errors(payload) == [("token", "NOT_FOUND")]


def test_removing_the_last_shipped_line_drops_the_delivery_method(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1), ("EBOOK", 1))
    shop_api("checkoutDeliveryMethodUpdate", token=token, method=str(shop["pickup"].pk))
    poster_line = Checkout.objects.get(token=token).lines.get(variant__sku="POSTER").pk
    payload = shop_api("checkoutLinesDelete", token=token, lineIds=[str(poster_line)])
    assert payload["checkout"]["deliveryMethod"] is None
    assert payload["checkout"]["isShippingRequired"] is False


# checkoutEmailUpdate


def test_email_update(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1))
    payload = shop_api("checkoutEmailUpdate", token=token, email=" jan@example.org ")
    assert payload["checkout"]["email"] == "jan@example.org"


@pytest.mark.parametrize(
    ("email", "code"), [("", "REQUIRED"), ("jan@", "INVALID"), ("a" * 300 + "@x.be", "INVALID")]
)
def test_email_update_refuses(shop_api, shop, new_checkout, email, code):
    token = new_checkout(("POSTER", 1), email="old@example.org")
    payload = shop_api("checkoutEmailUpdate", token=token, email=email)
    assert errors(payload) == [("email", code)]
    assert Checkout.objects.get(token=token).email == "old@example.org"


def test_email_update_of_an_unknown_checkout(shop_api, shop):
    payload = shop_api("checkoutEmailUpdate", token=UNKNOWN, email="jan@example.org")
    assert errors(payload) == [("token", "NOT_FOUND")]


# checkoutShippingAddressUpdate and checkoutBillingAddressUpdate


def test_shipping_address_is_stored_normalised(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1))
    payload = shop_api(
        "checkoutShippingAddressUpdate",
        token=token,
        address=builders.address(country="nl", postalCode="1012ab", city=" Amsterdam "),
    )
    assert payload["errors"] == []
    assert payload["checkout"]["shippingAddress"] == {
        "firstName": "Anna",
        "postalCode": "1012 AB",
        "city": "Amsterdam",
        "country": {"code": "NL"},
    }
    assert {method["kind"] for method in payload["checkout"]["availableDeliveryMethods"]} == {
        "SHIPPING",
        "PICKUP",
    }


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        (
            {"firstName": "", "city": None, "streetAddress1": " "},
            [("firstName", "REQUIRED"), ("streetAddress1", "REQUIRED"), ("city", "REQUIRED")],
        ),
        ({"country": "XX"}, [("country", "INVALID")]),
        ({"country": "Belgium"}, [("country", "INVALID")]),
        ({"country": ""}, [("country", "REQUIRED")]),
        ({"country": "BE", "postalCode": "20000"}, [("postalCode", "INVALID")]),
        ({"country": "BE", "postalCode": "0999"}, [("postalCode", "INVALID")]),
        ({"country": "NL", "postalCode": "1012"}, [("postalCode", "INVALID")]),
        ({"country": "NL", "postalCode": "1012 SS"}, [("postalCode", "INVALID")]),
        ({"country": "FR", "postalCode": "7500"}, [("postalCode", "INVALID")]),
        ({"country": "FR", "postalCode": ""}, [("postalCode", "REQUIRED")]),
        ({"phone": "call me"}, [("phone", "INVALID")]),
        ({"city": "x" * 257}, [("city", "INVALID")]),
    ],
    ids=[
        "missing",
        "unknown-country",
        "country-name",
        "no-country",
        "be-five-digits",
        "be-leading-zero",
        "nl-no-letters",
        "nl-reserved-letters",
        "fr-four-digits",
        "fr-missing",
        "phone",
        "too-long",
    ],
)
def test_invalid_addresses_are_refused_field_by_field(
    shop_api, shop, new_checkout, address, expected
):
    token = new_checkout(("POSTER", 1))
    for mutation in ("checkoutShippingAddressUpdate", "checkoutBillingAddressUpdate"):
        payload = shop_api(mutation, token=token, address=builders.address(**address))
        assert errors(payload) == expected, mutation
    checkout = Checkout.objects.get(token=token)
    assert checkout.shipping_address is None and checkout.billing_address is None


def test_addresses_without_postal_codes_where_the_post_has_none(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1))
    payload = shop_api(
        "checkoutShippingAddressUpdate",
        token=token,
        address=builders.address(country="IE", postalCode="", city="Dublin"),
    )
    assert payload["errors"] == []


def test_a_digital_checkout_needs_no_shipping_address_but_a_billing_one(
    shop_api, shop, new_checkout
):
    token = new_checkout(("EBOOK", 1))
    shipping = shop_api("checkoutShippingAddressUpdate", token=token, address=builders.address())
    assert errors(shipping) == [("shippingAddress", "SHIPPING_NOT_REQUIRED")]
    billing = shop_api("checkoutBillingAddressUpdate", token=token, address=builders.address())
    assert billing["checkout"]["billingAddress"] == {
        "lastName": "Peeters",
        "country": {"code": "BE"},
    }


def test_address_updates_of_an_unknown_checkout(shop_api, shop):
    for mutation in ("checkoutShippingAddressUpdate", "checkoutBillingAddressUpdate"):
        payload = shop_api(mutation, token=UNKNOWN, address=builders.address())
        assert errors(payload) == [("token", "NOT_FOUND")]


def test_moving_abroad_drops_a_delivery_method_of_the_old_zone(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1))
    shop_api("checkoutShippingAddressUpdate", token=token, address=builders.address())
    shop_api("checkoutDeliveryMethodUpdate", token=token, method=str(shop["belgium"].pk))
    payload = shop_api(
        "checkoutShippingAddressUpdate",
        token=token,
        address=builders.address(country="FR", postalCode="75001", city="Paris"),
    )
    assert payload["checkout"]["deliveryMethod"] is None
    assert payload["checkout"]["shippingAddress"]["country"] == {"code": "FR"}


def test_changing_the_address_keeps_one_address_row(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1))
    shop_api("checkoutShippingAddressUpdate", token=token, address=builders.address())
    first = Checkout.objects.get(token=token).shipping_address_id
    shop_api("checkoutShippingAddressUpdate", token=token, address=builders.address(city="Gent"))
    assert Checkout.objects.get(token=token).shipping_address_id == first


# checkoutDeliveryMethodUpdate


def test_shipping_in_the_address_zone_is_added_to_the_total(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1))
    shop_api("checkoutShippingAddressUpdate", token=token, address=builders.address())
    payload = shop_api("checkoutDeliveryMethodUpdate", token=token, method=str(shop["belgium"].pk))
    checkout = payload["checkout"]
    assert checkout["deliveryMethod"]["kind"] == "SHIPPING"
    assert checkout["shippingPrice"]["gross"]["amount"] == "6.50"
    assert checkout["total"]["gross"]["amount"] == "18.60"


def test_pickup_needs_no_address_and_costs_nothing(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1))
    payload = shop_api("checkoutDeliveryMethodUpdate", token=token, method=str(shop["pickup"].pk))
    assert payload["checkout"]["deliveryMethod"]["kind"] == "PICKUP"
    assert payload["checkout"]["shippingPrice"]["gross"]["amount"] == "0.00"


def test_delivery_is_free_above_the_threshold(shop_api, shop, new_checkout):
    token = new_checkout(("BOOK", 2))
    shop_api("checkoutShippingAddressUpdate", token=token, address=builders.address())
    payload = shop_api("checkoutDeliveryMethodUpdate", token=token, method=str(shop["belgium"].pk))
    assert payload["checkout"]["shippingPrice"]["gross"]["amount"] == "0.00"
    assert payload["checkout"]["total"]["gross"]["amount"] == "50.00"


def test_delivery_method_refusals(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1))
    method = str(shop["belgium"].pk)

    def choose(method_id: str) -> list:
        return errors(shop_api("checkoutDeliveryMethodUpdate", token=token, method=method_id))

    assert choose(method) == [("deliveryMethodId", "SHIPPING_ADDRESS_NOT_SET")]
    shop_api(
        "checkoutShippingAddressUpdate",
        token=token,
        address=builders.address(country="DE", postalCode="10115", city="Berlin"),
    )
    assert choose(method) == [("deliveryMethodId", "DELIVERY_METHOD_NOT_APPLICABLE")]
    assert choose(str(shop["world"].pk)) == [("deliveryMethodId", "DELIVERY_METHOD_NOT_APPLICABLE")]
    assert choose("999999") == [("deliveryMethodId", "NOT_FOUND")]
    assert choose("bpost") == [("deliveryMethodId", "NOT_FOUND")]
    shop["world"].active = False
    shop["world"].save()
    assert choose(str(shop["world"].pk)) == [("deliveryMethodId", "NOT_FOUND")]
    assert Checkout.objects.get(token=token).delivery_method is None
    assert choose(str(shop["eu"].pk)) == []


def test_a_parcel_too_heavy_for_the_method_is_refused(shop_api, shop, new_checkout):
    token = new_checkout(("BOOK", 2))  # 1.8 kg; the EU method takes 1 kg
    shop_api(
        "checkoutShippingAddressUpdate",
        token=token,
        address=builders.address(country="FR", postalCode="75001", city="Paris"),
    )
    payload = shop_api("checkoutDeliveryMethodUpdate", token=token, method=str(shop["eu"].pk))
    assert errors(payload) == [("deliveryMethodId", "DELIVERY_METHOD_NOT_APPLICABLE")]


def test_adding_weight_drops_a_method_that_no_longer_carries_it(shop_api, shop, new_checkout):
    token = new_checkout(("BOOK", 1))
    shop_api(
        "checkoutShippingAddressUpdate",
        token=token,
        address=builders.address(country="FR", postalCode="75001", city="Paris"),
    )
    shop_api("checkoutDeliveryMethodUpdate", token=token, method=str(shop["eu"].pk))
    payload = shop_api("checkoutLinesAdd", token=token, lines=[{"sku": "BOOK", "quantity": 1}])
    assert payload["checkout"]["deliveryMethod"] is None


def test_digital_goods_need_no_delivery(shop_api, shop, new_checkout):
    token = new_checkout(("EBOOK", 1))
    payload = shop_api("checkoutDeliveryMethodUpdate", token=token, method=str(shop["pickup"].pk))
    assert errors(payload) == [("deliveryMethodId", "SHIPPING_NOT_REQUIRED")]


def test_delivery_method_of_an_unknown_checkout(shop_api, shop):
    payload = shop_api("checkoutDeliveryMethodUpdate", token=UNKNOWN, method=str(shop["pickup"].pk))
    assert errors(payload) == [("token", "NOT_FOUND")]


# checkoutAddPromoCode and checkoutRemovePromoCode


def test_a_promo_code_discounts_the_goods(shop_api, shop, new_checkout):
    builders.voucher("WELKOM", value="10")
    token = new_checkout(("POSTER", 1), ("BOOK", 1))
    payload = shop_api("checkoutAddPromoCode", token=token, code=" welkom ")
    checkout = payload["checkout"]
    assert payload["errors"] == [] and checkout["voucherCode"] == "WELKOM"
    assert checkout["discount"]["amount"] == "3.71"
    assert checkout["total"]["gross"]["amount"] == "33.39"


@pytest.mark.parametrize(
    ("voucher", "code", "expected"),
    [
        ({}, "", ("promoCode", "REQUIRED")),
        ({}, "NOSUCHCODE", ("promoCode", "INVALID")),
        ({"active": False}, "CODE", ("promoCode", "INVALID")),
        (
            {"valid_until": timezone.now() - datetime.timedelta(hours=1)},
            "CODE",
            ("promoCode", "VOUCHER_NOT_APPLICABLE"),
        ),
        (
            {"valid_from": timezone.now() + datetime.timedelta(days=3)},
            "CODE",
            ("promoCode", "VOUCHER_NOT_APPLICABLE"),
        ),
        ({"usage_limit": 5, "used": 5}, "CODE", ("promoCode", "VOUCHER_NOT_APPLICABLE")),
        ({"minimum_spend": Decimal("100")}, "CODE", ("promoCode", "VOUCHER_NOT_APPLICABLE")),
    ],
    ids=["empty", "unknown", "inactive", "expired", "not-yet", "used-up", "minimum-spend"],
)
def test_promo_code_refusals(shop_api, shop, new_checkout, voucher, code, expected):
    used = voucher.pop("used", 0)
    valid_from = voucher.pop("valid_from", timezone.now() - datetime.timedelta(days=2))
    made = builders.voucher("CODE", valid_from=valid_from, **voucher)
    Voucher.objects.filter(pk=made.pk).update(used=used)
    token = new_checkout(("POSTER", 1))
    payload = shop_api("checkoutAddPromoCode", token=token, code=code)
    assert errors(payload) == [expected]
    assert Checkout.objects.get(token=token).voucher is None


def test_promo_code_on_an_unknown_checkout(shop_api, shop):
    builders.voucher("WELKOM")
    for name, arguments in [
        ("checkoutAddPromoCode", {"code": "WELKOM"}),
        ("checkoutRemovePromoCode", {}),
    ]:
        payload = shop_api(name, token=UNKNOWN, **arguments)
        assert errors(payload) == [("token", "NOT_FOUND")]


def test_removing_the_promo_code(shop_api, shop, new_checkout):
    builders.voucher("WELKOM")
    token = new_checkout(("POSTER", 1))
    shop_api("checkoutAddPromoCode", token=token, code="WELKOM")
    payload = shop_api("checkoutRemovePromoCode", token=token)
    assert payload["checkout"]["voucherCode"] is None
    assert payload["checkout"]["discount"]["amount"] == "0.00"


def test_dropping_below_the_minimum_spend_drops_the_code(shop_api, shop, new_checkout):
    builders.voucher("VIJFTIG", kind=Voucher.Kind.FIXED, value="5", minimum_spend=Decimal("30"))
    token = new_checkout(("POSTER", 1), ("BOOK", 1))
    assert shop_api("checkoutAddPromoCode", token=token, code="VIJFTIG")["errors"] == []
    payload = shop_api("checkoutLinesUpdate", token=token, lines=[{"sku": "BOOK", "quantity": 0}])
    assert payload["checkout"]["voucherCode"] is None


def test_a_variant_deleted_by_an_editor_leaves_the_checkout(shop_api, shop, new_checkout):
    token = new_checkout(("POSTER", 1), ("BOOK", 1))
    ProductVariant.objects.filter(sku="POSTER").delete()
    payload = shop_api("checkoutEmailUpdate", token=token, email="jan@example.org")
    assert [line["sku"] for line in payload["checkout"]["lines"]] == ["BOOK"]
