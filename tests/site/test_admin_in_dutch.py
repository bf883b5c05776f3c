"""Every admin view of ours, rendered in Dutch, has no English of ours left; and the
labels Wagtail fixed in the default language follow the editor's language.

For each view, the Dutch render is searched for the English msgid of every string our
catalogues translate (whole phrases of at least two words, so "Stock" in a SKU does not
count), plus the strings editors reported: the chooser's "Search" tab, "Choose …" over a
chooser, the login's "Password".
"""

from __future__ import annotations

import html
import re
import uuid
from decimal import Decimal
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.utils import timezone
from wagtail.users.models import UserProfile

from shop.models import Order, ReturnRequest
from tests.shop import builders as shop_builders
from tests.site import builders as site_builders
from tests.site.test_dashboard import out_of_date_english_translation
from tests.tours import builders as tour_builders

pytestmark = pytest.mark.django_db

APP_LABELS = (
    "museum_site",
    "tours",
    "search",
    "shop",
    "shop_accounts",
    "shop_tickets",
    "shop_visits",
)


def english_phrases_we_translate() -> set[str]:
    phrases = set()
    for label in APP_LABELS:
        po = polib.pofile(
            str(Path(apps.get_app_config(label).path) / "locale/nl/LC_MESSAGES/django.po")
        )
        for entry in po.translated_entries():
            wanted = entry.msgstr != entry.msgid and len(entry.msgid.split()) >= 2
            if wanted and "%" not in entry.msgid and "{" not in entry.msgid:
                phrases.add(entry.msgid)
    return phrases


def visible_text(body: str) -> str:
    body = re.sub(r"<(script|style|template)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.fixture
def admin_in(client, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "r@museum.be", "pw")

    def login(language: str):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return login


def our_admin_views() -> list[str]:
    order = Order.objects.create(
        checkout_token=uuid.uuid4(),
        email="koper@example.org",
        status=Order.Status.PAID,
        subtotal=Decimal("20.00"),
        shipping=Decimal("0.00"),
        total_gross=Decimal("20.00"),
        total_net=Decimal("16.53"),
        paid_at=timezone.now(),
    )
    product = shop_builders.product(variants=[shop_builders.variant("MUG")], stock=1)
    translation = out_of_date_english_translation()
    tour = tour_builders.tour([tour_builders.scene("hall")])
    story = site_builders.story()
    stock = product.variants.get().stock
    line = order.lines.create(
        sku="MUG",
        product_name="Mok",
        quantity=1,
        unit_gross=Decimal("20.00"),
        total_gross=Decimal("20.00"),
        vat_rate=21,
    )
    returned = ReturnRequest.objects.create(museum=order.museum, order=order, reason="Kapot")
    returned.lines.create(order_line=line, quantity=1)
    return [
        "/admin/",
        f"/admin/pages/{product.pk}/edit/",
        f"/admin/pages/{tour.pk}/edit/",
        f"/admin/pages/{story.pk}/edit/",
        "/admin/snippets/shop/order/",
        f"/admin/snippets/shop/order/inspect/{order.pk}/",
        "/admin/snippets/shop/stock/",
        f"/admin/snippets/shop/stock/edit/{stock.pk}/",
        "/admin/snippets/shop/voucher/",
        "/admin/snippets/museum_site/collectionobject/",
        "/admin/snippets/museum_site/term/",
        f"/admin/translations/{translation.pk}/changed/",
        # The views that came with tickets, returns, group visits and contacts.
        "/admin/tickets/calendar/",
        "/admin/tickets/check-in/",
        "/admin/snippets/shop/returnrequest/",
        f"/admin/shop/returns/{returned.pk}/decide/",
        f"/admin/shop/orders/{order.pk}/refund/",
        f"/admin/shop/orders/{order.pk}/fulfil/",
        "/admin/visits/planning/",
        "/admin/snippets/shop_visits/booking/",
        "/admin/snippets/shop_visits/visitoffer/",
        "/admin/contacts/",
    ]


def test_no_english_of_ours_is_left_in_the_dutch_admin(admin_in):
    urls = our_admin_views()
    phrases = english_phrases_we_translate()
    client = admin_in("nl")
    left = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        found = sorted(phrase for phrase in phrases if phrase in text)
        if found:
            left[url] = found
    assert left == {}


@pytest.mark.parametrize(
    ("language", "search_tab", "english_left"),
    [("en", "Search", "Zoeken"), ("nl", "Zoeken", "Search")],
)
def test_the_image_chooser_speaks_the_editors_language(
    admin_in, language, search_tab, english_left
):
    data = admin_in(language).get("/admin/images/chooser/").json()
    text = visible_text(data["html"])
    assert search_tab in text and english_left not in text.split()


@pytest.mark.parametrize(
    ("language", "title", "wrong"),
    [("en", "Choose", "Kies"), ("nl", "Kies", "Choose")],
)
def test_the_object_chooser_title_speaks_the_editors_language(admin_in, language, title, wrong):
    data = admin_in(language).get("/admin/snippets/choose/museum_site/collectionobject/").json()
    text = visible_text(data["html"])
    assert title in text and wrong not in text.split()


def test_the_login_page_asks_for_the_password_in_dutch(client):
    text = visible_text(client.get("/admin/login/").content.decode())
    assert "Wachtwoord" in text and "Password" not in text


def test_a_new_editor_picks_the_admin_language_without_giving_a_name(client, django_user_model):
    from wagtail.test.utils.form_data import querydict_from_html

    user = django_user_model.objects.create_superuser("nieuw", "nieuw@museum.be", "pw")
    client.force_login(user)
    form = querydict_from_html(client.get("/admin/account/").content.decode(), form_id=None)
    language_field = next(name for name in form if name.endswith("preferred_language"))
    form[language_field] = "en"
    response = client.post("/admin/account/", form)
    assert response.status_code == 302
    assert UserProfile.get_for_user(user).preferred_language == "en"
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("", "")
