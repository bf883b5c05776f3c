"""accountRegister and confirmAccount: e-mailed confirmation, no enumeration."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from shop.accounts.models import Customer
from tests.accounts import builders
from tests.accounts.conftest import link_params

pytestmark = pytest.mark.django_db

REGISTER = """mutation($input: AccountRegisterInput!) {
  accountRegister(input: $input) { requiresConfirmation errors { field code message } }
}"""
CONFIRM = """mutation($email: String!, $token: String!) {
  confirmAccount(email: $email, token: $token) {
    user { email isActive languageCode metadata { key value } } errors { field code }
  }
}"""
REDIRECT = "http://localhost:3000/account/confirm"


def register(graphql, **fields) -> dict:
    data = {
        "email": "Anna.Bijns@Example.org",
        "password": "Leiekaai-12-Gent",
        "redirectUrl": REDIRECT,
        "channel": "default-channel",
        **fields,
    }
    return graphql(REGISTER, {"input": data})["data"]["accountRegister"]


def codes(result: dict) -> list[tuple[str | None, str]]:
    return [(error["field"], error["code"]) for error in result["errors"]]


def test_registering_creates_an_inactive_account_and_mails_a_confirmation_link(graphql, mailoutbox):
    result = register(graphql)
    assert result == {"requiresConfirmation": True, "errors": []}
    user = get_user_model().objects.get()
    assert (user.username, user.email, user.is_active) == (
        "anna.bijns@example.org",
        "anna.bijns@example.org",
        False,
    )
    assert user.customer.confirmed_at is None
    (message,) = mailoutbox
    assert message.to == ["anna.bijns@example.org"]
    assert f"{REDIRECT}?email=anna.bijns%40example.org&token=" in message.body


def test_the_confirmation_link_activates_the_account_once(graphql, mailoutbox):
    register(graphql, languageCode="EN", metadata=[{"key": "newsletter", "value": "no"}])
    params = link_params(mailoutbox[0])
    result = graphql(CONFIRM, params)["data"]["confirmAccount"]
    assert result == {
        "user": {
            "email": "anna.bijns@example.org",
            "isActive": True,
            "languageCode": "EN",
            "metadata": [{"key": "newsletter", "value": "no"}],
        },
        "errors": [],
    }
    assert Customer.objects.get().confirmed_at is not None
    again = graphql(CONFIRM, params)["data"]["confirmAccount"]
    assert again == {"user": None, "errors": [{"field": "token", "code": "INVALID"}]}


@pytest.mark.parametrize(
    "params",
    [
        {"email": "anna.bijns@example.org", "token": "wrong-token"},
        {"email": "someone.else@example.org", "token": "wrong-token"},
    ],
    ids=["wrong-token", "unknown-address"],
)
def test_a_wrong_confirmation_is_invalid_whoever_it_names(graphql, mailoutbox, params):
    register(graphql)
    result = graphql(CONFIRM, params)["data"]["confirmAccount"]
    assert result["errors"] == [{"field": "token", "code": "INVALID"}]
    assert get_user_model().objects.get().is_active is False


def test_registering_a_known_address_reveals_nothing_and_changes_nothing(graphql, mailoutbox):
    user = builders.customer("anna@example.org")
    result = register(graphql, email="anna@example.org", password="Another-Password-77")
    assert result == {"requiresConfirmation": True, "errors": []}
    user.refresh_from_db()
    assert user.check_password(builders.PASSWORD)
    (message,) = mailoutbox
    # In the customer's language (Dutch, the museum's default, for this customer).
    assert "u hebt al een account" in message.subject and "token" not in message.body


def test_registering_an_unconfirmed_address_again_replaces_the_password_and_old_links(
    graphql, mailoutbox
):
    register(graphql, password="First-Password-1")
    register(graphql, password="Second-Password-2")
    user = get_user_model().objects.get()
    assert user.check_password("Second-Password-2")
    old, new = link_params(mailoutbox[0]), link_params(mailoutbox[1])
    assert graphql(CONFIRM, old)["data"]["confirmAccount"]["errors"][0]["code"] == "INVALID"
    assert graphql(CONFIRM, new)["data"]["confirmAccount"]["errors"] == []


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Ab1!", "PASSWORD_TOO_SHORT"),
        ("password123", "PASSWORD_TOO_COMMON"),
        ("6283749201746", "PASSWORD_ENTIRELY_NUMERIC"),
        ("anna.bijns.example", "PASSWORD_TOO_SIMILAR"),
    ],
)
def test_passwords_go_through_djangos_validators(graphql, mailoutbox, password, code):
    result = register(graphql, password=password)
    assert ("password", code) in codes(result)
    assert not get_user_model().objects.exists() and not mailoutbox


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"email": "not-an-address"}, [("email", "INVALID")]),
        ({"email": "  "}, [("email", "REQUIRED")]),
        ({"redirectUrl": None}, [("redirectUrl", "REQUIRED")]),
        ({"redirectUrl": "https://evil.example.net/steal"}, [("redirectUrl", "INVALID")]),
        ({"redirectUrl": "javascript:alert(1)"}, [("redirectUrl", "INVALID")]),
        ({"firstName": "A" * 200}, [("firstName", "INVALID")]),
        ({"metadata": [{"key": " ", "value": "x"}]}, [("metadata", "INVALID")]),
        (
            {"email": "nope", "redirectUrl": "https://evil.example.net/"},
            [("email", "INVALID"), ("redirectUrl", "INVALID")],
        ),
    ],
    ids=[
        "bad-email",
        "blank-email",
        "no-redirect",
        "foreign-redirect",
        "script-redirect",
        "long-name",
        "blank-metadata-key",
        "all-at-once",
    ],
)
def test_invalid_registrations_are_payload_errors_and_write_nothing(
    graphql, mailoutbox, fields, expected
):
    assert codes(register(graphql, **fields)) == expected
    assert not get_user_model().objects.exists() and not mailoutbox
