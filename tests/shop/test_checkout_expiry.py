"""Checkouts that end (issue 12, point 5): open checkouts expire after a configurable
number of idle days and hold nothing; one reminder before that, only to people who
consented to marketing, whose link resumes the checkout or starts a fresh one."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from museum_site import scheduler
from shop.accounts.models import NewsletterSubscription
from shop.models import Address, Checkout, Payment
from shop.services import checkout_expiry
from tests.shop import builders

pytestmark = pytest.mark.django_db

RESUME = """mutation($link: String!) { checkoutResume(link: $link) {
  fresh errors { field code } checkout { token email lines { quantity variant { sku } } } } }"""


@pytest.fixture
def shop(settings):
    settings.VITRINE_SHOP_CHECKOUT_EXPIRY_DAYS = 10
    settings.VITRINE_SHOP_CHECKOUT_REMINDER_DAYS = 2
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=5)
    builders.product(title="Mok", variants=[builders.variant("MUG", "9.00")], stock=5)


def _idle(checkout: Checkout, days: float) -> None:
    Checkout.objects.filter(pk=checkout.pk).update(updated_at=timezone.now() - timedelta(days=days))


def _subscribed(email: str) -> None:
    NewsletterSubscription.objects.create(
        email=email, status=NewsletterSubscription.Status.CONFIRMED, confirmed_at=timezone.now()
    )


def _link(message) -> str:
    return re.search(r"\?resume=(\S+)", message.body).group(1)


def test_one_reminder_goes_only_to_people_who_consented(shop, mailoutbox):
    consenting = builders.ready_checkout(("POSTER", 2), email="anna@example.be", locale="nl")
    silent = builders.ready_checkout(("MUG", 1), email="bob@example.be")
    fresh = builders.ready_checkout(("MUG", 1), email="carla@example.be")
    _subscribed("anna@example.be")
    _subscribed("carla@example.be")
    _idle(consenting, 3)
    _idle(silent, 3)
    _idle(fresh, 1)  # not idle long enough yet

    call_command("expire_checkouts")
    call_command("expire_checkouts")  # once only

    [reminder] = mailoutbox
    assert reminder.to == ["anna@example.be"]
    assert "winkelmand" in reminder.subject  # a Dutch checkout, a Dutch reminder
    assert reminder.from_email.startswith(consenting.museum.name)
    assert "2 × Affiche" in reminder.body
    assert "/nl/afrekenen?resume=" in reminder.body
    assert 'href="http' in reminder.alternatives[0][0]
    consenting.refresh_from_db()
    assert consenting.reminded_at is not None
    # The reminder does not prolong the checkout.
    assert consenting.updated_at < timezone.now() - timedelta(days=2)


def test_the_link_resumes_the_checkout_or_starts_a_fresh_one_with_the_same_lines(
    shop, graphql, mailoutbox
):
    checkout = builders.ready_checkout(("POSTER", 2), ("MUG", 1), email="anna@example.be")
    _subscribed("anna@example.be")
    _idle(checkout, 3)
    checkout_expiry.remind()
    link = _link(mailoutbox[0])

    resumed = graphql(RESUME, {"link": link})["data"]["checkoutResume"]
    assert resumed["errors"] == [] and resumed["fresh"] is False
    assert resumed["checkout"]["token"] == str(checkout.token)

    addresses = [checkout.shipping_address_id, checkout.billing_address_id]
    _idle(checkout, 11)
    assert checkout_expiry.expire() == 1
    assert not Checkout.objects.filter(pk=checkout.pk).exists()
    assert not Address.objects.filter(pk__in=addresses).exists()  # nothing of theirs stays

    again = graphql(RESUME, {"link": link})["data"]["checkoutResume"]
    assert again["errors"] == [] and again["fresh"] is True
    assert again["checkout"]["token"] != str(checkout.token)
    assert again["checkout"]["email"] == "anna@example.be"
    assert sorted(
        (line["variant"]["sku"], line["quantity"]) for line in again["checkout"]["lines"]
    ) == [
        ("MUG", 1),
        ("POSTER", 2),
    ]


def test_a_forged_link_or_another_museums_link_resumes_nothing(shop, graphql):
    answer = graphql(RESUME, {"link": "forged"})["data"]["checkoutResume"]
    assert answer["checkout"] is None
    assert answer["errors"] == [{"field": "link", "code": "NOT_FOUND"}]
    checkout = builders.ready_checkout(("MUG", 1))
    link = checkout_expiry.resume_link(checkout).split("?resume=")[1]
    assert checkout_expiry.resume(link, museum_id=checkout.museum_id + 999) is None


def test_expiry_spares_recent_checkouts_and_those_being_paid(shop):
    old = builders.ready_checkout(("MUG", 1))
    recent = builders.ready_checkout(("MUG", 1))
    paying = builders.ready_checkout(("POSTER", 1))
    Payment.objects.create(
        checkout_token=paying.token,
        museum=paying.museum,
        attempt=1,
        intent_id=f"pi_{uuid.uuid4().hex}",
        amount="12.10",
        status=Payment.Status.PENDING,
    )
    for checkout in (old, paying):
        _idle(checkout, 11)
    _idle(recent, 9)
    assert checkout_expiry.expire() == 1
    assert set(Checkout.objects.values_list("pk", flat=True)) == {recent.pk, paying.pk}


def test_the_scheduler_runs_it():
    assert "expire_checkouts" in {job.command for job in scheduler.JOBS}
