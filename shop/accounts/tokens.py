"""The tokens of the account API: JWTs for sessions, signed one-time tokens for e-mails.

JWTs carry the claims @saleor/sdk decodes in the browser (src/core/types.ts `JWTToken`):
`exp` to refresh before expiry, `owner` which must be "saleor" or the SDK sends the
refresh through an external-auth plugin mutation we do not have, plus Saleor's
`token`, `email`, `type`, `user_id` and `is_staff`. `token` is the customer's
`jwt_token_key`: changing it (password change, sign-out everywhere, erasure) revokes
every token at once without a token table.

They are signed with HS256 under a key derived from SECRET_KEY rather than SECRET_KEY
itself, so a token never doubles as any other Django signature; SECRET_KEY_FALLBACKS
keep tokens valid while the key is rotated.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import jwt
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils import timezone
from django.utils.crypto import salted_hmac
from graphql_relay import to_global_id

from shop.accounts.error_codes import AccountErrorCode

ACCESS = "access"
REFRESH = "refresh"
# @saleor/sdk refreshes a token through `tokenRefresh` only when owner is "saleor"
# (src/helpers.ts `isInternalToken`); anything else goes to `externalRefresh`.
OWNER = "saleor"
ISSUER = "vitrine"
ALGORITHM = "HS256"


def _signing_key(secret: str) -> str:
    return salted_hmac("shop.accounts.tokens.jwt", "signing-key", secret=secret).hexdigest()


def _lifetime(kind: str) -> datetime.timedelta:
    config = settings.VITRINE_ACCOUNTS
    seconds = config["ACCESS_TOKEN_SECONDS"] if kind == ACCESS else config["REFRESH_TOKEN_SECONDS"]
    return datetime.timedelta(seconds=seconds)


def user_global_id(user: AbstractBaseUser) -> str:
    return to_global_id("User", str(user.pk))


def create_token(user: AbstractBaseUser, kind: str) -> str:
    """An access or refresh token for a customer (the user must have a Customer)."""
    now = timezone.now()
    payload = {
        "iat": now,
        "exp": now + _lifetime(kind),
        "iss": ISSUER,
        "owner": OWNER,
        "type": kind,
        "token": user.customer.jwt_token_key,
        "email": user.email,
        "user_id": user_global_id(user),
        "is_staff": user.is_staff,
    }
    return jwt.encode(payload, _signing_key(settings.SECRET_KEY), algorithm=ALGORITHM)


@dataclass
class TokenProblem(Exception):
    """Why a JWT was refused: the AccountErrorCode for payloads, and the exception class
    name Saleor puts in a GraphQL error's `extensions.exception.code` (the SDK refreshes
    and retries when that name is `ExpiredSignatureError`, src/apollo/client.ts)."""

    code: AccountErrorCode
    exception: str
    message: str


INVALID_TOKEN = "Invalid token. Create a new one with the tokenCreate mutation."


def decode_token(token: str, kind: str) -> dict[str, Any]:
    """The claims of a well-signed, unexpired token of `kind`; raises TokenProblem."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    last_error: jwt.PyJWTError | None = None
    for secret in keys:
        try:
            payload = jwt.decode(
                token,
                _signing_key(secret),
                algorithms=[ALGORITHM],
                options={"require": ["exp", "iat", "type", "token", "user_id"]},
            )
        except jwt.InvalidSignatureError as error:
            last_error = error
            continue
        except jwt.ExpiredSignatureError as error:
            raise TokenProblem(
                AccountErrorCode.JWT_SIGNATURE_EXPIRED,
                "ExpiredSignatureError",
                "Signature has expired",
            ) from error
        except jwt.DecodeError as error:
            raise TokenProblem(
                AccountErrorCode.JWT_DECODE_ERROR, "DecodeError", "Error decoding signature"
            ) from error
        except jwt.PyJWTError as error:
            raise TokenProblem(
                AccountErrorCode.JWT_INVALID_TOKEN, type(error).__name__, INVALID_TOKEN
            ) from error
        if payload["type"] != kind:
            raise TokenProblem(
                AccountErrorCode.JWT_INVALID_TOKEN, "InvalidTokenError", INVALID_TOKEN
            )
        return payload
    raise TokenProblem(
        AccountErrorCode.JWT_INVALID_TOKEN, type(last_error).__name__, INVALID_TOKEN
    ) from last_error


class _LinkTokenGenerator(PasswordResetTokenGenerator):
    """Django's HMAC one-time tokens (timestamped, PASSWORD_RESET_TIMEOUT) with a hash of
    the state the e-mailed action changes, so each link works once: confirming flips
    `is_active`, setting a password changes the hash, erasure changes the username."""

    def _make_hash_value(self, user: AbstractBaseUser, timestamp: int) -> str:
        return f"{user.pk}{user.password}{user.is_active}{user.get_username()}{timestamp}"


class _ConfirmationTokens(_LinkTokenGenerator):
    key_salt = "shop.accounts.tokens.confirm-account"


class _PasswordResetTokens(_LinkTokenGenerator):
    key_salt = "shop.accounts.tokens.password-reset"

    def _make_hash_value(self, user: AbstractBaseUser, timestamp: int) -> str:
        # Signing in also ends an unused reset link, as with Django's own generator.
        login = (
            "" if user.last_login is None else user.last_login.replace(microsecond=0, tzinfo=None)
        )
        return f"{super()._make_hash_value(user, timestamp)}{login}"


class _DeletionTokens(_LinkTokenGenerator):
    key_salt = "shop.accounts.tokens.account-delete"


confirmation_tokens = _ConfirmationTokens()
password_reset_tokens = _PasswordResetTokens()
deletion_tokens = _DeletionTokens()
