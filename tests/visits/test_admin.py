"""Staff plan, record, invoice and cancel group visits in the admin, and see the week."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.users.models import UserProfile

from museum_site.museums.models import Museum
from shop.visits.models import Booking
from shop.visits.services.booking_requests import BookingRequest, request_booking
from shop.visits.services.payment_reference import is_valid
from tests.visits import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("planner", "p@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def booking() -> Booking:
    builders.calendar()
    offer = builders.offer()
    return request_booking(
        Museum.objects.default(),
        BookingRequest(
            offer_id=offer.pk,
            organisation="Sint-Lievenscollege",
            organisation_kind="school",
            contact_name="An Peeters",
            email="an@example.be",
            pupils=28,
            adults=3,
            language="nl",
            preferred_start=builders.next_weekday(1),
        ),
    )


@pytest.mark.parametrize(
    "model", ["booking", "visitoffer", "resource", "activity", "visitcalendar"]
)
def test_every_visits_list_opens(staff, booking, model):
    assert staff.get(f"/admin/snippets/shop_visits/{model}/").status_code == 200


def test_planning_proposes_the_free_dutch_guide_and_confirms(staff, booking):
    els = builders.guide("Els", ["nl"])
    builders.guide("Jean", ["fr"])
    room = builders.room()
    page = staff.get(f"/admin/visits/bookings/{booking.pk}/plan/").content.decode()
    assert "Free and speaking the language: Els" in page
    start = timezone.localtime(booking.preferred_start).strftime("%Y-%m-%dT%H:%M")
    response = staff.post(
        f"/admin/visits/bookings/{booking.pk}/plan/",
        {"starts_at": start, "guide": els.pk, "room": room.pk},
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert {a.resource for a in booking.activity.assignments.all()} == {els, room}


def test_a_taken_guide_is_a_form_error_not_a_500(staff, booking):
    els = builders.guide("Els", ["nl"])
    start = timezone.localtime(booking.preferred_start).strftime("%Y-%m-%dT%H:%M")
    other = builders.offer(title_nl="Andere")
    second = request_booking(
        Museum.objects.default(),
        BookingRequest(
            offer_id=other.pk,
            organisation="X",
            organisation_kind="school",
            contact_name="Y",
            email="y@example.be",
            pupils=20,
            adults=2,
            language="nl",
            preferred_start=booking.preferred_start,
        ),
    )
    staff.post(f"/admin/visits/bookings/{booking.pk}/plan/", {"starts_at": start, "guide": els.pk})
    response = staff.post(
        f"/admin/visits/bookings/{second.pk}/plan/", {"starts_at": start, "guide": els.pk}
    )
    assert response.status_code == 200
    assert "Els is already taken at that time." in response.content.decode()
    second.refresh_from_db()
    assert second.status == Booking.Status.REQUESTED


def test_record_then_invoice(staff, booking):
    els = builders.guide("Els", ["nl"])
    start = timezone.localtime(booking.preferred_start).strftime("%Y-%m-%dT%H:%M")
    staff.post(f"/admin/visits/bookings/{booking.pk}/plan/", {"starts_at": start, "guide": els.pk})
    staff.post(f"/admin/visits/bookings/{booking.pk}/record/", {"pupils": 27, "adults": 3})
    staff.post(f"/admin/visits/bookings/{booking.pk}/invoice/", {})
    booking.refresh_from_db()
    assert booking.status == Booking.Status.INVOICED
    assert is_valid(booking.structured_communication)


def test_the_week_view_shows_each_guides_visits(staff, booking):
    els = builders.guide("Els", ["nl"])
    start = timezone.localtime(booking.preferred_start).strftime("%Y-%m-%dT%H:%M")
    staff.post(f"/admin/visits/bookings/{booking.pk}/plan/", {"starts_at": start, "guide": els.pk})
    week = (booking.preferred_start - timedelta(days=1)).date().isoformat()
    page = staff.get(f"/admin/visits/planning/?week={week}&kind=guide").content.decode()
    assert "Els" in page and "Sint-Lievenscollege" in page


def test_staff_without_the_permission_cannot_plan(client, django_user_model, booking):
    editor = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(f"/admin/visits/bookings/{booking.pk}/plan/").status_code in (302, 403)
