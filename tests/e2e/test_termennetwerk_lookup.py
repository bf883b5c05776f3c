"""The Termennetwerk lookup in the Term editor, in a real browser, against the fake
Termennetwerk on loopback (tests/termennetwerk/fake_server.py): an editor who may add
terms types "brons" in a new material, chooses AAT's bronze (which also links our copper
alloy as its broader term), types the French label the Termennetwerk does not have, and
saves.

Screenshots go to artifacts/e2e/termennetwerk/.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from museum_site.models import Term
from tests.e2e.browser import ARTIFACTS, chromium
from tests.e2e.test_editor_admin import open_admin
from tests.termennetwerk.fake_server import FakeTermennetwerk

pytestmark = [pytest.mark.e2e]

PASSWORD = "termen-van-het-museum"
SHOTS = ARTIFACTS / "termennetwerk"
BRONZE = "http://vocab.getty.edu/aat/300010957"


@pytest.fixture
def term_editor(transactional_db, django_user_model, settings):
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    user = django_user_model.objects.create_user("termen", "termen@museum.be", PASSWORD)
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "add_term", "change_term", "view_term"]
        )
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    SHOTS.mkdir(parents=True, exist_ok=True)
    return user


@pytest.fixture
def fake_termennetwerk(settings):
    # The live server runs in this process, so the settings fixture reaches it.
    server = FakeTermennetwerk().start()
    settings.TERMENNETWERK_URL = server.url
    cache.clear()
    yield server
    server.stop()
    cache.clear()


def sign_in(browser, live_server):
    return open_admin(browser, live_server, "termen", PASSWORD)


def test_choosing_aats_bronze_fills_the_new_material_and_saves_it(
    live_server, term_editor, fake_termennetwerk
):
    # Our term for AAT's broader concept of bronze: the lookup links the two.
    alloy = Term.objects.create(
        kind=Term.Kind.MATERIAL,
        label_nl="koperlegering",
        label_en="copper alloy",
        authority_uri="http://vocab.getty.edu/aat/300010942",
    )
    with chromium() as browser:
        page = sign_in(browser, live_server)
        page.goto(f"{live_server.url}/admin/snippets/museum_site/term/add/")
        page.select_option("#id_kind", "material")
        page.locator("[data-termennetwerk-query]").fill("brons")

        aat = page.locator('[data-source="http://vocab.getty.edu/aat"]')
        expect(aat.get_by_role("heading")).to_have_text("Art & Architecture Thesaurus")
        choice = aat.locator(f'button[data-uri="{BRONZE}"]')
        expect(choice).to_contain_text("bronze")
        expect(choice).to_contain_text("Legering van koper en tin")
        page.screenshot(path=SHOTS / "results.png", full_page=True)

        choice.click()
        expect(page.locator("#id_authority_uri")).to_have_value(BRONZE)
        expect(page.locator("#id_label_nl")).to_have_value("brons")
        expect(page.locator("#id_label_en")).to_have_value("bronze")
        expect(page.locator("#id_alt_labels")).to_have_value("bronze (metal)\nbronze alloy")
        expect(page.locator("[data-termennetwerk-status]")).to_contain_text("no label in French")
        expect(page.locator("[data-termennetwerk-status]")).to_contain_text(
            "Broader term: copper alloy (Material)."
        )
        expect(page.locator("#id_broader")).to_have_value(str(alloy.pk))
        expect(page.locator("#id_broader-chooser [data-chooser-title]")).to_have_text(
            "copper alloy (Material)"
        )
        page.fill("#id_label_fr", "bronze")
        page.screenshot(path=SHOTS / "filled.png", full_page=True)
        page.get_by_role("button", name="Save", exact=True).first.click()
        page.wait_for_url(f"{live_server.url}/admin/snippets/museum_site/term/")

    term = Term.objects.get(authority_uri=BRONZE)
    assert (term.kind, term.label_nl, term.label_en, term.label_fr) == (
        "material",
        "brons",
        "bronze",
        "bronze",
    )
    assert term.alternative_labels == ["bronze (metal)", "bronze alloy"]
    assert term.scope_note.startswith("Legering van koper en tin")
    assert term.broader == alloy
    # One search, one lookup: the browser asked only our proxy, the proxy the API.
    assert [request["query"].split("(")[0].strip() for request in fake_termennetwerk.requests] == [
        "query Search",
        "query Lookup",
    ]


def test_without_the_termennetwerk_the_editor_is_told_and_types_by_hand(
    live_server, term_editor, settings
):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        settings.TERMENNETWERK_URL = f"http://127.0.0.1:{probe.getsockname()[1]}/graphql"
    cache.clear()
    with chromium() as browser:
        page = sign_in(browser, live_server)
        page.goto(f"{live_server.url}/admin/snippets/museum_site/term/add/")
        page.select_option("#id_kind", "material")
        page.locator("[data-termennetwerk-query]").fill("brons")

        expect(page.locator("[data-termennetwerk-status]")).to_contain_text(
            "cannot be reached right now"
        )
        page.screenshot(path=SHOTS / "unreachable.png", full_page=True)
        page.fill("#id_label_nl", "brons")
        page.get_by_role("button", name="Save", exact=True).first.click()
        page.wait_for_url(f"{live_server.url}/admin/snippets/museum_site/term/")

    assert Term.objects.filter(label_nl="brons", authority_uri="").exists()
