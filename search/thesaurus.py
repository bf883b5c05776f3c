"""The museum's own vocabulary as synonyms: every name of a Term finds every other.

A Term has preferred labels in Dutch, English and French and alternative labels; a query
that names a Term by any of them also looks for all the others ("argenterie" finds
"zilver"), and for the names of its narrower Terms (a broader concept finds what it
covers: "zilverwerk" finds cups and chalices). Names are matched as analysed in the
query's language, whole (a name of several words matches only those words in a row).

The thesaurus is read from the Term table once per content version (a Term's change
rebuilds the documents that use it and so bumps the version), checked with one small
statement per query.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connection

from museum_site.models import ContentVersion, Term
from search.analysis import analyzer, words
from search.names import HeardNames

MAX_NAME_WORDS = 4
MAX_DEPTH = 3  # levels of narrower terms a broader one finds


@dataclass
class Thesaurus:
    """Term names of one language, analysed: name -> term ids, term id -> names."""

    language: str
    by_name: dict[tuple[str, ...], set[int]] = field(default_factory=dict)
    names: dict[int, list[tuple[str, ...]]] = field(default_factory=dict)
    narrower: dict[int, list[int]] = field(default_factory=dict)
    name_words: set[str] = field(default_factory=set)  # folded words of every name
    heard: HeardNames = field(default_factory=HeardNames)  # persons' names by their sound

    def match(self, terms: Sequence[str], start: int) -> tuple[int, set[int]]:
        """The longest run of query terms from `start` that is a Term's name: its length
        and the Terms it names (0 and nothing when none is)."""
        for length in range(min(MAX_NAME_WORDS, len(terms) - start), 0, -1):
            found = self.by_name.get(tuple(terms[start : start + length]))
            if found:
                return length, found
        return 0, set()

    def expansions(self, term_ids: set[int]) -> list[tuple[str, ...]]:
        """Every name of these Terms and of the Terms below them."""
        seen: set[int] = set()
        frontier = list(term_ids)
        for _level in range(MAX_DEPTH + 1):
            frontier = [pk for pk in frontier if pk not in seen]
            seen.update(frontier)
            frontier = [child for pk in frontier for child in self.narrower.get(pk, ())]
        names: dict[tuple[str, ...], None] = {}
        # Names of the Terms asked for first, then of narrower ones.
        for pk in [*term_ids, *sorted(seen - term_ids)]:
            for name in self.names.get(pk, ()):
                names.setdefault(name)
        return list(names)


_cache = threading.local()


def _version() -> tuple:
    """The content version and the Term table's size and last id, in one statement: the
    version alone can repeat when a transaction is rolled back (tests, failed imports)."""
    terms = Term._meta.db_table
    versions = ContentVersion._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT number FROM {versions} WHERE id = 1), COUNT(*), MAX(id) FROM {terms}"
        )
        return tuple(cursor.fetchone())


def thesaurus(language: str) -> Thesaurus:
    version = _version()
    cached = getattr(_cache, "value", None)
    if cached is None or cached[0] != version:
        cached = (version, {})
        _cache.value = cached
    by_language: dict[str, Thesaurus] = cached[1]
    if language not in by_language:
        by_language[language] = _build(language)
    return by_language[language]


def clear() -> None:
    _cache.value = None


def _build(language: str) -> Thesaurus:
    analysis = analyzer(language)
    result = Thesaurus(language)
    rows = Term.objects.values_list(
        "pk", "kind", "label_nl", "label_en", "label_fr", "alt_labels", "broader_id"
    )
    for pk, kind, label_nl, label_en, label_fr, alt_labels, broader_id in rows:
        labels = [label_nl, label_en, label_fr, *alt_labels.splitlines()]
        for label in labels:
            if kind == Term.Kind.PERSON:
                result.heard.add(pk, words(label))
            name = tuple(analysis.terms(label))
            if not name or len(name) > MAX_NAME_WORDS:
                continue
            result.by_name.setdefault(name, set()).add(pk)
            if name not in result.names.setdefault(pk, []):
                result.names[pk].append(name)
            result.name_words.update(words(label))
        if broader_id:
            result.narrower.setdefault(broader_id, []).append(pk)
    return result
