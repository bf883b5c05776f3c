"""GDPR self-service: download my data, and erasure that anonymises."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from graphql_relay import to_global_id

from shop.accounts import consent, services
from shop.accounts.models import ConsentRecord, Customer
from shop.models import Address
from tests.accounts import builders
from tests.accounts.conftest import link_params

pytestmark = pytest.mark.django_db

EXPORT = "{ accountDataExport }"
REQUEST = """mutation($url: String!) {
  accountRequestDeletion(redirectUrl: $url, channel: "default-channel") { errors { field code } }
}"""
DELETE = """mutation($token: String!) {
  accountDelete(token: $token) { user { email firstName addresses { id } } errors { field code } }
}"""
DELETE_URL = "http://localhost:3000/account/delete"


@pytest.fixture
def anna():
    """A customer with an address book and a consent history."""
    builders.privacy_policy("2026-1")
    user = builders.customer("anna@example.org", first_name="Anna", last_name="Bijns")
    home = builders.address(user, phone="+32 9 123 45 67")
    user.customer.default_billing_address = home
    user.customer.metadata = {"newsletter": "yes"}
    user.customer.save()
    consent.record_consent(
        user=user, visitor_id=None, categories=["analytics"], locale="nl", policy_version=None
    )
    return user


def test_the_export_holds_profile_addresses_and_consents(as_customer, anna):
    result = as_customer(anna, EXPORT)
    export = json.loads(result["data"]["accountDataExport"])
    assert export["profile"] | {"dateJoined": None, "lastLogin": None} == {
        "id": to_global_id("User", anna.pk),
        "email": "anna@example.org",
        "firstName": "Anna",
        "lastName": "Bijns",
        "languageCode": "nl",
        "isActive": True,
        "dateJoined": None,
        "lastLogin": None,
        "confirmedAt": None,
        "metadata": {"newsletter": "yes"},
    }
    (address,) = export["addresses"]
    assert address["streetAddress1"] == "Leiekaai 12" and address["phone"] == "+32 9 123 45 67"
    assert address["isDefaultBillingAddress"] is True
    assert address["isDefaultShippingAddress"] is False
    (consent,) = export["consents"]
    assert consent["categories"] == ["necessary", "analytics"]
    assert consent["policyVersion"] == "2026-1" and consent["givenAt"]
    assert export["exportedAt"]


def test_the_export_is_only_for_the_signed_in_customer(graphql, anna):
    result = graphql(EXPORT)
    assert result["data"] == {"accountDataExport": None}
    assert result["errors"][0]["extensions"] == {"exception": {"code": "PermissionDenied"}}


def request_deletion(as_customer, user, mailoutbox) -> str:
    result = as_customer(user, REQUEST, {"url": DELETE_URL})
    assert result["data"]["accountRequestDeletion"] == {"errors": []}
    message = mailoutbox[-1]
    assert message.to == [user.email] and DELETE_URL in message.body
    return link_params(message)["token"]


def test_deleting_the_account_anonymises_the_person_and_keeps_the_rows(
    as_customer, graphql, anna, mailoutbox
):
    access, refresh = builders.tokens_for(anna)
    token = request_deletion(as_customer, anna, mailoutbox)
    result = as_customer(access, DELETE, {"token": token})["data"]["accountDelete"]
    assert result["errors"] == []
    assert result["user"]["email"].endswith("@anonymised.invalid")
    assert result["user"]["firstName"] == "" and result["user"]["addresses"] == []

    user = get_user_model().objects.get(pk=anna.pk)
    assert user.username == user.email != "anna@example.org"
    assert (user.first_name, user.last_name, user.is_active) == ("", "", False)
    assert not user.has_usable_password()
    customer = Customer.objects.get(user=user)
    assert customer.anonymised_at is not None and customer.metadata == {}
    assert not Address.objects.exists()
    (record,) = ConsentRecord.objects.all()
    assert record.user is None and record.policy_version == "2026-1"

    assert "errors" in as_customer(access, "{ me { email } }")
    refreshed = graphql(
        "mutation($t: String) { tokenRefresh(refreshToken: $t) { errors { code } } }",
        {"t": refresh},
    )
    assert refreshed["data"]["tokenRefresh"]["errors"] == [{"code": "JWT_INVALID_TOKEN"}]
    sign_in = graphql(
        'mutation($p: String!) { tokenCreate(email: "anna@example.org", password: $p) '
        "{ errors { code } } }",
        {"p": builders.PASSWORD},
    )
    assert sign_in["data"]["tokenCreate"]["errors"] == [{"code": "INVALID_CREDENTIALS"}]


def test_the_address_can_register_again_after_erasure(graphql, anna):
    services.anonymise_customer(anna)
    result = graphql(
        """mutation { accountRegister(input: {email: "anna@example.org",
           password: "Leiekaai-12-Gent", redirectUrl: "http://localhost:3000/c"}) {
           errors { code } } }"""
    )
    assert result["data"]["accountRegister"]["errors"] == []
    assert get_user_model().objects.filter(email="anna@example.org", is_active=False).exists()


def test_a_wrong_deletion_token_changes_nothing(as_customer, anna, mailoutbox):
    request_deletion(as_customer, anna, mailoutbox)
    result = as_customer(anna, DELETE, {"token": "forged"})["data"]["accountDelete"]
    assert result == {"user": None, "errors": [{"field": "token", "code": "INVALID"}]}
    anna.refresh_from_db()
    assert anna.email == "anna@example.org" and Address.objects.exists()


def test_a_deletion_link_only_works_for_its_own_account(as_customer, anna, mailoutbox):
    token = request_deletion(as_customer, anna, mailoutbox)
    other = builders.customer("other@example.org")
    result = as_customer(other, DELETE, {"token": token})["data"]["accountDelete"]
    assert result["errors"] == [{"field": "token", "code": "INVALID"}]


def test_deletion_links_only_point_at_our_frontends(as_customer, anna, mailoutbox):
    result = as_customer(anna, REQUEST, {"url": "https://evil.example.net/delete"})
    assert result["data"]["accountRequestDeletion"]["errors"] == [
        {"field": "redirectUrl", "code": "INVALID"}
    ]
    assert mailoutbox == []


def test_a_staff_members_account_is_not_deleted_from_the_shop(as_customer, mailoutbox):
    user = builders.customer("curator@example.org", is_staff=True)
    result = as_customer(user, REQUEST, {"url": DELETE_URL})
    assert result["data"]["accountRequestDeletion"]["errors"] == [
        {"field": None, "code": "DELETE_STAFF_ACCOUNT"}
    ]
    result = as_customer(user, DELETE, {"token": "anything"})
    assert result["data"]["accountDelete"]["errors"] == [
        {"field": None, "code": "DELETE_STAFF_ACCOUNT"}
    ]
    user.refresh_from_db()
    assert user.email == "curator@example.org" and mailoutbox == []


def test_anonymise_customer_is_safe_to_run_twice(anna):
    first = services.anonymise_customer(anna)
    email = first.email
    second = services.anonymise_customer(first)
    assert second.email != email and second.email.endswith("@anonymised.invalid")
    assert Customer.objects.filter(user=anna).count() == 1
