"""Countries as the shop needs them: valid codes, EU membership, postal code formats."""

from __future__ import annotations

import re

from django_countries import countries


def is_country_code(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code (django-countries' list, shared with customer accounts)."""
    return len(code) == 2 and countries.alpha2(code) == code


EU_MEMBER_STATES = frozenset(
    """
    AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK
    """.split()  # noqa: SIM905 - a list of codes reads best as text
)

# Countries whose post does not use postal codes (Ireland's Eircode is optional).
WITHOUT_POSTAL_CODES = frozenset(
    """
    AE AG AO AW BF BI BJ BS BW BZ CD CF CG CI CK CM DJ DM ER FJ GA GD GH GM GQ GY HK IE
    JM KI KM KN KP LY ML MO MR MW NR NU QA RW SB SC SL SR ST SY TD TF TG TK TL TO TV UG
    VU YE ZW
    """.split()  # noqa: SIM905 - a list of codes reads best as text
)


def _belgian(code: str) -> str | None:
    return code if re.fullmatch(r"[1-9]\d{3}", code) else None


def _dutch(code: str) -> str | None:
    match = re.fullmatch(r"([1-9]\d{3}) ?([A-Z]{2})", code)
    if not match or match.group(2) in {"SA", "SD", "SS"}:
        return None
    return f"{match.group(1)} {match.group(2)}"


def _five_digits(code: str) -> str | None:
    return code if re.fullmatch(r"\d{5}", code) else None


def _luxembourgish(code: str) -> str | None:
    match = re.fullmatch(r"(?:L-?)?(\d{4})", code)
    return f"L-{match.group(1)}" if match else None


# Country -> function giving the postal code as the post writes it, or None if invalid.
POSTAL_CODE_FORMATS = {
    "BE": _belgian,
    "NL": _dutch,
    "FR": _five_digits,
    "DE": _five_digits,
    "LU": _luxembourgish,
}
POSTAL_CODE_EXAMPLES = {"BE": "1000", "NL": "1012 AB", "FR": "75001", "DE": "10115", "LU": "L-1009"}
