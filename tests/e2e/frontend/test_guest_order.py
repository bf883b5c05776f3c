"""A buyer without an account buys two tickets, then finds the order again from the link
in the confirmation e-mail, in a browser that kept nothing of the purchase.

The demo museum's permanent collection, a slot three or more days ahead (within the
offer's cancellation deadline). The tickets are paid through localstripe's Stripe.js
stand-in; the confirmation e-mail's link opens the order page in a fresh browser
context: number, status, lines, both tickets with loaded QR codes and PDF links, the
invoice. One ticket is cancelled there (the offer refunds it in full), and the page then
says so and shows the order partly refunded. A tampered link finds nothing. The page
has no axe violations, in English and in French on a phone.

Database work happens before the browser starts or after it closed (Playwright's sync
API runs an event loop in this thread, where Django refuses database access).
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from shop.models import Order
from shop.tickets.models import Ticket
from tests.e2e.browser import ARTIFACTS, chromium
from tests.e2e.frontend.checkout import enter_email, enter_test_card, fill_address
from tests.e2e.frontend.conftest import accept_necessary_cookies, check_accessibility, settle
from tests.e2e.frontend.test_tickets import PHONE, days_with_slots, open_day, shop_site  # noqa: F401
from tests.shop.conftest import localstripe_url  # noqa: F401 - the session's localstripe

pytestmark = pytest.mark.e2e

SHOTS = ARTIFACTS / "guest-order"
LINK = re.compile(r"https?://\S+/order\?link=\S+")


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_a_guest_opens_the_order_from_the_confirmation_link_and_cancels_a_ticket(
    shop_site,  # noqa: F811
    mailoutbox,
):
    site = shop_site
    today = timezone.localdate()
    day, slots = days_with_slots(today + datetime.timedelta(days=3))[0]
    slot = next(found for found in slots if found.capacity - found.sold >= 2)

    with chromium() as browser:
        page = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
        page.on("pageerror", lambda error: print("pageerror:", error))
        page.goto(f"{site}/en/tickets")
        settle(page)
        accept_necessary_cookies(page)
        open_day(page, today, day).click()
        page.locator(f"input[name=slot][value='{slot.pk}']").check()
        page.get_by_label(re.compile(r"^Adult \(")).fill("2")
        page.get_by_role("button", name="Add tickets to cart").click()
        expect(page.get_by_text("Your tickets are in your cart.")).to_be_visible()

        # A guest's checkout of tickets only: e-mail, billing address, card.
        page.goto(f"{site}/en/checkout")
        settle(page)
        enter_email(page, "lieven.bauwens@example.be")
        step = page.get_by_role("region", name="2. Address")
        billing = step.get_by_role("group", name="Billing address")
        fill_address(billing, "Lieven", "Bauwens", "Korenmarkt 1", "9000", "Gent")
        step.get_by_role("button", name="Save and continue").click()
        expect(step).to_contain_text("Korenmarkt 1, 9000 Gent")
        enter_test_card(page, "9000")
        page.get_by_role("button", name="Pay €28.00").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Thank you for your order!", timeout=20_000
        )
        number = page.get_by_test_id("order-number").inner_text()

        # The confirmation e-mail's link, opened where nothing of the purchase is kept.
        for _attempt in range(40):  # the mail job runs after the order's commit
            sent = [message for message in mailoutbox if "confirmed" in message.subject]
            if sent:
                break
            page.wait_for_timeout(250)
        (confirmation,) = sent
        (url,) = LINK.findall(confirmation.body)
        assert url.startswith(f"{site}/en/checkout/order?link="), url

        guest = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
        guest.on("pageerror", lambda error: print("pageerror:", error))
        guest.goto(url)
        settle(guest)
        accept_necessary_cookies(guest)
        expect(guest.get_by_role("heading", level=1)).to_have_text("Your order")
        expect(guest.get_by_test_id("order-number")).to_have_text(number)
        expect(guest.get_by_test_id("order-status")).to_have_text("Paid")
        expect(guest.get_by_test_id("order-lines")).to_contain_text("2 × Permanent collection")
        expect(guest.get_by_test_id("order-total")).to_have_text("€28.00")
        tickets = guest.get_by_test_id("order-ticket")
        expect(tickets).to_have_count(2)
        codes = guest.locator("img.order-ticket__qr")
        expect(codes).to_have_count(2)
        for index in range(2):
            guest.wait_for_function(
                "(img) => img.complete && img.naturalWidth > 0",
                arg=codes.nth(index).element_handle(),
            )
        expect(
            guest.get_by_role("link", name=re.compile("^Download ticket .* as PDF$"))
        ).to_have_count(2)
        expect(guest.get_by_test_id("order-invoices")).to_contain_text(f"Invoice {number}")
        expect(guest.get_by_test_id("cancel-ticket")).to_have_count(2)
        expect(tickets.first).to_contain_text("you then get 100% of the price back")
        shot(guest, "order")
        violations = check_accessibility(guest, "guest-order")
        assert violations == [], violations

        # Cancel one ticket: refunded in full, the order partly refunded.
        guest.get_by_test_id("cancel-ticket").first.click()
        expect(guest.get_by_test_id("cancel-notice")).to_have_text(
            "Your ticket is cancelled. We refund €14.00 to your card.", timeout=20_000
        )
        expect(guest.locator("[data-testid=order-ticket][data-status=CANCELED]")).to_have_count(1)
        expect(guest.get_by_test_id("order-status")).to_have_text("Partly refunded")
        expect(guest.get_by_test_id("order-refunded")).to_have_text("€14.00")
        expect(guest.get_by_test_id("cancel-ticket")).to_have_count(1)
        shot(guest, "order-after-cancel")
        violations = check_accessibility(guest, "guest-order-cancelled")
        assert violations == [], violations

        # A tampered link shows nothing of the order.
        guest.goto(url[:-3] + "xyz")
        settle(guest)
        expect(guest.get_by_test_id("order-not-found")).to_be_visible()
        expect(guest.get_by_test_id("order-number")).to_have_count(0)

        # In French on a phone: the same page, in French, without sideways scrolling.
        phone = browser.new_page(locale="fr-BE", viewport=PHONE)
        phone.goto(url.replace("/en/checkout/", "/fr/commande/"))
        settle(phone)
        banner = phone.get_by_role("region", name=re.compile("Cookies"))
        banner.get_by_role("button", name="Nécessaires uniquement").click()
        expect(banner).to_be_hidden()
        expect(phone.get_by_role("heading", level=1)).to_have_text("Votre commande")
        expect(phone.get_by_test_id("order-status")).to_have_text("Partiellement remboursée")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the order page scrolls sideways on a phone ({width}px)"
        shot(phone, "order-phone-fr")
        violations = check_accessibility(phone, "guest-order-phone-fr")
        assert violations == [], violations

    order = Order.objects.get(invoice_number=number)
    assert order.customer_id is None and order.status == Order.Status.PARTIALLY_REFUNDED
    assert order.refunded == Decimal("14.00")
    statuses = sorted(Ticket.objects.filter(order=order).values_list("status", flat=True))
    assert statuses == [Ticket.Status.CANCELED, Ticket.Status.VALID]
