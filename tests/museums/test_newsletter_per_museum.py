"""Each museum of the group has its own newsletter: a person subscribes to museum A's and
to museum B's separately (consent per museum), every link names and opens its museum,
staff of a museum see only its subscribers, and a data export or erasure covers every
museum's subscriptions."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from museum_site.museums.models import Museum
from shop.accounts.models import NewsletterSubscription
from shop.models import Checkout
from shop.services import checkout_expiry
from tests.accounts import builders as account_builders
from tests.accounts.test_guest_data_requests import ERASE, ask, export
from tests.museums import builders
from tests.museums.test_contact_register import _user

pytestmark = pytest.mark.django_db

EMAIL = "lies@example.org"
SUBSCRIBE = """mutation($email: String!) {
  newsletterSubscribe(email: $email, languageCode: "en") { errors { field code } } }"""
CONFIRM = """mutation($token: String!) {
  newsletterConfirm(token: $token) { subscription { status } errors { field code } } }"""
UNSUBSCRIBE = """mutation($token: String!) {
  newsletterUnsubscribe(token: $token) { subscription { status } errors { field code } } }"""
DESIGN = {"HTTP_HOST": "design.localhost"}


@pytest.fixture
def museums(settings):
    settings.ALLOWED_HOSTS = ["localhost", "design.localhost", "testserver"]
    account_builders.privacy_policy("2026-1-en", "en")
    return Museum.objects.default(), builders.museum("design", name="Design Museum")


def _links(message) -> dict[str, str]:
    urls = [word for word in message.body.split() if word.startswith("http")]
    return {urlsplit(url).path.rsplit("/", 1)[-1]: url for url in urls}


def _token(url: str) -> str:
    return parse_qs(urlsplit(url).query)["token"][0]


def _subscribe(graphql, mailoutbox, **host) -> dict[str, str]:
    mails = len(mailoutbox)
    assert graphql(SUBSCRIBE, {"email": EMAIL}, **host)["data"]["newsletterSubscribe"] == {
        "errors": []
    }
    assert len(mailoutbox) == mails + 1
    return _links(mailoutbox[-1])


def _status(museum: Museum) -> str | None:
    row = NewsletterSubscription.objects.filter(museum=museum, email=EMAIL).first()
    return row.status if row else None


def test_a_person_subscribes_to_each_museums_newsletter_separately(
    museums, mailing_graphql, mailoutbox
):
    graphql = mailing_graphql
    fine_arts, design = museums
    at_design = _subscribe(graphql, mailoutbox, **DESIGN)
    # The design museum's e-mail names it and links to its own site.
    assert mailoutbox[-1].subject.startswith("Design Museum:")
    assert at_design["confirm"].startswith("http://design.localhost/en/newsletter/confirm?")
    assert at_design["unsubscribe"].startswith("http://design.localhost/en/newsletter/")
    assert (_status(fine_arts), _status(design)) == (None, "PENDING")

    # The fine-arts museum's endpoint does not take the design museum's link.
    refused = graphql(CONFIRM, {"token": _token(at_design["confirm"])})
    assert refused["data"]["newsletterConfirm"]["errors"] == [{"field": "token", "code": "INVALID"}]
    assert _status(design) == "PENDING"
    confirmed = graphql(CONFIRM, {"token": _token(at_design["confirm"])}, **DESIGN)
    assert confirmed["data"]["newsletterConfirm"]["subscription"]["status"] == "CONFIRMED"
    assert (_status(fine_arts), _status(design)) == (None, "CONFIRMED")

    # A separate sign-up, with its own consent, at the fine-arts museum.
    at_fine_arts = _subscribe(graphql, mailoutbox)
    assert at_fine_arts["confirm"].startswith("http://localhost:8000/en/newsletter/confirm?")
    graphql(CONFIRM, {"token": _token(at_fine_arts["confirm"])})
    assert (_status(fine_arts), _status(design)) == ("CONFIRMED", "CONFIRMED")

    # Leaving one museum's newsletter leaves the other's as it is.
    unsubscribe = _token(at_fine_arts["unsubscribe"])
    refused = graphql(UNSUBSCRIBE, {"token": unsubscribe}, **DESIGN)
    assert refused["data"]["newsletterUnsubscribe"]["errors"] == [
        {"field": "token", "code": "INVALID"}
    ]
    graphql(UNSUBSCRIBE, {"token": unsubscribe})
    assert (_status(fine_arts), _status(design)) == ("UNSUBSCRIBED", "CONFIRMED")


def test_staff_see_only_their_museums_subscribers(museums, client, django_user_model):
    fine_arts, design = museums
    for museum, email in ((fine_arts, "fa@example.org"), (design, "dm@example.org")):
        NewsletterSubscription.objects.create(museum=museum, email=email, status="CONFIRMED")
    other = NewsletterSubscription.objects.get(museum=design)
    staff = _user(django_user_model, "fien", fine_arts)
    from django.contrib.auth.models import Permission

    staff.groups.first().permissions.add(
        Permission.objects.get(codename="view_newslettersubscription")
    )
    client.force_login(staff)
    listing = client.get(reverse("newsletter_subscribers:index"))
    assert [row.email for row in listing.context["object_list"]] == ["fa@example.org"]
    export_csv = client.get(reverse("newsletter_subscribers:index"), {"export": "csv"})
    assert b"dm@example.org" not in b"".join(export_csv.streaming_content)
    inspect = client.get(reverse("newsletter_subscribers:inspect", args=[other.pk]))
    assert inspect.status_code in (302, 403, 404)

    client.force_login(_user(django_user_model, "office", group_role=True))
    office = django_user_model.objects.get(username="office")
    office.groups.first().permissions.add(
        Permission.objects.get(codename="view_newslettersubscription")
    )
    listing = client.get(reverse("newsletter_subscribers:index"))
    assert {row.email for row in listing.context["object_list"]} == {
        "fa@example.org",
        "dm@example.org",
    }
    assert client.get(reverse("newsletter_subscribers:inspect", args=[other.pk])).status_code == 200


def test_export_and_erasure_cover_every_museums_subscription(museums, mailing_graphql, mailoutbox):
    graphql = mailing_graphql
    fine_arts, design = museums
    NewsletterSubscription.objects.create(museum=fine_arts, email=EMAIL, status="CONFIRMED")
    NewsletterSubscription.objects.create(museum=design, email=EMAIL, status="PENDING")

    data = export(graphql, ask(graphql, mailoutbox, "EXPORT", EMAIL))
    assert sorted((row["museum"], row["status"]) for row in data["newsletter"]) == [
        ("Design Museum", "PENDING"),
        (fine_arts.name, "CONFIRMED"),
    ]
    answer = graphql(ERASE, {"token": ask(graphql, mailoutbox, "ERASURE", EMAIL)})
    assert answer["data"]["dataErasureConfirm"]["errors"] == []
    assert not NewsletterSubscription.objects.exists()


def test_the_checkout_reminder_asks_the_consent_of_the_checkouts_museum(museums):
    fine_arts, design = museums
    NewsletterSubscription.objects.create(museum=fine_arts, email=EMAIL, status="CONFIRMED")
    at_fine_arts = Checkout.objects.create(museum=fine_arts, email=EMAIL)
    at_design = Checkout.objects.create(museum=design, email=EMAIL)
    assert checkout_expiry.consented_to_marketing(at_fine_arts)
    assert not checkout_expiry.consented_to_marketing(at_design)
    NewsletterSubscription.objects.create(museum=design, email=EMAIL, status="CONFIRMED")
    assert checkout_expiry.consented_to_marketing(at_design)
    # Its link opens the checkout's own museum's site.
    link = checkout_expiry.resume_link(at_design)
    assert link.startswith("http://design.localhost/")


def test_existing_subscriptions_belong_to_the_default_museum(museums):
    fine_arts, _design = museums
    row = NewsletterSubscription.objects.create(
        email=EMAIL, status="CONFIRMED", requested_at=timezone.now() - timedelta(days=1)
    )
    assert row.museum == fine_arts
