"""GDPR for guests: whoever ordered without an account downloads and erases what the shop
holds under their e-mail address, through a link mailed to that address.

The guest's orders are real ones, paid with a localstripe test card as in
tests/shop/test_erasure.py, whose helpers say what "nothing finds them" means: the admin's
order and user searches, GraphQL answers, and every text column of the shop's tables.
"""

from __future__ import annotations

import json
import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model

from shop.accounts.models import ErasureRecord
from shop.models import Checkout, Order, OrderEvent, RetainedInvoice
from shop.services import orders as order_service
from tests.accounts import builders as account_builders
from tests.accounts.conftest import link_params
from tests.shop import builders
from tests.shop.test_erasure import EMAIL, ORDER, SECRETS, _admin_finds, _rows_mentioning

pytestmark = pytest.mark.django_db

REQUEST = """mutation($email: String!, $kind: DataRequestKind!) {
  dataRequestCreate(email: $email, kind: $kind, languageCode: "en") {
    errors { field code message } } }"""
EXPORT = """mutation($token: String!) {
  dataExport(token: $token) { data errors { field code } } }"""
ERASE = """mutation($token: String!) {
  dataErasureConfirm(token: $token) {
    erasure { hadAccount orders checkouts erasedAt } errors { field code } } }"""


def ask(graphql, mailoutbox, kind: str, email: str = EMAIL) -> str:
    """Request a link as the frontend's form does; the token from the e-mail it sends."""
    mails = len(mailoutbox)
    result = graphql(REQUEST, {"email": email, "kind": kind})
    assert result == {"data": {"dataRequestCreate": {"errors": []}}}
    assert len(mailoutbox) == mails + 1
    message = mailoutbox[-1]
    assert message.to == [email]
    url = next(word for word in message.body.split() if word.startswith("http"))
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "http://localhost:8000/en/privacy/request"
    )
    return link_params(message)["token"]


def export(graphql, token: str) -> dict:
    answer = graphql(EXPORT, {"token": token})["data"]["dataExport"]
    assert answer["errors"] == []
    return json.loads(answer["data"])


def test_a_guest_downloads_then_erases_their_data_through_the_emailed_link(
    shop,
    buy,
    graphql,
    staff,
    mailoutbox,
):
    underway = buy()  # paid as a guest, to be picked up: its parcel address is kept
    delivered = buy()
    order_service.fulfil(delivered.pk)
    open_checkout = builders.ready_checkout(("POSTER", 1), email=EMAIL)
    numbers = sorted([underway.invoice_number, delivered.invoice_number])
    assert sorted(_admin_finds(staff, EMAIL)["orders"]) == numbers

    data = export(graphql, ask(graphql, mailoutbox, "EXPORT"))
    assert data["profile"]["email"] == EMAIL and data["addresses"] == []
    assert sorted(entry["number"] for entry in data["orders"]) == numbers
    assert all("Peeters" in entry["billingAddress"] for entry in data["orders"])
    assert all(entry["payments"][0]["stripePaymentIntent"] for entry in data["orders"])
    (cart,) = data["checkouts"]
    assert cart["token"] == str(open_checkout.token) and cart["lines"] == [
        {"sku": "POSTER", "quantity": 1}
    ]

    token = ask(graphql, mailoutbox, "ERASURE")
    answer = graphql(ERASE, {"token": token})["data"]["dataErasureConfirm"]
    assert answer["errors"] == []
    assert answer["erasure"] | {"erasedAt": None} == {
        "hadAccount": False,
        "orders": 2,
        "checkouts": 1,
        "erasedAt": None,
    }

    # Nothing finds the guest: not the admin's searches, not GraphQL.
    for query in (EMAIL, "anna.peeters", "Peeters"):
        assert _admin_finds(staff, query) == {"orders": [], "users": []}, query
    for order in (underway, delivered):
        text = json.dumps(graphql(ORDER, {"token": str(order.checkout_token)}))
        assert order.invoice_number in text
        assert not [secret for secret in (*SECRETS, "Peeters") if secret in text], text
    assert not Checkout.objects.filter(pk=open_checkout.pk).exists()
    after = export(graphql, ask_after_erasure_sends_nothing(graphql, mailoutbox, token))
    assert after["orders"] == [] and after["checkouts"] == []
    # Only the parcel still to be picked up keeps its address, until it is.
    for secret in (*SECRETS, "Peeters"):
        mentions = [r for r in _rows_mentioning(secret) if not r.startswith("RetainedInvoice")]
        assert set(mentions) <= {f"Address:{underway.shipping_address_id}"}, (secret, mentions)

    # The orders and their invoice numbers stay; the invoice identity is retained apart.
    kept = Order.objects.filter(pk__in=[underway.pk, delivered.pk])
    assert sorted(kept.values_list("invoice_number", flat=True)) == numbers
    assert all(order.anonymised_at and order.total_gross > 0 for order in kept)
    assert OrderEvent.objects.filter(type=OrderEvent.Type.ANONYMISED, order__in=kept).count() == 2
    assert sorted(RetainedInvoice.objects.values_list("invoice_number", flat=True)) == numbers
    assert {record.name for record in RetainedInvoice.objects.all()} == {"Anna Peeters"}
    (record,) = ErasureRecord.objects.all()
    assert (record.orders, record.checkouts, record.had_account) == (2, 1, False)

    # The link works once.
    again = graphql(ERASE, {"token": token})["data"]["dataErasureConfirm"]
    assert again == {"erasure": None, "errors": [{"field": "token", "code": "INVALID"}]}
    assert ErasureRecord.objects.count() == 1


def ask_after_erasure_sends_nothing(graphql, mailoutbox, old_token: str) -> str:
    """After the erasure nothing is held, so a new request mails nothing; the export link
    asked before still opens, and shows that nothing is left."""
    mails = len(mailoutbox)
    result = graphql(REQUEST, {"email": EMAIL, "kind": "EXPORT"})
    assert result == {"data": {"dataRequestCreate": {"errors": []}}}
    assert len(mailoutbox) == mails
    export_mail = next(m for m in mailoutbox if "download your data" in m.subject)
    return link_params(export_mail)["token"]


def test_an_unknown_address_gets_the_same_answer_and_no_mail(graphql, mailoutbox):
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=9)
    builders.ready_checkout(("POSTER", 1), email=EMAIL)
    known = graphql(REQUEST, {"email": EMAIL.upper(), "kind": "ERASURE"})
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [EMAIL]
    unknown = graphql(REQUEST, {"email": "nobody@example.be", "kind": "ERASURE"})
    assert unknown == known == {"data": {"dataRequestCreate": {"errors": []}}}
    assert len(mailoutbox) == 1
    invalid = graphql(REQUEST, {"email": "not an address", "kind": "EXPORT"})
    assert invalid["data"]["dataRequestCreate"]["errors"][0]["code"] == "INVALID"


@pytest.fixture
def guest_checkout():
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=9)
    return builders.ready_checkout(("POSTER", 1), email=EMAIL)


def test_a_tampered_or_wrong_kind_of_token_changes_nothing(graphql, mailoutbox, guest_checkout):
    erasure = ask(graphql, mailoutbox, "ERASURE")
    export_token = ask(graphql, mailoutbox, "EXPORT")
    value, signature = erasure.rsplit(":", 1)
    forged = value.replace(value[:4], "eyJl" if value[:4] != "eyJl" else "eyJm") + ":" + signature
    for token in (forged, erasure[:-2], "", export_token):
        answer = graphql(ERASE, {"token": token})["data"]["dataErasureConfirm"]
        assert answer == {"erasure": None, "errors": [{"field": "token", "code": "INVALID"}]}
    answer = graphql(EXPORT, {"token": erasure})["data"]["dataExport"]
    assert answer == {"data": None, "errors": [{"field": "token", "code": "INVALID"}]}
    assert Checkout.objects.filter(pk=guest_checkout.pk, email=EMAIL).exists()
    assert not ErasureRecord.objects.exists()


def test_an_expired_link_changes_nothing(graphql, mailoutbox, guest_checkout, monkeypatch):
    token = ask(graphql, mailoutbox, "ERASURE")
    export_token = ask(graphql, mailoutbox, "EXPORT")
    day_later = time.time() + 24 * 3600 + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: day_later)
    answer = graphql(ERASE, {"token": token})["data"]["dataErasureConfirm"]
    assert answer == {"erasure": None, "errors": [{"field": "token", "code": "EXPIRED"}]}
    answer = graphql(EXPORT, {"token": export_token})["data"]["dataExport"]
    assert answer == {"data": None, "errors": [{"field": "token", "code": "EXPIRED"}]}
    assert Checkout.objects.filter(pk=guest_checkout.pk, email=EMAIL).exists()
    assert not ErasureRecord.objects.exists()


def test_an_address_with_an_account_is_exported_and_erased_as_the_account(
    graphql, mailoutbox, guest_checkout
):
    user = account_builders.customer(EMAIL, first_name="Anna", last_name="Peeters")
    data = export(graphql, ask(graphql, mailoutbox, "EXPORT"))
    assert data["profile"]["lastName"] == "Peeters" and data["profile"]["id"]
    assert [cart["token"] for cart in data["checkouts"]] == [str(guest_checkout.token)]

    answer = graphql(ERASE, {"token": ask(graphql, mailoutbox, "ERASURE")})
    assert answer["data"]["dataErasureConfirm"]["erasure"]["hadAccount"] is True
    user.refresh_from_db()
    assert user.email.endswith("@anonymised.invalid") and user.last_name == ""
    assert user.customer.anonymised_at is not None
    assert not Checkout.objects.exists()


def test_a_staff_account_is_not_erased_by_link(graphql, mailoutbox):
    account_builders.customer(EMAIL, last_name="Peeters", is_staff=True)
    answer = graphql(ERASE, {"token": ask(graphql, mailoutbox, "ERASURE")})
    assert answer["data"]["dataErasureConfirm"] == {
        "erasure": None,
        "errors": [{"field": None, "code": "STAFF_ACCOUNT"}],
    }
    assert get_user_model().objects.filter(email=EMAIL, last_name="Peeters").exists()
    assert not ErasureRecord.objects.exists()


def test_the_export_reads_a_bounded_number_of_queries(
    graphql, mailoutbox, guest_checkout, django_assert_max_num_queries
):
    """Checkouts (and orders) are listed with their lines and addresses prefetched, so
    the export costs the same few queries however much a guest left behind."""
    for _ in range(4):
        builders.ready_checkout(("POSTER", 1), email=EMAIL)
    token = ask(graphql, mailoutbox, "EXPORT")
    with django_assert_max_num_queries(8):
        data = export(graphql, token)
    assert len(data["checkouts"]) == 5
