"""The defects of issue 12, each pinned by the test that first reproduced it (D2–D12)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from shop.models import Order, Stock
from shop.services import checkout as checkout_service
from tests.shop import builders
from tests.shop.test_webhooks import charge_refunded, post_signed

pytestmark = pytest.mark.django_db

PAY = """mutation($token: UUID!, $pm: String) {
  checkoutPaymentCreate(token: $token, paymentMethodId: $pm) {
    errors { field code message } payment { intentId status } } }"""


@pytest.fixture
def shop():
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=3)
    builders.pickup()


def _intent(pay_api, checkout) -> str:
    return pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"]


def _succeeded_event(stripe_client, intent_id: str) -> dict:
    events = stripe_client.v1.events.list(
        params={"type": "payment_intent.succeeded", "limit": 100}
    ).auto_paging_iter()
    [event] = [event for event in events if event.data.object.id == intent_id]
    return event.to_dict()


# D2 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("refunded_cents", "status"), [(2420, "canceled"), (500, "partially_refunded")]
)
def test_a_refund_made_before_the_order_exists_is_applied_when_it_is_placed(
    client,
    shop,
    pay_api,
    browser_pays,
    stripe_client,
    refunded_cents,
    status,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    checkout = builders.ready_checkout(("POSTER", 2))  # 24.20
    intent_id = _intent(pay_api, checkout)
    browser_pays(intent_id)
    stripe_client.v1.refunds.create(params={"payment_intent": intent_id, "amount": refunded_cents})
    early = charge_refunded(intent_id, 2420, refunded_cents, 1)
    assert post_signed(client, early).status_code == 200
    assert not Order.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert post_signed(client, _succeeded_event(stripe_client, intent_id)).status_code == 200

    order = Order.objects.get(checkout_token=checkout.token)
    assert order.status == status
    assert order.refunded == Decimal(refunded_cents) / 100
    assert sum(order.refunds.values_list("amount", flat=True)) == order.refunded
    allocated = Stock.objects.get(variant__sku="POSTER").allocated
    if status == "canceled":
        assert allocated == 0 and order.invoice_number is None
        assert [m.subject for m in mailoutbox if "bevestigd" in m.subject] == []
    else:
        assert allocated == 2 and order.invoice_number


# D3, D8 -----------------------------------------------------------------------------


def test_completing_an_order_the_webhook_canceled_says_why_and_the_buyer_is_mailed(
    client,
    shop,
    pay_api,
    browser_pays,
    stripe_client,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    checkout = builders.ready_checkout(("POSTER", 2))
    intent_id = _intent(pay_api, checkout)
    browser_pays(intent_id)
    builders.set_stock("POSTER", 3, allocated=2)  # another buyer was faster
    with django_capture_on_commit_callbacks(execute=True):
        assert post_signed(client, _succeeded_event(stripe_client, intent_id)).status_code == 200

    payload = pay_api("checkoutComplete", checkout.token)

    assert payload["order"]["status"] == "CANCELED"
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("lines", "INSUFFICIENT_STOCK")]
    assert payload["errors"][0]["message"]
    [cancelled] = mailoutbox
    assert cancelled.to == ["anna@example.be"]
    assert (
        "€ 24,20" in cancelled.body
    )  # a Dutch checkout: Dutch amounts and cancelled.alternatives[0][1] == "text/html"


# D4 ---------------------------------------------------------------------------------


def test_what_is_recorded_as_refunded_is_what_stripe_refunded(
    shop, pay_api, browser_pays, stripe_client
):
    bpost = builders.shipping(price="6.40")
    checkout = builders.ready_checkout(("POSTER", 1))
    checkout_service.update_delivery_method(checkout.token, str(bpost.pk))  # 12.10 + 6.40
    browser_pays(_intent(pay_api, checkout))
    address = {
        "first_name": "Anna",
        "last_name": "Peeters",
        "street_address_1": "Damrak 1",
        "postal_code": "1012 LG",
        "city": "Amsterdam",
        "country": "NL",
    }
    checkout_service.update_address(checkout.token, "shipping", address)

    payload = pay_api("checkoutComplete", checkout.token)

    assert payload["order"]["status"] == "CANCELED" and payload["errors"]
    order = Order.objects.get()
    [refund] = order.refunds.all()
    at_stripe = stripe_client.v1.refunds.retrieve(refund.refund_id)
    assert at_stripe.amount == 1850
    assert order.refunded == refund.amount == Decimal("18.50")


# D5 ---------------------------------------------------------------------------------

AMOUNT = re.compile(r"(-?)€ (\d+\.\d\d)")


def test_the_confirmation_adds_up_and_comes_from_the_museum(
    shop, pay_api, browser_pays, django_capture_on_commit_callbacks, mailoutbox
):
    from museum_site.museums.models import Museum

    museum = Museum.objects.default()
    museum.name, museum.email, museum.vat_number = "MAS", "shop@mas.example", "BE0123456789"
    museum.save()
    builders.voucher("TIEN", value="10")
    bpost = builders.shipping(price="6.40")
    checkout = builders.ready_checkout(("POSTER", 2), voucher_code="TIEN", locale="en")
    checkout_service.update_delivery_method(checkout.token, str(bpost.pk))
    browser_pays(_intent(pay_api, checkout))
    with django_capture_on_commit_callbacks(execute=True):
        assert pay_api("checkoutComplete", checkout.token)["errors"] == []

    order = Order.objects.get()
    [message] = mailoutbox
    assert message.from_email == "MAS <shop@mas.example>"
    assert message.subject.startswith("MAS: ") and "Vitrine" not in message.subject
    body = message.body
    lines = [line for line in body.splitlines() if line.split(" ")[0].isdigit() and "×" in line]
    listed = sum(Decimal(AMOUNT.search(line).group(2)) for line in lines)

    def amount(label: str) -> Decimal:
        [line] = [line for line in body.splitlines() if line.startswith(label)]
        sign, value = AMOUNT.search(line).groups()
        return Decimal(value) * (-1 if sign else 1)

    assert listed - Decimal("0") == amount("Goods")
    assert amount("Goods") + amount("Discount") + amount("Delivery (") == order.total_gross
    assert amount("Total (incl. VAT)") == order.total_gross
    assert amount("VAT 21") == sum(Decimal(vat["vat"]) for vat in order.vat_breakdown)
    assert "Billing address: Anna Peeters, Meir 1" in body and "Delivery address" in body
    assert message.alternatives[0][1] == "text/html"


# D7 ---------------------------------------------------------------------------------


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_admins_order_export_has_the_orders(
    client, django_user_model, shop, pay_api, browser_pays, export
):
    checkout = builders.ready_checkout(("POSTER", 1))
    browser_pays(_intent(pay_api, checkout))
    pay_api("checkoutComplete", checkout.token)
    order = Order.objects.get()
    client.force_login(django_user_model.objects.create_superuser("shop", "s@example.org", "pw"))

    response = client.get(f"/admin/snippets/shop/order/?export={export}")

    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        rows = content.decode().strip().splitlines()
        assert len(rows) == 2 and order.invoice_number in rows[1] and "12.10" in rows[1]
    else:
        import io

        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content)).active
        values = [cell.value for cell in sheet[2]]
        assert order.invoice_number in values


# D10, D11 ---------------------------------------------------------------------------


def test_asking_more_than_there_is_does_not_name_a_smaller_number(shop_api, shop):
    builders.set_stock("POSTER", 40)
    payload = shop_api("checkoutCreate", input={"lines": [{"sku": "POSTER", "quantity": 41}]})
    [error] = payload["errors"]
    assert error["code"] == "INSUFFICIENT_STOCK"
    assert "only 10" not in error["message"] and "fewer" in error["message"]


def test_stripes_test_payment_method_ids_are_accepted(graphql, shop, stripe_settings):
    checkout = builders.ready_checkout(("POSTER", 1))
    result = graphql(PAY, {"token": str(checkout.token), "pm": "pm_card_visa"})
    payload = result["data"]["checkoutPaymentCreate"]
    assert payload["errors"] == [] and payload["payment"]["status"] == "succeeded"


# D12 --------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.postgres_only
def test_two_transactions_reindexing_one_product_do_not_collide():
    """Two stock changes of one product commit one after the other; each rebuilds the
    product's search documents. The second must wait for the first, not collide with
    the rows it inserted (an IntegrityError in the indexer, D12)."""
    import threading
    import time

    from django.db import connection, transaction

    from search import indexing, registry
    from shop.models import ProductPage

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    page = builders.product(title="Affiche", variants=[builders.variant("POSTER")])
    source = registry.source_for(ProductPage._meta.label_lower)
    first_wrote, first_may_commit = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def first() -> None:
        try:
            with transaction.atomic():
                indexing.update(source, [page.pk])
                first_wrote.set()
                assert first_may_commit.wait(30)
        except BaseException as error:
            failures.append(error)
        finally:
            first_wrote.set()
            connection.close()

    def second() -> None:
        try:
            with transaction.atomic():
                indexing.update(source, [page.pk])
        except BaseException as error:
            failures.append(error)
        finally:
            connection.close()

    one = threading.Thread(target=first)
    one.start()
    assert first_wrote.wait(30)
    two = threading.Thread(target=second)
    two.start()
    deadline = time.monotonic() + 30
    with connection.cursor() as cursor:  # the second is waiting for a lock the first holds
        while True:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
            if cursor.fetchone()[0] > 0:
                break
            assert time.monotonic() < deadline, "the second transaction never waited"
            time.sleep(0.01)
    first_may_commit.set()
    one.join(30)
    two.join(30)
    assert failures == []
