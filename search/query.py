"""From the words a visitor typed to what the index is asked: each word with its alternatives.

A visitor types the way they type: with a letter wrong, a word unfinished, a Dutch
compound, another language's name for a thing, an inflection the stemmer does not join.
Each typed word becomes a `QueryWord` whose alternatives may match in its place:

- EXACT: its own index term (always);
- SYNONYM: when the word, or a run of words, names a Term (search.thesaurus), every other
  name of that Term and of its narrower Terms;
- PART: the pieces of a compound the index holds ("zilverwerk" -> "zilver"), preferring
  pieces that name a Term, and those Terms' other names;
- PREFIX: the last word as a beginning (it may be unfinished), and every longer word's
  stem as a beginning ("skating" -> "skate" finds "skaters");
- TYPO: held words within the edit distance its length allows (search.spelling).

A run of words that sounds like a person's name without spelling it (search.names: "Van
Dijk", "Jeroen Bos") is one query word: the person's names are its SYNONYM alternatives
and the words as written a TYPO one, so the painter's work leads and the dike still
counts.

Every word must match by one of its alternatives; documents that match every word by
EXACT or SYNONYM alternatives rank above those that need a guess (the backends add a
bonus for the strong match).
"""

from __future__ import annotations

import re

from search.analysis import Analyzer, analyzer, words
from search.backends import Alternative, Match, QueryWord
from search.spelling import Spelling, allowed_typos, lookup
from search.thesaurus import Thesaurus, thesaurus

TERM = re.compile(r"[^\W_]+")
MAX_ALTERNATIVES = 32
MAX_TYPO_TERMS = 4
MIN_PREFIX = 2
MIN_INFLECTED_STEM = 5
MIN_COMPOUND = 7


def plan(query: str, locale: str, *, spelling: bool = True) -> tuple[QueryWord, ...]:
    """The query words of `query` in `locale`; `spelling` False skips the spelling list
    (Elasticsearch corrects typos and completes words itself)."""
    analysis = analyzer(locale)
    written = words(query)
    typed = [word for word in written if not analysis.is_stopword(word)]
    if not typed:
        return ()
    stems = [analysis.stem(word) for word in typed]
    finished = query[-1:].isspace()
    vocabulary = thesaurus(locale)
    heard = _heard_names(written, analysis, vocabulary)
    found = (
        lookup(
            locale,
            typed,
            fuzzy=[word for word in typed if allowed_typos(word)],
            prefix=None if finished else typed[-1],
        )
        if spelling
        else Spelling()
    )
    planned: list[QueryWord] = []
    index = 0
    while index < len(typed):
        if index in heard:
            length, person_ids = heard[index]
            span = tuple(stems[index : index + length])
            # The name is what was meant; the words as written (a dike, an oak) still
            # match, ranked as a guess.
            alternatives = [
                Alternative(name, Match.SYNONYM) for name in vocabulary.expansions(person_ids)
            ]
            alternatives.append(Alternative(span, Match.TYPO))
            planned.append(_word(" ".join(typed[index : index + length]), alternatives))
            index += length
            continue
        length, term_ids = vocabulary.match(stems, index)
        last = index + max(length, 1) == len(typed)
        if length > 1:
            span = tuple(stems[index : index + length])
            alternatives = [Alternative(span)]
            alternatives += [
                Alternative(name, Match.SYNONYM) for name in vocabulary.expansions(term_ids)
            ]
            if last and not finished:
                alternatives.append(Alternative(span, Match.PREFIX, prefix=True))
            planned.append(_word(" ".join(typed[index : index + length]), alternatives))
            index += length
            continue
        planned.append(
            _single(typed[index], stems[index], term_ids, vocabulary, found, last, finished)
        )
        index += 1
    return tuple(planned)


def _heard_names(
    written: list[str], analysis: Analyzer, vocabulary: Thesaurus
) -> dict[int, tuple[int, set[int]]]:
    """Runs of words that sound like a person's name (search.names), by the position of
    their first non-function word among the typed ones: start -> (words, persons)."""
    typed_index: list[int | None] = []
    count = 0
    for word in written:
        if analysis.is_stopword(word):
            typed_index.append(None)
        else:
            typed_index.append(count)
            count += 1
    heard = {}
    for start, (length, persons) in vocabulary.heard.runs(written).items():
        inside = [i for i in typed_index[start : start + length] if i is not None]
        if inside:
            heard[inside[0]] = (len(inside), persons)
    return heard


def _single(
    word: str,
    stem: str,
    term_ids: set[int],
    vocabulary: Thesaurus,
    found: Spelling,
    last: bool,
    finished: bool,
) -> QueryWord:
    alternatives = [Alternative((stem,))]
    alternatives += [Alternative(name, Match.SYNONYM) for name in vocabulary.expansions(term_ids)]
    if last and not finished and len(word) >= MIN_PREFIX:
        alternatives.append(Alternative((stem,), Match.PREFIX, prefix=True))
        if stem != word:
            alternatives.append(Alternative((word,), Match.PREFIX, prefix=True))
        alternatives += [Alternative((term,), Match.PREFIX) for _w, term in found.completions]
    elif len(stem) >= MIN_INFLECTED_STEM:
        alternatives.append(Alternative((stem,), Match.PREFIX, prefix=True))
    if len(stem) >= MIN_INFLECTED_STEM + 2:
        # Another inflection of a long word may end differently after a shared beginning
        # the stemmer does not cut to ("patinage", "patineurs"): its stem less two letters.
        alternatives.append(Alternative((stem[:-2],), Match.PREFIX, prefix=True))
    held = word in found.known
    if not term_ids:
        corrections = found.corrections(word, stem)
        if held:
            # A real word may still be a misspelt name ("Rubbens"): only names are offered.
            corrections = [c for c in corrections if c[0] in vocabulary.name_words]
        for _candidate, term, _typos in corrections[:MAX_TYPO_TERMS]:
            alternatives.append(Alternative((term,), Match.TYPO))
            length, corrected_ids = vocabulary.match((term,), 0)
            if length:
                alternatives += [
                    Alternative(name, Match.TYPO) for name in vocabulary.expansions(corrected_ids)
                ]
    if len(word) >= MIN_COMPOUND and not term_ids:
        split = found.compound(word)
        if split:
            named = [part for part in split if part in vocabulary.name_words]
            if named and len(named) < len(split):
                # Only a piece names a Term ("kerkzilver": silver): the other piece says
                # which of its records are meant, so those that hold both rank first.
                alternatives.append(
                    Alternative(tuple(found.known[part] for part in split), Match.PART)
                )
            for part in named or list(split):
                part_stem = found.known[part]
                alternatives.append(Alternative((part_stem,), Match.PART))
                length, part_ids = vocabulary.match((part_stem,), 0)
                if length:
                    alternatives += [
                        Alternative(name, Match.PART) for name in vocabulary.expansions(part_ids)
                    ]
    return _word(word, alternatives)


def _word(typed: str, alternatives: list[Alternative]) -> QueryWord:
    """Alternatives without repeats (the strongest kept), only index-safe terms, capped."""
    kept: dict[tuple[tuple[str, ...], bool], Alternative] = {}
    for alternative in alternatives:
        if not alternative.terms or not all(TERM.fullmatch(t) for t in alternative.terms):
            continue
        key = (alternative.terms, alternative.prefix)
        if key not in kept or alternative.match < kept[key].match:
            kept[key] = alternative
    ordered = sorted(kept.values(), key=lambda alternative: alternative.match)
    return QueryWord(typed, tuple(ordered[:MAX_ALTERNATIVES]))


def highlight_terms(planned: tuple[QueryWord, ...]) -> frozenset[str]:
    """Index terms a snippet marks: every whole-word alternative."""
    return frozenset(
        term
        for word in planned
        for alternative in word.alternatives
        if not alternative.prefix
        for term in alternative.terms
    )
