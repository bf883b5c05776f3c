"""The demo's staff groups: a member of a museum's ticket desk, shop staff or planners
(no superuser) opens the slot calendar and the check-in page of their own museum, and
not another museum's; only planners change a slot."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from museum_site.museums.models import Museum
from shop.tickets.demo import DESK_USERNAME, staff_groups
from shop.tickets.models import TimeSlot
from tests.museums import builders as museum_builders
from tests.tickets import builders

pytestmark = pytest.mark.django_db


def _member(group, username: str):
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    user.groups.add(group)
    return user


@pytest.mark.parametrize("role", ["Ticket desk", "Shop staff", "Planners"])
def test_each_staff_group_sees_its_museums_calendar_and_check_in(client, role):
    groups = staff_groups(Museum.objects.default())
    staff_groups(museum_builders.museum("design"))  # another museum's groups exist too
    client.force_login(_member(groups[role], "medewerker"))
    ticket = builders.ticket(
        builders.slot(builders.offer(), timezone.now() + datetime.timedelta(minutes=5))
    )
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/tickets/calendar/").status_code == 200
    page = client.get("/admin/tickets/check-in/")
    assert page.status_code == 200 and b"jsQR.js" in page.content
    scanned = client.post("/admin/tickets/check-in/scan/", {"code": ticket.code}).json()
    assert scanned["outcome"] == "valid"
    assert client.get("/admin/tickets/check-in/counts/").status_code == 200
    # Another museum's host: not theirs.
    host = {"HTTP_HOST": "design.localhost"}
    assert client.get("/admin/tickets/calendar/", **host).status_code in (302, 403)
    assert client.get("/admin/tickets/check-in/", **host).status_code in (302, 403)


def test_only_planners_change_a_slots_capacity(client):
    groups = staff_groups(Museum.objects.default())
    slot = builders.slot(builders.offer(), capacity=20)
    client.force_login(_member(groups["Ticket desk"], "balie"))
    refused = client.post(f"/admin/tickets/slots/{slot.pk}/", {"capacity": 5})
    assert refused.status_code in (302, 403)
    assert TimeSlot.objects.get(pk=slot.pk).capacity == 20
    client.force_login(_member(groups["Planners"], "planner"))
    client.post(f"/admin/tickets/slots/{slot.pk}/", {"capacity": 5})
    assert TimeSlot.objects.get(pk=slot.pk).capacity == 5


def test_loading_twice_keeps_one_of_each_group_and_the_desk_member():
    museum = Museum.objects.default()
    first = staff_groups(museum)
    again = staff_groups(museum)
    assert {role: group.pk for role, group in first.items()} == {
        role: group.pk for role, group in again.items()
    }
    desk = get_user_model().objects.get(username=DESK_USERNAME)
    assert not desk.is_superuser and desk.is_staff and not desk.has_usable_password()
    assert list(desk.groups.all()) == [first["Ticket desk"]]
    assert desk.has_perm("shop_tickets.change_ticket")
    assert desk.has_perm("shop_tickets.view_timeslot")
    assert not desk.has_perm("shop_tickets.change_timeslot")
