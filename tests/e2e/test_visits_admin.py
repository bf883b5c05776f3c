"""A museum's visit planner in the admin, in a real browser, as staff of the museum (a
group with the visit permissions, not a superuser): a school's request is planned with
the free Dutch-speaking guide the form proposes, a busy guide is refused with the
conflict named, and the week's planning shows the visit in the guide's row.

Screenshots of each step go to artifacts/e2e/visits/.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from shop.visits.models import Booking
from shop.visits.services import workflow
from shop.visits.services.booking_requests import BookingRequest, request_booking
from tests.e2e.browser import ARTIFACTS, chromium, off_loop
from tests.e2e.test_editor_admin import open_admin
from tests.visits import builders

pytestmark = [pytest.mark.e2e]

PASSWORD = "plans-the-groups"
SHOTS = ARTIFACTS / "visits"


@pytest.fixture
def planner(transactional_db, django_user_model, settings):
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    group = Group.objects.create(name="Visit planners")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="shop_visits",
            codename__in=[
                "view_booking",
                "change_booking",
                "view_activity",
                "view_resource",
                "view_visitoffer",
            ],
        ),
    )
    grant_staff(group, Museum.objects.default())
    user = django_user_model.objects.create_user("planner", "planner@museum.be", PASSWORD)
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    SHOTS.mkdir(parents=True, exist_ok=True)
    return user


def school_request(offer, organisation: str, start) -> Booking:
    return request_booking(
        Museum.objects.default(),
        BookingRequest(
            offer_id=offer.pk,
            organisation=organisation,
            organisation_kind="school",
            contact_name="An Peeters",
            email="an.peeters@example.be",
            pupils=28,
            adults=3,
            language="nl",
            preferred_start=start,
        ),
    )


def test_a_planner_confirms_a_request_with_a_free_dutch_guide_and_sees_the_week(
    live_server, planner
):
    builders.calendar()
    offer = builders.offer()
    start = builders.next_weekday(1)
    pieter = builders.guide("Pieter De Smet", ["nl"])
    els = builders.guide("Els Vermeulen", ["nl", "en"])
    builders.guide("Claire Martin", ["fr", "en"])
    room = builders.room("Educatieve ruimte", 40)
    # Pieter already guides another school at that hour.
    taken = school_request(offer, "Atheneum Voskenslaan", start)
    workflow.confirm(taken, start, guide=pieter, room=builders.room("Atelier", 40))
    booking = school_request(offer, "Sint-Lievenscollege", start)

    with chromium() as browser:
        page = open_admin(browser, live_server, "planner", PASSWORD)
        page.goto(f"{live_server.url}/admin/snippets/shop_visits/booking/")
        row = page.locator("tr", has_text="Sint-Lievenscollege")
        expect(row).to_contain_text("Requested")
        row.get_by_role("button", name="More options").click()
        row.get_by_role("link", name="Plan").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Plan the visit")
        # Proposed: the Dutch speakers who are free, not Pieter (busy) nor Claire (French).
        expect(page.locator("main")).to_contain_text(
            "Free and speaking the language: Els Vermeulen"
        )
        expect(page.get_by_label("Guide")).to_have_value(str(els.pk))
        page.screenshot(path=SHOTS / "admin-plan.png", full_page=True)

        # Choosing the busy guide anyway is refused, the conflict named.
        page.get_by_label("Guide").select_option(label="Pieter De Smet")
        page.get_by_role("button", name="Plan the visit").click()
        expect(page.get_by_role("alert")).to_contain_text(
            "Pieter De Smet is already taken at that time."
        )
        page.screenshot(path=SHOTS / "admin-plan-conflict.png", full_page=True)
        off_loop(booking.refresh_from_db)
        assert booking.status == Booking.Status.REQUESTED

        page.get_by_label("Guide").select_option(label="Els Vermeulen")
        page.get_by_label("Room").select_option(label=room.name)
        page.get_by_role("button", name="Plan the visit").click()
        expect(page.locator(".messages")).to_contain_text("done")
        off_loop(booking.refresh_from_db)
        assert booking.status == Booking.Status.CONFIRMED
        assigned = off_loop(lambda: {a.resource.name for a in booking.activity.assignments.all()})
        assert assigned == {"Els Vermeulen", "Educatieve ruimte"}

        # The week: the visit in Els's row and the room's, Pieter's other school in his.
        monday = (timezone.localtime(start) - timedelta(days=start.weekday())).date()
        page.goto(f"{live_server.url}/admin/visits/planning/?week={monday.isoformat()}")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Planning")
        els_row = page.locator("tr", has=page.get_by_role("rowheader", name="Els Vermeulen"))
        expect(els_row).to_contain_text("Sint-Lievenscollege")
        expect(els_row).to_contain_text("10:00–11:30")
        pieter_row = page.locator("tr", has=page.get_by_role("rowheader", name="Pieter De Smet"))
        expect(pieter_row).to_contain_text("Atheneum Voskenslaan")
        expect(pieter_row).not_to_contain_text("Sint-Lievenscollege")
        room_row = page.locator("tr", has=page.get_by_role("rowheader", name="Educatieve ruimte"))
        expect(room_row).to_contain_text("Sint-Lievenscollege")
        page.screenshot(path=SHOTS / "admin-week.png", full_page=True)

        # Only guides: the rooms leave the view.
        page.get_by_role("link", name="Guide", exact=True).click()
        expect(page.get_by_role("rowheader", name="Educatieve ruimte")).to_have_count(0)
        expect(page.get_by_role("rowheader", name="Els Vermeulen")).to_be_visible()
