"""A school pays its confirmed group visit online, in the browser: the booking's page
offers "Pay online", the shop's checkout takes the billing address and localstripe's
test card, and the booking's page then says it is paid.

Screenshots go to artifacts/e2e/visits/.
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from museum_site.museums.models import Museum
from shop.visits.models import Booking, VisitOffer
from shop.visits.services import workflow
from shop.visits.services.booking_requests import BookingRequest, request_booking
from tests.e2e.browser import ARTIFACTS, chromium, off_loop
from tests.e2e.frontend.checkout import enter_test_card, fill_address
from tests.e2e.frontend.conftest import check_accessibility, settle
from tests.e2e.frontend.test_group_visits import day_ahead, plan_with_a_free_dutch_guide
from tests.shop.conftest import localstripe_url  # noqa: F401 - the session's localstripe

pytestmark = pytest.mark.e2e

SHOTS = ARTIFACTS / "visits"


@pytest.fixture
def shop_site(site: str, settings, localstripe_url: str) -> str:  # noqa: F811
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_SECRET_KEY = "sk_test_vitrine_e2e"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_vitrine_e2e"
    settings.STRIPE_JS_URL = f"{localstripe_url}/js.stripe.com/v3/"
    return site


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def confirmed_booking() -> Booking:
    """A Wednesday visit in Dutch of one of the demo's offers, planned by staff."""
    offers = VisitOffer.objects.filter(museum=Museum.objects.default(), active=True)
    offer = next(offer for offer in offers.order_by("pk") if "nl" in offer.languages)
    day = datetime.fromisoformat(day_ahead(2, at_least=12))
    booking = request_booking(
        Museum.objects.default(),
        BookingRequest(
            offer_id=offer.pk,
            organisation="Atheneum Gentbrugge",
            organisation_kind="school",
            contact_name="Sofie De Smet",
            email="sofie.desmet@example.be",
            pupils=offer.min_group + 2,
            adults=1,
            language="nl",
            preferred_start=timezone.make_aware(datetime.combine(day.date(), time(13, 0))),
            purchase_order="PO-88",
            locale="en",
        ),
    )
    plan_with_a_free_dutch_guide(booking)
    return Booking.objects.select_related("offer").get(pk=booking.pk)


def test_a_school_pays_its_confirmed_visit_with_a_test_card(shop_site):
    site = shop_site
    booking = off_loop(confirmed_booking)
    due = off_loop(workflow.price, booking)
    assert due > Decimal("0")
    shown = f"€{due:.2f}"
    with chromium() as browser:
        page = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{site}/en/groups/booking?token={booking.token}")
        settle(page)
        page.get_by_role("button", name="Necessary only").click()
        expect(page.get_by_test_id("visit-booking-status")).to_have_text("Confirmed")
        expect(page.get_by_test_id("visit-booking-due")).to_have_text(shown)
        expect(page.get_by_test_id("visit-booking-paid")).to_have_count(0)
        shot(page, "booking-pay-online")

        page.get_by_role("button", name="Pay online").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Checkout")
        settle(page)
        expect(page.get_by_test_id("checkout-visit-line")).to_contain_text("Atheneum Gentbrugge")
        expect(page.get_by_test_id("total")).to_have_text(shown)
        expect(page.get_by_role("region", name="1. Contact")).to_contain_text(
            "sofie.desmet@example.be"
        )
        step = page.get_by_role("region", name="2. Address")
        billing = step.get_by_role("group", name="Billing address")
        fill_address(billing, "Sofie", "De Smet", "Jules Van Aken 7", "9050", "Gent")
        step.get_by_role("button", name="Save and continue").click()
        expect(step).to_contain_text("Billing address: Sofie De Smet, Jules Van Aken 7")

        enter_test_card(page, "9050")
        shot(page, "booking-checkout")
        page.get_by_role("button", name=f"Pay {shown}").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Thank you for your order!", timeout=20_000
        )
        expect(page.get_by_test_id("order-status")).to_have_text("Paid")
        expect(page.get_by_test_id("order-total")).to_have_text(shown)

        page.goto(f"{site}/en/groups/booking?token={booking.token}")
        settle(page)
        expect(page.get_by_test_id("visit-booking-paid")).to_have_text("Paid")
        expect(page.get_by_test_id("visit-booking-due")).to_have_count(0)
        expect(page.get_by_test_id("visit-booking-pay")).to_have_count(0)
        expect(
            page.get_by_test_id("visit-booking-history").get_by_role("listitem").last
        ).to_contain_text("Paid online")
        check_accessibility(page, "group-booking-paid")
        shot(page, "booking-paid")
        assert errors == []

    paid = off_loop(lambda: Booking.objects.select_related("order").get(pk=booking.pk))
    assert paid.paid_at is not None and paid.paid_amount == due
    assert paid.order.status == "paid" and paid.order.invoice_number
