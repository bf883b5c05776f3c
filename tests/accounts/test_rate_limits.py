"""Limits on the mutations that mail an address anyone can type, and on guessing
passwords: a stranger cannot flood a mailbox through the museum, nor try passwords
without end, and being refused tells nobody whether an address is known."""

from __future__ import annotations

import time

import pytest
from django.test import RequestFactory

from shop.accounts import rate_limits
from shop.accounts.models import NewsletterSubscription
from tests.accounts import builders

pytestmark = pytest.mark.django_db

KNOWN = "anna@example.org"
UNKNOWN = "nobody@example.org"
OTHER = "bert@example.org"
REDIRECT = "http://localhost:3000/account/confirm"

MUTATIONS = {
    "accountRegister": """mutation($email: String!) {
      accountRegister(input: {email: $email, password: "Leiekaai-12-Gent",
        redirectUrl: "http://localhost:3000/account/confirm"}) {
        errors { field code message } } }""",
    "requestPasswordReset": """mutation($email: String!) {
      requestPasswordReset(email: $email, redirectUrl: "http://localhost:3000/account/reset") {
        errors { field code message } } }""",
    "dataRequestCreate": """mutation($email: String!) {
      dataRequestCreate(email: $email, kind: ERASURE, languageCode: "en") {
        errors { field code message } } }""",
    "newsletterSubscribe": """mutation($email: String!) {
      newsletterSubscribe(email: $email, languageCode: "en") {
        errors { field code message } } }""",
}
REFUSED_WITH = {
    "accountRegister": "RATE_LIMITED",
    "requestPasswordReset": "PASSWORD_RESET_ALREADY_REQUESTED",
    "dataRequestCreate": "RATE_LIMITED",
    "newsletterSubscribe": "RATE_LIMITED",
}
TOKEN_CREATE = """mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token errors { field code message } } }"""


@pytest.fixture(autouse=True)
def policy():
    builders.privacy_policy("2026-1-en", "en")  # the newsletter needs one to consent to


@pytest.fixture
def known():
    """An address the shop holds: an account, which is also on the newsletter."""
    user = builders.customer(KNOWN)
    NewsletterSubscription.objects.create(email=KNOWN, status="CONFIRMED", language_code="en")
    return user


def ask(graphql, mutation: str, email: str, ip: str = "127.0.0.1") -> list[dict]:
    result = graphql(MUTATIONS[mutation], {"email": email}, REMOTE_ADDR=ip)
    return result["data"][mutation]["errors"]


def refusal(code: str) -> list[dict]:
    return [{"field": None, "code": code, "message": rate_limits.TRY_LATER}]


def sign_in(graphql, email: str, password: str, ip: str = "127.0.0.1") -> dict:
    variables = {"email": email, "password": password}
    return graphql(TOKEN_CREATE, variables, REMOTE_ADDR=ip)["data"]["tokenCreate"]


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_the_sixth_mail_to_one_address_in_an_hour_is_refused_and_not_sent(
    graphql, mailoutbox, known, mutation
):
    for _ in range(5):
        assert ask(graphql, mutation, KNOWN) == []
    assert len(mailoutbox) == 5

    assert ask(graphql, mutation, KNOWN) == refusal(REFUSED_WITH[mutation])
    assert ask(graphql, mutation, KNOWN.upper()) == refusal(REFUSED_WITH[mutation])
    assert len(mailoutbox) == 5

    builders.customer(OTHER)  # another address still gets its mail
    NewsletterSubscription.objects.create(email=OTHER, status="PENDING", language_code="en")
    assert ask(graphql, mutation, OTHER) == []
    assert len(mailoutbox) == 6 and mailoutbox[-1].to == [OTHER]


@pytest.mark.parametrize("mutation", ["requestPasswordReset", "dataRequestCreate"])
def test_a_refusal_does_not_tell_whether_the_address_is_known(graphql, known, mutation):
    """These answer the same for addresses the shop holds nothing about (and mail
    nothing then); so do their limits: an unknown address is counted all the same."""
    answers = {
        email: [ask(graphql, mutation, email) for _ in range(7)] for email in (KNOWN, UNKNOWN)
    }
    assert answers[KNOWN] == answers[UNKNOWN] == [[]] * 5 + [refusal(REFUSED_WITH[mutation])] * 2


def test_a_subscriber_and_a_stranger_are_refused_alike(graphql, known, mailoutbox):
    answers = {
        email: [ask(graphql, "newsletterSubscribe", email) for _ in range(6)]
        for email in (KNOWN, UNKNOWN)
    }
    assert answers[KNOWN] == answers[UNKNOWN] == [[]] * 5 + [refusal("RATE_LIMITED")]


def test_one_address_gets_five_mails_an_hour_whichever_form_sends_them(graphql, known, mailoutbox):
    """One mailbox fills up the same whichever form is used to fill it."""
    for mutation in ("newsletterSubscribe", "newsletterSubscribe", "dataRequestCreate"):
        assert ask(graphql, mutation, KNOWN) == []
    assert ask(graphql, "accountRegister", KNOWN) == []  # "you already have an account"
    assert ask(graphql, "requestPasswordReset", KNOWN) == []
    assert len(mailoutbox) == 5

    assert ask(graphql, "dataRequestCreate", KNOWN) == refusal("RATE_LIMITED")
    assert ask(graphql, "requestPasswordReset", KNOWN) == refusal(
        "PASSWORD_RESET_ALREADY_REQUESTED"
    )
    assert len(mailoutbox) == 5


def test_one_client_may_have_twenty_addresses_mailed_an_hour(graphql, mailoutbox):
    for n in range(20):
        assert (
            ask(graphql, "newsletterSubscribe", f"visitor{n}@example.org", ip="203.0.113.7") == []
        )

    assert ask(graphql, "newsletterSubscribe", "one-more@example.org", ip="203.0.113.7") == (
        refusal("RATE_LIMITED")
    )
    assert ask(graphql, "requestPasswordReset", "one-more@example.org", ip="203.0.113.7") == (
        refusal("PASSWORD_RESET_ALREADY_REQUESTED")
    )
    assert len(mailoutbox) == 20
    # Another client is not held back by this one.
    assert ask(graphql, "newsletterSubscribe", "one-more@example.org", ip="198.51.100.2") == []
    assert len(mailoutbox) == 21


def test_aliases_in_one_request_are_each_counted(graphql, mailoutbox):
    fields = "\n".join(
        f'n{n}: newsletterSubscribe(email: "{KNOWN}", languageCode: "en") {{ errors {{ code }} }}'
        for n in range(7)
    )
    answer = graphql(f"mutation {{ {fields} }}")["data"]
    assert [answer[f"n{n}"]["errors"] for n in range(7)] == [[]] * 5 + [
        [{"code": "RATE_LIMITED"}]
    ] * 2
    assert len(mailoutbox) == 5


def test_input_errors_are_not_counted(graphql, mailoutbox):
    """A visitor who mistypes is not locked out: only requests that could mail count."""
    bad = """mutation { accountRegister(input: {email: "anna@example.org", password: "short",
      redirectUrl: "http://localhost:3000/account/confirm"}) { errors { field code } } }"""
    for _ in range(8):
        assert graphql(bad)["data"]["accountRegister"]["errors"][0]["code"] == "PASSWORD_TOO_SHORT"
    assert ask(graphql, "accountRegister", KNOWN) == []
    assert len(mailoutbox) == 1


def test_after_the_window_the_address_may_ask_again(graphql, mailoutbox, monkeypatch):
    for _ in range(5):
        ask(graphql, "newsletterSubscribe", KNOWN)
    assert ask(graphql, "newsletterSubscribe", KNOWN) == refusal("RATE_LIMITED")

    later = time.time() + 3600

    class AnHourLater:
        @staticmethod
        def time() -> float:
            return later

    monkeypatch.setattr("django_ratelimit.core.time", AnHourLater)
    assert ask(graphql, "newsletterSubscribe", KNOWN) == []
    assert len(mailoutbox) == 6


def test_the_limits_are_settings(graphql, mailoutbox, settings):
    settings.VITRINE_RATE_LIMITS = {"MAIL_PER_ADDRESS": "2/h"}
    assert [ask(graphql, "newsletterSubscribe", KNOWN) for _ in range(3)] == [
        [],
        [],
        refusal("RATE_LIMITED"),
    ]

    settings.VITRINE_RATE_LIMITS = {"MAIL_PER_ADDRESS": None, "MAIL_PER_IP": None}
    assert [ask(graphql, "newsletterSubscribe", OTHER) for _ in range(8)] == [[]] * 8


# --- Signing in ---------------------------------------------------------------------------


def test_ten_failed_sign_ins_delay_the_next_even_with_the_right_password(graphql, known):
    for _ in range(10):
        assert sign_in(graphql, KNOWN, "wrong")["errors"][0]["code"] == "INVALID_CREDENTIALS"

    delayed = sign_in(graphql, KNOWN, builders.PASSWORD)

    assert delayed == {
        "token": None,
        "errors": [
            {"field": None, "code": "LOGIN_ATTEMPT_DELAYED", "message": rate_limits.SIGN_IN_LATER}
        ],
    }
    # The owner of another address signs in as before.
    builders.customer(OTHER)
    assert sign_in(graphql, OTHER, builders.PASSWORD)["token"]


def test_an_unknown_address_is_delayed_like_a_known_one(graphql, known):
    answers = {
        email: [sign_in(graphql, email, "wrong")["errors"][0]["code"] for _ in range(11)]
        for email in (KNOWN, UNKNOWN)
    }
    assert (
        answers[KNOWN]
        == answers[UNKNOWN]
        == ["INVALID_CREDENTIALS"] * 10 + ["LOGIN_ATTEMPT_DELAYED"]
    )


def test_successful_sign_ins_are_not_counted(graphql, known):
    for _ in range(15):
        assert sign_in(graphql, KNOWN, builders.PASSWORD)["errors"] == []


def test_one_client_guessing_across_addresses_is_delayed(graphql, settings):
    settings.VITRINE_RATE_LIMITS = {"LOGIN_FAILURES_PER_IP": "5/15m"}
    builders.customer(KNOWN)
    for n in range(5):
        sign_in(graphql, f"guess{n}@example.org", "wrong", ip="203.0.113.9")

    assert sign_in(graphql, KNOWN, builders.PASSWORD, ip="203.0.113.9")["errors"][0]["code"] == (
        "LOGIN_ATTEMPT_DELAYED"
    )
    assert sign_in(graphql, KNOWN, builders.PASSWORD, ip="198.51.100.2")["token"]


# --- Who the client is --------------------------------------------------------------------


def client_of(settings, proxies: int, **meta) -> str:
    settings.VITRINE_RATE_LIMITS = {"TRUSTED_PROXIES": proxies}
    return rate_limits.client_ip(RequestFactory().post("/graphql/", **meta))


def test_without_a_trusted_proxy_a_forged_forwarded_header_changes_nothing(settings):
    assert client_of(settings, 0, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="1.2.3.4") == (
        "203.0.113.7"
    )


def test_behind_a_trusted_proxy_the_client_is_the_address_it_saw(settings):
    forwarded = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7"}
    assert client_of(settings, 1, **forwarded) == "203.0.113.7"  # 1.2.3.4: the client's forgery
    assert client_of(settings, 2, **forwarded) == "1.2.3.4"
    # A header shorter than the proxies we have, or garbage: the proxy's own address.
    assert client_of(settings, 3, **forwarded) == "10.0.0.1"
    assert client_of(settings, 1, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="nonsense") == (
        "10.0.0.1"
    )


def test_an_ipv6_client_is_counted_by_its_slash_64(settings):
    assert client_of(settings, 0, REMOTE_ADDR="2001:db8:1:2:aaaa::1") == "2001:db8:1:2::"
    assert client_of(settings, 0, REMOTE_ADDR="2001:db8:1:2:bbbb::9") == "2001:db8:1:2::"
