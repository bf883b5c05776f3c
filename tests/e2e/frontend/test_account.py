"""A visitor's account in the browser, through @saleor/sdk: register, confirm with the
e-mailed link, sign in, add an address, download their data, delete the account with
the e-mailed link; a refused sign-in shown above the form with the e-mail kept; a
forgotten password reset from the e-mailed link.

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

from tests.accounts import builders as accounts
from tests.e2e.browser import chromium
from tests.e2e.frontend.conftest import (
    accept_necessary_cookies,
    check_accessibility,
    screenshot,
    settle,
)

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
        accept_necessary_cookies(page)

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


def test_a_wrong_password_or_unknown_address_is_refused_above_the_form_and_the_email_stays(site):
    customer = accounts.customer("jan.van.eyck@example.be")
    with chromium() as browser:
        page = browser.new_page(locale="en-GB")
        page.on("pageerror", lambda error: print("pageerror:", error))
        page.goto(f"{site}/en/account")
        settle(page)
        accept_necessary_cookies(page)
        form = page.locator("form").filter(has=page.get_by_label("Password"))
        email = form.get_by_label("E-mail address")

        email.fill(customer.email)
        form.get_by_label("Password").fill("not-the-password")
        form.get_by_role("button", name="Sign in").click()
        alert = form.get_by_role("alert")
        expect(alert).to_have_text("The e-mail address or password is wrong.")
        expect(alert).to_be_focused()
        expect(email).to_have_value(customer.email)
        check_accessibility(page, "account-sign-in-refused")
        screenshot(page, "account-sign-in-refused")

        email.fill("nobody.here@example.be")
        form.get_by_label("Password").fill(accounts.PASSWORD)
        form.get_by_role("button", name="Sign in").click()
        expect(alert).to_have_text("The e-mail address or password is wrong.")
        expect(email).to_have_value("nobody.here@example.be")

        # In French and Dutch the frontend words the server's refusal itself.
        for path, label, password_label, button, message in (
            (
                "/fr/compte",
                "Adresse e-mail",
                "Mot de passe",
                "Se connecter",
                "L’adresse e-mail ou le mot de passe est incorrect.",
            ),
            (
                "/nl/account",
                "E-mailadres",
                "Wachtwoord",
                "Aanmelden",
                "E-mailadres of wachtwoord is onjuist.",
            ),
        ):
            page.goto(f"{site}{path}")
            settle(page)
            form = page.locator("form").filter(has=page.get_by_label(password_label))
            form.get_by_label(label).fill(customer.email)
            form.get_by_label(password_label).fill("not-the-password")
            form.get_by_role("button", name=button).click()
            expect(form.get_by_role("alert")).to_have_text(message)
            expect(form.get_by_label(label)).to_have_value(customer.email)


def test_a_customer_who_forgot_the_password_sets_a_new_one_from_the_emailed_link_and_signs_in(site):
    customer = accounts.customer("clara.peeters@example.be")
    new_password = "Stilleven-1611-Antwerpen"
    mail.outbox.clear()
    with chromium() as browser:
        page = browser.new_page(locale="en-GB")
        page.on("pageerror", lambda error: print("pageerror:", error))
        page.goto(f"{site}/en/account")
        settle(page)
        accept_necessary_cookies(page)
        form = page.locator("form").filter(has=page.get_by_label("Password"))
        form.get_by_label("E-mail address").fill(customer.email)
        page.get_by_role("link", name="Forgot password?").click()

        # The request form, with the typed address taken along.
        expect(page.get_by_role("heading", level=1)).to_have_text("Forgotten password")
        request = page.locator("form").filter(has=page.get_by_role("button", name="Send the link"))
        expect(request.get_by_label("E-mail address")).to_have_value(customer.email)
        check_accessibility(page, "account-forgot-password")
        screenshot(page, "account-forgot-password")
        request.get_by_role("button", name="Send the link").click()
        expect(page.get_by_text(f"If there is an account for {customer.email}")).to_be_visible()

        # The e-mailed link opens the page that sets the new password, and signs in.
        link = emailed_link(site)
        assert "/en/account/reset?" in link, link
        page.goto(link)
        settle(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
        password = page.get_by_label("New password")
        password.fill("short")
        page.get_by_role("button", name="Save the password").click()
        expect(password).to_have_attribute("aria-invalid", "true")
        check_accessibility(page, "account-reset-password")
        screenshot(page, "account-reset-password")
        password.fill(new_password)
        page.get_by_role("button", name="Save the password").click()
        expect(page.get_by_text(f"Signed in as {customer.email}")).to_be_visible()

        # Signed out, the new password signs in and the old one no longer does.
        page.get_by_role("button", name="Sign out").click()
        sign_in(page, customer.email, accounts.PASSWORD)
        expect(page.get_by_role("alert")).to_have_text("The e-mail address or password is wrong.")
        page.locator("form").filter(has=page.get_by_label("Password")).get_by_label(
            "Password"
        ).fill(new_password)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_text(f"Signed in as {customer.email}")).to_be_visible()
        screenshot(page, "account-signed-in-after-reset")

    customer.refresh_from_db()
    assert customer.check_password(new_password)
