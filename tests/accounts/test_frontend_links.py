"""The links in the data-request and newsletter e-mails open a page of the frontend, in
the language they were asked in, at the origin FRONTEND_URL names.

The frontend's routes are read from its sources (frontend/src/i18n/languages.ts for the
localised area segments, frontend/src/routes.tsx for the pages under each area), so a
segment renamed on one side only fails here, not in a visitor's mailbox. The browser
tests (tests/e2e/frontend/test_privacy_requests.py) then open such links for real.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from shop.accounts import frontend_links
from tests.accounts import builders

pytestmark = pytest.mark.django_db

FRONTEND_SRC = Path(__file__).resolve().parents[2] / "frontend" / "src"
LANGUAGES = ("nl", "en", "fr")
EMAIL = "jan.peeters@example.be"
REQUEST = """mutation($email: String!, $kind: DataRequestKind!, $lang: String) {
  dataRequestCreate(email: $email, kind: $kind, languageCode: $lang) { errors { code } } }"""
SUBSCRIBE = """mutation($email: String!, $lang: String) {
  newsletterSubscribe(email: $email, languageCode: $lang) { errors { code } } }"""


def frontend_segments() -> dict[str, dict[str, str]]:
    """`SEGMENTS` of languages.ts: {area: {lang: segment}}."""
    source = (FRONTEND_SRC / "i18n" / "languages.ts").read_text()
    table = source.split("export const SEGMENTS", 1)[1].split("};", 1)[0]
    return {
        area: dict(re.findall(r'(\w+): "([^"]*)"', entries))
        for area, entries in re.findall(r"(\w+): \{([^}]*)\}", table)
    }


def frontend_routes() -> set[tuple[str, str]]:
    """(area, path) of every page in routes.tsx."""
    source = (FRONTEND_SRC / "routes.tsx").read_text()
    return set(re.findall(r'area: "(\w+)",\s*path: "([^"]*)"', source))


def page_of(url: str) -> tuple[str, str, str]:
    """(language, area, page path) of a frontend URL, or an AssertionError if no route."""
    lang, segment, *rest = urlsplit(url).path.strip("/").split("/")
    areas = [area for area, names in frontend_segments().items() if names.get(lang) == segment]
    assert areas, f"{url}: no area is called {segment!r} in {lang}"
    page = "/".join(rest)
    assert (areas[0], page) in frontend_routes(), f"{url}: no route {page!r} in {areas[0]}"
    return lang, areas[0], page


def links_in(message) -> list[str]:
    return [word for word in message.body.split() if word.startswith("http")]


def test_the_servers_table_of_segments_is_the_frontends():
    segments = frontend_segments()
    for area, names in frontend_links.SEGMENTS.items():
        assert segments[area] == names


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_emailed_link_opens_a_frontend_page_in_its_language(
    lang, graphql, mailoutbox, settings
):
    settings.FRONTEND_URL = "https://museum.example"
    builders.privacy_policy(f"2026-{lang}", lang)
    assert graphql(SUBSCRIBE, {"email": EMAIL, "lang": lang}) == {
        "data": {"newsletterSubscribe": {"errors": []}}
    }
    # The subscription alone is data held: both kinds of request mail a link.
    for kind in ("EXPORT", "ERASURE"):
        result = graphql(REQUEST, {"email": EMAIL, "kind": kind, "lang": lang})
        assert result == {"data": {"dataRequestCreate": {"errors": []}}}
    newsletter, export, erasure = mailoutbox

    confirm, unsubscribe = links_in(newsletter)
    assert page_of(confirm) == (lang, "newsletter", "confirm")
    assert page_of(unsubscribe) == (lang, "newsletter", "unsubscribe")
    for message, kind in ((export, "EXPORT"), (erasure, "ERASURE")):
        (url,) = links_in(message)
        assert page_of(url) == (lang, "privacy", "request")
        params = parse_qs(urlsplit(url).query)
        assert params["kind"] == [kind] and params["token"]
    for url in (confirm, unsubscribe, *links_in(export), *links_in(erasure)):
        assert url.startswith("https://museum.example/")


def test_a_template_of_its_own_frontend_is_used_as_given(settings):
    settings.VITRINE_ACCOUNTS = {
        **settings.VITRINE_ACCOUNTS,
        "DATA_REQUEST_URL": "https://shop.example/{lang}/gdpr",
    }
    assert frontend_links.link("DATA_REQUEST_URL", "fr", token="t") == (
        "https://shop.example/fr/gdpr?token=t"
    )


def test_the_frontends_host_is_allowed_in_account_links_by_default():
    env = {
        **os.environ,
        "FRONTEND_URL": "https://www.museum.example",
        "DJANGO_SETTINGS_MODULE": "museum_site.settings",
    }
    env.pop("ALLOWED_CLIENT_HOSTS", None)
    code = (
        "from django.conf import settings; print(settings.VITRINE_ACCOUNTS['ALLOWED_CLIENT_HOSTS'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert "www.museum.example" in out and "localhost" in out
