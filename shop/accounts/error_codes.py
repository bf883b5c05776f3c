"""Error codes of the account and consent mutations.

`AccountErrorCode` uses Saleor's names and only those, because @saleor/sdk and the
frontends written against it switch on them; it lists the codes this API can answer,
not Saleor's whole enum (staff and app management codes have no meaning here).
"""

from __future__ import annotations

from enum import Enum


class AccountErrorCode(Enum):
    DELETE_STAFF_ACCOUNT = "DELETE_STAFF_ACCOUNT"
    INACTIVE = "INACTIVE"
    INVALID = "INVALID"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INVALID_PASSWORD = "INVALID_PASSWORD"
    JWT_DECODE_ERROR = "JWT_DECODE_ERROR"
    JWT_INVALID_TOKEN = "JWT_INVALID_TOKEN"
    JWT_MISSING_TOKEN = "JWT_MISSING_TOKEN"
    JWT_SIGNATURE_EXPIRED = "JWT_SIGNATURE_EXPIRED"
    NOT_FOUND = "NOT_FOUND"
    PASSWORD_ENTIRELY_NUMERIC = "PASSWORD_ENTIRELY_NUMERIC"
    PASSWORD_TOO_COMMON = "PASSWORD_TOO_COMMON"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    PASSWORD_TOO_SIMILAR = "PASSWORD_TOO_SIMILAR"
    REQUIRED = "REQUIRED"


class ConsentErrorCode(Enum):
    """Consent is ours, not Saleor's: its own codes."""

    INVALID = "INVALID"
    PRIVACY_POLICY_MISSING = "PRIVACY_POLICY_MISSING"
    POLICY_VERSION_MISMATCH = "POLICY_VERSION_MISMATCH"
