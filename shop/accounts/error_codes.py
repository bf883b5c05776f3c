"""Error codes of the account and consent mutations.

`AccountErrorCode` uses Saleor's names, because @saleor/sdk and the frontends written
against it switch on them; it lists the codes this API can answer, not Saleor's whole
enum (staff and app management codes have no meaning here). Too many attempts answer
Saleor's own codes where Saleor has one (LOGIN_ATTEMPT_DELAYED for tokenCreate,
PASSWORD_RESET_ALREADY_REQUESTED for requestPasswordReset) and RATE_LIMITED, ours, where
it has none (accountRegister, and the other domains' mail-sending mutations): see
shop.accounts.rate_limits.
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
    LOGIN_ATTEMPT_DELAYED = "LOGIN_ATTEMPT_DELAYED"
    NOT_FOUND = "NOT_FOUND"
    PASSWORD_ENTIRELY_NUMERIC = "PASSWORD_ENTIRELY_NUMERIC"
    PASSWORD_RESET_ALREADY_REQUESTED = "PASSWORD_RESET_ALREADY_REQUESTED"
    PASSWORD_TOO_COMMON = "PASSWORD_TOO_COMMON"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    PASSWORD_TOO_SIMILAR = "PASSWORD_TOO_SIMILAR"
    RATE_LIMITED = "RATE_LIMITED"
    REQUIRED = "REQUIRED"


class ConsentErrorCode(Enum):
    """Consent is ours, not Saleor's: its own codes."""

    INVALID = "INVALID"
    PRIVACY_POLICY_MISSING = "PRIVACY_POLICY_MISSING"
    POLICY_VERSION_MISMATCH = "POLICY_VERSION_MISMATCH"


class DataRequestErrorCode(Enum):
    """Codes of the data requests made through an e-mailed link (no account needed)."""

    EXPIRED = "EXPIRED"
    INVALID = "INVALID"
    RATE_LIMITED = "RATE_LIMITED"
    REQUIRED = "REQUIRED"
    STAFF_ACCOUNT = "STAFF_ACCOUNT"


class NewsletterErrorCode(Enum):
    """Codes of the newsletter sign-up, confirmation and unsubscription."""

    EXPIRED = "EXPIRED"
    INVALID = "INVALID"
    PRIVACY_POLICY_MISSING = "PRIVACY_POLICY_MISSING"
    RATE_LIMITED = "RATE_LIMITED"
    REQUIRED = "REQUIRED"
