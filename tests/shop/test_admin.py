"""The shop in the Wagtail admin: the Shop menu, counting stock, editing a product."""

from __future__ import annotations

import re

import pytest
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from shop.models import ProductVariant, Stock
from tests.shop import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client, django_user_model):
    user = django_user_model.objects.create_superuser("shop", "shop@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin speaks the museum's language otherwise
    profile.save()
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", ["stock", "productcategory", "shippingmethod", "voucher"])
def test_every_shop_list_opens(manager, model):
    builders.product(variants=[builders.variant("POSTER-50X70")])
    builders.category("boeken")
    builders.shipping()
    builders.voucher("WELKOM")
    response = manager.get(f"/admin/snippets/shop/{model}/")
    assert response.status_code == 200


def test_the_stock_list_shows_what_can_be_sold(manager):
    builders.product(title="Affiche Rubens", variants=[builders.variant("POSTER-50X70")], stock=7)
    builders.set_stock("POSTER-50X70", quantity=7, allocated=2)
    html = manager.get("/admin/snippets/shop/stock/").content.decode()
    assert "POSTER-50X70" in html and "Affiche Rubens" in html
    assert ">5<" in html.replace(" ", "").replace("\n", "")


def test_stock_rows_are_counted_not_created_or_deleted_by_hand(manager):
    builders.product(variants=[builders.variant("POSTER")])
    row = Stock.objects.get()
    assert manager.get("/admin/snippets/shop/stock/add/").status_code in (302, 403)
    assert manager.get(f"/admin/snippets/shop/stock/delete/{row.pk}/").status_code in (302, 403)


def test_counting_stock_in_the_admin(manager):
    builders.product(variants=[builders.variant("POSTER")], stock=3)
    row = builders.set_stock("POSTER", quantity=3, allocated=2)
    url = f"/admin/snippets/shop/stock/edit/{row.pk}/"

    too_few = manager.post(url, {"quantity": "1"})
    assert too_few.status_code == 200
    assert "set aside for paid orders" in too_few.content.decode()

    counted = manager.post(url, {"quantity": "12"})
    assert counted.status_code == 302
    row.refresh_from_db()
    assert (row.quantity, row.allocated) == (12, 2)


def test_the_product_editor_has_a_tab_for_variants_and_prices(manager):
    page = builders.product(variants=[builders.variant("POSTER")])
    html = manager.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Variants and prices" in html
    assert 'name="variants-0-sku"' in html and 'name="variants-0-gross_price"' in html


def test_publishing_a_product_with_a_sku_taken_elsewhere_is_a_form_error(manager):
    builders.product(variants=[builders.variant("TAKEN")])
    page = builders.product(variants=[builders.variant("MINE", "12.00")])
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(manager.get(url).content.decode(), form_id="page-edit-form")
    data["variants-0-sku"] = "TAKEN"
    data["action-publish"] = "publish"

    response = manager.post(url, data)

    assert response.status_code == 200  # the form again, with the error at the field
    assert re.search(r'class="error-message">\s*[^<]*SKU', response.content.decode())
    assert ProductVariant.objects.get(product=page).sku == "MINE"


def test_a_shop_manager_changes_a_price_by_publishing(manager):
    page = builders.product(variants=[builders.variant("MINE", "12.00")])
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(manager.get(url).content.decode(), form_id="page-edit-form")
    data["variants-0-gross_price"] = "14.50"
    data["action-publish"] = "publish"

    assert manager.post(url, data).status_code == 302
    variant = ProductVariant.objects.get(sku="MINE")
    assert str(variant.gross_price) == "14.50"
    assert Stock.objects.get(variant=variant).quantity == 10  # stock untouched
