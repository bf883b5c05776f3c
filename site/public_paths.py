"""The public site's URLs, as the reference frontend names them.

The frontend (frontend/src/i18n/languages.ts `SEGMENTS`) puts every page under
`/<lang>/<area segment in that language>/…`. Django needs the same table to answer for a
URL before the renderer draws it (its status, head and place in the sitemap), so it is
repeated here; tests/site/test_public_paths.py fails when the two disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote

LANGUAGES = ("nl", "en", "fr")
DEFAULT_LANGUAGE = "nl"

SEGMENTS: dict[str, dict[str, str]] = {
    "stories": {"nl": "verhalen", "en": "stories", "fr": "recits"},
    "exhibitions": {"nl": "tentoonstellingen", "en": "exhibitions", "fr": "expositions"},
    "collection": {"nl": "collectie", "en": "collection", "fr": "collection"},
    "tours": {"nl": "rondleidingen", "en": "tours", "fr": "visites"},
    "search": {"nl": "zoeken", "en": "search", "fr": "recherche"},
    "shop": {"nl": "winkel", "en": "shop", "fr": "boutique"},
    "cart": {"nl": "winkelmandje", "en": "cart", "fr": "panier"},
    "checkout": {"nl": "afrekenen", "en": "checkout", "fr": "commande"},
    "account": {"nl": "account", "en": "account", "fr": "compte"},
    "privacy": {"nl": "privacy", "en": "privacy", "fr": "confidentialite"},
    "newsletter": {"nl": "nieuwsbrief", "en": "newsletter", "fr": "infolettre"},
    "groups": {"nl": "groepen", "en": "groups", "fr": "groupes"},
    "tickets": {"nl": "tickets", "en": "tickets", "fr": "billets"},
}

# Areas a search engine should not index: per visitor, or a form with no content.
NOINDEX_AREAS = frozenset({"search", "cart", "checkout", "account", "newsletter"})


@dataclass(frozen=True)
class PublicPath:
    language: str
    area: str  # "home" for `/<lang>` and `/<lang>/<slug>` (legal pages)
    rest: tuple[str, ...]


def path_for(language: str, area: str, *rest: str) -> str:
    parts = [language]
    if area != "home":
        parts.append(SEGMENTS[area][language])
    parts += [quote(part, safe="") for part in rest if part]
    return "/" + "/".join(parts)


def parse(path: str) -> PublicPath | None:
    """`/en/stories/x` → (en, stories, (x,)); None when it is not under a language."""
    parts = [part for part in path.split("/") if part]
    if not parts or parts[0] not in LANGUAGES:
        return None
    language, rest = parts[0], parts[1:]
    if not rest:
        return PublicPath(language, "home", ())
    for area, segments in SEGMENTS.items():
        if segments[language] == rest[0]:
            return PublicPath(language, area, tuple(unquote(p) for p in rest[1:]))
    return PublicPath(language, "home", tuple(unquote(p) for p in rest))
