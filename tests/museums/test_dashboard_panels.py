"""The dashboard's group-visit and admission panels: booking requests waiting for a
planner and today's time slots, each linking to its list, each for the editor's own
museum only."""

from __future__ import annotations

import html

import pytest
from django.contrib.auth.models import Group, Permission

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from shop.visits.models import Booking
from tests.museums import builders
from tests.tickets import builders as ticket_builders
from tests.visits import builders as visit_builders

pytestmark = pytest.mark.django_db


def request_from(museum: Museum, organisation: str) -> Booking:
    return Booking.objects.create(
        museum=museum,
        offer=visit_builders.offer(museum=museum),
        organisation=organisation,
        organisation_kind="school",
        contact_name="An",
        email="an@example.org",
        pupils=24,
        adults=3,
        language="nl",
        preferred_start=visit_builders.next_weekday(1),
    )


def panel(text: str, name: str) -> str:
    start = text.index(f'data-dashboard-panel="{name}"')
    return text[start : text.index("</section>", start)]


@pytest.fixture
def two_museums(settings):
    settings.ALLOWED_HOSTS = ["localhost", "design.localhost", "testserver"]
    return Museum.objects.default(), builders.museum("design")


def test_requests_and_todays_slots_wait_on_the_dashboard(client, django_user_model, two_museums):
    own, other = two_museums
    request_from(own, "Sint-Lievenscollege")
    request_from(other, "Designschool")
    offer = ticket_builders.offer(museum=own)
    ticket_builders.ticket(ticket_builders.slot(offer, ticket_builders.today_at(12)))
    planner = django_user_model.objects.create_user("planner", password="x", is_staff=True)
    planner.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_booking", "change_booking", "view_timeslot"]
        )
    )
    group = Group.objects.create(name="Planners")
    grant_staff(group, own)
    planner.groups.add(group)
    client.force_login(planner)

    text = html.unescape(client.get("/admin/").content.decode())

    requests = panel(text, "booking_requests")
    assert "Sint-Lievenscollege" in requests and "24 + 3" in requests
    assert "Designschool" not in requests
    assert "/admin/snippets/shop_visits/booking/?status=requested" in requests
    slots = panel(text, "todays_slots")
    # The planner's admin is in Dutch, the museum's language.
    assert "1 van 20 verkocht, 0 binnen" in slots and "/admin/tickets/calendar/" in slots
    listing = client.get("/admin/snippets/shop_visits/booking/?status=requested")
    assert listing.status_code == 200 and b"Sint-Lievenscollege" in listing.content


def test_staff_of_another_museum_see_no_slots_of_the_host(client, django_user_model, two_museums):
    own, other = two_museums
    ticket_builders.slot(ticket_builders.offer(museum=other), ticket_builders.today_at(12))
    staff = django_user_model.objects.create_user("kassa", password="x", is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_timeslot"])
    )
    group = Group.objects.create(name="Kassa")
    grant_staff(group, own)
    staff.groups.add(group)
    client.force_login(staff)
    text = client.get("/admin/", HTTP_HOST="design.localhost").content.decode()
    assert 'data-dashboard-panel="todays_slots"' not in text
