"""The museum dashboard: each panel counts what waits and links to its list."""

from __future__ import annotations

import html
import uuid
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from shop.models import Order
from tests.shop import builders as shop_builders
from tests.site import builders
from tests.tours import builders as tour_builders
from tours.models import PanoramaTiles

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@museum.be", "pw")
    client.force_login(user)
    return client


def paid_order(email: str = "koper@example.org", status: str = Order.Status.PAID) -> Order:
    return Order.objects.create(
        checkout_token=uuid.uuid4(),
        email=email,
        status=status,
        subtotal=Decimal("20.00"),
        shipping=Decimal("0.00"),
        total_gross=Decimal("20.00"),
        total_net=Decimal("16.53"),
        paid_at=timezone.now(),
        invoice_number=f"2026-{uuid.uuid4().int % 10**6:06d}",
    )


def out_of_date_english_translation() -> Translation:
    story = builders.story(intro="Een drinkbeker.")
    builders.locale("en")
    builders.story_index("en")
    source, _ = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(source=source, target_locale=builders.locale("en"))
    for segment in StringSegment.objects.filter(source=source):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data="EN",
            translation_type="manual",
        )
    translation.save_target(publish=False)  # the English draft a translator works on
    story.intro = "Een zilveren drinkbeker."
    story.save_revision().publish()
    source.update_from_db()
    return translation


def panel(text: str, name: str) -> str:
    start = text.index(f'data-dashboard-panel="{name}"')
    return text[start : text.index("</section>", start)]


def test_the_dashboard_shows_what_waits_each_linking_to_its_list(staff):
    order = paid_order()
    paid_order("half@example.org", Order.Status.PARTIALLY_REFUNDED)
    shop_builders.product(variants=[shop_builders.variant("MUG")], stock=2)
    out_of_date_english_translation()
    tour = tour_builders.tour([tour_builders.scene("hall")])
    PanoramaTiles.objects.update_or_create(
        image=tour.scenes.get().panorama, defaults={"status": PanoramaTiles.Status.FAILED}
    )

    text = html.unescape(staff.get("/admin/").content.decode())

    orders = panel(text, "new_orders")
    assert "/admin/snippets/shop/order/?status=paid" in orders and str(order) in orders
    assert "half@example.org" not in orders
    assert "half@example.org" in panel(text, "refunds")
    stock = panel(text, "low_stock")
    assert "/admin/snippets/shop/stock/?low=true" in stock and "MUG" in stock
    translations = panel(text, "translations")
    assert "target_locale=en&waiting_for_translation=true" in translations
    assert tour.title in panel(text, "failed_tiling")


def test_each_list_the_dashboard_links_to_shows_what_the_panel_counted(staff):
    paid_order()
    shop_builders.product(variants=[shop_builders.variant("MUG"), shop_builders.variant("CUP")])
    shop_builders.set_stock("MUG", 1)
    stock_list = html.unescape(staff.get("/admin/snippets/shop/stock/?low=true").content.decode())
    assert "MUG" in stock_list and "CUP" not in stock_list
    orders = staff.get("/admin/snippets/shop/order/?status=paid")
    assert orders.status_code == 200
    report = staff.get(
        reverse("wagtail_localize:translations_report")
        + "?target_locale=en&waiting_for_translation=true"
    )
    assert report.status_code == 200


def test_the_shop_panels_are_only_for_staff_who_may_open_their_lists(client, django_user_model):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("ed", "ed@museum.be", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    paid_order()
    text = client.get("/admin/").content.decode()
    assert 'data-dashboard-panel="new_orders"' not in text
    assert 'data-dashboard-panel="translations"' in text


def test_the_dashboard_costs_the_same_queries_with_more_rows(staff, django_assert_max_num_queries):
    for n in range(3):
        paid_order(f"buyer{n}@example.org")
    staff.get("/admin/")  # warm caches (site, locales, content types)
    with django_assert_max_num_queries(80) as few:
        staff.get("/admin/")
    for n in range(10):
        paid_order(f"more{n}@example.org")
    with django_assert_max_num_queries(len(few.captured_queries)):
        staff.get("/admin/")
