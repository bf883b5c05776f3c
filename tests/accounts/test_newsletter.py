"""Newsletter sign-up with double opt-in: nobody is subscribed until the e-mailed link is
followed, the sign-up form reveals no subscriber, and the subscription is part of the
data a person downloads and erases."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from museum_site.museums.models import Museum
from shop.accounts import newsletter
from shop.accounts.models import NewsletterSubscription
from tests.accounts import builders
from tests.accounts.conftest import link_params
from tests.accounts.test_erasure_and_export import DELETE, EXPORT, request_deletion

pytestmark = pytest.mark.django_db

EMAIL = "lies@example.org"
SUBSCRIBE = """mutation($email: String!, $lang: String) {
  newsletterSubscribe(email: $email, languageCode: $lang) { errors { field code message } } }"""
CONFIRM = """mutation($token: String!) {
  newsletterConfirm(token: $token) {
    subscription { email status languageCode confirmedAt policyVersion }
    errors { field code } } }"""
UNSUBSCRIBE = """mutation($token: String!) {
  newsletterUnsubscribe(token: $token) {
    subscription { email status unsubscribedAt } errors { field code } } }"""


@pytest.fixture(autouse=True)
def policy():
    builders.privacy_policy("2026-1", "nl")
    builders.privacy_policy("2026-1-en", "en")


def subscribe(graphql, mailoutbox, email: str = EMAIL, lang: str = "en") -> dict:
    """Sign up as the frontend's form does; the answer and the e-mail it sends."""
    mails = len(mailoutbox)
    result = graphql(SUBSCRIBE, {"email": email, "lang": lang})
    assert len(mailoutbox) == mails + 1
    assert mailoutbox[-1].to == [email.strip().lower()]
    return result


def links(message) -> dict[str, str]:
    """The links in a newsletter e-mail, by page path ending, e.g. `confirm`."""
    urls = [word for word in message.body.split() if word.startswith("http")]
    return {urlsplit(url).path.rsplit("/", 1)[-1]: url for url in urls}


def token_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["token"][0]


def confirm_token(message) -> str:
    url = links(message)["confirm"]
    assert url.startswith("http://localhost:8000/en/newsletter/confirm?token=")
    return token_of(url)


def unsubscribe_token(message) -> str:
    url = links(message)["unsubscribe"]
    assert url.startswith("http://localhost:8000/en/newsletter/unsubscribe?token=")
    return token_of(url)


def row() -> NewsletterSubscription:
    return NewsletterSubscription.objects.get(email=EMAIL)


def test_nobody_is_subscribed_until_the_emailed_link_is_followed(graphql, mailoutbox):
    result = subscribe(graphql, mailoutbox)
    assert result == {"data": {"newsletterSubscribe": {"errors": []}}}
    assert row().status == "PENDING" and row().confirmed_at is None
    assert row().policy_version == ""
    token = confirm_token(mailoutbox[-1])

    answer = graphql(CONFIRM, {"token": token})["data"]["newsletterConfirm"]
    assert answer["errors"] == []
    subscription = answer["subscription"]
    assert subscription["status"] == "CONFIRMED" and subscription["policyVersion"] == "2026-1-en"
    assert subscription["languageCode"] == "en" and subscription["email"] == EMAIL
    stored = row()
    assert stored.status == "CONFIRMED" and stored.policy_version == "2026-1-en"
    assert stored.confirmed_at is not None

    # Following the link again (a double click, a mail client's preview) changes nothing.
    again = graphql(CONFIRM, {"token": token})["data"]["newsletterConfirm"]
    assert again == answer
    assert row().confirmed_at == stored.confirmed_at


def test_the_form_answers_the_same_for_new_and_subscribed_addresses(graphql, mailoutbox):
    first = subscribe(graphql, mailoutbox, "Lies@Example.org ")
    graphql(CONFIRM, {"token": confirm_token(mailoutbox[-1])})
    confirmed_at = row().confirmed_at

    again = subscribe(graphql, mailoutbox)
    unknown = subscribe(graphql, mailoutbox, "nobody@example.org")
    assert first == again == unknown == {"data": {"newsletterSubscribe": {"errors": []}}}
    # The subscriber is told in their own mailbox, and stays confirmed as they were.
    assert "confirm" not in links(mailoutbox[-2]) and "unsubscribe" in links(mailoutbox[-2])
    assert (row().status, row().confirmed_at) == ("CONFIRMED", confirmed_at)
    assert NewsletterSubscription.objects.get(email="nobody@example.org").status == "PENDING"


def test_bad_input_is_an_error_and_stores_nothing(graphql, mailoutbox):
    result = graphql(SUBSCRIBE, {"email": "not-an-address", "lang": "en"})
    assert result["data"]["newsletterSubscribe"]["errors"][0]["code"] == "INVALID"
    result = graphql(SUBSCRIBE, {"email": EMAIL, "lang": "fr"})  # no policy in French
    assert [(e["field"], e["code"]) for e in result["data"]["newsletterSubscribe"]["errors"]] == [
        ("languageCode", "PRIVACY_POLICY_MISSING")
    ]
    assert not NewsletterSubscription.objects.exists() and mailoutbox == []


def test_a_tampered_or_expired_link_changes_nothing(graphql, mailoutbox, settings):
    subscribe(graphql, mailoutbox)
    token = confirm_token(mailoutbox[-1])
    for forged in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), "", "nonsense"):
        answer = graphql(CONFIRM, {"token": forged})["data"]["newsletterConfirm"]
        assert answer == {"subscription": None, "errors": [{"field": "token", "code": "INVALID"}]}
    settings.VITRINE_ACCOUNTS = {**settings.VITRINE_ACCOUNTS, "NEWSLETTER_CONFIRM_LINK_SECONDS": -1}
    answer = graphql(CONFIRM, {"token": token})["data"]["newsletterConfirm"]
    assert answer == {"subscription": None, "errors": [{"field": "token", "code": "EXPIRED"}]}
    assert (row().status, row().confirmed_at, row().policy_version) == ("PENDING", None, "")


def test_a_new_request_replaces_the_earlier_link(graphql, mailoutbox):
    subscribe(graphql, mailoutbox)
    old = confirm_token(mailoutbox[-1])
    subscribe(graphql, mailoutbox)
    answer = graphql(CONFIRM, {"token": old})["data"]["newsletterConfirm"]
    assert answer["errors"] == [{"field": "token", "code": "INVALID"}]
    assert row().status == "PENDING"
    new = confirm_token(mailoutbox[-1])
    assert graphql(CONFIRM, {"token": new})["data"]["newsletterConfirm"]["errors"] == []


def test_the_unsubscribe_link_leaves_the_newsletter_for_good(graphql, mailoutbox, settings):
    subscribe(graphql, mailoutbox)
    message = mailoutbox[-1]
    graphql(CONFIRM, {"token": confirm_token(message)})
    # A newsletter's link (newsletter.unsubscribe_url) does not expire, unlike the confirmation.
    settings.VITRINE_ACCOUNTS = {**settings.VITRINE_ACCOUNTS, "NEWSLETTER_CONFIRM_LINK_SECONDS": -1}
    token = token_of(newsletter.unsubscribe_url(row()))
    assert token == unsubscribe_token(message)

    forged = graphql(UNSUBSCRIBE, {"token": token + "x"})["data"]["newsletterUnsubscribe"]
    assert forged["errors"] == [{"field": "token", "code": "INVALID"}]
    assert row().status == "CONFIRMED"

    answer = graphql(UNSUBSCRIBE, {"token": token})["data"]["newsletterUnsubscribe"]
    assert answer["errors"] == [] and answer["subscription"]["status"] == "UNSUBSCRIBED"
    assert row().status == "UNSUBSCRIBED" and row().unsubscribed_at is not None
    # The old confirmation link does not sign them up again.
    settings.VITRINE_ACCOUNTS = {**settings.VITRINE_ACCOUNTS, "NEWSLETTER_CONFIRM_LINK_SECONDS": 60}
    again = graphql(CONFIRM, {"token": confirm_token(message)})["data"]["newsletterConfirm"]
    assert again["errors"] == [{"field": "token", "code": "INVALID"}]
    assert row().status == "UNSUBSCRIBED"


def test_the_customers_export_holds_the_subscription_and_erasure_deletes_it(
    graphql, as_customer, mailoutbox
):
    lies = builders.customer(EMAIL)
    subscribe(graphql, mailoutbox)
    graphql(CONFIRM, {"token": confirm_token(mailoutbox[-1])})

    export = json.loads(as_customer(lies, EXPORT)["data"]["accountDataExport"])
    assert [row | {"requestedAt": None, "confirmedAt": None} for row in export["newsletter"]] == [
        {
            "museum": Museum.objects.default().name,
            "email": EMAIL,
            "languageCode": "en",
            "status": "CONFIRMED",
            "policyVersion": "2026-1-en",
            "requestedAt": None,
            "confirmedAt": None,
            "unsubscribedAt": None,
        }
    ]
    assert export["newsletter"][0]["confirmedAt"] == row().confirmed_at.isoformat()

    token = request_deletion(as_customer, lies, mailoutbox)
    assert as_customer(lies, DELETE, {"token": token})["data"]["accountDelete"]["errors"] == []
    assert not NewsletterSubscription.objects.exists()


GUEST_REQUEST = """mutation($email: String!, $kind: DataRequestKind!) {
  dataRequestCreate(email: $email, kind: $kind, languageCode: "en") { errors { code } } }"""
GUEST_EXPORT = (
    """mutation($token: String!) { dataExport(token: $token) { data errors { code } } }"""
)
GUEST_ERASE = """mutation($token: String!) {
  dataErasureConfirm(token: $token) { erasure { hadAccount } errors { code } } }"""


def test_a_subscription_alone_is_data_a_guest_downloads_and_erases(graphql, mailoutbox):
    subscribe(graphql, mailoutbox)  # pending is held data too: the address is stored

    def ask(kind: str) -> str:
        mails = len(mailoutbox)
        result = graphql(GUEST_REQUEST, {"email": EMAIL, "kind": kind})
        assert result["data"]["dataRequestCreate"] == {"errors": []}
        assert len(mailoutbox) == mails + 1, "a subscription alone is data held"
        return link_params(mailoutbox[-1])["token"]

    answer = graphql(GUEST_EXPORT, {"token": ask("EXPORT")})["data"]["dataExport"]
    data = json.loads(answer["data"])
    assert [(row["email"], row["status"]) for row in data["newsletter"]] == [(EMAIL, "PENDING")]

    answer = graphql(GUEST_ERASE, {"token": ask("ERASURE")})["data"]["dataErasureConfirm"]
    assert answer == {"erasure": {"hadAccount": False}, "errors": []}
    assert not NewsletterSubscription.objects.exists()
    # Nothing is held any more: a new request mails nothing.
    mails = len(mailoutbox)
    graphql(GUEST_REQUEST, {"email": EMAIL, "kind": "EXPORT"})
    assert len(mailoutbox) == mails
