"""Query understanding, small and explicit: words that are really filters.

A visitor who types "zeventiende eeuw", "XVIIe siècle" or "17th-century" means the century
facet, and one who types "a gift under 20 euro" means shop products up to €20, not stories
that contain "under". Each rule here takes its words out of the text, adds a filter, and
says so (`AppliedFilter`), so that the answer can show it and the visitor can undo it
(`skip`): the same query with that rule skipped searches the words as words.

Rules read every language's forms, whatever the requested locale: a French visitor on the
Dutch site still means the 17th century by "XVIIe siècle".
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext, override

from search.analysis import fold
from search.sources.museum import century_label


class Rule(enum.StrEnum):
    CENTURY = "century"
    MAX_PRICE = "max_price"
    PRODUCTS = "products"


@dataclass(frozen=True)
class AppliedFilter:
    """A rule that applied: what it filters on, shown as `label`, from the words `text`."""

    rule: Rule
    value: str
    label: str
    text: str


@dataclass
class Understanding:
    text: str  # what is left to search as words
    applied: list[AppliedFilter] = field(default_factory=list)
    centuries: list[int] = field(default_factory=list)
    max_price: Decimal | None = None
    products_only: bool = False


_ORDINALS = {
    # nl
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6,
    "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12,
    "dertiende": 13, "veertiende": 14, "vijftiende": 15, "zestiende": 16,
    "zeventiende": 17, "achttiende": 18, "negentiende": 19, "twintigste": 20,
    "eenentwintigste": 21,
    # en
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty first": 21,
    # fr (folded: no accents, hyphens as spaces)
    "premier": 1, "deuxieme": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5,
    "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10,
    "onzieme": 11, "douzieme": 12, "treizieme": 13, "quatorzieme": 14, "quinzieme": 15,
    "seizieme": 16, "dix septieme": 17, "dix huitieme": 18, "dix neuvieme": 19,
    "vingtieme": 20, "vingt et unieme": 21,
}  # fmt: skip
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_CENTURY_WORD = r"(?:eeuw(?:se|s)?|centur(?:y|ies)|siecles?)"
_ORDINAL_WORDS = "|".join(sorted((re.escape(w) for w in _ORDINALS), key=len, reverse=True))
CENTURY = re.compile(
    r"\b(?:(?P<number>\d{1,2})\s*(?:e|de|ste|th|st|nd|rd|er|eme|ieme|em)?"
    r"|(?P<roman>[ivxl]{1,6})\s*(?:e|er|eme|de|ste|th)?"
    rf"|(?P<word>{_ORDINAL_WORDS}))\s*{_CENTURY_WORD}\b"
)
_CURRENCY = r"(?:€|eur\b|euros?\b)"
_BELOW = (
    r"onder|minder dan|goedkoper dan|beneden|tot|max(?:imum|imaal)?|"
    r"under|below|less than|cheaper than|up to|"
    r"moins de|moins cher que|en dessous de|sous|jusqu a|a moins de"
)
PRICE = re.compile(
    rf"\b(?:{_BELOW})\s*(?:(?P<before>{_CURRENCY})\s*(?P<a>\d+(?:[.,]\d{{1,2}})?)"
    rf"|(?P<b>\d+(?:[.,]\d{{1,2}})?)\s*(?P<after>{_CURRENCY}))"
)
GIFT_WORDS = re.compile(
    r"\b(?:cadeau(?:s|x|tje|tjes)?|geschenk(?:en)?|gifts?|presents?|souvenirs?)\b"
)
# Said with a price wish, these only repeat it.
CHEAP_WORDS = re.compile(
    r"\b(?:goedkope?|voordelige?|cheap|inexpensive|affordable|pas cher|bon marche)\b"
)


def _roman(letters: str) -> int | None:
    total, previous = 0, 0
    for letter in reversed(letters):
        value = _ROMAN[letter]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total if 1 <= total <= 21 else None


def _normal(text: str) -> str:
    """Folded, hyphens and apostrophes as spaces: "dix-septième" -> "dix septieme"."""
    return re.sub(r"[-'’]", " ", fold(text))


def understand(query: str, language: str, skip: frozenset[Rule] = frozenset()) -> Understanding:
    """The words left to search and the filters the rest of `query` asks for."""
    text = _normal(query)
    result = Understanding(text=text)
    with override(language):
        if Rule.CENTURY not in skip:
            for found in list(CENTURY.finditer(text)):
                number = _century_number(found)
                if number is None:
                    continue
                result.centuries.append(number)
                result.applied.append(
                    AppliedFilter(
                        Rule.CENTURY,
                        str(number),
                        century_label(number, language),
                        found.group(0).strip(),
                    )
                )
                result.text = result.text.replace(found.group(0), " ", 1)
        if Rule.MAX_PRICE not in skip:
            found = PRICE.search(result.text)
            amount = _amount(found.group("a") or found.group("b")) if found else None
            if found and amount is not None:
                result.max_price = amount
                shown = f"{amount:.2f}".removesuffix(".00")
                result.applied.append(
                    AppliedFilter(
                        Rule.MAX_PRICE,
                        shown,
                        gettext("up to € %(amount)s") % {"amount": shown},
                        found.group(0).strip(),
                    )
                )
                result.text = CHEAP_WORDS.sub(" ", result.text.replace(found.group(0), " ", 1))
        wants_gift = bool(GIFT_WORDS.search(result.text))
        if Rule.PRODUCTS not in skip and (wants_gift or result.max_price is not None):
            result.products_only = True
            gift = GIFT_WORDS.search(result.text)
            result.applied.append(
                AppliedFilter(
                    Rule.PRODUCTS,
                    "product",
                    gettext("Shop products"),
                    gift.group(0) if gift else "",
                )
            )
            if gift:
                result.text = GIFT_WORDS.sub(" ", result.text)
    if not result.applied:
        result.text = query  # nothing understood: search exactly what was typed
    return result


def _century_number(found: re.Match) -> int | None:
    if found.group("number"):
        number = int(found.group("number"))
        return number if 1 <= number <= 21 else None
    if found.group("roman"):
        return _roman(found.group("roman"))
    return _ORDINALS.get(re.sub(r"\s+", " ", found.group("word")))


def _amount(text: str | None) -> Decimal | None:
    if not text:
        return None
    try:
        amount = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    return amount if amount > 0 else None
