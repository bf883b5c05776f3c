"""A checkout created by a signed-in customer is theirs (as in Saleor): only their token
reads or changes it. Anyone else holding the checkout's token, signed in or not, gets
the answer an unknown token gets. A guest's checkout stays open to its token alone."""

from __future__ import annotations

import uuid

import pytest
from graphql import get_named_type

from shop.models import Checkout
from tests.accounts import builders as account_builders
from tests.shop import builders

pytestmark = pytest.mark.django_db

PAYLOAD = "errors { field code message }"
# Every mutation that takes a checkout token, with what else it needs: a call that would
# do something if the caller were allowed to.
CALLS = {
    "checkoutLinesAdd": 'lines: [{sku: "POSTER", quantity: 1}]',
    "checkoutLinesUpdate": 'lines: [{sku: "POSTER", quantity: 2}]',
    "checkoutLinesDelete": 'lineIds: ["1"]',
    "checkoutTicketsAdd": 'slot: "1", tickets: [{category: "1", quantity: 1}]',
    "checkoutTicketLineDelete": 'lineId: "1"',
    "checkoutEmailUpdate": 'email: "thief@example.be"',
    "checkoutShippingAddressUpdate": (
        'shippingAddress: {firstName: "T", lastName: "H", streetAddress1: "Meir 2",'
        ' postalCode: "2000", city: "Antwerpen", country: "BE"}'
    ),
    "checkoutBillingAddressUpdate": (
        'billingAddress: {firstName: "T", lastName: "H", streetAddress1: "Meir 2",'
        ' postalCode: "2000", city: "Antwerpen", country: "BE"}'
    ),
    "checkoutDeliveryMethodUpdate": 'deliveryMethodId: "1"',
    "checkoutAddPromoCode": 'promoCode: "WELCOME"',
    "checkoutRemovePromoCode": "",
    "checkoutPaymentMethodSetup": "",
    "checkoutPaymentCreate": "",
    "checkoutComplete": "",
}


@pytest.fixture
def shop():
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=5)
    builders.pickup()


@pytest.fixture
def people():
    anna = account_builders.customer("anna@example.be")
    bob = account_builders.customer("bob@example.be")
    return {
        "anna": {"HTTP_AUTHORIZATION_BEARER": account_builders.tokens_for(anna)[0]},
        "bob": {"HTTP_AUTHORIZATION_BEARER": account_builders.tokens_for(bob)[0]},
        "anonymous": {},
        "user": anna,
    }


def create(graphql, **headers) -> str:
    result = graphql(
        'mutation { checkoutCreate(input: {email: "anna@example.be",'
        ' lines: [{sku: "POSTER", quantity: 1}]}) { errors { code } checkout { token } } }',
        **headers,
    )
    assert result["data"]["checkoutCreate"]["errors"] == [], result
    return result["data"]["checkoutCreate"]["checkout"]["token"]


def call(graphql, name: str, token: str, **headers) -> dict:
    arguments = f'token: "{token}"' + (f", {CALLS[name]}" if CALLS[name] else "")
    result = graphql(f"mutation {{ {name}({arguments}) {{ {PAYLOAD} }} }}", **headers)
    assert "errors" not in result, result
    return result["data"][name]


def read(graphql, token: str, **headers):
    result = graphql(f'{{ checkout(token: "{token}") {{ token email quantity }} }}', **headers)
    assert "errors" not in result, result
    return result["data"]["checkout"]


def test_every_mutation_taking_a_checkout_token_is_covered():
    from graphene_django.settings import graphene_settings

    mutation = graphene_settings.SCHEMA.graphql_schema.mutation_type
    taking_token = {
        name
        for name, field in mutation.fields.items()
        if "token" in field.args and get_named_type(field.args["token"].type).name == "UUID"
    }
    assert taking_token == set(CALLS)


def test_a_checkout_created_signed_in_belongs_to_the_customer(graphql, shop, people):
    token = create(graphql, **people["anna"])
    assert Checkout.objects.get(token=token).customer == people["user"]
    assert Checkout.objects.get(token=create(graphql)).customer is None


@pytest.mark.parametrize("who", ["bob", "anonymous"])
def test_someone_elses_token_holder_cannot_read_a_customers_checkout(graphql, shop, people, who):
    token = create(graphql, **people["anna"])
    assert read(graphql, token, **people[who]) is None
    assert read(graphql, token, **people["anna"])["token"] == token


@pytest.mark.parametrize("name", sorted(CALLS))
@pytest.mark.parametrize("who", ["bob", "anonymous"])
def test_someone_elses_token_holder_cannot_change_a_customers_checkout(
    graphql, shop, people, who, name
):
    token = create(graphql, **people["anna"])
    before = read(graphql, token, **people["anna"])
    unknown = call(graphql, name, str(uuid.uuid4()), **people[who])

    answer = call(graphql, name, token, **people[who])

    assert answer == unknown
    assert [error["code"] for error in answer["errors"]] == ["NOT_FOUND"]
    assert read(graphql, token, **people["anna"]) == before


def test_the_customer_still_changes_their_checkout(graphql, shop, people):
    token = create(graphql, **people["anna"])
    assert call(graphql, "checkoutLinesAdd", token, **people["anna"])["errors"] == []
    assert read(graphql, token, **people["anna"])["quantity"] == 2


@pytest.mark.parametrize("who", ["anna", "bob", "anonymous"])
def test_a_guest_checkout_is_open_to_its_token_alone(graphql, shop, people, who):
    token = create(graphql)
    assert read(graphql, token, **people[who])["token"] == token
    assert call(graphql, "checkoutLinesAdd", token, **people[who])["errors"] == []


def test_erasing_the_account_deletes_its_checkouts(graphql, shop, people):
    from shop.services import orders

    token = create(graphql, **people["anna"])
    orders.forget_customer(people["user"], "someone-else@example.be")
    assert not Checkout.objects.filter(token=token).exists()


@pytest.mark.parametrize("who", ["bob", "anonymous"])
def test_the_order_a_customers_checkout_became_answers_only_to_the_customer(
    shop, people, pay_api, browser_pays, who
):
    checkout = builders.ready_checkout(("POSTER", 1))
    Checkout.objects.filter(pk=checkout.pk).update(customer=people["user"])
    anna = people["anna"]
    browser_pays(pay_api("checkoutPaymentCreate", checkout.token, **anna)["payment"]["intentId"])
    placed = pay_api("checkoutComplete", checkout.token, **anna)
    assert placed["errors"] == [] and placed["order"]

    replayed = pay_api("checkoutComplete", checkout.token, **people[who])

    assert replayed["order"] is None
    assert [error["code"] for error in replayed["errors"]] == ["NOT_FOUND"]
    assert pay_api("checkoutComplete", checkout.token, **anna)["order"] == placed["order"]
