"""A visitor's account in the browser, through @saleor/sdk: register, confirm with the
e-mailed link, sign in, add an address, download their data, delete the account with
the e-mailed link.

Database work happens before the browser starts or after it closed; the e-mails are read
from Django's test outbox (the live server runs in this process).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import Page, expect

from tests.e2e.browser import chromium
from tests.e2e.frontend.conftest import check_accessibility, screenshot, settle

pytestmark = pytest.mark.e2e

EMAIL = "margriet.de.smet@example.be"
PASSWORD = "Gravensteen-1180-Gent"


def emailed_link(site: str, subject_contains: str = "") -> str:
    """The newest e-mailed link into the site."""
    for message in reversed(mail.outbox):
        if subject_contains.lower() in message.subject.lower():
            found = re.search(rf"{re.escape(site)}\S+", message.body)
            if found:
                return found.group(0)
    raise AssertionError(f"no link to {site} in {[m.subject for m in mail.outbox]}")


def sign_in(page: Page, email: str, password: str) -> None:
    form = page.locator("form").filter(has=page.get_by_label("Password"))
    form.get_by_label("E-mail address").fill(email)
    form.get_by_label("Password").fill(password)
    form.get_by_role("button", name="Sign in").click()


def test_a_visitor_registers_adds_an_address_downloads_their_data_and_deletes_the_account(
    site, tmp_path: Path
):
    mail.outbox.clear()
    with chromium() as browser:
        page = browser.new_page(locale="en-GB", accept_downloads=True)
        page.on("pageerror", lambda error: print("pageerror:", error))
        page.goto(f"{site}/en/account/register")
        settle(page)
        page.get_by_role("region", name="Cookies and privacy").get_by_role(
            "button", name="Necessary only"
        ).click()

        # A too short password is refused next to the field.
        form = page.locator("form").filter(has=page.get_by_role("button", name="Create an account"))
        form.get_by_label("E-mail address").fill(EMAIL)
        password = form.get_by_label("Password")
        password.fill("short")
        form.get_by_role("button", name="Create an account").click()
        expect(password).to_have_attribute("aria-invalid", "true")
        expect(password).to_be_focused()
        ids = password.get_attribute("aria-describedby").split()
        assert any("too short" in page.locator(f"[id='{i}']").inner_text() for i in ids)
        check_accessibility(page, "account-register")
        password.fill(PASSWORD)
        form.get_by_role("button", name="Create an account").click()
        expect(page.get_by_text(f"the e-mail we sent to {EMAIL}")).to_be_visible()

        # The e-mailed link confirms the account; then the visitor signs in.
        page.goto(emailed_link(site))
        expect(page.get_by_text("Your account is confirmed.")).to_be_visible()
        sign_in(page, EMAIL, PASSWORD)
        expect(page.get_by_text(f"Signed in as {EMAIL}")).to_be_visible()
        expect(page.get_by_test_id("my-orders")).to_contain_text("You have no orders yet.")

        # An address, with a postcode error first.
        addresses = page.get_by_test_id("my-addresses")
        addresses.get_by_role("button", name="Add an address").click()
        new = addresses.get_by_role("group", name="Add an address")
        new.get_by_label("First name").fill("Margriet")
        new.get_by_label("Last name").fill("De Smet")
        new.get_by_label("Street and number").fill("Sint-Baafsplein 1")
        new.get_by_label("Postcode").fill("ABC")
        new.get_by_label("City").fill("Gent")
        addresses.get_by_role("button", name="Save").click()
        expect(new.get_by_label("Postcode")).to_have_attribute("aria-invalid", "true")
        new.get_by_label("Postcode").fill("9000")
        addresses.get_by_role("button", name="Save").click()
        expect(addresses.locator("address")).to_contain_text("Sint-Baafsplein 1")
        addresses.get_by_role("button", name="Make default shipping address").click()
        expect(addresses.get_by_text("Default shipping address")).to_be_visible()
        check_accessibility(page, "account-dashboard")

        # My data, as JSON.
        with page.expect_download() as download:
            page.get_by_role("button", name="Download my data").click()
        saved = tmp_path / "my-data.json"
        download.value.save_as(saved)
        data = json.loads(saved.read_text())
        assert EMAIL in json.dumps(data)
        assert "Sint-Baafsplein 1" in json.dumps(data)

        # Deleting: an e-mailed link, confirmed while signed in.
        page.get_by_role("button", name="Delete my account").click()
        expect(page.get_by_text("Check your inbox")).to_be_visible()
        page.goto(emailed_link(site, subject_contains=""))
        settle(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Delete my account")
        page.get_by_role("button", name="Delete my account for good").click()
        expect(page.get_by_text("Your account has been deleted.")).to_be_visible()
        screenshot(page, "account-deleted")

    assert not get_user_model().objects.filter(email__iexact=EMAIL, is_active=True).exists()
