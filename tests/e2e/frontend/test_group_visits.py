"""A teacher books a group visit on the reference site, in the browser: the offers of the
demo museum, a request the museum refuses field by field, the fix, the confirmation, and
the booking's own page (by its token) before and after staff plan it.

Screenshots go to artifacts/e2e/visits/ (the form with its errors, the confirmation and
the booking page, on a desktop and a phone width).
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from shop.visits.models import Booking, Resource
from shop.visits.services import planning, workflow
from tests.e2e.browser import ARTIFACTS, chromium, off_loop
from tests.e2e.frontend.conftest import check_accessibility, settle

pytestmark = pytest.mark.e2e

SHOTS = ARTIFACTS / "visits"
OFFER = "Guided tour: the Flemish Primitives"  # demo: 8 to 25 people, 1 adult per 12 pupils


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def plan_with_a_free_dutch_guide(booking: Booking) -> None:
    start = booking.preferred_start
    end = start + timedelta(minutes=booking.offer.duration_minutes)
    guide = planning.free(booking.museum_id, Resource.Kind.GUIDE, start, end, language="nl")[0]
    room = planning.free(booking.museum_id, Resource.Kind.ROOM, start, end, people=24)[0]
    workflow.confirm(booking, start, guide=guide, room=room)


def day_ahead(weekday: int, at_least: int = 10) -> str:
    """The first `weekday` (0 = Monday) at least `at_least` days from today, ISO."""
    day = timezone.localdate() + timedelta(days=at_least)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day.isoformat()


def test_a_teacher_fixes_a_refused_request_and_follows_the_booking(site):
    tuesday, saturday = day_ahead(1), day_ahead(5)
    with chromium() as browser:
        page = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{site}/en/groups")
        settle(page)
        page.get_by_role("button", name="Necessary only").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Group visits")
        expect(page.get_by_test_id("visit-offer")).to_have_count(3)
        check_accessibility(page, "group-visits")

        page.get_by_role("button", name=f"Book this: {OFFER}").click()
        form = page.locator("#visit-form form")
        expect(form.get_by_label("Guided tour or workshop").locator("option:checked")).to_have_text(
            OFFER
        )
        form.get_by_label("Name of the organisation").fill("Sint-Baafsinstituut")
        form.get_by_label("Kind of organisation").select_option(label="School")
        form.get_by_label("Contact person").fill("Hanne Wouters")
        form.get_by_label("E-mail address").fill("hanne.wouters@example.be")
        form.get_by_label("Pupils or participants").fill("22")
        form.get_by_label("Accompanying adults").fill("1")  # 22 pupils need 2
        form.get_by_label("Language of the visit").select_option(label="Dutch")
        form.get_by_label("Preferred date").fill(saturday)  # the museum takes groups Mon-Fri
        form.get_by_label("Time", exact=True).fill("10:00")
        form.get_by_label("Purchase-order number").fill("PO-2026-77")
        form.get_by_role("button", name="Send the request").click()

        # Each refusal sits next to its field; what was typed stays.
        adults = form.get_by_label("Accompanying adults")
        expect(adults).to_have_attribute("aria-invalid", "true")
        expect(adults).to_be_focused()
        expect(
            form.locator(".field--error", has=page.get_by_label("Accompanying adults"))
        ).to_contain_text("22 pupils need at least 2 accompanying adults.")
        date = form.get_by_label("Preferred date")
        expect(date).to_have_attribute("aria-invalid", "true")
        expect(
            form.locator(".field--error", has=page.get_by_label("Preferred date"))
        ).to_contain_text("The museum is closed to groups that day.")
        expect(form.get_by_label("Name of the organisation")).to_have_value("Sint-Baafsinstituut")
        expect(form.get_by_label("Purchase-order number")).to_have_value("PO-2026-77")
        assert not off_loop(Booking.objects.filter(organisation="Sint-Baafsinstituut").exists)
        form.scroll_into_view_if_needed()
        shot(page, "request-refused")

        adults.fill("2")
        date.fill(tuesday)
        form.get_by_role("button", name="Send the request").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Request received")
        expect(page.get_by_role("status").filter(has_text="Thank you")).to_contain_text(
            "hanne.wouters@example.be"
        )
        shot(page, "request-received")

        booking = off_loop(
            lambda: Booking.objects.select_related("offer").get(organisation="Sint-Baafsinstituut")
        )
        assert (booking.pupils, booking.adults, booking.language) == (22, 2, "nl")
        assert booking.purchase_order == "PO-2026-77"
        assert booking.locale == "en"
        start = timezone.localtime(booking.preferred_start)
        assert (start.date().isoformat(), start.hour, start.minute) == (tuesday, 10, 0)

        page.get_by_role("link", name="See your booking").click()
        # A client-side navigation: the address changes after the click returns.
        expect(page).to_have_url(re.compile(r"[?&]token="))
        settle(page)
        assert parse_qs(urlsplit(page.url).query)["token"] == [booking.token]
        expect(page.get_by_role("heading", level=1)).to_have_text("Your group visit")
        expect(page.get_by_test_id("visit-booking-status")).to_have_text(
            "Requested, not yet confirmed"
        )
        expect(page.get_by_test_id("visit-booking")).to_contain_text(OFFER)
        expect(page.get_by_test_id("visit-booking-history").get_by_role("listitem")).to_have_count(
            1
        )
        check_accessibility(page, "group-booking-requested")

        # Staff plan it with a free Dutch-speaking guide and a room; the page follows.
        off_loop(plan_with_a_free_dutch_guide, booking)
        page.reload()
        settle(page)
        expect(page.get_by_test_id("visit-booking-status")).to_have_text("Confirmed")
        expect(page.get_by_test_id("visit-booking")).to_contain_text("10:00")
        history = page.get_by_test_id("visit-booking-history").get_by_role("listitem")
        expect(history).to_have_count(2)
        expect(history.nth(1)).to_contain_text("Confirmed")
        shot(page, "booking-confirmed")

        # An altered token finds nothing and says so.
        page.goto(f"{site}/en/groups/booking?token={booking.token}x")
        settle(page)
        expect(page.get_by_role("main")).to_contain_text("This link belongs to no booking.")
        assert errors == []


def test_the_booking_form_works_on_a_phone_in_dutch(site):
    with chromium() as browser:
        page = browser.new_page(
            locale="nl-BE", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
        )
        page.goto(f"{site}/nl/groepen")
        settle(page)
        page.get_by_role("button", name="Alleen noodzakelijk").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Groepsbezoeken")
        form = page.locator("#visit-form form")
        form.get_by_role("button", name="Aanvraag versturen").click()
        # No date chosen: said next to the date; the server's Dutch words for the rest.
        expect(form.get_by_label("Gewenste datum")).to_have_attribute("aria-invalid", "true")
        expect(form).to_contain_text("Kies een datum.")
        form.get_by_label("Gewenste datum").fill(day_ahead(2))
        form.get_by_role("button", name="Aanvraag versturen").click()
        expect(form.get_by_label("Naam van de organisatie")).to_have_attribute(
            "aria-invalid", "true"
        )
        expect(form).to_contain_text("Vul dit in.")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, f"the page scrolls sideways on a phone: {width}px"
        check_accessibility(page, "group-visits-phone")
        shot(page, "request-phone-nl")
