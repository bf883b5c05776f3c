"""requestPasswordReset, setPassword and passwordChange, and who may call what."""

from __future__ import annotations

import pytest

from tests.accounts import builders
from tests.accounts.conftest import link_params

pytestmark = pytest.mark.django_db

REQUEST_RESET = """mutation($email: String!, $redirectUrl: String!) {
  requestPasswordReset(email: $email, redirectUrl: $redirectUrl, channel: "default-channel") {
    errors { field code }
  }
}"""
SET_PASSWORD = """mutation($email: String!, $token: String!, $password: String!) {
  setPassword(email: $email, token: $token, password: $password) {
    token refreshToken user { email } errors { field code }
  }
}"""
CHANGE = """mutation($old: String!, $new: String!) {
  passwordChange(oldPassword: $old, newPassword: $new) { user { email } errors { field code } }
}"""
ME = "{ me { email } }"
RESET_URL = "http://localhost:3000/account/reset"
NEW_PASSWORD = "Sint-Baafs-1432-Lam"


def request_reset(graphql, email: str, redirect_url: str = RESET_URL) -> dict:
    variables = {"email": email, "redirectUrl": redirect_url}
    return graphql(REQUEST_RESET, variables)["data"]["requestPasswordReset"]


def test_a_reset_link_is_mailed_to_a_customer(graphql, mailoutbox):
    builders.customer("anna@example.org")
    assert request_reset(graphql, "Anna@Example.org") == {"errors": []}
    (message,) = mailoutbox
    assert message.to == ["anna@example.org"]
    assert link_params(message)["email"] == "anna@example.org"
    assert message.body.count(RESET_URL) == 1


def test_an_unknown_address_gets_the_same_answer_and_no_mail(graphql, mailoutbox):
    assert request_reset(graphql, "nobody@example.org") == {"errors": []}
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("email", "redirect_url", "error"),
    [
        (
            "anna@example.org",
            "https://evil.example.net/reset",
            {"field": "redirectUrl", "code": "INVALID"},
        ),
        ("anna@example.org", "", {"field": "redirectUrl", "code": "REQUIRED"}),
        ("not an address", RESET_URL, {"field": "email", "code": "INVALID"}),
    ],
    ids=["foreign-redirect", "no-redirect", "bad-email"],
)
def test_reset_requests_with_bad_input_are_refused(graphql, mailoutbox, email, redirect_url, error):
    builders.customer("anna@example.org")
    assert request_reset(graphql, email, redirect_url) == {"errors": [error]}
    assert mailoutbox == []


def test_the_reset_link_sets_the_password_signs_in_and_revokes_old_tokens(
    graphql, as_customer, mailoutbox
):
    user = builders.customer("anna@example.org")
    old_token = builders.tokens_for(user)[0]
    request_reset(graphql, "anna@example.org")
    params = link_params(mailoutbox[0])
    result = graphql(SET_PASSWORD, {**params, "password": NEW_PASSWORD})["data"]["setPassword"]
    assert result["errors"] == [] and result["user"] == {"email": "anna@example.org"}
    assert as_customer(result["token"], ME)["data"]["me"] == {"email": "anna@example.org"}
    assert "errors" in as_customer(old_token, ME)
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    again = graphql(SET_PASSWORD, {**params, "password": "Yet-Another-Pass-9"})
    assert again["data"]["setPassword"]["errors"] == [{"field": "token", "code": "INVALID"}]


def test_a_reset_link_also_confirms_an_unconfirmed_account(graphql, mailoutbox):
    user = builders.customer("new@example.org", active=False)
    request_reset(graphql, "new@example.org")
    params = link_params(mailoutbox[0])
    result = graphql(SET_PASSWORD, {**params, "password": NEW_PASSWORD})["data"]["setPassword"]
    assert result["errors"] == [] and result["token"]
    user.refresh_from_db()
    assert user.is_active and user.customer.confirmed_at is not None


def test_set_password_with_a_wrong_token_is_invalid(graphql):
    user = builders.customer("anna@example.org")
    result = graphql(
        SET_PASSWORD, {"email": "anna@example.org", "token": "nope", "password": NEW_PASSWORD}
    )["data"]["setPassword"]
    assert result == {
        "token": None,
        "refreshToken": None,
        "user": None,
        "errors": [{"field": "token", "code": "INVALID"}],
    }
    user.refresh_from_db()
    assert user.check_password(builders.PASSWORD)


def test_set_password_checks_the_new_password(graphql, mailoutbox):
    builders.customer("anna@example.org")
    request_reset(graphql, "anna@example.org")
    params = link_params(mailoutbox[0])
    result = graphql(SET_PASSWORD, {**params, "password": "12345"})["data"]["setPassword"]
    assert {"field": "password", "code": "PASSWORD_TOO_SHORT"} in result["errors"]
    assert {"field": "password", "code": "PASSWORD_ENTIRELY_NUMERIC"} in result["errors"]
    assert result["token"] is None


def test_changing_the_password_revokes_every_token_this_one_too(graphql, as_customer):
    user = builders.customer("anna@example.org")
    token = builders.tokens_for(user)[0]
    result = as_customer(token, CHANGE, {"old": builders.PASSWORD, "new": NEW_PASSWORD})
    assert result["data"]["passwordChange"] == {
        "user": {"email": "anna@example.org"},
        "errors": [],
    }
    assert as_customer(token, ME)["errors"][0]["extensions"] == {
        "exception": {"code": "InvalidTokenError"}
    }
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_changing_the_password_needs_the_old_one(as_customer):
    user = builders.customer()
    result = as_customer(user, CHANGE, {"old": "wrong", "new": NEW_PASSWORD})
    assert result["data"]["passwordChange"]["errors"] == [
        {"field": "oldPassword", "code": "INVALID_PASSWORD"}
    ]
    user.refresh_from_db()
    assert user.check_password(builders.PASSWORD)


def test_the_new_password_goes_through_the_validators(as_customer):
    user = builders.customer()
    result = as_customer(user, CHANGE, {"old": builders.PASSWORD, "new": "password"})
    assert result["data"]["passwordChange"]["errors"] == [
        {"field": "newPassword", "code": "PASSWORD_TOO_COMMON"}
    ]


@pytest.mark.parametrize(
    "mutation",
    [
        'passwordChange(oldPassword: "a", newPassword: "b") { errors { code } }',
        'accountUpdate(input: {firstName: "A"}) { errors { code } }',
        'accountAddressCreate(input: {city: "Gent"}) { errors { code } }',
        'accountAddressUpdate(id: "QWRkcmVzczox", input: {city: "Gent"}) { errors { code } }',
        'accountAddressDelete(id: "QWRkcmVzczox") { errors { code } }',
        'accountSetDefaultAddress(id: "QWRkcmVzczox", type: BILLING) { errors { code } }',
        'accountRequestDeletion(redirectUrl: "http://localhost/", channel: "c") { errors { code } }',
        'accountDelete(token: "x") { errors { code } }',
        "tokensDeactivateAll { errors { code } }",
    ],
)
def test_account_mutations_without_a_token_are_permission_denied(graphql, mutation):
    result = graphql(f"mutation {{ {mutation} }}")
    name = mutation.split("(")[0].split(" ")[0]
    assert result["data"] == {name: None}
    assert result["errors"][0]["extensions"] == {"exception": {"code": "PermissionDenied"}}
