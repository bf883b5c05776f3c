"""A guest's GDPR self-service and the newsletter's double opt-in, in the browser: the
form asks for a link, the test follows the exact link Django e-mailed, and the page it
opens does the rest.

The guest's order is written straight to the database: how it was bought is
test_shop.py's business; here it is data that must come out in the export and go in
the erasure. Database work happens before the browser starts or after it closed; the
e-mails are read from Django's test outbox (the live server runs in this process).
"""

from __future__ import annotations

import json
import re
import uuid
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from shop.accounts.models import ErasureRecord, NewsletterSubscription
from shop.models import Address, Order, OrderLine, RetainedInvoice
from tests.e2e.browser import chromium
from tests.e2e.frontend.conftest import (
    accept_necessary_cookies,
    check_accessibility,
    screenshot,
    settle,
)

pytestmark = pytest.mark.e2e

EMAIL = "wouter.claeys@example.be"


@pytest.fixture
def site_links(site, settings) -> str:
    """The live server, which e-mailed links point at (FRONTEND_URL)."""
    settings.FRONTEND_URL = site
    return site


def guest_order(email: str = EMAIL) -> Order:
    """A paid guest order with an invoice and a billing address, as checkout leaves it."""
    billing = Address.objects.create(
        first_name="Wouter",
        last_name="Claeys",
        street_address_1="Kouter 7",
        postal_code="9000",
        city="Gent",
        country="BE",
    )
    order = Order.objects.create(
        checkout_token=uuid.uuid4(),
        invoice_number="2026-990001",
        status=Order.Status.FULFILLED,
        email=email,
        locale="en",
        subtotal=Decimal("24.20"),
        shipping=Decimal("0.00"),
        total_gross=Decimal("24.20"),
        total_net=Decimal("20.00"),
        delivery_method_name="Pick up at the museum desk",
        billing_address=billing,
        paid_at=timezone.now(),
    )
    OrderLine.objects.create(
        order=order,
        sku="AFFICHE-LEIE",
        product_name="Affiche De Leie",
        quantity=2,
        unit_gross=Decimal("12.10"),
        total_gross=Decimal("24.20"),
        vat_rate=21,
    )
    return order


def subscribed(email: str = EMAIL, language: str = "en") -> NewsletterSubscription:
    return NewsletterSubscription.objects.create(
        email=email,
        language_code=language,
        status=NewsletterSubscription.Status.CONFIRMED,
        policy_version="2026-1",
        confirmed_at=timezone.now(),
    )


def emailed_links(site: str, subject_contains: str = "") -> list[str]:
    """The links into the site in the newest e-mail whose subject has the words."""
    for message in reversed(mail.outbox):
        if subject_contains.lower() in message.subject.lower():
            found = re.findall(rf"{re.escape(site)}\S+", message.body)
            if found:
                return found
    raise AssertionError(f"no link to {site} in {[m.subject for m in mail.outbox]}")


def test_a_guest_asks_for_their_data_and_downloads_it_from_the_emailed_link(
    site_links, tmp_path: Path
):
    site = site_links
    order = guest_order()
    subscribed()
    mail.outbox.clear()
    with chromium() as browser:
        page = browser.new_page(locale="en-GB", accept_downloads=True)
        page.on("pageerror", lambda error: print("pageerror:", error))
        # From the privacy policy to the request form.
        page.goto(f"{site}/en/privacy")
        settle(page)
        accept_necessary_cookies(page)
        page.get_by_role("main").get_by_role("link", name="Get or erase your data").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Get or erase your data")
        check_accessibility(page, "privacy-request")

        # A mistyped address is refused next to the field.
        form = page.locator("form").filter(has=page.get_by_role("button", name="Send me the link"))
        form.get_by_label("E-mail address").fill("wouter.claeys@")
        form.get_by_role("button", name="Send me the link").click()
        field = form.get_by_label("E-mail address")
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_be_focused()
        ids = field.get_attribute("aria-describedby").split()
        assert any("valid e-mail" in page.locator(f"[id='{i}']").inner_text() for i in ids)

        form.get_by_label("A copy of my data").check()
        field.fill(EMAIL)
        form.get_by_role("button", name="Send me the link").click()
        expect(
            page.get_by_role("status").filter(has_text=f"If we hold data under {EMAIL}")
        ).to_be_visible()

        (link,) = emailed_links(site)
        assert urlsplit(link).path == "/en/privacy/request"
        page.goto(link)
        settle(page)
        summary = page.get_by_test_id("export-summary")
        expect(summary).to_contain_text(EMAIL)
        expect(summary).to_contain_text("2026-990001")
        expect(summary).to_contain_text("subscribed")
        check_accessibility(page, "privacy-export")
        with page.expect_download() as download:
            page.get_by_role("link", name="Download my data (JSON)").click()
        assert re.fullmatch(r"my-data-\d{4}-\d\d-\d\d\.json", download.value.suggested_filename)
        saved = tmp_path / "my-data.json"
        download.value.save_as(saved)
        data = json.loads(saved.read_text())
        assert data["profile"]["email"] == EMAIL
        assert [entry["number"] for entry in data["orders"]] == [order.invoice_number]
        assert "Kouter 7" in data["orders"][0]["billingAddress"]
        assert data["newsletter"][0]["status"] == "CONFIRMED"

        # An altered link says so and offers the form again.
        page.goto(link.replace("token=", "token=x"))
        settle(page)
        expect(page.get_by_role("alert")).to_have_text(
            "This link is not valid, or was already used."
        )
        check_accessibility(page, "privacy-request-invalid-link")
        page.get_by_role("link", name="Ask for a new link").click()
        expect(page.get_by_role("button", name="Send me the link")).to_be_visible()


def test_a_guest_erases_their_data_only_after_confirming_on_the_linked_page(site_links):
    site = site_links
    order = guest_order()
    subscribed(language="fr")
    mail.outbox.clear()
    with chromium() as browser:
        page = browser.new_page(locale="fr-BE")
        page.on("pageerror", lambda error: print("pageerror:", error))
        page.goto(f"{site}/fr/confidentialite/request")
        settle(page)
        page.get_by_role("button", name="Nécessaires uniquement").click()
        form = page.locator("form").filter(
            has=page.get_by_role("button", name="Envoyez-moi le lien")
        )
        form.get_by_label("Effacer mes données").check()
        form.get_by_label("Adresse e-mail").fill(EMAIL)
        form.get_by_role("button", name="Envoyez-moi le lien").click()
        expect(page.get_by_text(f"Si nous conservons des données sous {EMAIL}")).to_be_visible()

        # The French e-mail opens the French page: /fr/confidentialite/…, not /fr/privacy/….
        (link,) = emailed_links(site)
        assert urlsplit(link).path == "/fr/confidentialite/request"
        page.goto(link)
        settle(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Effacer vos données")
        expect(page.get_by_role("main")).to_contain_text("dix ans pour les factures")
        check_accessibility(page, "privacy-erasure")
        page.get_by_role("button", name="Effacer mes données définitivement").click()
        erased = page.get_by_role("status").filter(has_text="Vos données ont été effacées.")
        expect(erased).to_contain_text("1 commande a été anonymisée (sa facture est conservée).")
        screenshot(page, "privacy-erased")

        # The link works once.
        page.goto(link)
        settle(page)
        page.get_by_role("button", name="Effacer mes données définitivement").click()
        expect(page.get_by_role("alert")).to_have_text(
            "Ce lien n'est pas valable ou a déjà été utilisé."
        )
        expect(page.get_by_role("link", name="Demander un nouveau lien")).to_be_visible()

    order.refresh_from_db()
    assert order.anonymised_at is not None and EMAIL not in order.email
    assert order.billing_address is None and order.invoice_number == "2026-990001"
    assert RetainedInvoice.objects.get(order=order).name == "Wouter Claeys"
    assert not NewsletterSubscription.objects.filter(email__iexact=EMAIL).exists()
    assert not Order.objects.filter(email__iexact=EMAIL).exists()
    assert ErasureRecord.objects.get().orders == 1


def test_a_visitor_signs_up_confirms_and_unsubscribes_with_a_button(site_links):
    site = site_links
    mail.outbox.clear()
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE")
        page.on("pageerror", lambda error: print("pageerror:", error))
        page.goto(f"{site}/nl")
        settle(page)
        page.get_by_role("button", name="Alleen noodzakelijk").click()
        signup = page.get_by_test_id("newsletter-signup")
        signup.get_by_label("E-mailadres").fill(EMAIL)
        consent = signup.get_by_label("Ja, stuur mij de nieuwsbrief.")
        expect(consent).not_to_be_checked()
        # Without the explicit consent nothing is sent; the error is at the box.
        signup.get_by_role("button", name="Inschrijven").click()
        expect(consent).to_have_attribute("aria-invalid", "true")
        expect(consent).to_be_focused()
        check_accessibility(page, "newsletter-signup")
        assert mail.outbox == []
        consent.check()
        signup.get_by_role("button", name="Inschrijven").click()
        expect(signup.get_by_role("status")).to_contain_text(
            f"Bijna klaar: bevestig uw inschrijving met de link die we naar {EMAIL} stuurden."
        )

        confirm, unsubscribe = emailed_links(site)
        assert urlsplit(confirm).path == "/nl/nieuwsbrief/confirm"
        assert urlsplit(unsubscribe).path == "/nl/nieuwsbrief/unsubscribe"
        page.goto(confirm)
        settle(page)
        confirmed = f"Dank u: {EMAIL} ontvangt voortaan onze nieuwsbrief."
        expect(page.get_by_role("status").filter(has_text=confirmed)).to_be_visible()
        check_accessibility(page, "newsletter-confirm")
        page.reload()  # the link again: the same answer
        expect(page.get_by_role("status").filter(has_text=confirmed)).to_be_visible()

    subscription = NewsletterSubscription.objects.get(email=EMAIL)
    assert subscription.status == "CONFIRMED" and subscription.language_code == "nl"
    assert subscription.policy_version == "2026-1"

    # Opening the unsubscribe link (as a mail scanner does) changes nothing.
    with chromium() as browser:
        page = browser.new_page(locale="nl-BE")
        page.goto(unsubscribe)
        settle(page)
        expect(page.get_by_role("button", name="Uitschrijven")).to_be_visible()
        check_accessibility(page, "newsletter-unsubscribe")
    assert NewsletterSubscription.objects.get(email=EMAIL).status == "CONFIRMED"

    with chromium() as browser:
        page = browser.new_page(locale="nl-BE")
        page.goto(unsubscribe)
        settle(page)
        page.get_by_role("button", name="Uitschrijven").click()
        done = f"{EMAIL} ontvangt onze nieuwsbrief niet meer."
        expect(page.get_by_role("status").filter(has_text=done)).to_be_visible()
        screenshot(page, "newsletter-unsubscribed")
    subscription = NewsletterSubscription.objects.get(email=EMAIL)
    assert subscription.status == "UNSUBSCRIBED" and subscription.unsubscribed_at is not None
