"""`manage.py load_demo` builds a group of three museums of one city on `*.localhost`.

Museum aan de Leie (fine arts, the default site: `localhost`, `fine-arts.localhost`),
a design museum on `design.localhost` and an industry museum on `industry.localhost`.
The same /graphql/ endpoint answers each museum's home page, products and admission
offers by the request's Host. Loading the whole demo takes long, so one test loads it
twice and checks everything that needs it.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Site

from museum_site import models as site_models
from museum_site.museums.models import Museum
from museum_site.museums.permissions import museums_of
from shop import models as shop_models
from shop.tickets import models as ticket_models

# The demo loads on SQLite in tests/site/test_demo.py; which museum answers which host
# does not depend on the database. Run on PostgreSQL only (Makefile).
pytestmark = [pytest.mark.django_db, pytest.mark.database_neutral]

HOSTS = {
    "fine-arts": "fine-arts.localhost",
    "default": "localhost",
    "design": "design.localhost",
    "industry": "industry.localhost",
}

QUERY = """{
  homePage(locale: "en") { title intro locale }
  museumDetails(locale: "fr") { museumName address }
  museum { slug name branding { primaryColour typeface } }
  products(locale: "nl", inStock: true, first: 100) {
    totalCount
    nodes { title variants { sku } }
  }
  admissionOffers(locale: "fr") { id name categories { kind price { amount } } }
}"""

AVAILABILITY = """query($offer: ID!, $from: Date!, $to: Date!) {
  ticketAvailability(offer: $offer, from: $from, to: $to) {
    date remaining slots { state }
  }
}"""


def _counts() -> dict[str, int]:
    return {
        "sites": Site.objects.count(),
        "museums": Museum.objects.count(),
        "pages": Page.objects.count(),
        "details": site_models.MuseumDetails.objects.count(),
        "objects": site_models.CollectionObject.objects.count(),
        "terms": site_models.Term.objects.count(),
        "images": site_models.MuseumImage.objects.count(),
        "groups": Group.objects.count(),
        "variants": shop_models.ProductVariant.objects.count(),
        "delivery": shop_models.ShippingMethod.objects.count(),
        "orders": shop_models.Order.objects.count(),
        "order lines": shop_models.OrderLine.objects.count(),
        "invoices": shop_models.Invoice.objects.count(),
        "returns": shop_models.ReturnRequest.objects.count(),
        "offers": ticket_models.AdmissionOffer.objects.count(),
        "categories": ticket_models.VisitorCategory.objects.count(),
        "openings": ticket_models.WeeklyOpening.objects.count(),
    }


def _load(capture) -> str:
    out = io.StringIO()
    with capture(execute=True):
        call_command("load_demo", stdout=out)
    return out.getvalue()


def _ask(graphql, host: str) -> dict:
    result = graphql(QUERY, HTTP_HOST=host)
    assert "errors" not in result, (host, result)
    return result["data"]


def test_the_demo_is_three_museums_answered_by_host(
    settings, graphql, django_capture_on_commit_callbacks, monkeypatch
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for name in ("DEMO_ADMIN_PASSWORD", "DEMO_HOST", "PORT"):
        monkeypatch.delenv(name, raising=False)

    first_output = _load(django_capture_on_commit_callbacks)
    after_first = _counts()
    second_output = _load(django_capture_on_commit_callbacks)
    assert _counts() == after_first, "a second run must not add or remove anything"
    # The visitor's design-museum book, handed over and asked back: a return to handle
    # (besides each museum's demo orders in every state, shop/demo_orders.py).
    waiting = shop_models.ReturnRequest.objects.filter(
        museum__slug="design", status=shop_models.ReturnRequest.Status.REQUESTED
    )
    assert waiting.exists()
    for output in (first_output, second_output):
        assert "design.localhost" in output and "industry.localhost" in output

    # Three museums, each on its own site, the first one the default.
    museums = {museum.slug: museum for museum in Museum.objects.select_related("site")}
    assert len(museums) == 3
    first = Museum.objects.default()
    assert first.site.is_default_site and first.name == "Museum aan de Leie"
    assert (first.street_address, first.postal_code, first.city) == ("Leiekaai 12", "9000", "Gent")
    assert first.legal_name and first.vat_number.startswith("BE0")
    assert museums["design"].site.hostname == "design.localhost"
    assert museums["industry"].site.hostname == "industry.localhost"
    brands = {(m.primary_colour, m.accent_colour, m.typeface) for m in museums.values()}
    assert len(brands) == 3
    for slug in ("design", "industry"):
        museum = museums[slug]
        assert museum.legal_name and museum.vat_number and museum.invoice_prefix
        # Its own staff group edits its tree and no other museum's (the first made; the
        # ticket desk, shop staff and planners groups come later, shop/tickets/demo.py).
        group = museum.staff_groups.order_by("pk").first()
        staff = group.user_set.create(username=f"staff-{slug}", is_staff=True)
        assert list(museums_of(staff)) == [museum]
        # Footer details in three languages, one translation key.
        details = site_models.MuseumDetails.objects.filter(museum=museum)
        assert sorted(details.values_list("locale__language_code", flat=True)) == [
            "en",
            "fr",
            "nl",
        ]
        assert len({row.translation_key for row in details}) == 1
        # Its own collection objects, described with the group's shared terms.
        objects = site_models.CollectionObject.objects.filter(museum=museum)
        assert objects.filter(locale__language_code="nl").count() >= 2
        assert objects.filter(shareable=True).exists()
        assert all(obj.materials.exists() for obj in objects)
        # Its own delivery methods.
        assert shop_models.ShippingMethod.objects.filter(museum=museum, active=True).count() == 2

    # The same endpoint, a different museum per Host.
    answers = {key: _ask(graphql, host) for key, host in HOSTS.items()}
    assert answers["fine-arts"] == answers["default"]
    fine_arts, design, industry = answers["fine-arts"], answers["design"], answers["industry"]
    assert [a["museum"]["slug"] for a in (fine_arts, design, industry)] == [
        first.slug,
        "design",
        "industry",
    ]
    homes = [a["homePage"] for a in (fine_arts, design, industry)]
    assert [home["locale"] for home in homes] == ["en", "en", "en"]
    assert [home["title"] for home in homes] == [
        "Museum on the Leie",
        "Design Museum on the Scheldt",
        "De Spinnerij Industry Museum",
    ]
    assert design["museumDetails"]["museumName"] == "Musée du design sur l'Escaut"
    assert "Scheldekaai 4" in design["museumDetails"]["address"]
    assert "Leiekaai 12" in fine_arts["museumDetails"]["address"]

    skus = [
        {variant["sku"] for node in a["products"]["nodes"] for variant in node["variants"]}
        for a in (fine_arts, design, industry)
    ]
    assert skus[1] == {"DMS-STOEL", "DMS-BOEK"}
    assert skus[2] == {"IND-BOUW-200", "IND-BOUW-100", "IND-FLUIT"}
    assert len(skus[0]) >= 12 and not skus[0] & (skus[1] | skus[2])

    offers = [a["admissionOffers"] for a in (fine_arts, design, industry)]
    assert [[offer["name"] for offer in found] for found in offers] == [
        [
            "Collection permanente",
            "Exposition De Van Eyck à Rubens",
            "Billet combiné : collection + De Van Eyck à Rubens",
        ],
        ["Collection et exposition"],
        ["Machines en marche"],
    ]
    assert {c["kind"] for c in offers[2][0]["categories"]} == {
        "ADULT",
        "REDUCED",
        "YOUTH",
        "CHILD",
    }
    # Slots to book in the coming week, in each museum, and only through its own host.
    today = timezone.localdate()
    week = {"from": today.isoformat(), "to": (today + timedelta(days=7)).isoformat()}
    for (key, host), found in zip(
        (
            ("fine-arts", HOSTS["fine-arts"]),
            ("design", HOSTS["design"]),
            ("industry", HOSTS["industry"]),
        ),
        offers,
        strict=True,
    ):
        offer = found[0]["id"]
        days = graphql(AVAILABILITY, {"offer": offer, **week}, HTTP_HOST=host)["data"]
        open_slots = [
            slot
            for day in days["ticketAvailability"]
            for slot in day["slots"]
            if slot["state"] == "OPEN"
        ]
        assert len(open_slots) >= 5, key
        other = HOSTS["industry"] if key != "industry" else HOSTS["design"]
        elsewhere = graphql(AVAILABILITY, {"offer": offer, **week}, HTTP_HOST=other)["data"]
        assert elsewhere["ticketAvailability"] == [], key

    # One visitor, a paid order in two museums, each invoiced in its museum's series.
    orders = shop_models.Order.objects.filter(email="an.devos@example.org").select_related("museum")
    assert {order.museum.slug for order in orders} == {first.slug, "design"}
    for order in orders:
        assert order.paid_at
        assert order.status in (shop_models.Order.Status.PAID, shop_models.Order.Status.FULFILLED)
        assert order.lines.count() == 1 and order.total_gross > 0
        assert order.invoices.get().number == order.invoice_number
    design_order = orders.get(museum__slug="design")
    assert design_order.invoice_number.startswith("DMS-")
    # The book was handed over at the desk (and is asked back, see above): sold, not set aside.
    assert design_order.status == shop_models.Order.Status.FULFILLED
    # The demo orders in every state (shop/demo_orders.py) sell and set aside the book too:
    # what is set aside never passes what is there.
    book = shop_models.Stock.objects.get(variant__sku="DMS-BOEK")
    assert 0 <= book.allocated <= book.quantity < 30
