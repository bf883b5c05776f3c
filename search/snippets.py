"""The snippet of a result: the passage of its text that best matches the query.

Words are compared through the same analysis as the index ("schilderijen" is marked for
a search on "schilderij"), so a snippet marks exactly the words that made the match. The
snippet is escaped text with <mark> around matched words and nothing else, so a frontend
may insert it as HTML.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html import escape

from search.analysis import Analyzer

SNIPPET_WORDS = 30
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    term: str | None


def _window(words: list[_Word], terms: frozenset[str], size: int) -> int:
    """Start index of the `size` words with the most distinct query terms, then the most
    matches; the earliest such window."""
    best_start, best_score = 0, (-1, -1)
    counts: Counter[str] = Counter()
    for index, word in enumerate(words):
        if word.term in terms:
            counts[word.term] += 1
        if index >= size:
            leaving = words[index - size].term
            if leaving in terms:
                counts[leaving] -= 1
                if counts[leaving] == 0:
                    del counts[leaving]
        start = max(0, index - size + 1)
        score = (len(counts), sum(counts.values()))
        if score > best_score:
            best_start, best_score = start, score
    return best_start


def snippet(text: str, terms: frozenset[str], analyzer: Analyzer, size: int = SNIPPET_WORDS) -> str:
    words = [
        _Word(match.start(), match.end(), analyzer.term_of(match.group()))
        for match in _WORD.finditer(text)
    ]
    if not words:
        return ""
    start = _window(words, terms, size) if terms else 0
    matched = [i for i in range(start, min(start + size, len(words))) if words[i].term in terms]
    if matched:
        # Some words before the first match, as long as the last match stays in.
        lead = min(size // 4, size - (matched[-1] - matched[0] + 1))
        start = max(0, matched[0] - lead)
    chosen = words[start : start + size]
    begin = chosen[0].start
    end = chosen[-1].end
    parts = ["…" if start > 0 else ""]
    position = begin
    for word in chosen:
        parts.append(escape(text[position : word.start], quote=False))
        piece = escape(text[word.start : word.end], quote=False)
        parts.append(f"<mark>{piece}</mark>" if word.term in terms else piece)
        position = word.end
    if start + size < len(words):
        parts.append("…")
    else:
        parts.append(escape(text[end:], quote=False).rstrip())
    return "".join(parts).strip()
