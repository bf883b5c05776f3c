"""After the order: fulfilling, refunding (admin and service), downloads, `me { orders }`,
erasure and export."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.mail.backends import locmem
from django.db import transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.documents.models import Document

from museum_site.graphql.response_cache import content_version
from shop.accounts import services as account_services
from shop.graphql.errors import PayloadError
from shop.models import Order, OrderEvent, ProductPage, ProductVariant, ShippingMethod, Stock
from shop.services import downloads
from shop.services import orders as order_service
from tests.accounts import builders as account_builders
from tests.shop import builders
from tests.shop.refusing_mail_server import RefusingMailServer

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    builders.product(title="Affiche", variants=[builders.variant("POSTER", "12.10")], stock=3)
    builders.product(title="E-boek", variants=[builders.digital("EBOOK", "9.99")])
    document = Document(title="E-boek")
    document.file.save("e-boek.pdf", ContentFile(b"%PDF-1.4 the catalogue"), save=False)
    document.save()
    ProductVariant.objects.filter(sku="EBOOK").update(digital_file=document)
    builders.pickup()


@pytest.fixture
def place(pay_api, browser_pays):
    def order(*lines: tuple[str, int], **headers) -> Order:
        checkout = builders.ready_checkout(*lines)
        browser_pays(
            pay_api("checkoutPaymentCreate", checkout.token, **headers)["payment"]["intentId"]
        )
        payload = pay_api("checkoutComplete", checkout.token, **headers)
        assert payload["errors"] == []
        return Order.objects.get(checkout_token=checkout.token)

    return order


def test_fulfilling_turns_the_allocation_into_a_sale(
    shop, place, mailoutbox, django_capture_on_commit_callbacks
):
    order = place(("POSTER", 2))

    with django_capture_on_commit_callbacks(execute=True):
        order_service.fulfil(order.pk)

    assert Order.objects.get(pk=order.pk).status == Order.Status.FULFILLED
    stock = Stock.objects.get(variant__sku="POSTER")
    assert (stock.quantity, stock.allocated) == (1, 0)
    assert "is onderweg" in mailoutbox[-1].subject  # a Dutch checkout, a Dutch e-mail
    with pytest.raises(PayloadError):
        order_service.fulfil(order.pk)  # forward only: once


ORDER_EMAIL_TASK = "shop.tasks.send_order_email_task"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker commits
def test_with_a_worker_order_e_mails_are_sent_by_the_worker_not_the_requests(
    shop, place, mailoutbox, database_queue, run_worker
):
    order = place(("POSTER", 1))
    order_service.fulfil(order.pk)

    assert mailoutbox == []  # checkoutComplete and fulfilling only queued them
    jobs = DBTaskResult.objects.filter(task_path=ORDER_EMAIL_TASK).order_by("enqueued_at")
    # The job names the order and nothing else: no address or link waits in the queue.
    assert [job.args_kwargs for job in jobs] == [
        {"args": [order.pk, "confirmation"], "kwargs": {}},
        {"args": [order.pk, "shipped"], "kwargs": {}},
    ]
    run_worker()
    assert [message.to for message in mailoutbox] == [[order.email], [order.email]]
    assert "bevestigd" in mailoutbox[0].subject and "is onderweg" in mailoutbox[1].subject
    sent = order.events.filter(type=OrderEvent.Type.EMAIL_SENT)
    assert sorted(sent.values_list("message", flat=True)) == ["confirmation", "shipped"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_customer_erased_before_the_worker_runs_gets_no_e_mail(
    shop, place, mailoutbox, database_queue, run_worker
):
    order = place(("POSTER", 1))
    order_service.fulfil(order.pk)

    with transaction.atomic():  # as the erasure link's confirmation runs it
        order_service.forget_email(order.email)
    run_worker()

    assert mailoutbox == []
    jobs = DBTaskResult.objects.filter(task_path=ORDER_EMAIL_TASK)
    assert [(job.status, job.return_value) for job in jobs] == [("SUCCESSFUL", False)] * 2


@pytest.fixture
def refusing_mail_server(settings):
    """Order e-mails go over SMTP to a loopback server that refuses them (554)."""
    with RefusingMailServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 30
        yield server


def test_a_mail_server_that_fails_does_not_fail_the_fulfilment(
    shop, place, refusing_mail_server, django_capture_on_commit_callbacks, caplog
):
    """Without a worker the e-mail job runs after the commit, in the request: its failure
    is logged and recorded with the job, and the staff member's action stands."""
    order = place(("POSTER", 1))
    turned_away = refusing_mail_server.connections  # the confirmation's, if it was sent

    with django_capture_on_commit_callbacks(execute=True):
        order_service.fulfil(order.pk)

    order.refresh_from_db()
    assert order.status == Order.Status.FULFILLED
    assert refusing_mail_server.connections == turned_away + 1  # the shipped e-mail
    assert not order.events.filter(type=OrderEvent.Type.EMAIL_SENT).exists()
    assert "SMTPConnectError" in caplog.text and "no SMTP service here" in caplog.text


def test_partial_refund_then_full_refund(shop, place, stripe_client):
    order = place(("POSTER", 2))  # € 24.20

    order_service.refund(order.pk, Decimal("5.00"), "damaged corner")
    order.refresh_from_db()
    assert (order.status, order.refunded) == (Order.Status.PARTIALLY_REFUNDED, Decimal("5.00"))

    with pytest.raises(PayloadError):
        order_service.refund(order.pk, Decimal("20.00"))  # more than is left
    order_service.refund(order.pk, Decimal("19.20"))
    order.refresh_from_db()
    assert (order.status, order.refunded) == (Order.Status.REFUNDED, Decimal("24.20"))
    amounts = [
        stripe_client.v1.refunds.retrieve(refund.refund_id).amount for refund in order.refunds.all()
    ]
    assert amounts == [500, 1920]
    assert Stock.objects.get(variant__sku="POSTER").allocated == 0  # never left the museum
    assert [event.type for event in order.events.all()][-2:] == [
        OrderEvent.Type.REFUNDED,
        OrderEvent.Type.REFUNDED,
    ]


def test_staff_refund_and_fulfil_from_the_admin(shop, place, admin_client):
    order = place(("POSTER", 1))
    listing = admin_client.get(reverse("wagtailsnippets_shop_order:list"))
    assert listing.status_code == 200 and order.invoice_number in listing.content.decode()

    response = admin_client.post(reverse("shop_order_fulfil", args=[order.pk]), {"confirm": "on"})
    assert response.status_code == 302
    response = admin_client.post(
        reverse("shop_order_refund", args=[order.pk]), {"amount": "2.10", "reason": "goodwill"}
    )
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.refunded == Decimal("2.10") and order.status == Order.Status.PARTIALLY_REFUNDED
    # Forward only: fulfilling again re-shows the form with the refusal, changes nothing.
    again = admin_client.post(reverse("shop_order_fulfil", args=[order.pk]), {"confirm": "on"})
    assert again.status_code == 200
    assert Stock.objects.get(variant__sku="POSTER").quantity == 2


def test_download_link_serves_the_file_until_it_expires(shop, place, client, settings):
    order = place(("EBOOK", 1))
    line = order.lines.get()
    path = downloads.path(line)

    response = client.get(path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 the catalogue"

    settings.VITRINE_SHOP_DOWNLOAD_SECONDS = -1  # the link is now older than allowed
    assert client.get(path).status_code == 410
    settings.VITRINE_SHOP_DOWNLOAD_SECONDS = 3600
    assert client.get(path[:-3] + "xyz/").status_code == 410  # tampered


def test_download_link_stops_working_when_the_order_is_refunded(shop, place, client):
    order = place(("EBOOK", 1))
    path = downloads.path(order.lines.get())
    order_service.refund(order.pk, order.total_gross)
    assert client.get(path).status_code == 410


def test_me_orders_lists_the_signed_in_customers_orders(shop, place, graphql):
    anna = account_builders.customer("anna@example.be")
    token = account_builders.tokens_for(anna)[0]
    mine = place(("POSTER", 1), HTTP_AUTHORIZATION=f"Bearer {token}")
    place(("POSTER", 1))  # someone else's

    result = graphql(
        "{ me { orders(first: 10) { totalCount nodes { number status total { amount } } } } }",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )

    assert result["data"]["me"]["orders"] == {
        "totalCount": 1,
        "nodes": [{"number": mine.invoice_number, "status": "PAID", "total": {"amount": "12.10"}}],
    }


def test_erasure_keeps_the_invoice_and_export_lists_orders(shop, place):
    anna = account_builders.customer("anna@example.be")
    token = account_builders.tokens_for(anna)[0]
    order = place(("POSTER", 1), HTTP_AUTHORIZATION=f"Bearer {token}")

    exported = account_services.export_customer_data(anna)
    assert [entry["number"] for entry in exported["orders"]] == [order.invoice_number]

    account_services.anonymise_customer(anna)
    order.refresh_from_db()
    assert order.customer is None and order.invoice_number
    assert order.email.endswith("@anonymised.invalid") and order.billing_address is None
    # The invoice identity is kept for the retention period, out of the order's way.
    retained = order_service.retained_invoice_for(order.invoice_number)
    assert retained.name == "Anna Peeters" and retained.city == "Antwerpen"
    assert order.events.filter(type=OrderEvent.Type.ANONYMISED).exists()


def test_after_the_retention_period_the_invoice_data_goes_too(shop, place, settings):
    order = place(("POSTER", 1))
    settings.VITRINE_SHOP_INVOICE_RETENTION_YEARS = 0
    assert order_service.anonymise_expired_orders() == 1
    order.refresh_from_db()
    assert order.email.endswith("@anonymised.invalid") and order.billing_address.last_name == ""
    assert order.invoice_number and order.total_gross == Decimal("12.10")


@pytest.mark.parametrize(
    ("language", "poster", "delivery", "thanks"),
    [
        ("en", "Exhibition poster", "Pick up at the desk", "Thank you for your order"),
        ("fr", "Affiche de l'exposition", "Retrait à l'accueil", "Merci pour votre commande"),
        ("nl", "Affiche", "Afhalen aan de balie", "Bedankt voor uw bestelling"),
    ],
)
def test_an_order_and_its_confirmation_speak_the_checkout_language(
    shop,
    pay_api,
    browser_pays,
    graphql,
    mailoutbox,
    django_capture_on_commit_callbacks,
    language,
    poster,
    delivery,
    thanks,
):
    source = ProductPage.objects.get(title="Affiche")
    builders.translation(source, "en", title="Exhibition poster", slug="exhibition-poster")
    builders.translation(source, "fr", title="Affiche de l'exposition", slug="affiche-expo")
    ShippingMethod.objects.update(name_fr="Retrait à l'accueil")
    # The e-book has no translation: its line keeps the Dutch title.
    checkout = builders.ready_checkout(("POSTER", 1), ("EBOOK", 1), locale=language)
    browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])

    with django_capture_on_commit_callbacks(execute=True):
        result = graphql(
            """mutation($token: UUID!) { checkoutComplete(token: $token) {
                errors { code } order { deliveryMethodName lines { sku productName } } } }""",
            {"token": str(checkout.token)},
        )

    payload = result["data"]["checkoutComplete"]
    assert payload["errors"] == []
    assert payload["order"]["deliveryMethodName"] == delivery
    names = {line["sku"]: line["productName"] for line in payload["order"]["lines"]}
    assert names == {"POSTER": poster, "EBOOK": "E-boek"}
    mail = mailoutbox[-1]
    assert thanks in mail.body
    assert f"1 × {poster}" in mail.body and delivery in mail.body


class VersionAtSending(locmem.EmailBackend):
    """Notes the content version (what cached GraphQL answers are keyed by) at the moment
    each e-mail is handed over."""

    versions: list[int] = []

    def send_messages(self, messages):
        VersionAtSending.versions.append(content_version())
        return super().send_messages(messages)


def test_a_sale_makes_cached_answers_stale_before_its_confirmation_is_sent(
    shop, place, settings, django_capture_on_commit_callbacks
):
    """After-commit work runs in the order it was asked for; where tasks run inline (the
    demo) the confirmation renders its PDF invoice first, and a visitor asking how many
    posters are left meanwhile was answered from the cache, before the sale."""
    settings.EMAIL_BACKEND = f"{__name__}.VersionAtSending"
    VersionAtSending.versions = []
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        place(("POSTER", 1))  # 2 of 3 left: fewer than visitors are shown, so answers change
    assert VersionAtSending.versions, "no confirmation was sent"
    assert VersionAtSending.versions[0] > before
