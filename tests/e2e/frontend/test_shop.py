"""A visitor buys from the demo shop in the browser and pays with localstripe's Stripe.js
stand-in (the Card Element, test card 4242…), as a signed-in customer who then finds the
order in their account; validation errors appear next to their fields.

Database work happens before the browser starts or after it closed (Playwright's sync
API runs an event loop in this thread, where Django refuses database access).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from shop.models import Order
from tests.accounts import builders as accounts
from tests.e2e.browser import chromium
from tests.e2e.frontend.checkout import enter_test_card, fill_address
from tests.e2e.frontend.conftest import (
    accept_necessary_cookies,
    check_accessibility,
    screenshot,
    settle,
)
from tests.shop.conftest import localstripe_url  # noqa: F401 - the session's localstripe

pytestmark = pytest.mark.e2e


@pytest.fixture
def shop_site(site: str, settings, localstripe_url: str) -> str:  # noqa: F811
    """The demo behind the live server, paying through localstripe; the browser loads
    Stripe.js from localstripe's stand-in, as the demo's `make demo` does."""
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_SECRET_KEY = "sk_test_vitrine_e2e"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_vitrine_e2e"
    settings.STRIPE_JS_URL = f"{localstripe_url}/js.stripe.com/v3/"
    return site


def described_error(page: Page, field) -> str:
    """The text of the error linked to `field` by aria-describedby."""
    ids = (field.get_attribute("aria-describedby") or "").split()
    texts = [page.locator(f"[id='{id_}']").inner_text() for id_ in ids]
    return " ".join(text for text in texts if text)


def sign_in(page: Page, site: str, email: str, password: str) -> None:
    page.goto(f"{site}/en/account")
    settle(page)
    accept_necessary_cookies(page)
    form = page.locator("form").filter(has=page.get_by_label("Password"))
    form.get_by_label("E-mail address").fill(email)
    form.get_by_label("Password").fill(password)
    form.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(f"Signed in as {email}")).to_be_visible()


def test_a_customer_buys_a_replica_pays_with_a_test_card_and_finds_the_order(shop_site):
    site = shop_site
    customer = accounts.customer("lieven.bauwens@example.be")
    with chromium() as browser:
        page = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
        page.on("console", lambda message: print("console:", message.type, message.text))
        page.on("pageerror", lambda error: print("pageerror:", error))
        sign_in(page, site, customer.email, accounts.PASSWORD)

        # The shop list, filtered by category and stock.
        page.goto(f"{site}/en/shop")
        settle(page)
        count = page.get_by_role("status").filter(has_text=re.compile(r"products?$"))
        total = int(count.inner_text().split()[0])
        assert total >= 12
        page.get_by_label("Category").select_option(label="Replicas")
        expect(page).to_have_url(re.compile(r"category=replicas"))
        expect(count).not_to_have_text(f"{total} products")
        replicas = int(count.inner_text().split()[0])
        expect(page.get_by_text("Sold out").first).to_be_visible()
        page.get_by_label("Only what is in stock").check()
        expect(count).to_have_text(f"{replicas - 1} products")  # the bishop's bust is sold out
        check_accessibility(page, "shop-list")

        # The product: two sizes, each with its price VAT included and its stock.
        page.get_by_role("link", name="Kraak porcelain bowl").click()
        settle(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Kraak porcelain bowl")
        image = page.locator(".product__image")
        assert "w" in (image.get_attribute("srcset") or ""), "product images have a srcSet"
        page.get_by_role("radio", name=re.compile("22 cm")).check()
        expect(page.get_by_test_id("price")).to_contain_text("€49.00")
        expect(page.get_by_test_id("price")).to_contain_text("incl. 21% VAT")
        expect(page.get_by_text("Only 8 left")).to_be_visible()
        check_accessibility(page, "product")
        page.get_by_role("button", name="Add to cart").click()
        expect(page.get_by_text("Added to your cart.")).to_be_visible()
        expect(page.get_by_test_id("cart-badge")).to_have_text("1")

        # The cart: more than the stock is refused next to the quantity; 2 is fine.
        page.get_by_role("link", name="View your cart").click()
        settle(page)
        quantity = page.get_by_label(re.compile("^Quantity of Kraak porcelain bowl"))
        quantity.fill("9")  # 8 in stock
        page.get_by_role("button", name="Update").click()
        expect(quantity).to_have_attribute("aria-invalid", "true")
        assert described_error(page, quantity) == "There are not that many in stock."
        expect(quantity).to_be_focused()
        screenshot(page, "cart-error")
        quantity.fill("2")
        page.get_by_role("button", name="Update").click()
        expect(page.get_by_test_id("cart-badge")).to_have_text("2")
        expect(page.get_by_test_id("total")).to_have_text("€98.00")
        check_accessibility(page, "cart")

        # Checkout: e-mail (the customer's), an address with a bad postcode, then a good one.
        page.get_by_role("link", name="Check out").click()
        settle(page)
        contact = page.get_by_role("region", name="1. Contact")
        expect(contact.get_by_label("E-mail address")).to_have_value(customer.email)
        contact.get_by_role("button", name="Save and continue").click()
        expect(contact.get_by_text(customer.email)).to_be_visible()
        step = page.get_by_role("region", name="2. Address")
        address = step.get_by_role("group", name="Shipping address")
        fill_address(address, "Lieven", "Bauwens", "Korenmarkt 1", "90", "Gent")
        step.get_by_role("button", name="Save and continue").click()
        postcode = address.get_by_label("Postcode")
        expect(postcode).to_have_attribute("aria-invalid", "true")
        expect(postcode).to_be_focused()
        assert "not valid" in described_error(page, postcode)
        check_accessibility(page, "checkout")
        postcode.fill("9000")
        step.get_by_role("button", name="Save and continue").click()
        expect(step).to_contain_text("Shipping address: Lieven Bauwens, Korenmarkt 1, 9000 Gent")

        # Delivery: the first method is chosen already, so payment is open at once; the
        # customer picks up at the museum desk instead (free); then the voucher.
        delivery = page.get_by_role("region", name="3. Delivery")
        expect(delivery.get_by_role("radio").first).to_be_checked()
        expect(page.get_by_test_id("card-element")).to_be_visible()
        page.get_by_role("radio", name=re.compile("^Pick up at the museum desk")).check()
        expect(page.get_by_role("radio", name=re.compile("^Pick up"))).to_be_checked()
        voucher = page.get_by_label("Voucher code")
        voucher.fill("NOSUCHCODE")
        page.get_by_role("button", name="Apply").click()
        expect(voucher).to_have_attribute("aria-invalid", "true")
        voucher.fill("MUSEUM10")
        page.get_by_role("button", name="Apply").click()
        expect(page.get_by_text("Voucher MUSEUM10 applied.")).to_be_visible()
        expect(page.get_by_test_id("discount")).to_have_text("− €9.80")
        expect(page.get_by_test_id("total")).to_have_text("€88.20")

        # Payment with localstripe's Card Element stand-in and the test card.
        enter_test_card(page, "9000")
        screenshot(page, "checkout-payment")

        # On a phone the summary (lines, totals, VAT) comes before the Pay button.
        page.set_viewport_size({"width": 390, "height": 844})
        pay = page.get_by_role("button", name="Pay €88.20")
        summary = page.get_by_role("complementary", name="Summary")
        assert summary.bounding_box()["y"] < pay.bounding_box()["y"]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        pay.scroll_into_view_if_needed()
        screenshot(page, "phone-checkout-payment")
        page.set_viewport_size({"width": 1280, "height": 900})
        pay.click()

        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Thank you for your order!", timeout=20_000
        )
        expect(page.get_by_test_id("order-status")).to_have_text("Paid")
        expect(page.get_by_test_id("order-total")).to_have_text("€88.20")
        number = page.get_by_test_id("order-number").inner_text()
        assert re.fullmatch(r"\S+", number)
        # Order lines keep the product's name as the shop's source language has it.
        expect(page.get_by_text(re.compile(r"^2 × .+ \(Ø 22 cm\)"))).to_be_visible()
        # VAT per rate, the address, and what happens next (a pickup: no shipping address).
        expect(page.get_by_test_id("order-vat")).to_have_text(
            re.compile(r"^VAT 21%\s*€\d+\.\d{2}$")
        )
        expect(page.get_by_role("region", name="Billing address")).to_contain_text("Korenmarkt 1")
        expect(page.get_by_test_id("order-shipping-address")).to_have_count(0)
        next_steps = page.get_by_role("region", name="What happens next")
        expect(next_steps).to_contain_text(f"We sent a confirmation to {customer.email}.")
        expect(next_steps).to_contain_text("ready at the museum desk")
        screenshot(page, "order-confirmation")
        check_accessibility(page, "order-confirmation")
        expect(page.get_by_test_id("cart-badge")).to_have_count(0)

        # The account lists the order.
        page.get_by_role("navigation", name="Main navigation").get_by_role(
            "link", name="Account"
        ).click()
        orders = page.get_by_test_id("my-orders")
        expect(orders).to_contain_text(f"Order number {number}")
        expect(orders).to_contain_text("Paid")
        expect(orders).to_contain_text("€88.20")
        check_accessibility(page, "account")

        # On a phone, in Dutch: nothing wider than the screen.
        phone = browser.new_page(locale="nl-BE", viewport={"width": 375, "height": 740})
        for name, path in (
            ("phone-shop", "/nl/winkel"),
            ("phone-product", "/nl/winkel/replica-kraakkom"),
        ):
            phone.goto(f"{site}{path}")
            settle(phone)
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"{path} scrolls sideways on a phone ({width}px)"
            screenshot(phone, name)
        expect(phone.get_by_role("radio", name=re.compile("Ø 14 cm"))).to_be_visible()

    order = Order.objects.get(invoice_number=number)
    assert order.status == Order.Status.PAID
    assert order.customer_id == customer.pk
    assert str(order.total_gross) == "88.20" and order.voucher_code == "MUSEUM10"
    assert [(line.sku, line.quantity) for line in order.lines.all()] == [("REP-KRAAK-L", 2)]


def test_on_a_phone_the_header_is_compact_and_the_buy_button_and_first_search_result_are_on_the_first_screen(
    site,
):
    phone_size = {"width": 390, "height": 844}
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE", viewport=phone_size)
        page.on("pageerror", lambda error: print("pageerror:", error))
        page.goto(f"{site}/nl/winkel/replica-kraakkom")
        settle(page)
        page.get_by_role("region", name="Cookies en privacy").get_by_role(
            "button", name="Alleen noodzakelijk"
        ).click()

        # The header: one row with the museum and a Menu button, at most 80 px high.
        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 80, f"the header takes {header['height']}px on a phone"
        menu = page.get_by_role("button", name="Menu")
        expect(menu).to_have_attribute("aria-expanded", "false")
        navigation = page.get_by_role("navigation", name="Hoofdnavigatie")
        expect(navigation).to_be_hidden()

        # The product's buy button is on the first screen, without scrolling.
        buy = page.get_by_role("button", name="In het winkelmandje")
        box = buy.bounding_box()
        assert box["y"] + box["height"] <= phone_size["height"], f"the buy button is at {box}"
        screenshot(page, "phone-product-first-screen")
        check_accessibility(page, "phone-product")

        # The menu opens the navigation and the language switch, and closes on navigating.
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
        expect(navigation).to_be_visible()
        expect(page.get_by_role("navigation", name="Kies een taal")).to_be_visible()
        screenshot(page, "phone-menu-open")
        check_accessibility(page, "phone-menu-open")
        navigation.get_by_role("link", name="Winkel", exact=True).click()
        settle(page)
        expect(navigation).to_be_hidden()
        assert page.evaluate("document.documentElement.scrollWidth") <= phone_size["width"]

        # Search: the first result shows without scrolling; the filters wait behind a button.
        page.goto(f"{site}/nl/zoeken?q=zilver")
        settle(page)
        first = page.locator(".result").first
        expect(first).to_be_visible()
        box = first.bounding_box()
        assert box["y"] + box["height"] <= phone_size["height"], f"the first result is at {box}"
        filters = page.get_by_role("button", name="Filters")
        expect(filters).to_have_attribute("aria-expanded", "false")
        expect(page.get_by_role("checkbox", name=re.compile(r"^Object"))).to_be_hidden()
        screenshot(page, "phone-search")
        check_accessibility(page, "phone-search")
        filters.click()
        expect(page.get_by_role("checkbox", name=re.compile(r"^Object"))).to_be_visible()
        screenshot(page, "phone-search-filters")
