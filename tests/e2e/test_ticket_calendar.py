"""The ticket calendar of the admin in Chromium: a week of slots with sold and
checked-in counts (a nearly full one, a closed one), and a slot's capacity changed.

Screenshots go to artifacts/e2e/tickets/.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from shop.tickets.models import TimeSlot
from tests.e2e.browser import ARTIFACTS, chromium
from tests.tickets import builders

pytestmark = [pytest.mark.e2e]

PASSWORD = "kalender-van-de-kassa"
TIMEOUT_MS = 20_000
SHOTS = ARTIFACTS / "tickets"


@pytest.fixture
def cashier(transactional_db, django_user_model, settings):
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    user = django_user_model.objects.create_user("kassa", "kassa@museum.be", PASSWORD)
    group = Group.objects.create(name="Kassa")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_timeslot", "change_timeslot"]
        )
    )
    grant_staff(group, Museum.objects.default())
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    SHOTS.mkdir(parents=True, exist_ok=True)
    return user


def test_the_calendar_shows_a_week_of_slots_and_a_slots_capacity_changes(live_server, cashier):
    offer = builders.offer(name_nl="Vaste collectie")
    busy = builders.slot(offer, builders.tomorrow_at(10), capacity=4)
    for _ in range(3):
        builders.ticket(busy)
    builders.ticket(builders.slot(offer, builders.tomorrow_at(11)), checked_in_at=timezone.now())
    builders.slot(offer, builders.tomorrow_at(12), status=TimeSlot.Status.CLOSED)
    builders.slot(offer, builders.tomorrow_at(10, days=2))
    week = builders.tomorrow_at(10).date().isoformat()

    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", "kassa")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        page.goto(f"{live_server.url}/admin/tickets/calendar/?week={week}")
        busy_link = page.locator(f'a[href="/admin/tickets/slots/{busy.pk}/"]')
        expect(busy_link).to_contain_text("3/4 sold")
        expect(page.locator("a[data-closed]")).to_have_count(1)
        expect(page.get_by_text("1 in")).to_have_count(1)
        page.screenshot(path=SHOTS / "calendar-week.png", full_page=True)

        busy_link.click()
        page.fill("input[name=capacity]", "6")
        page.get_by_role("button", name="Save capacity").click()
        expect(page.locator(".messages")).to_contain_text("The capacity is changed.")
        page.screenshot(path=SHOTS / "slot-capacity-changed.png", full_page=True)

    assert TimeSlot.objects.get(pk=busy.pk).capacity == 6
