"""Returns in the admin, in a real browser (issue 12, point 4): a customer asks over
GraphQL to send back a delivered poster; shop staff of the museum (a group with the
order permissions, not a superuser) find it under Shop → Returns, approve it, mark it
received with the poster back in stock and refund it through Stripe (localstripe). The
order then records what Stripe refunded, its invoices hold a credit note, and the
poster is on the shelf again.

Screenshots go to artifacts/e2e/admin/returns-*.png.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from shop import localstripe_process
from shop.models import Order, OrderLine, ReturnRequest, Stock
from shop.services import checkout as checkout_service
from shop.services import order_links, payments
from shop.services import orders as order_service
from tests.accounts import builders as account_builders
from tests.e2e.browser import ARTIFACTS, chromium, off_loop
from tests.e2e.test_editor_admin import open_admin
from tests.shop import builders

pytestmark = [pytest.mark.e2e]

PASSWORD = "takes-back-posters"
SHOTS = ARTIFACTS / "admin"

ASK = """mutation($orderId: ID, $lines: [OrderReturnLineInput!]!, $reason: String!) {
  orderReturnRequest(orderId: $orderId, lines: $lines, reason: $reason) {
    errors { field code message } returnRequest { status } } }"""
SEEN = """query($link: String!) { orderByLink(link: $link) {
  status refunded { amount } invoices { kind number } returns { status } } }"""


@pytest.fixture(scope="module")
def localstripe_url() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    try:
        server, url = localstripe_process.start(port, keep_data=False)
    except localstripe_process.LocalstripeFailed as error:
        pytest.fail(f"{error} (is localstripe installed? pip install -e '.[test]')")
    yield url
    localstripe_process.stop(server)


@pytest.fixture
def stripe(settings, localstripe_url):
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_SECRET_KEY = "sk_test_vitrine"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_vitrine"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_vitrine_tests"
    return payments.client()


@pytest.fixture
def shop_staff(transactional_db, django_user_model, settings):
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    group = Group.objects.create(name="Shop staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="shop", codename__in=["view_order", "change_order"]
        ),
    )
    grant_staff(group, Museum.objects.default())
    user = django_user_model.objects.create_user("winkel", "winkel@museum.be", PASSWORD)
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    SHOTS.mkdir(parents=True, exist_ok=True)
    return user


def _graphql(client: Client, query: str, variables: dict, **headers) -> dict:
    response = client.post(
        "/graphql/",
        {"query": query, "variables": variables},
        content_type="application/json",
        **headers,
    )
    answer = response.json()
    assert "errors" not in answer, answer
    return answer["data"]


def delivered_order(stripe, customer) -> Order:
    """Two posters posted with bpost (€ 6.50), paid with a test card, delivered: € 30.70."""
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=5)
    checkout = builders.ready_checkout(("POSTER", 2), locale="en")
    method = builders.shipping(price="6.50", name_en="bpost Belgium")
    checkout_service.update_delivery_method(checkout.token, str(method.pk))
    client = Client()
    token = {"token": str(checkout.token)}
    paying = _graphql(
        client,
        "mutation($token: UUID!) { checkoutPaymentCreate(token: $token) "
        "{ errors { code } payment { intentId } } }",
        token,
    )["checkoutPaymentCreate"]
    intent = paying["payment"]["intentId"]
    stripe.v1.payment_intents.update(intent, params={"payment_method": "pm_card_visa"})
    stripe.v1.payment_intents.confirm(intent)
    completed = _graphql(
        client,
        "mutation($token: UUID!) { checkoutComplete(token: $token) { errors { code } } }",
        token,
    )["checkoutComplete"]
    assert completed["errors"] == []
    order = Order.objects.get(checkout_token=checkout.token)
    Order.objects.filter(pk=order.pk).update(customer=customer)
    order_service.fulfil(order.pk, carrier="bpost", tracking_number="323299")
    order.refresh_from_db()
    assert order.total_gross == Decimal("30.70")
    return order


def test_shop_staff_approve_receive_restock_and_refund_a_return(live_server, shop_staff, stripe):
    anna = account_builders.customer("anna@example.be")
    order = delivered_order(stripe, anna)
    assert Stock.objects.get(variant__sku="POSTER").quantity == 3
    poster = OrderLine.objects.get(order=order, sku="POSTER")
    asked = _graphql(
        Client(),
        ASK,
        {
            "orderId": str(order.pk),
            "lines": [{"lineId": str(poster.pk), "quantity": 1}],
            "reason": "The print is torn",
        },
        HTTP_AUTHORIZATION_BEARER=account_builders.tokens_for(anna)[0],
    )["orderReturnRequest"]
    assert asked == {"errors": [], "returnRequest": {"status": "REQUESTED"}}
    link = order_links.token_for(order)

    with chromium() as browser:
        page = open_admin(browser, live_server, "winkel", PASSWORD)
        page.get_by_role("button", name="Shop", exact=True).click()
        page.get_by_role("link", name="Returns", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Returns")
        row = page.locator("tr", has_text="The print is torn")
        expect(row).to_contain_text("Requested")
        page.screenshot(path=SHOTS / "returns-list.png", full_page=True)

        # Approve.
        row.get_by_role("button", name="More options").click()
        row.get_by_role("link", name="Approve or decline").click()
        expect(page.locator("main")).to_contain_text("1 × Affiche (POSTER)")
        page.get_by_label("Approve the return").check()
        page.screenshot(path=SHOTS / "returns-approve.png", full_page=True)
        page.get_by_role("button", name="Approve or decline", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("done")
        expect(row).to_contain_text("Approved")

        # The poster arrives undamaged: back in stock.
        row.get_by_role("button", name="More options").click()
        row.get_by_role("link", name="Mark received").click()
        page.get_by_label("The returned goods arrived at the museum").check()
        expect(page.get_by_label("Put the goods back in stock")).to_be_checked()
        page.screenshot(path=SHOTS / "returns-receive.png", full_page=True)
        page.get_by_role("button", name="Mark received", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("done")
        expect(row).to_contain_text("Received")
        assert off_loop(lambda: Stock.objects.get(variant__sku="POSTER").quantity) == 4

        # Refund the poster (delivery kept) through Stripe.
        row.get_by_role("button", name="More options").click()
        row.get_by_role("link", name="Refund").click()
        expect(page.locator("main")).to_contain_text("The print is torn")
        page.screenshot(path=SHOTS / "returns-refund.png", full_page=True)
        page.get_by_role("button", name="Refund", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("done")
        expect(row).to_contain_text("Refunded")
        page.screenshot(path=SHOTS / "returns-refunded.png", full_page=True)

        seen = page.request.post(
            f"{live_server.url}/graphql/",
            data=json.dumps({"query": SEEN, "variables": {"link": link}}),
            headers={"content-type": "application/json"},
        )
        assert seen.ok, seen.text()
        order_seen = seen.json()["data"]["orderByLink"]

    assert order_seen["refunded"] == {"amount": "12.10"}
    assert order_seen["status"] == "PARTIALLY_REFUNDED"
    assert [doc["kind"] for doc in order_seen["invoices"]] == ["INVOICE", "CREDIT_NOTE"]
    assert order_seen["returns"] == [{"status": "REFUNDED"}]
    order.refresh_from_db()
    assert order.refunded == Decimal("12.10")
    intent = order.payments.get().intent_id
    stripe_refunded = sum(
        (payments.from_cents(refund.amount) for refund in payments.refunds_of(intent)),
        Decimal("0.00"),
    )
    assert stripe_refunded == Decimal("12.10")
    assert Stock.objects.get(variant__sku="POSTER").quantity == 4
    assert ReturnRequest.objects.get().restocked is True
