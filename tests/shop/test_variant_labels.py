"""Issue 12, point 10: a variant's label (size, edition) is translated per language, like
the product it belongs to: in the admin's product form, over GraphQL in the asked
locale, and in the cart, the order, its e-mail and its invoice, where an order line keeps
the label in the order's language as it was when bought."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shop.models import Order, ProductVariant
from shop.services.order_statement import statement
from tests.shop import builders

pytestmark = pytest.mark.django_db

PRODUCT = """query($slug: String!, $locale: String) { product(slug: $slug, locale: $locale) {
  title variants { sku label size edition } } }"""


@pytest.fixture
def print_shop():
    page = builders.product(
        title="Prent",
        slug="prent",
        variants=[
            builders.variant(
                "PRINT-A3",
                "12.10",
                size_nl="A3",
                edition_nl="Genummerd",
                edition_en="Numbered",
                edition_fr="Numérotée",
            ),
            builders.variant("PRINT-A2", "20.00", size_nl="A2", size_en="A2 (large)"),
        ],
        stock=5,
    )
    builders.translation(page, "en", title="Print", slug="print")
    builders.translation(page, "fr", title="Estampe", slug="estampe")
    builders.pickup()
    return page


def test_a_label_falls_back_to_dutch_then_to_any_language():
    variant = ProductVariant(size_nl="M", edition_fr="broché")
    assert variant.label_in("en") == "M / broché"
    assert variant.label_in("fr") == "M / broché"
    assert variant.label_in("en-gb") == "M / broché"
    assert ProductVariant(size_en="L", size_nl="G").label_in("fr") == "G"
    assert ProductVariant().label_in("nl") == ""


@pytest.mark.parametrize(
    ("slug", "locale", "labels"),
    [
        ("prent", "nl", ["A3 / Genummerd", "A2"]),
        ("print", "en", ["A3 / Numbered", "A2 (large)"]),
        ("estampe", "fr", ["A3 / Numérotée", "A2"]),
    ],
)
def test_graphql_answers_the_label_in_the_asked_locale(print_shop, graphql, slug, locale, labels):
    result = graphql(PRODUCT, {"slug": slug, "locale": locale})
    assert "errors" not in result, result["errors"]
    variants = result["data"]["product"]["variants"]
    assert [variant["label"] for variant in variants] == labels
    assert variants[0]["size"] == "A3"  # not translated: the Dutch one


def test_a_french_order_keeps_the_french_label_in_its_line_e_mail_and_invoice(
    print_shop, graphql, pay_api, browser_pays, mailoutbox, django_capture_on_commit_callbacks
):
    checkout = builders.ready_checkout(("PRINT-A3", 1), locale="fr")
    cart = graphql(
        "query($t: UUID!) { checkout(token: $t) { lines { productTitle variant { label } } } }",
        {"t": str(checkout.token)},
    )["data"]["checkout"]
    assert cart["lines"] == [{"productTitle": "Estampe", "variant": {"label": "A3 / Numérotée"}}]

    browser_pays(pay_api("checkoutPaymentCreate", checkout.token)["payment"]["intentId"])
    with django_capture_on_commit_callbacks(execute=True):
        payload = pay_api("checkoutComplete", checkout.token)
    assert payload["errors"] == []
    order = Order.objects.get(checkout_token=checkout.token)
    [line] = order.lines.all()
    assert (line.product_name, line.variant_label) == ("Estampe", "A3 / Numérotée")
    [confirmation] = mailoutbox
    assert "A3 / Numérotée" in confirmation.body
    assert statement(order).lines[0].name == "Estampe A3 / Numérotée"

    # Renamed later: what was sold stays as it was sold.
    ProductVariant.objects.filter(sku="PRINT-A3").update(edition_fr="Signée")
    line.refresh_from_db()
    assert line.variant_label == "A3 / Numérotée"
    assert statement(order).lines[0].name == "Estampe A3 / Numérotée"


def test_the_product_form_has_the_label_in_each_language(print_shop, admin_client):
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[print_shop.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    for field in ("size_nl", "size_en", "size_fr", "edition_nl", "edition_en", "edition_fr"):
        assert f'name="variants-0-{field}"' in html, field
    assert 'value="Numérotée"' in html
