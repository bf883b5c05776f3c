"""The checkout form as a buyer fills it, shared by the browser tests that pay (shop,
tickets, group visits): one place that knows the form's labels and localstripe's card."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

#: localstripe's test card, accepted without 3-D Secure.
TEST_CARD = {"number": "4242424242424242", "exp_month": "12", "exp_year": "34", "cvc": "123"}


def fill_address(
    group: Locator, first: str, last: str, street: str, postcode: str, city: str
) -> None:
    """Fill a shipping or billing address group (the group, not the page, so the right
    one of the two is filled)."""
    group.get_by_label("First name").fill(first)
    group.get_by_label("Last name").fill(last)
    group.get_by_label("Street and number").fill(street)
    group.get_by_label("Postcode").fill(postcode)
    group.get_by_label("City").fill(city)


def enter_test_card(page: Page, postcode: str) -> None:
    """Type the test card into localstripe's stand-in for Stripe's Card Element."""
    card = page.get_by_test_id("card-element")
    for field, value in (*TEST_CARD.items(), ("postal_code", postcode)):
        card.locator(f"input[placeholder={field}]").fill(value)


def enter_email(page: Page, email: str) -> None:
    """The contact step as a guest fills it: the e-mail, saved and shown back."""
    contact = page.get_by_role("region", name="1. Contact")
    contact.get_by_label("E-mail address").fill(email)
    contact.get_by_role("button", name="Save and continue").click()
    expect(contact.get_by_text(email)).to_be_visible()
