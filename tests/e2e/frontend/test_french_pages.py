"""No English on the demo's French pages.

Every French page the sitemap lists, the French list pages and a French search are
rendered on the server (the HTML a visitor gets before JavaScript) and their text is
compared with the English pages' text, which holds both the English interface and the
English demo content. A French page fails when it shows a sentence that an English page
shows too.

What counts as a sentence: a piece of one text node, cut at . ! ? ; : and line breaks,
of at least four words, at least one of them a common English word ("the", "of", "and",
…). So proper names ("Museum aan de Leie vzw", "Pieter Bruegel"), inventory numbers,
prices and dates shared by both languages do not count, and neither do short labels.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.e2e.frontend.test_server_rendering import SITEMAP, fetch, parse

pytestmark = pytest.mark.e2e

ENGLISH_WORDS = frozenset(
    {"the", "of", "and", "to", "a", "in", "is", "are", "was", "with", "for", "on", "your"}
    | {"you", "this", "that", "from", "by", "it", "its"}
)
SPLIT = re.compile(r"[.!?;:\n]+")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Pages without a sitemap entry, in each language: lists and a search with snippets.
EXTRA = {
    "en": [
        "/en",
        "/en/stories",
        "/en/exhibitions",
        "/en/collection",
        "/en/shop",
        "/en/tours",
        "/en/search?q=silver",
        "/en/search?q=porcelain",
    ],
    "fr": [
        "/fr",
        "/fr/recits",
        "/fr/expositions",
        "/fr/collection",
        "/fr/boutique",
        "/fr/visites",
        "/fr/recherche?q=argent",
        "/fr/recherche?q=porcelaine",
    ],
}


def sentences(texts: list[str]) -> set[str]:
    """The text nodes' sentences that could be English (see the module's docstring)."""
    found = set()
    for text in texts:
        for piece in SPLIT.split(text):
            words = [word.lower() for word in WORD.findall(piece)]
            if len(words) >= 4 and ENGLISH_WORDS.intersection(words):
                found.add(" ".join(words))
    return found


def sitemap_paths(site: str) -> list[str]:
    _, _, index = fetch(site + "/sitemap.xml")
    paths = []
    for sitemap in ET.fromstring(index).iter(f"{SITEMAP}loc"):
        _, _, body = fetch(sitemap.text)
        paths += [loc.text.removeprefix(site) for loc in ET.fromstring(body).iter(f"{SITEMAP}loc")]
    return paths


def page_texts(site: str, path: str) -> list[str]:
    status, _, body = fetch(site + path)
    assert status == 200, path
    return parse(body).text


def test_the_french_pages_share_no_sentence_with_the_english_pages(rendered_site):
    paths = sitemap_paths(rendered_site)
    english_paths = [path for path in paths if path.startswith("/en/")] + EXTRA["en"]
    french_paths = [path for path in paths if path.startswith("/fr/")] + EXTRA["fr"]
    # Every kind of French page is there: stories (all eight), a tour, products, objects.
    for segment, at_least in (("recits", 8), ("visites", 1), ("boutique", 10), ("collection", 30)):
        listed = [path for path in french_paths if path.startswith(f"/fr/{segment}/")]
        assert len(listed) >= at_least, (segment, listed)

    english: set[str] = set()
    for path in english_paths:
        english |= sentences(page_texts(rendered_site, path))
    assert len(english) > 200  # the comparison has something to compare with

    shared = {}
    for path in french_paths:
        found = sentences(page_texts(rendered_site, path)) & english
        if found:
            shared[path] = sorted(found)
    assert shared == {}


def test_a_sentence_is_four_words_with_an_english_one():
    assert sentences(["Museum aan de Leie vzw. Leiekaai 12, 9000 Gent"]) == set()
    assert sentences(["Ajouter au panier", "Add to cart"]) == set()
    assert sentences(["Welcome to Ghent. Bienvenue au musée de la Lys"]) == set()
    assert sentences(["Open the file: it is a PDF of the catalogue."]) == {
        "it is a pdf of the catalogue"
    }
