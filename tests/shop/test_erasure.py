"""Acceptance (GDPR): the export holds everything about a customer; after erasure nothing
finds them again, while their orders and invoice numbers stay.

"Finds" means every place staff or the public look: GraphQL (`me`, signing in, the
checkout and order answers a browser still holds the token of), the Wagtail admin's
order and user searches, and, to be sure nothing was missed, every text column of the
shop's, the accounts' and the users' tables. The one exception is the restricted
retention record that keeps the invoice identity for the legal period and is reached by
none of those (shop/models/retention.py); it goes when the period ends.
"""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import models as db_models
from django.db.models import Q

from shop.accounts import consent
from shop.accounts import services as account_services
from shop.accounts.models import Customer
from shop.models import Order, OrderEvent, RetainedInvoice
from shop.services import orders as order_service
from tests.accounts import builders as account_builders
from tests.shop import builders

pytestmark = pytest.mark.django_db

EMAIL = "anna.peeters@example.be"
NAMES = ("Peeters", "Anna")  # builders.ready_checkout bills Anna Peeters, Meir 1
SECRETS = (EMAIL, "anna.peeters", "Peeters", "+32 3 555 12 34")
ORDER = """mutation($token: UUID!) { checkoutComplete(token: $token) {
  errors { code }
  order { number status email lines { sku } billingAddress { firstName lastName }
          shippingAddress { firstName lastName streetAddress1 } } } }"""


@pytest.fixture
def shop():
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=9)
    builders.pickup()


@pytest.fixture
def staff(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("shop", "shop@museum.be", "pw"))
    return client


@pytest.fixture
def anna(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    account_builders.privacy_policy("2026-1")
    user = account_builders.customer(EMAIL, first_name="Anna", last_name="Peeters")
    user.customer.default_billing_address = account_builders.address(user, phone="+32 3 555 12 34")
    user.customer.save()
    consent.record_consent(
        user=user, visitor_id=None, categories=["marketing"], locale="nl", policy_version=None
    )
    return user


@pytest.fixture
def buy(pay_api, browser_pays):
    """Pay and complete a checkout, signed in with `token` or as a guest."""

    def order(token: str | None = None) -> Order:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        checkout = builders.ready_checkout(("POSTER", 1), email=EMAIL)
        intent = pay_api("checkoutPaymentCreate", checkout.token, **headers)["payment"]
        browser_pays(intent["intentId"])
        assert pay_api("checkoutComplete", checkout.token, **headers)["errors"] == []
        return Order.objects.get(checkout_token=checkout.token)

    return order


def _admin_finds(staff, query: str) -> dict[str, list]:
    """What the admin's order list and user list answer to a search."""
    found = {}
    for name, url in (("orders", "/admin/snippets/shop/order/"), ("users", "/admin/users/")):
        response = staff.get(url, {"q": query})
        assert response.status_code == 200
        found[name] = [str(item) for item in response.context["object_list"]]
    return found


def _rows_mentioning(text: str) -> list[str]:
    """Every row of the shop's, accounts' and users' tables with `text` in a text column."""
    found = []
    for model in apps.get_models():
        if model._meta.app_label not in {"shop", "shop_accounts", "auth"}:
            continue
        columns = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, db_models.CharField | db_models.TextField | db_models.JSONField)
        ]
        if not columns:
            continue
        query = Q()
        for column in columns:
            query |= Q(**{f"{column}__icontains": text})
        found += [f"{model.__name__}:{row.pk}" for row in model._default_manager.filter(query)]
    return found


def test_export_has_everything_and_after_erasure_nothing_finds_the_customer(
    shop, anna, buy, graphql, staff, django_capture_on_commit_callbacks
):
    access, refresh = account_builders.tokens_for(anna)
    underway = buy(access)  # paid, to be picked up
    delivered = buy(access)
    order_service.fulfil(delivered.pk)
    as_guest = buy()  # same address, not signed in: hers too
    open_checkout = builders.ready_checkout(("POSTER", 1), email=EMAIL)
    orders = [underway, delivered, as_guest]
    numbers = sorted(order.invoice_number for order in orders)

    exported = graphql("{ accountDataExport }", HTTP_AUTHORIZATION=f"Bearer {access}")
    export = json.loads(exported["data"]["accountDataExport"])
    assert export["profile"]["email"] == EMAIL and export["profile"]["lastName"] == "Peeters"
    assert [address["phone"] for address in export["addresses"]] == ["+32 3 555 12 34"]
    assert [entry["categories"] for entry in export["consents"]] == [["necessary", "marketing"]]
    assert sorted(entry["number"] for entry in export["orders"]) == numbers
    assert all("Peeters" in entry["billingAddress"] for entry in export["orders"])
    # Before: the admin finds her by e-mail (orders) and by name (users).
    before = _admin_finds(staff, EMAIL)
    assert sorted(before["orders"]) == numbers and before["users"]
    assert _admin_finds(staff, "Peeters")["users"]

    with django_capture_on_commit_callbacks(execute=True):
        account_services.anonymise_customer(anna)

    # GraphQL: no account to sign in to or read; the orders a browser still holds the
    # token of answer without her.
    assert "errors" in graphql("{ me { email } }", HTTP_AUTHORIZATION=f"Bearer {access}")
    signed_in = graphql(
        "mutation($p: String!) { tokenCreate(email: $e, password: $p) { errors { code } } }".replace(
            "$e", json.dumps(EMAIL)
        ),
        {"p": account_builders.PASSWORD},
    )
    assert signed_in["data"]["tokenCreate"]["errors"] == [{"code": "INVALID_CREDENTIALS"}]
    refreshed = graphql(
        "mutation($t: String) { tokenRefresh(refreshToken: $t) { errors { code } } }",
        {"t": refresh},
    )
    assert refreshed["data"]["tokenRefresh"]["errors"] == [{"code": "JWT_INVALID_TOKEN"}]
    for order in orders:
        answer = graphql(ORDER, {"token": str(order.checkout_token)})
        text = json.dumps(answer)
        assert answer["data"]["checkoutComplete"]["order"]["number"] == order.invoice_number
        assert not [secret for secret in (*SECRETS, *NAMES) if secret in text], text
    gone = graphql(
        "query($t: UUID!) { checkout(token: $t) { email } }", {"t": str(open_checkout.token)}
    )
    assert gone["data"]["checkout"] is None

    # The admin's searches find nothing, by e-mail or by name.
    for query in (EMAIL, "anna.peeters", "Peeters", "Anna"):
        assert _admin_finds(staff, query) == {"orders": [], "users": []}, query
    # The orders stay, with their invoice numbers, amounts and history of the erasure.
    kept = Order.objects.filter(pk__in=[order.pk for order in orders])
    assert sorted(kept.values_list("invoice_number", flat=True)) == numbers
    assert all(order.total_gross > 0 and order.lines.count() == 1 for order in kept)
    assert OrderEvent.objects.filter(type=OrderEvent.Type.ANONYMISED, order__in=kept).count() == 3
    assert Customer.objects.get(user_id=anna.pk).anonymised_at is not None
    # The invoice identity is in the restricted record only, which no admin URL serves.
    retained = {record.invoice_number: record for record in RetainedInvoice.objects.all()}
    assert sorted(retained) == numbers
    assert {record.name for record in retained.values()} == {"Anna Peeters"}
    assert all(
        record.purge_after.year - 10 == record.order.paid_at.year for record in retained.values()
    )
    assert staff.get("/admin/snippets/shop/retainedinvoice/").status_code == 404
    # Every other table: only the parcels still to be picked up keep their addresses.
    held = {f"Address:{order.shipping_address_id}" for order in (underway, as_guest)}
    for secret in SECRETS + NAMES[:1]:
        mentions = [
            row for row in _rows_mentioning(secret) if not row.startswith("RetainedInvoice")
        ]
        assert set(mentions) <= held, (secret, mentions)
    assert _rows_mentioning("Peeters") != []  # the scan sees what it looks for

    mails = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        order_service.fulfil(underway.pk)
        order_service.fulfil(as_guest.pk)
    assert len(mail.outbox) == mails  # no e-mail to an erased customer
    for secret in SECRETS + NAMES[:1]:
        assert [r for r in _rows_mentioning(secret) if not r.startswith("RetainedInvoice")] == []

    # When the retention period ends, the record goes; the orders stay, identifying no one.
    out = io.StringIO()
    call_command("purge_expired_invoice_data", stdout=out)  # the daily job: not yet
    assert out.getvalue().startswith("0 orders") and RetainedInvoice.objects.count() == 3
    later = max(record.purge_after for record in retained.values()) + timedelta(seconds=1)
    assert order_service.anonymise_expired_orders(now=later) == 3
    assert not RetainedInvoice.objects.exists()
    assert sorted(Order.objects.filter(pk__in=kept).values_list("invoice_number", flat=True)) == (
        numbers
    )
    assert _rows_mentioning("Peeters") == []
    assert get_user_model().objects.filter(pk=anna.pk, is_active=False).exists()
