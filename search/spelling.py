"""The spelling list of the database backend: typos, unfinished words and compounds.

Every word written to the index is kept once per language with its index term
(search.models.SearchWord). At query time one statement answers, for the words typed:

- which of them the index holds exactly, and which pieces of a long word it holds (for
  splitting Dutch compounds: "zilverwerk" is "zilver" + "werk");
- the words nearest to each typed word (a trigram index: pg_trgm's `<->` on PostgreSQL,
  an FTS5 trigram table on SQLite), of which Python keeps those within the edit distance
  the typed word's length allows;
- the words that start with the last typed word (the visitor may not have finished it).

How many typos a word may have follows Meilisearch: none below 5 letters, one up to 8,
two from 9. Counted as optimal string alignment (a swap of two neighbours is one typo).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import connection

from search.models import SearchWord

WORD_TABLE = SearchWord._meta.db_table
TRIGRAM_TABLE = "search_word_trigrams"
MAX_WORD_LENGTH = 64
NEAREST = 40  # trigram neighbours read per typed word, before the edit distance decides
MAX_COMPLETIONS = 12
MIN_PART = 3  # the shortest piece of a compound
MIN_WHOLE_PIECE = 4  # the shortest piece that may stand for a compound alone


def allowed_typos(word: str) -> int:
    """Meilisearch's rule: none under 5 letters, 1 up to 8, 2 beyond."""
    if len(word) < 5:
        return 0
    return 1 if len(word) <= 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, or limit + 1 once it is certainly above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def compound_splits(word: str) -> list[tuple[str, str]]:
    """Every way to cut `word` into two pieces of at least MIN_PART letters, with the Dutch
    linking letters ("s", "e", "en") dropped between them: "stadsgezicht" gives
    ("stad", "gezicht") among others."""
    splits = []
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, rest = word[:cut], word[cut:]
        splits.append((head, rest))
        for link in ("s", "e", "en"):
            if rest.startswith(link) and len(rest) - len(link) >= MIN_PART:
                splits.append((head, rest[len(link) :]))
    return splits


@dataclass
class Spelling:
    """What the index holds for the words of one query."""

    known: dict[str, str] = field(default_factory=dict)  # word -> term, held exactly
    near: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # typed -> [(w, t)]
    completions: list[tuple[str, str]] = field(default_factory=list)  # (word, term)

    def corrections(self, word: str, stem: str) -> list[tuple[str, str, int]]:
        """(word, term, typos) within the typos `word` allows, nearest first."""
        limit = allowed_typos(word)
        if not limit:
            return []
        found = []
        for candidate, term in self.near.get(word, ()):
            if candidate == word:
                continue
            typos = min(edit_distance(word, candidate, limit), edit_distance(stem, term, limit))
            if typos <= limit:
                found.append((candidate, term, typos))
        found.sort(key=lambda item: (item[2], abs(len(item[0]) - len(word)), item[0]))
        return found

    def compound(self, word: str) -> tuple[str, ...]:
        """The pieces of `word` the index holds: both pieces of a split when it holds
        both (the longest first piece first), else the longest piece it holds of at
        least MIN_WHOLE_PIECE letters; nothing for a word that is no compound of ours."""
        splits = sorted(compound_splits(word), key=lambda s: (-len(s[0]), len(s[1])))
        for head, rest in splits:
            if head in self.known and rest in self.known:
                return head, rest
        pieces = {piece for split in splits for piece in split if piece in self.known}
        pieces = {piece for piece in pieces if len(piece) >= MIN_WHOLE_PIECE}
        if pieces:
            return (max(pieces, key=lambda piece: (len(piece), piece)),)
        return ()


def lookup(locale: str, words: Sequence[str], fuzzy: Sequence[str], prefix: str | None) -> Spelling:
    """One statement: exact words and compound pieces, neighbours of `fuzzy`, completions
    of `prefix`."""
    spelling = Spelling()
    exact = set(words)
    for word in words:
        if len(word) >= 2 * MIN_PART:
            exact.update(piece for split in compound_splits(word) for piece in split)
    exact_list = sorted(w for w in exact if len(w) <= MAX_WORD_LENGTH)
    fuzzy = [w for w in dict.fromkeys(fuzzy) if 3 <= len(w) <= MAX_WORD_LENGTH]
    parts: list[str] = []
    params: list = []
    if exact_list:
        marks = ", ".join(["%s"] * len(exact_list))
        parts.append(
            f"SELECT 'exact', '', word, term FROM {WORD_TABLE} "
            f"WHERE locale = %s AND word IN ({marks})"
        )
        params += [locale, *exact_list]
    postgres = connection.vendor == "postgresql"
    for word in fuzzy:
        if postgres:
            parts.append(
                f"SELECT * FROM (SELECT 'near', %s, word, term FROM {WORD_TABLE} "
                f"WHERE locale = %s ORDER BY word <-> %s LIMIT {NEAREST}) AS near"
            )
            params += [word, locale, word]
        else:
            grams = sorted({word[i : i + 3] for i in range(len(word) - 2)})
            match = " OR ".join(f'"{gram}"' for gram in grams)
            parts.append(
                f"SELECT * FROM (SELECT 'near', %s, w.word, w.term FROM {TRIGRAM_TABLE} AS t "
                f"JOIN {WORD_TABLE} AS w ON w.id = t.rowid "
                f"WHERE {TRIGRAM_TABLE} MATCH %s AND w.locale = %s "
                f"ORDER BY t.rank LIMIT {NEAREST}) AS near"
            )
            params += [word, match, locale]
    if prefix and 2 <= len(prefix) <= MAX_WORD_LENGTH:
        parts.append(
            f"SELECT * FROM (SELECT 'prefix', '', word, term FROM {WORD_TABLE} "
            "WHERE locale = %s AND word LIKE %s AND word <> %s "
            f"ORDER BY length(word), word LIMIT {MAX_COMPLETIONS}) AS completions"
        )
        # Words are letters and digits only, so the prefix holds no LIKE wildcard; on
        # PostgreSQL the trigram index answers LIKE 'prefix%' whatever the collation.
        params += [locale, prefix + "%", prefix]
    if not parts:
        return spelling
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    for kind, typed, word, term in rows:
        if kind == "exact":
            spelling.known[word] = term
        elif kind == "near":
            spelling.near.setdefault(typed, []).append((word, term))
        else:
            spelling.completions.append((word, term))
    return spelling


# --- writing ---------------------------------------------------------------------------


def remember(locale: str, pairs: Iterable[tuple[str, str]]) -> None:
    """Add (word, term) pairs of `locale` to the spelling list; words it has are kept."""
    new = {
        (word, term) for word, term in pairs if len(word) <= MAX_WORD_LENGTH and not word.isdigit()
    }
    if new:
        SearchWord.objects.bulk_create(
            [
                SearchWord(locale=locale, word=word, term=term[:MAX_WORD_LENGTH])
                for word, term in sorted(new)
            ],
            ignore_conflicts=True,
        )


def forget_all() -> None:
    SearchWord.objects.all().delete()
