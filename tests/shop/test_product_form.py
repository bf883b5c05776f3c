"""One product form: each variant's stock beside it, and no publishing without stock.

Stock stays under the shop's rules (shop.services.stock): the form writes only a changed
count and never below what paid orders set aside.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from shop.models import ProductPage, ProductVariant, Stock
from shop.services import stock as stock_service
from tests.shop import builders
from tests.site import builders as site_builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client, django_user_model):
    user = django_user_model.objects.create_superuser("shop", "shop@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def edit_form(manager, page):
    url = f"/admin/pages/{page.pk}/edit/"
    return url, querydict_from_html(manager.get(url).content.decode(), form_id="page-edit-form")


def add_variant(data, sku: str, stock: str = "") -> None:
    n = int(data["variants-TOTAL_FORMS"])
    data["variants-TOTAL_FORMS"] = str(n + 1)
    for field, value in {
        "sku": sku,
        "kind": "physical",
        "gross_price": "9.50",
        "weight_grams": "100",
        "currency": "EUR",
        "stock_quantity": stock,
        "stock_alert": "2",
        "ORDER": str(n + 1),
        "id": "",
    }.items():
        data[f"variants-{n}-{field}"] = value


def test_the_product_form_counts_each_variants_stock_beside_it(manager):
    page = builders.product(variants=[builders.variant("POSTER")], stock=3)
    html = manager.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="variants-0-stock_quantity"' in html
    url, data = edit_form(manager, page)
    assert data["variants-0-stock_quantity"] == "3"

    data["variants-0-stock_quantity"] = "8"
    data["action-publish"] = "publish"
    assert manager.post(url, data).status_code == 302
    assert Stock.objects.values_list("quantity", "allocated").get() == (8, 0)


def test_an_unchanged_count_does_not_undo_a_sale_handed_over_meanwhile(manager):
    page = builders.product(variants=[builders.variant("POSTER")], stock=5)
    url, data = edit_form(manager, page)  # the form shows 5
    builders.set_stock("POSTER", quantity=5, allocated=2)
    handed_over = SimpleNamespace(
        variant_id=ProductVariant.objects.get(sku="POSTER").pk, quantity=2
    )
    stock_service.fulfil([handed_over])
    data["intro"] = "A new introduction."
    data["action-publish"] = "publish"

    assert manager.post(url, data).status_code == 302
    assert Stock.objects.values_list("quantity", "allocated").get() == (3, 0)


def test_a_count_below_what_paid_orders_set_aside_is_a_form_error(manager):
    page = builders.product(variants=[builders.variant("POSTER")], stock=5)
    builders.set_stock("POSTER", quantity=5, allocated=4)
    url, data = edit_form(manager, page)
    data["variants-0-stock_quantity"] = "2"
    data["action-publish"] = "publish"

    response = manager.post(url, data)

    assert response.status_code == 200
    assert "4 units are set aside for paid orders" in response.content.decode()
    assert Stock.objects.values_list("quantity", "allocated").get() == (5, 4)


def test_counting_under_the_lock_refuses_a_count_below_what_was_set_aside_meanwhile():
    builders.product(variants=[builders.variant("POSTER")], stock=5)
    row = builders.set_stock("POSTER", quantity=5, allocated=0)
    builders.set_stock("POSTER", quantity=5, allocated=3)  # a sale after the form was read

    assert stock_service.count_shelf(row, quantity=2) is False
    assert stock_service.count_shelf(row, quantity=4, low_stock_threshold=None) is True
    assert Stock.objects.values_list("quantity", "allocated", "low_stock_threshold").get() == (
        4,
        3,
        None,
    )


def test_a_new_variant_cannot_be_published_without_its_stock_but_a_draft_can_wait(manager):
    page = builders.product(variants=[builders.variant("POSTER")])
    url, data = edit_form(manager, page)
    add_variant(data, "POSTER-XL")

    data["action-publish"] = "publish"
    refused = manager.post(url, data)
    assert refused.status_code == 200
    assert "Count the stock of this variant before publishing" in refused.content.decode()
    assert not ProductVariant.objects.filter(sku="POSTER-XL").exists()

    del data["action-publish"]
    assert manager.post(url, data).status_code == 302  # "Save draft"
    assert not ProductVariant.objects.filter(sku="POSTER-XL").exists()


def test_a_new_variants_count_travels_with_the_draft_until_it_is_published(manager):
    page = builders.product(variants=[builders.variant("POSTER")])
    url, data = edit_form(manager, page)
    add_variant(data, "POSTER-XL", stock="6")
    assert manager.post(url, data).status_code == 302  # a draft: the variant is not sold yet
    assert not ProductVariant.objects.filter(sku="POSTER-XL").exists()

    ProductPage.objects.get(pk=page.pk).get_latest_revision().publish()

    row = Stock.objects.get(variant__sku="POSTER-XL")
    assert (row.quantity, row.allocated, row.low_stock_threshold) == (6, 0, 2)


def test_a_product_is_created_with_its_variant_and_stock_in_one_form(manager):
    index = builders.product_index()
    image = site_builders.image("Mok")
    url = f"/admin/pages/add/shop/productpage/{index.pk}/"
    data = querydict_from_html(manager.get(url).content.decode(), form_id="page-edit-form")
    for name, value in {
        "title": "Mok Lam Gods",
        "slug": "mok-lam-gods",
        "intro": "Een mok.",
        "images-TOTAL_FORMS": "1",
        "images-0-image": str(image.pk),
        "images-0-alt_text": "",
        "images-0-ORDER": "1",
        "images-0-id": "",
        "variants-TOTAL_FORMS": "0",
    }.items():
        data[name] = value
    data.setlist("images-0-DELETE", [])
    add_variant(data, "MOK", stock="")
    data["action-publish"] = "publish"

    refused = manager.post(url, data)
    assert refused.status_code == 200
    assert "Count the stock of this variant before publishing" in refused.content.decode()
    assert not ProductPage.objects.filter(slug="mok-lam-gods").exists()

    data["variants-0-stock_quantity"] = "12"
    assert manager.post(url, data).status_code == 302
    page = ProductPage.objects.get(slug="mok-lam-gods")
    assert page.live
    assert Stock.objects.values_list("variant__sku", "quantity", "low_stock_threshold").get() == (
        "MOK",
        12,
        2,
    )


def test_a_product_cannot_be_published_without_a_variant(manager):
    page = builders.product(variants=[builders.variant("POSTER")])
    url, data = edit_form(manager, page)
    data["variants-0-DELETE"] = "1"
    data["action-publish"] = "publish"

    response = manager.post(url, data)

    assert response.status_code == 200
    assert ProductVariant.objects.filter(sku="POSTER").exists()


def test_a_translation_publishes_without_variants_of_its_own(manager):
    page = builders.product(variants=[builders.variant("POSTER")])
    english = builders.translation(page, "en", title="Poster", slug="poster")
    url, data = edit_form(manager, english)
    data["title"] = "The poster"
    data["action-publish"] = "publish"

    assert manager.post(url, data).status_code == 302
    assert ProductPage.objects.get(pk=english.pk).title == "The poster"
