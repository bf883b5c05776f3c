"""A visitor buys timed tickets and a replica in one checkout, in the browser.

The demo museum's permanent collection: a day of the coming week whose first slot is
full, whose second has one place left (asking for two answers SLOT_FULL, worded in the
visitor's language) and whose third is open; the next open day is sold out, Mondays are
closed. Two adult tickets and the Kraak bowl replica go into one cart, are paid once
through localstripe's Stripe.js stand-in, and the confirmation shows both tickets with
their QR codes and PDFs. The page works at 390x844 and has no axe violations.

Database work happens before the browser starts or after it closed (Playwright's sync
API runs an event loop in this thread, where Django refuses database access).
"""

from __future__ import annotations

import datetime
import itertools
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from museum_site.museums.models import Museum
from shop.models import Order
from shop.tickets.models import Ticket, TimeSlot
from tests.e2e.browser import ARTIFACTS, chromium
from tests.e2e.frontend.checkout import enter_email, enter_test_card, fill_address
from tests.e2e.frontend.conftest import accept_necessary_cookies, check_accessibility, settle
from tests.shop.conftest import localstripe_url  # noqa: F401 - the session's localstripe

pytestmark = pytest.mark.e2e

SHOTS = ARTIFACTS / "tickets"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def shop_site(site: str, settings, localstripe_url: str) -> str:  # noqa: F811
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_SECRET_KEY = "sk_test_vitrine_e2e"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_vitrine_e2e"
    settings.STRIPE_JS_URL = f"{localstripe_url}/js.stripe.com/v3/"
    # Ticket QR codes and PDFs are linked on the museum's public origin.
    settings.FRONTEND_URL = site
    return site


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def days_with_slots(first: datetime.date) -> list[tuple[datetime.date, list[TimeSlot]]]:
    """The demo permanent collection's days from `first` on, each with its open slots."""
    museum = Museum.objects.default()
    found: dict[datetime.date, list[TimeSlot]] = {}
    for slot in TimeSlot.objects.filter(
        museum=museum,
        offer__slug="vaste-collectie",
        starts_at__date__gte=first,
        status=TimeSlot.Status.OPEN,  # the demo closes a day: not one of ours
    ).order_by("starts_at")[:200]:
        found.setdefault(timezone.localtime(slot.starts_at).date(), []).append(slot)
    return sorted(found.items())


def two_days_in_one_month(today: datetime.date):
    """Two following days with slots in one month (the calendar shows a month), the
    first at least two days away (its slots all still ahead)."""
    days = days_with_slots(today + datetime.timedelta(days=2))
    for first, second in itertools.pairwise(days):
        if (first[0].year, first[0].month) == (second[0].year, second[0].month):
            return first, second
    raise AssertionError("the demo has no two days with slots in one month")


def open_day(page: Page, today: datetime.date, day: datetime.date, next_month: str = "Next month"):
    if (day.year, day.month) != (today.year, today.month):
        page.get_by_role("button", name=next_month).click()
    button = page.locator(f"button[data-date='{day.isoformat()}']")
    expect(button).to_be_visible()
    return button


def test_a_visitor_buys_two_tickets_and_a_replica_in_one_checkout(shop_site):
    site = shop_site
    today = timezone.localdate()
    (day, slots), (sold_out_day, sold_out_slots) = two_days_in_one_month(today)
    full, last_place, bought = slots[0], slots[1], slots[2]
    TimeSlot.objects.filter(pk=full.pk).update(capacity=0)
    TimeSlot.objects.filter(pk=last_place.pk).update(capacity=1)
    TimeSlot.objects.filter(pk__in=[slot.pk for slot in sold_out_slots]).update(capacity=0)
    monday = today + datetime.timedelta(days=7 - today.weekday())

    with chromium() as browser:
        page = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
        page.on("pageerror", lambda error: print("pageerror:", error))
        page.goto(f"{site}/en/tickets")
        settle(page)
        accept_necessary_cookies(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Tickets")

        # The calendar: a closed Monday and a sold-out day show as such, and cannot be chosen.
        if (monday.year, monday.month) == (today.year, today.month):
            closed = page.locator(f"button[data-date='{monday.isoformat()}']")
            expect(closed).to_have_attribute("data-state", "closed")
            expect(closed).to_be_disabled()
        chosen = open_day(page, today, day)
        sold_out = page.locator(f"button[data-date='{sold_out_day.isoformat()}']")
        expect(sold_out).to_have_attribute("data-state", "soldOut")
        expect(sold_out).to_be_disabled()
        expect(sold_out).to_have_accessible_name(re.compile("sold out$"))
        chosen.click()
        expect(chosen).to_have_attribute("aria-pressed", "true")

        # The day's slots: the full one is shown as full and cannot be chosen.
        full_slot = page.locator(f"input[name=slot][value='{full.pk}']")
        expect(full_slot).to_be_disabled()
        expect(
            page.locator(f"label[data-state=FULL]:has(input[value='{full.pk}'])")
        ).to_contain_text("Full")
        expect(page.locator(f"label:has(input[value='{last_place.pk}'])")).to_contain_text(
            "1 place left"
        )

        # Two tickets where one place is left: SLOT_FULL, in English.
        page.locator(f"input[name=slot][value='{last_place.pk}']").check()
        adults = page.get_by_label(re.compile(r"^Adult \("))
        adults.fill("2")
        expect(page.get_by_test_id("ticket-total")).to_have_text("€28.00")
        page.get_by_role("button", name="Add tickets to cart").click()
        expect(page.locator(".form-error")).to_have_text(
            "There are not that many places left at this time. Choose fewer tickets or another time."
        )
        shot(page, "slot-full-error")

        # A museum pass without its number is refused at the pass number.
        page.locator(f"input[name=slot][value='{bought.pk}']").check()
        adults.fill("0")
        page.get_by_label(re.compile(r"^museumPASSmusées \(")).fill("1")
        page.get_by_role("button", name="Add tickets to cart").click()
        pass_number = page.get_by_label("Museum pass number 1")
        expect(pass_number).to_have_attribute("aria-invalid", "true")
        page.get_by_label(re.compile(r"^museumPASSmusées \(")).fill("0")

        # Two adults in an open slot go into the cart.
        adults.fill("2")
        page.get_by_role("button", name="Add tickets to cart").click()
        expect(page.get_by_text("Your tickets are in your cart.")).to_be_visible()
        shot(page, "tickets-added")
        violations = check_accessibility(page, "tickets")
        assert violations == [], violations

        # The replica, into the same cart.
        page.goto(f"{site}/en/shop/replica-kraak-bowl")
        settle(page)
        page.get_by_role("radio", name=re.compile("22 cm")).check()
        page.get_by_role("button", name="Add to cart").click()
        expect(page.get_by_text("Added to your cart.")).to_be_visible()
        page.get_by_role("link", name="View your cart").click()
        settle(page)
        expect(page.locator("[data-ticket-line]")).to_have_count(1)
        expect(page.locator("[data-ticket-line]")).to_contain_text("Adult")
        expect(page.get_by_text("3 items")).to_be_visible()
        shot(page, "cart")
        check_accessibility(page, "tickets-cart")

        # One checkout: e-mail, address, pickup, card.
        page.get_by_role("link", name="Check out").click()
        settle(page)
        enter_email(page, "an.peeters@example.be")
        step = page.get_by_role("region", name="2. Address")
        address = step.get_by_role("group", name="Shipping address")
        fill_address(address, "An", "Peeters", "Korenmarkt 1", "9000", "Gent")
        step.get_by_role("button", name="Save and continue").click()
        expect(step).to_contain_text("Korenmarkt 1, 9000 Gent")
        page.get_by_role("radio", name=re.compile("^Pick up at the museum desk")).check()
        expect(page.get_by_role("radio", name=re.compile("^Pick up"))).to_be_checked()
        summary = page.get_by_role("complementary", name="Summary")
        expect(summary).to_contain_text("2 × Permanent collection (Adult")
        enter_test_card(page, "9000")
        page.get_by_role("button", name="Pay €77.00").click()

        # The confirmation: both tickets with their QR codes (loaded images) and PDFs.
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Thank you for your order!", timeout=20_000
        )
        expect(page.get_by_test_id("order-status")).to_have_text("Paid")
        number = page.get_by_test_id("order-number").inner_text()
        tickets = page.get_by_test_id("order-ticket")
        expect(tickets).to_have_count(2)
        codes = page.locator("img.order-ticket__qr")
        expect(codes).to_have_count(2)
        for index in range(2):
            image = codes.nth(index)
            expect(image).to_have_attribute("alt", re.compile("^QR code of ticket "))
            page.wait_for_function(
                "(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle()
            )
        expect(
            page.get_by_role("link", name=re.compile("^Download ticket .* as PDF$"))
        ).to_have_count(2)
        shot(page, "confirmation")
        check_accessibility(page, "tickets-confirmation")

        # On a phone, in French: the tickets page fits the screen and passes axe.
        phone = browser.new_page(locale="fr-BE", viewport=PHONE)
        phone.goto(f"{site}/fr/billets")
        settle(phone)
        phone.get_by_role("region", name=re.compile("Cookies")).get_by_role(
            "button", name="Nécessaires uniquement"
        ).click()
        expect(phone.get_by_role("heading", level=1)).to_have_text("Billets")
        open_day(phone, today, day, "Mois suivant").click()
        expect(phone.locator(f"label:has(input[value='{full.pk}'])")).to_contain_text("Complet")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"/fr/billets scrolls sideways on a phone ({width}px)"
        shot(phone, "phone-fr")
        violations = check_accessibility(phone, "tickets-phone-fr")
        assert violations == [], violations

    order = Order.objects.get(invoice_number=number)
    assert order.status == Order.Status.PAID
    assert sorted(line.sku for line in order.lines.all() if line.sku.startswith("REP")) == [
        "REP-KRAAK-L"
    ]
    sold = Ticket.objects.filter(order=order)
    assert sold.count() == 2 and {ticket.slot_id for ticket in sold} == {bought.pk}
    assert not Ticket.objects.filter(slot_id__in=[full.pk, last_place.pk]).exists()
