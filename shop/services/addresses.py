"""The one check of a postal address, for the checkout, the order and the address book.

Every problem is reported at once (an ExceptionGroup of PayloadErrors), each naming the
input field in camelCase, so the frontend can mark all wrong fields of the form together.
The codes are the same wherever an address is typed: REQUIRED for a missing field,
INVALID for a malformed one (too long, unknown country, a postal code the country's
post does not use, not a phone number). Each domain answers in its own GraphQL enum
(CheckoutErrorCode, AccountErrorCode), so the caller names the enum; both have these
two members, and the message and the field are the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from typing import Any

from shop.countries import (
    POSTAL_CODE_EXAMPLES,
    POSTAL_CODE_FORMATS,
    WITHOUT_POSTAL_CODES,
    is_country_code,
)
from shop.models import Address
from shop.services.errors import CheckoutErrorCode, PayloadError, raise_all

# model field -> input field (camelCase, what the client sees in `field`)
FIELDS = {
    "first_name": "firstName",
    "last_name": "lastName",
    "company_name": "companyName",
    "street_address_1": "streetAddress1",
    "street_address_2": "streetAddress2",
    "city": "city",
    "city_area": "cityArea",
    "postal_code": "postalCode",
    "country": "country",
    "country_area": "countryArea",
    "phone": "phone",
}
# A parcel and an invoice need a person and a place; the postal code is added per country.
REQUIRED = ("first_name", "last_name", "street_address_1", "city", "country")
PHONE = re.compile(r"\+?[0-9][0-9 ()./-]{5,30}")


def clean_address(
    data: Mapping[str, Any],
    *,
    codes: type[Enum] = CheckoutErrorCode,
    partial_of: Address | None = None,
) -> dict[str, str]:
    """The address as it will be stored (whitespace collapsed, country and postal code
    normalised), or PayloadErrors with `codes.REQUIRED` and `codes.INVALID`.

    With `partial_of`, fields left out (or null) keep that address's values: the
    address book's update changes only what it is given.
    """
    required_code, invalid_code = codes["REQUIRED"], codes["INVALID"]
    cleaned: dict[str, str] = {}
    errors: list[PayloadError] = []
    for name, field in FIELDS.items():
        given = data.get(name)
        if given is None and partial_of is not None:
            given = getattr(partial_of, name)
        value = " ".join(str(given or "").split())
        limit = Address._meta.get_field(name).max_length
        if name in REQUIRED and not value:
            errors.append(PayloadError(required_code, "This field is required.", field))
        elif len(value) > limit and name != "country":  # a wrong country is said below
            errors.append(PayloadError(invalid_code, f"At most {limit} characters.", field))
        cleaned[name] = value

    country = cleaned["country"] = cleaned["country"].upper()
    if country and not is_country_code(country):
        errors.append(
            PayloadError(
                invalid_code,
                f"'{country}' is not a country code (ISO 3166-1, e.g. BE, NL, FR).",
                "country",
            )
        )
    elif country:
        cleaned["postal_code"], error = _postal_code(
            country, cleaned["postal_code"], required_code, invalid_code
        )
        if error:
            errors.append(error)
    elif not cleaned["postal_code"]:  # most countries' posts need one: say so at once
        errors.append(PayloadError(required_code, "This field is required.", "postalCode"))
    if cleaned["phone"] and not PHONE.fullmatch(cleaned["phone"]):
        errors.append(PayloadError(invalid_code, "This is not a phone number.", "phone"))
    raise_all(errors)
    return cleaned


def _postal_code(
    country: str, code: str, required_code: Enum, invalid_code: Enum
) -> tuple[str, PayloadError | None]:
    code = code.upper()
    if not code:
        if country in WITHOUT_POSTAL_CODES:
            return "", None
        return "", PayloadError(required_code, "This field is required.", "postalCode")
    formatted = POSTAL_CODE_FORMATS.get(country, lambda value: value)(code)
    if formatted is None:
        example = POSTAL_CODE_EXAMPLES[country]
        return code, PayloadError(
            invalid_code,
            f"This is not a postal code of {country} (e.g. {example}).",
            "postalCode",
        )
    return formatted, None
