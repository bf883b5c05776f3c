"""Links from the shop's e-mails into the frontend's localised pages.

The reference frontend (frontend/src/i18n/languages.ts, `SEGMENTS`) names each area of
the site in the visitor's language: the privacy pages are `/fr/confidentialite/…` in
French. A link mailed in French must open that page, so the link settings
(VITRINE_ACCOUNTS `DATA_REQUEST_URL`, `NEWSLETTER_CONFIRM_URL`,
`NEWSLETTER_UNSUBSCRIBE_URL`) are templates with `{lang}` and one placeholder per area
(`{privacy}`, `{newsletter}`, `{groups}`, `{tickets}`, `{checkout}`) filled from the table below; a template that is a path is
taken relative to the public origin of the museum the mail is for
(museum_site.museums.links.museum_url: `FRONTEND_URL` for the default museum, its own
site for the others). A deployment with its own frontend sets absolute templates and
may use only `{lang}`.

The table repeats the frontend's segments for the areas e-mails link to; a test
(tests/accounts/test_frontend_links.py) reads languages.ts and routes.tsx and fails
when the two disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings

from museum_site.museums.links import museum_url
from shop.accounts import emails

if TYPE_CHECKING:
    from museum_site.museums.models import Museum

SEGMENTS: dict[str, dict[str, str]] = {
    "privacy": {"nl": "privacy", "en": "privacy", "fr": "confidentialite"},
    "newsletter": {"nl": "nieuwsbrief", "en": "newsletter", "fr": "infolettre"},
    "groups": {"nl": "groepen", "en": "groups", "fr": "groupes"},
    "tickets": {"nl": "tickets", "en": "tickets", "fr": "billets"},
    "checkout": {"nl": "afrekenen", "en": "checkout", "fr": "commande"},
}


def page_url(setting: str, language: str, museum: Museum | None = None) -> str:
    """The absolute URL of the page `VITRINE_ACCOUNTS[setting]` names, in `language`, on
    `museum`'s site (the default museum's when None)."""
    segments = {
        area: by_language.get(language, by_language[settings.LANGUAGE_CODE])
        for area, by_language in SEGMENTS.items()
    }
    url = settings.VITRINE_ACCOUNTS[setting].format(lang=language, **segments)
    return museum_url(museum, url)


def link(setting: str, language: str, museum: Museum | None = None, **params: str) -> str:
    """`page_url` with `params` (the token, …) in its query string."""
    return emails.link(page_url(setting, language, museum), **params)
