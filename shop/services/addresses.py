"""Checking a postal address before anything is posted to it.

Every problem is reported at once (an ExceptionGroup of PayloadErrors), each naming the
input field in camelCase, so the frontend can mark all wrong fields of the form together.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from shop.countries import (
    POSTAL_CODE_EXAMPLES,
    POSTAL_CODE_FORMATS,
    WITHOUT_POSTAL_CODES,
    is_country_code,
)
from shop.models import Address
from shop.services.errors import CheckoutErrorCode, PayloadError, raise_all

# model field -> (input field, required)
FIELDS = {
    "first_name": ("firstName", True),
    "last_name": ("lastName", True),
    "company_name": ("companyName", False),
    "street_address_1": ("streetAddress1", True),
    "street_address_2": ("streetAddress2", False),
    "postal_code": ("postalCode", False),
    "city": ("city", True),
    "country": ("country", True),
    "phone": ("phone", False),
}
PHONE = re.compile(r"\+?[0-9][0-9 ()./-]{5,30}")


def _postal_code(country: str, code: str) -> tuple[str, PayloadError | None]:
    code = re.sub(r"\s+", " ", code.upper())
    if not code:
        if country in WITHOUT_POSTAL_CODES:
            return "", None
        return "", PayloadError(CheckoutErrorCode.REQUIRED, "Enter a postal code.", "postalCode")
    formatted = POSTAL_CODE_FORMATS.get(country, lambda value: value)(code)
    if formatted is None:
        example = POSTAL_CODE_EXAMPLES[country]
        return code, PayloadError(
            CheckoutErrorCode.INVALID,
            f"This is not a postal code of {country} (e.g. {example}).",
            "postalCode",
        )
    return formatted, None


def clean_address(data: Mapping[str, str | None]) -> dict[str, str]:
    """The address as it will be stored (trimmed, country and postal code normalised),
    or PayloadErrors with codes REQUIRED and INVALID."""
    cleaned: dict[str, str] = {}
    errors: list[PayloadError] = []
    for name, (field, required) in FIELDS.items():
        value = " ".join((data.get(name) or "").split())
        limit = Address._meta.get_field(name).max_length
        if required and not value:
            errors.append(
                PayloadError(CheckoutErrorCode.REQUIRED, "This field is required.", field)
            )
        elif len(value) > limit and name != "country":  # a wrong country is said below
            errors.append(
                PayloadError(CheckoutErrorCode.INVALID, f"At most {limit} characters.", field)
            )
        cleaned[name] = value

    country = cleaned["country"] = cleaned["country"].upper()
    if country and not is_country_code(country):
        errors.append(
            PayloadError(
                CheckoutErrorCode.INVALID,
                f"'{country}' is not a country code (ISO 3166-1, e.g. BE, NL, FR).",
                "country",
            )
        )
    elif country:
        cleaned["postal_code"], error = _postal_code(country, cleaned["postal_code"])
        if error:
            errors.append(error)
    if cleaned["phone"] and not PHONE.fullmatch(cleaned["phone"]):
        errors.append(
            PayloadError(CheckoutErrorCode.INVALID, "This is not a phone number.", "phone")
        )
    raise_all(errors)
    return cleaned
