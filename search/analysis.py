"""Language analysis in Python: the same words become the same index terms on every database.

Text and queries go through one pipeline per language: split into words, fold case and
accents ("église" and "eglise" both become "eglise"), drop the language's function words,
and reduce each word to its Snowball stem ("schilderijen" -> "schilder"). Folding comes
before stemming so that a visitor who types without accents gets exactly the stem of the
accented word: the stemmer sees the same letters on both sides.

The Elasticsearch index (search.backends.elasticsearch) builds the same pipeline out of
Elasticsearch's own filters (lowercase, asciifolding, stop with these word lists, the
Snowball stemmer of the same language), so both backends agree on what matches.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer

WORD = re.compile(r"[^\W_]+")

# Letters that Unicode does not decompose into a base letter plus an accent.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d"})

SNOWBALL_LANGUAGES = {"nl": "dutch", "en": "english", "fr": "french"}


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words that say nothing about what a text is about. Written folded. Kept short on
# purpose: a word missing here only costs a little ranking precision, a content word wrongly
# listed here could never be found.
STOPWORDS: dict[str, frozenset[str]] = {
    # Not "was": in Dutch it is also wax.
    "nl": _word_set(
        """aan als bij dat de deze die dit door een en er haar heb heeft het hij hun in is
        je met na naar niet nog of om ook op over te tot uit van voor we wij ze zij zijn
        zich"""
    ),
    "en": _word_set(
        """a an and are as at be been but by for from had has have he her his in into is it
        its of on or she that the their them they this those to was were which with"""
    ),
    "fr": _word_set(
        """a au aux avec ce ces cette d dans de des du elle en est et il ils l la le les leur
        ne par pas pour qu que qui sa se ses son sont sur un une"""
    ),
}


def fold(text: str) -> str:
    """Lower case without accents: "Hiëronymus Flémalle" -> "hieronymus flemalle"."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """Folded words, in order; apostrophes and hyphens split ("d'or" -> "d", "or")."""
    return WORD.findall(fold(text))


@cache
def _stemmer(language: str) -> snowballstemmer.Stemmer:
    return snowballstemmer.stemmer(SNOWBALL_LANGUAGES[language])


@dataclass(frozen=True)
class Analyzer:
    """The analysis of one language: `terms` for full text, `prefixes` for as-you-type."""

    language: str

    def stem(self, word: str) -> str:
        return _stem(self.language, word)

    def is_stopword(self, word: str) -> bool:
        # Single letters are left-overs of elisions and possessives (l'église, Ghent's).
        return (len(word) == 1 and not word.isdigit()) or word in STOPWORDS[self.language]

    def terms(self, text: str) -> list[str]:
        """Index terms of `text`, in order, repeats kept (they count for ranking)."""
        return [self.stem(word) for word in words(text) if not self.is_stopword(word)]

    def query_terms(self, text: str) -> list[str]:
        """Distinct index terms of a query, in the order typed."""
        return list(dict.fromkeys(self.terms(text)))

    def term_of(self, word: str) -> str | None:
        """The index term of one displayed word, or None for a stop word (for highlighting)."""
        return _term_of(self, word)


@lru_cache(maxsize=100_000)
def _term_of(analysis: Analyzer, word: str) -> str | None:
    # Snippets analyse every word they show, on every search; the words repeat.
    folded = fold(word)
    if not WORD.fullmatch(folded) or analysis.is_stopword(folded):
        return None
    return analysis.stem(folded)


@lru_cache(maxsize=200_000)
def _stem(language: str, word: str) -> str:
    # Stemming dominates indexing time; a collection repeats the same few thousand words.
    return _stemmer(language).stemWord(word)


def analyzer(language: str) -> Analyzer:
    """The analyzer of a content language; unknown languages get Dutch, the site's default."""
    return Analyzer(language if language in SNOWBALL_LANGUAGES else "nl")


def suggest_words(text: str) -> list[str]:
    """Folded, unstemmed words for prefix matching: "schilderij" must complete "schil"."""
    return words(text)
