"""Signing in, JWTs, `me`, refresh, verification, expiry and revocation."""

from __future__ import annotations

import jwt
import pytest
from graphql_relay import to_global_id

from museum_site.graphql import response_cache
from shop.accounts import tokens
from tests.accounts import builders

pytestmark = pytest.mark.django_db

TOKEN_CREATE = """mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token refreshToken user { id email } errors { field code message }
  }
}"""
TOKEN_REFRESH = """mutation($refreshToken: String) {
  tokenRefresh(refreshToken: $refreshToken) { token user { email } errors { field code } }
}"""
TOKEN_VERIFY = """mutation($token: String!) {
  tokenVerify(token: $token) { isValid payload user { email } errors { field code } }
}"""
ME = "{ me { id email firstName isStaff } }"


def sign_in(graphql, email: str, password: str = builders.PASSWORD) -> dict:
    return graphql(TOKEN_CREATE, {"email": email, "password": password})["data"]["tokenCreate"]


def claims(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def test_sign_in_answers_tokens_with_the_claims_the_sdk_decodes(graphql):
    user = builders.customer("anna@example.org")
    result = sign_in(graphql, "anna@example.org")
    assert result["errors"] == []
    assert result["user"] == {"id": to_global_id("User", user.pk), "email": "anna@example.org"}
    access, refresh = claims(result["token"]), claims(result["refreshToken"])
    assert access["owner"] == "saleor", "the SDK refreshes only tokens it thinks Saleor made"
    assert access["type"] == "access" and refresh["type"] == "refresh"
    assert access["user_id"] == to_global_id("User", user.pk)
    assert access["email"] == "anna@example.org" and access["is_staff"] is False
    assert access["token"] == user.customer.jwt_token_key
    assert access["exp"] - access["iat"] == 300
    assert refresh["exp"] - refresh["iat"] == 30 * 24 * 3600


def test_sign_in_ignores_the_case_of_the_email_address(graphql):
    builders.customer("anna@example.org")
    assert sign_in(graphql, "  Anna@Example.ORG ")["errors"] == []


def test_sign_in_records_the_last_login(graphql):
    user = builders.customer()
    sign_in(graphql, user.email)
    user.refresh_from_db()
    assert user.last_login is not None


@pytest.mark.parametrize(
    ("email", "password"),
    [("anna@example.org", "wrong-password"), ("nobody@example.org", builders.PASSWORD)],
)
def test_a_wrong_password_and_an_unknown_address_get_the_same_answer(graphql, email, password):
    builders.customer("anna@example.org")
    result = sign_in(graphql, email, password)
    assert result["token"] is None
    assert result["errors"] == [
        {
            "field": "email",
            "code": "INVALID_CREDENTIALS",
            "message": "Please, enter valid credentials.",
        }
    ]


def test_an_unconfirmed_account_is_inactive_but_only_with_the_right_password(graphql):
    builders.customer("new@example.org", active=False)
    assert sign_in(graphql, "new@example.org")["errors"][0]["code"] == "INACTIVE"
    assert sign_in(graphql, "new@example.org", "wrong")["errors"][0]["code"] == (
        "INVALID_CREDENTIALS"
    )


def test_staff_without_a_customer_profile_cannot_sign_in_to_the_shop(graphql, django_user_model):
    django_user_model.objects.create_user(
        username="editor@example.org", email="editor@example.org", password="x", is_staff=True
    )
    assert sign_in(graphql, "editor@example.org", "x")["errors"][0]["code"] == (
        "INVALID_CREDENTIALS"
    )


def test_me_is_null_without_a_token(graphql):
    builders.customer()
    assert graphql(ME) == {"data": {"me": None}}


def test_me_is_the_customer_of_the_sdks_header(as_customer):
    user = builders.customer("anna@example.org", first_name="Anna")
    assert as_customer(user, ME)["data"]["me"] == {
        "id": to_global_id("User", user.pk),
        "email": "anna@example.org",
        "firstName": "Anna",
        "isStaff": False,
    }


def test_me_also_reads_an_authorization_bearer_header(graphql):
    user = builders.customer("anna@example.org")
    token = builders.tokens_for(user)[0]
    result = graphql(ME, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert result["data"]["me"]["email"] == "anna@example.org"


def test_a_session_cookie_does_not_make_graphql_answers_personal(graphql, client):
    """The endpoint is CSRF-exempt: only a token may identify the caller."""
    user = builders.customer()
    client.force_login(user)
    assert graphql(ME) == {"data": {"me": None}}


def test_an_expired_access_token_is_the_error_the_sdk_refreshes_on(as_customer, settings):
    settings.VITRINE_ACCOUNTS = {**settings.VITRINE_ACCOUNTS, "ACCESS_TOKEN_SECONDS": -10}
    result = as_customer(builders.customer(), ME)
    assert result["data"] == {"me": None}
    assert result["errors"][0]["message"] == "Signature has expired"
    assert result["errors"][0]["extensions"] == {"exception": {"code": "ExpiredSignatureError"}}


@pytest.mark.parametrize(
    "token",
    ["not-a-token", "abc.def.ghi"],
)
def test_a_malformed_token_is_a_decode_error(as_customer, token):
    result = as_customer(token, ME)
    assert result["errors"][0]["extensions"] == {"exception": {"code": "DecodeError"}}


def test_a_tampered_token_is_refused(as_customer):
    user = builders.customer()
    token = builders.tokens_for(user)[0]
    forged = jwt.encode(claims(token) | {"email": "x@example.org"}, "guessed", algorithm="HS256")
    result = as_customer(forged, ME)
    assert result["data"] == {"me": None}
    assert result["errors"][0]["extensions"]["exception"]["code"] == "InvalidSignatureError"


def test_a_refresh_token_is_not_an_access_token(as_customer):
    refresh = builders.tokens_for(builders.customer())[1]
    result = as_customer(refresh, ME)
    assert result["errors"][0]["extensions"] == {"exception": {"code": "InvalidTokenError"}}


def test_a_stale_token_does_not_stop_signing_in_again(graphql):
    """The SDK sends its old token along with tokenCreate and tokenRefresh."""
    user = builders.customer()
    old = builders.tokens_for(user)[0]
    user.customer.revoke_tokens()
    user.customer.save()
    result = graphql(
        TOKEN_CREATE,
        {"email": user.email, "password": builders.PASSWORD},
        HTTP_AUTHORIZATION_BEARER=old,
    )
    assert result["data"]["tokenCreate"]["errors"] == []


def test_refresh_answers_a_new_access_token_and_the_user(graphql):
    user = builders.customer("anna@example.org")
    refresh = builders.tokens_for(user)[1]
    result = graphql(TOKEN_REFRESH, {"refreshToken": refresh})["data"]["tokenRefresh"]
    assert result["errors"] == [] and result["user"] == {"email": "anna@example.org"}
    assert claims(result["token"])["type"] == "access"


@pytest.mark.parametrize(
    ("make_token", "code"),
    [
        (lambda user: None, "JWT_MISSING_TOKEN"),
        (lambda user: "garbage", "JWT_DECODE_ERROR"),
        (lambda user: builders.tokens_for(user)[0], "JWT_INVALID_TOKEN"),
    ],
    ids=["missing", "garbage", "access-token"],
)
def test_refresh_refuses_what_is_not_a_valid_refresh_token(graphql, make_token, code):
    token = make_token(builders.customer())
    result = graphql(TOKEN_REFRESH, {"refreshToken": token})["data"]["tokenRefresh"]
    assert result["token"] is None
    assert result["errors"] == [{"field": "refreshToken", "code": code}]


def test_an_expired_refresh_token_is_jwt_signature_expired(graphql, settings):
    settings.VITRINE_ACCOUNTS = {**settings.VITRINE_ACCOUNTS, "REFRESH_TOKEN_SECONDS": -10}
    refresh = builders.tokens_for(builders.customer())[1]
    result = graphql(TOKEN_REFRESH, {"refreshToken": refresh})["data"]["tokenRefresh"]
    assert result["errors"] == [{"field": "refreshToken", "code": "JWT_SIGNATURE_EXPIRED"}]


def test_verify_answers_the_claims_and_the_user_of_a_valid_token(graphql):
    user = builders.customer("anna@example.org")
    access = builders.tokens_for(user)[0]
    result = graphql(TOKEN_VERIFY, {"token": access})["data"]["tokenVerify"]
    assert result["isValid"] is True and result["errors"] == []
    assert result["payload"]["type"] == "access" and result["payload"]["owner"] == "saleor"
    assert result["user"] == {"email": "anna@example.org"}


def test_verify_says_invalid_for_an_expired_token(graphql, settings):
    settings.VITRINE_ACCOUNTS = {**settings.VITRINE_ACCOUNTS, "ACCESS_TOKEN_SECONDS": -10}
    access = builders.tokens_for(builders.customer())[0]
    result = graphql(TOKEN_VERIFY, {"token": access})["data"]["tokenVerify"]
    assert result["isValid"] is False and result["payload"] is None
    assert result["errors"] == [{"field": "token", "code": "JWT_SIGNATURE_EXPIRED"}]


def test_signing_out_everywhere_revokes_every_token(as_customer, graphql):
    user = builders.customer()
    access, refresh = builders.tokens_for(user)
    other_device = builders.tokens_for(user)[0]
    result = as_customer(access, "mutation { tokensDeactivateAll { errors { code } } }")
    assert result["data"]["tokensDeactivateAll"]["errors"] == []
    assert as_customer(other_device, ME)["errors"][0]["extensions"] == {
        "exception": {"code": "InvalidTokenError"}
    }
    refreshed = graphql(TOKEN_REFRESH, {"refreshToken": refresh})["data"]["tokenRefresh"]
    assert refreshed["errors"] == [{"field": "refreshToken", "code": "JWT_INVALID_TOKEN"}]


def test_a_deactivated_account_loses_its_tokens(as_customer):
    user = builders.customer()
    access = builders.tokens_for(user)[0]
    user.is_active = False
    user.save()
    assert as_customer(access, ME)["errors"][0]["extensions"] == {
        "exception": {"code": "InvalidTokenError"}
    }


def test_tokens_outlive_a_secret_key_rotation_through_the_fallbacks(as_customer, settings):
    user = builders.customer()
    access = builders.tokens_for(user)[0]
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-for-the-rotation-" + "x" * 20
    assert as_customer(access, ME)["data"]["me"]["email"] == user.email
    settings.SECRET_KEY_FALLBACKS = []
    assert "errors" in as_customer(access, ME)


def test_tokens_are_signed_with_a_key_derived_from_the_secret_key(settings):
    user = builders.customer()
    access = builders.tokens_for(user)[0]
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(access, settings.SECRET_KEY, algorithms=["HS256"])
    assert tokens.decode_token(access, tokens.ACCESS)["email"] == user.email


def test_account_answers_are_never_cached_or_shared(client):
    assert not {"me", "consent", "accountDataExport"} & response_cache.PUBLIC_ROOT_FIELDS
    first, second = builders.customer("one@example.org"), builders.customer("two@example.org")
    answers = []
    for user in (first, second):
        response = client.get(
            "/graphql/",
            {"query": "{ me { email } }"},
            HTTP_AUTHORIZATION_BEARER=builders.tokens_for(user)[0],
        )
        assert response["Cache-Control"] == "private, no-store"
        answers.append(response.json()["data"]["me"]["email"])
    assert answers == ["one@example.org", "two@example.org"]
    anonymous = client.get("/graphql/", {"query": "{ me { email } }"})
    assert anonymous["Cache-Control"] == "private, no-store"
    assert anonymous.json() == {"data": {"me": None}}


def test_me_costs_a_constant_number_of_queries(as_customer, django_assert_max_num_queries):
    user = builders.customer()
    for n in range(5):
        address = builders.address(user, city=f"Gent {n}")
    user.customer.default_billing_address = address
    user.customer.default_shipping_address = address
    user.customer.save()
    query = """{ me { id email addresses { id city country { code country }
      isDefaultBillingAddress isDefaultShippingAddress }
      defaultBillingAddress { id isDefaultBillingAddress }
      defaultShippingAddress { id isDefaultShippingAddress } metadata { key } } }"""
    token = builders.tokens_for(user)[0]
    # The customer and addresses; +2: the museum the request is for (site, museum).
    with django_assert_max_num_queries(4):
        result = as_customer(token, query)
    me = result["data"]["me"]
    assert len(me["addresses"]) == 5
    assert me["defaultBillingAddress"]["isDefaultBillingAddress"] is True
    assert [a["isDefaultShippingAddress"] for a in me["addresses"]] == [False] * 4 + [True]
