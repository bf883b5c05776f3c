"""Admin views that work on the museum of the admin's host (check-in, its counts, the
accounting export) answer only that museum's own staff: staff of another museum, with
the same permissions, get nothing by opening the admin on its host."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from tests.museums import builders
from tests.tickets import builders as ticket_builders

pytestmark = pytest.mark.django_db

PERMISSIONS = ("access_admin", "change_ticket", "view_order")


def staff_of(museum: Museum, name: str):
    user = get_user_model().objects.create_user(name, password="x", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=PERMISSIONS))
    group = Group.objects.create(name=f"Staff {name}")
    grant_staff(group, museum)
    user.groups.add(group)
    return user


@pytest.fixture
def design_ticket(settings):
    settings.ALLOWED_HOSTS = ["localhost", "design.localhost", "testserver"]
    design = builders.museum("design")
    offer = ticket_builders.offer(museum=design)
    slot = ticket_builders.slot(offer, timezone.now() + datetime.timedelta(minutes=5))
    return design, ticket_builders.ticket(slot)


def test_another_museums_staff_cannot_check_in_its_tickets(client, design_ticket):
    _design, ticket = design_ticket
    client.force_login(staff_of(Museum.objects.default(), "elders"))
    host = {"HTTP_HOST": "design.localhost"}
    assert client.get("/admin/tickets/check-in/", **host).status_code in (302, 403)
    refused = client.post("/admin/tickets/check-in/scan/", {"code": ticket.code}, **host)
    assert refused.status_code in (302, 403)
    assert client.get("/admin/tickets/check-in/counts/", **host).status_code in (302, 403)
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None


def test_a_museums_own_staff_check_in_on_its_host(client, design_ticket):
    design, ticket = design_ticket
    client.force_login(staff_of(design, "deur"))
    answer = client.post(
        "/admin/tickets/check-in/scan/", {"code": ticket.code}, HTTP_HOST="design.localhost"
    )
    assert answer.json()["outcome"] == "valid"


def test_another_museums_staff_get_no_accounting_export(client, design_ticket):
    client.force_login(staff_of(Museum.objects.default(), "boekhouder"))
    today = datetime.date.today().isoformat()
    answer = client.get(
        "/admin/shop/accounting-export/",
        {"start": today, "end": today, "format": "csv"},
        HTTP_HOST="design.localhost",
    )
    assert answer.status_code in (302, 403)
    assert answer.get("Content-Type") != "text/csv"
