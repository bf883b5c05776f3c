"""Names typed by ear: a person's name found however the visitor spelled what they heard.

Visitors write names as they hear them: "Van Dijk" for Van Dyck, "Jan van Eik" for Van
Eyck, "Jeroen Bos" for Bosch, "Rogier van der Weiden" for Van der Weyden. Each of those
words is short or an ordinary word of its own (dijk, eik, bos: a dike, an oak, a wood), so
neither the typo rule (no typos under five letters) nor the stemmer joins them to the name,
and the ordinary word outranks the painter. Two things together say a name was meant: the
words come in a run of two or more (with their function words: "van der" is part of a
name), and the run sounds like a person's name or the end of one.

A sound key folds the spellings that Dutch, French and English names vary in (ij, ei, ey
and y; ck, c and k; a final sch; ph, th, gh; z and s; doubled letters; a silent final e),
and a run of typed words names a person when its key is within the typos the key's length
allows (search.spelling.allowed_typos) of the key of one of the person's names. Runs that
spell the name as the vocabulary does are left to the thesaurus (search.thesaurus).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from search.spelling import allowed_typos, edit_distance

MAX_RUN = 5  # words in a run heard as a name ("Rogier van der Weyden": four)
MIN_RUN_LETTERS = 6  # shorter runs ("de bos") are too often ordinary words

# Applied in order to each folded word.
_SPELLINGS = (
    (re.compile(r"sch$"), "s"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"th"), "t"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"dt$"), "t"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"qu"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c(?!h)"), "k"),
    (re.compile(r"ij|ei|ey|y"), "i"),
    (re.compile(r"z"), "s"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"(?<=[^aeiou])e$"), ""),
)


def sound_key(words: Sequence[str]) -> str:
    """The key of folded words as they sound: "van", "dijk" -> "vandik", as "van dyck"."""
    keys = []
    for word in words:
        key = word
        for pattern, replacement in _SPELLINGS:
            key = pattern.sub(replacement, key) if len(key) > 2 else key
        keys.append(key)
    return "".join(keys)


@dataclass
class HeardNames:
    """The keys of every person's names and their endings of two words or more."""

    by_key: dict[str, set[int]] = field(default_factory=dict)
    spelled: set[tuple[str, ...]] = field(default_factory=set)  # the names as written
    _by_letter: dict[str, list[str]] = field(default_factory=dict)

    def add(self, pk: int, name: Sequence[str]) -> None:
        """A person's name, as folded words: it and every ending of two words or more."""
        for start in range(len(name) - 1):
            ending = tuple(name[start:])
            key = sound_key(ending)
            self.spelled.add(ending)
            if key not in self.by_key:
                self._by_letter.setdefault(key[0], []).append(key)
            self.by_key.setdefault(key, set()).add(pk)

    def find(self, run: Sequence[str]) -> tuple[int, set[int]]:
        """The persons a run of typed words sounds like (fewest typos first) and the typos,
        or -1 and nothing."""
        if tuple(run) in self.spelled or sum(len(word) for word in run) < MIN_RUN_LETTERS:
            return -1, set()
        key = sound_key(run)
        if key in self.by_key:
            return 0, self.by_key[key]
        limit = allowed_typos(key)
        best, found = limit + 1, set()
        for candidate in self._by_letter.get(key[0], ()) if limit else ():
            typos = edit_distance(key, candidate, limit)
            if typos > limit:
                continue
            if typos < best:
                best, found = typos, set(self.by_key[candidate])
            elif typos == best:
                found |= self.by_key[candidate]
        return (best, found) if found else (-1, set())

    def runs(self, typed: Sequence[str]) -> dict[int, tuple[int, set[int]]]:
        """Where in `typed` (folded words, function words included) a name was heard:
        start -> (number of words, persons), longest and nearest run first, no overlaps."""
        heard: dict[int, tuple[int, set[int]]] = {}
        start = 0
        while start < len(typed):
            best: tuple[int, int, set[int]] | None = None
            for length in range(min(MAX_RUN, len(typed) - start), 1, -1):
                typos, persons = self.find(typed[start : start + length])
                if persons and (best is None or typos < best[0]):
                    best = (typos, length, persons)
            if best:
                heard[start] = (best[1], best[2])
                start += best[1]
            else:
                start += 1
        return heard
