"""The check-in page of the admin: staff with the permission only; answers as JSON."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from tests.tickets import builders

pytestmark = pytest.mark.django_db


def _staff(*permissions: str):
    """Door staff of the default museum (the one the test client's host names)."""
    user = get_user_model().objects.create_user("deur", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    group = Group.objects.create(name="Deur")
    grant_staff(group, Museum.objects.default())
    user.groups.add(group)
    return user


def test_staff_at_the_door_scan_and_see_the_counts(client):
    client.force_login(_staff("change_ticket"))
    offer = builders.offer()
    ticket = builders.ticket(builders.slot_open_now(offer))
    page = client.get("/admin/tickets/check-in/")
    assert page.status_code == 200 and b"jsQR.js" in page.content
    first = client.post("/admin/tickets/check-in/scan/", {"code": ticket.code}).json()
    second = client.post("/admin/tickets/check-in/scan/", {"code": ticket.code}).json()
    assert first["outcome"] == "valid"
    assert second["outcome"] == "used" and second["usedBy"] == "deur"
    [slot] = client.get("/admin/tickets/check-in/counts/").json()["slots"]
    assert (slot["sold"], slot["checkedIn"], slot["expected"]) == (1, 1, 0)


def test_without_the_permission_nothing_is_answered(client):
    client.force_login(_staff())
    offer = builders.offer()
    ticket = builders.ticket(builders.slot_open_now(offer))
    # Wagtail's admin answers a refused permission by sending the user back to the
    # dashboard with a message.
    assert client.get("/admin/tickets/check-in/").status_code in (302, 403)
    refused = client.post("/admin/tickets/check-in/scan/", {"code": ticket.code})
    assert refused.status_code in (302, 403)
    assert refused.get("Content-Type") != "application/json"
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None
