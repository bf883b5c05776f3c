"""How often a stranger may make the shop send mail, or guess a password.

Anyone can type any address into the forms that mail a link (sign-up, password reset,
data request, newsletter): without a limit the shop becomes a tool to flood someone's
mailbox, and its mail server's reputation pays. Anyone can also guess passwords at
`tokenCreate`. So each of those mutations is limited per target address and per client
IP within a window, counted in Django's cache by django-ratelimit (`get_usage`); the
windows and counts are settings (VITRINE_RATE_LIMITS) in its rate syntax, "5/h",
"10/15m", or None for no limit.

What is counted:
- mail: every request that passed input validation, whether or not anything was mailed
  (an unknown address is counted like a known one, so being refused reveals nothing
  about the address), in one bucket for all the mail-sending mutations, since it is
  one mailbox that fills up;
- sign-in: failed sign-ins only (wrong address or password), so a customer who signs
  in often is never refused, and a refusal says nothing about whether the address has
  an account.

The check comes before the work and the count after it, so requests running at the
same moment may overshoot a limit by at most the number of server workers; what
matters here is that a flood is cut off, not the exact count. Counts live in the
default cache: with several server processes it must be a shared one (REDIS_URL).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage

from shop.accounts.error_codes import AccountErrorCode
from shop.accounts.services import normalise_email
from shop.services.errors import PayloadError

DEFAULTS: dict[str, Any] = {
    "MAIL_PER_ADDRESS": "5/h",
    "MAIL_PER_IP": "20/h",
    "LOGIN_FAILURES_PER_ADDRESS": "10/15m",
    "LOGIN_FAILURES_PER_IP": "50/15m",
    # How many reverse proxies of ours stand in front of Django, each appending the
    # address it saw to X-Forwarded-For. 0: the client is REMOTE_ADDR.
    "TRUSTED_PROXIES": 0,
}
TRY_LATER = "Too many requests. Please try again later."
SIGN_IN_LATER = "Too many failed sign-ins. Please try again later."


def configured() -> dict[str, Any]:
    return {**DEFAULTS, **getattr(settings, "VITRINE_RATE_LIMITS", {})}


def client_ip(request: HttpRequest) -> str:
    """The client's network: its IPv4 address, or the /64 of an IPv6 address (one
    subscriber line gets a whole /64, so a single address would be no limit at all).

    Behind TRUSTED_PROXIES proxies, the client is the n-th address from the right of
    X-Forwarded-For: each proxy appends what it saw, and whatever stands further left
    was written by the client and may be forged. A header with fewer entries than
    that, or no usable address at all, counts as REMOTE_ADDR (or one shared bucket),
    which limits too much rather than not at all."""
    proxies = int(configured()["TRUSTED_PROXIES"])
    candidates = []
    if proxies > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [part.strip() for part in forwarded if part.strip()]
        if len(forwarded) >= proxies:
            candidates.append(forwarded[-proxies])
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            address = ipaddress.ip_address(candidate)
        except ValueError:
            continue
        if address.version == 6:
            return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
        return str(address)
    return "unknown"


class Bucket(Enum):
    """What is counted, and the settings that say how many are allowed."""

    MAIL = ("MAIL_PER_ADDRESS", "MAIL_PER_IP")
    SIGN_IN_FAILURE = ("LOGIN_FAILURES_PER_ADDRESS", "LOGIN_FAILURES_PER_IP")


def _counters(request: HttpRequest, bucket: Bucket, email: str) -> list[tuple[str, str, str]]:
    """(group, counted value, rate) of each limit of `bucket` that is switched on."""
    limits = configured()
    address_rate, ip_rate = (limits[name] for name in bucket.value)
    counters = [
        (f"vitrine.{bucket.name.lower()}.address", normalise_email(email), address_rate),
        (f"vitrine.{bucket.name.lower()}.ip", client_ip(request), ip_rate),
    ]
    return [counter for counter in counters if counter[2]]


def _usage(request: HttpRequest, group: str, value: str, rate: str, increment: bool):
    # django-ratelimit hashes group and value into the cache key: no address in clear.
    return get_usage(
        request, group=group, key=lambda _group, _request: value, rate=rate, increment=increment
    )


def exhausted(request: HttpRequest, bucket: Bucket, email: str) -> bool:
    """Whether one more request of `bucket` for `email` from this client is too many."""
    for group, value, rate in _counters(request, bucket, email):
        usage = _usage(request, group, value, rate, increment=False)
        # None: RATELIMIT_ENABLE is off. A cache that fails answers limit 0: refused.
        if usage is not None and usage["count"] >= usage["limit"]:
            return True
    return False


def count(request: HttpRequest, bucket: Bucket, email: str) -> None:
    for group, value, rate in _counters(request, bucket, email):
        _usage(request, group, value, rate, increment=True)


@contextmanager
def mail_allowed(request: HttpRequest, email: str, code: Enum) -> Iterator[None]:
    """Around a service that may mail `email`: refused with `code` once the address or
    the client had its share; counted when the service accepted the input."""
    if exhausted(request, Bucket.MAIL, email):
        raise PayloadError(code, TRY_LATER)
    yield
    count(request, Bucket.MAIL, email)


@contextmanager
def sign_in_allowed(request: HttpRequest, email: str) -> Iterator[None]:
    """Around checking a password: refused (Saleor's LOGIN_ATTEMPT_DELAYED) once the
    address or the client failed too often; a failure is counted."""
    if exhausted(request, Bucket.SIGN_IN_FAILURE, email):
        raise PayloadError(AccountErrorCode.LOGIN_ATTEMPT_DELAYED, SIGN_IN_LATER)
    try:
        yield
    except PayloadError as error:
        if error.code is AccountErrorCode.INVALID_CREDENTIALS:
            count(request, Bucket.SIGN_IN_FAILURE, email)
        raise
