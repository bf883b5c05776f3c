"""The group's contact register in the admin: one person across the museums, each
museum's staff seeing only their museum's part, the group role seeing it all."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from shop.models import Order
from shop.visits import models as visit_models
from tests.museums import builders
from tests.visits import builders as visit_builders

pytestmark = pytest.mark.django_db

EMAIL = "anna@example.be"
ONLY_FINE_ARTS = "bert@example.be"


def _order(museum: Museum, number: str, email: str = EMAIL) -> Order:
    return Order.objects.create(
        museum=museum,
        checkout_token=uuid.uuid4(),
        invoice_number=number,
        email=email,
        subtotal=Decimal("10.00"),
        shipping=Decimal("0.00"),
        total_gross=Decimal("10.00"),
        total_net=Decimal("8.26"),
        status=Order.Status.PAID,
    )


def booking(museum: Museum, email: str = EMAIL) -> visit_models.Booking:
    return visit_models.Booking.objects.create(
        museum=museum,
        offer=visit_builders.offer(museum=museum, title_nl=f"Rondleiding {museum.slug}"),
        organisation="Sint-Lucas",
        organisation_kind="school",
        contact_name="Anna Peeters",
        email=email,
        phone="+32 9 000 00 00",
        pupils=20,
        adults=2,
        language="nl",
        preferred_start=visit_builders.next_weekday(1),
    )


def _user(django_user_model, name: str, *museums: Museum, group_role: bool = False):
    group = Group.objects.create(name=f"{name} staff")
    wanted = [("wagtailadmin", "access_admin"), ("shop", "view_order")]
    if group_role:
        wanted.append(("museums", "see_all_museums"))
    for app, codename in wanted:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app, codename=codename)
        )
    for museum in museums:
        grant_staff(group, museum)
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def register():
    fine_arts = Museum.objects.default()
    design = builders.museum("design", name="Design Museum")
    _order(fine_arts, "FA-2026-0001")
    _order(design, "DM-2026-0001")
    booking(design)
    _order(fine_arts, "FA-2026-0002", email=ONLY_FINE_ARTS)
    return fine_arts, design


def _person(client, email: str):
    return client.get(reverse("shop_contact"), {"email": email})


def test_a_museums_staff_see_its_own_contacts_and_part(register, client, django_user_model):
    _fine_arts, design = register
    client.force_login(_user(django_user_model, "dora", design))
    listing = client.get(reverse("shop_contacts"))
    assert [c.email for c in listing.context["contacts"]] == [EMAIL]
    (anna,) = listing.context["contacts"]
    assert (anna.orders, anna.bookings, anna.museum_names) == (1, 1, ["Design Museum"])
    person = _person(client, EMAIL)
    assert [part.museum for part in person.context["parts"]] == [design]
    page = person.content.decode()
    assert "DM-2026-0001" in page and "FA-2026-0001" not in page
    assert "Sint-Lucas" in page
    assert _person(client, ONLY_FINE_ARTS).status_code == 404


def test_the_group_role_sees_the_whole_history(register, client, django_user_model):
    fine_arts, design = register
    client.force_login(_user(django_user_model, "office", group_role=True))
    listing = client.get(reverse("shop_contacts"))
    assert [c.email for c in listing.context["contacts"]] == [EMAIL, ONLY_FINE_ARTS]
    assert listing.context["contacts"][0].orders == 2
    person = _person(client, EMAIL)
    assert {part.museum for part in person.context["parts"]} == {fine_arts, design}
    page = person.content.decode()
    assert "DM-2026-0001" in page and "FA-2026-0001" in page


def test_the_register_needs_the_order_permission(register, client, django_user_model):
    user = django_user_model.objects.create_user("eve", "eve@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("shop_contacts")).status_code in (302, 403)
    assert _person(client, EMAIL).status_code in (302, 403)


def test_the_search_narrows_the_list(register, client, django_user_model):
    client.force_login(_user(django_user_model, "office", group_role=True))
    listing = client.get(reverse("shop_contacts"), {"q": "bert"})
    assert [c.email for c in listing.context["contacts"]] == [ONLY_FINE_ARTS]


def test_consent_is_given_and_kept_per_museum(settings, graphql):
    from shop.accounts.models import ConsentRecord
    from tests.accounts import builders as account_builders
    from tests.accounts.test_consent import CURRENT, UPDATE

    settings.ALLOWED_HOSTS = ["localhost", "testserver", "design.localhost"]
    design = builders.museum("design")
    account_builders.privacy_policy()
    given = graphql(UPDATE, {"input": {"categories": ["MARKETING"]}}, HTTP_HOST="design.localhost")
    consent_id = given["data"]["consentUpdate"]["consent"]["consentId"]
    assert ConsentRecord.objects.get().museum == design
    # The same browser has answered the design museum, not the fine-arts museum.
    here = graphql(CURRENT, {"id": consent_id}, HTTP_HOST="design.localhost")["data"]["consent"]
    assert here["categories"] == ["NECESSARY", "MARKETING"]
    assert graphql(CURRENT, {"id": consent_id})["data"]["consent"] is None
