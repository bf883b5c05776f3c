"""Data export and erasure for whoever holds an e-mail address, with or without an account.

A guest who ordered without an account has no password to prove who they are; what the
shop holds about them is filed under the e-mail address they typed in. So proof of the
mailbox is the proof: `request_data` e-mails a link with a signed, expiring token
(django.core.signing, its own salt) naming the address and what was asked, and the
frontend page it opens calls `export_data` or `erase_data` with that token.

The request answers the same whether the address is known or not, and mails only when
something is held, so it tells no stranger who bought here. The export and the erasure
are the signed-in customer's own (shop.accounts.services), generalised to "everything
held under this address": the account if there is one, guest orders placed with the
address, open checkouts. An erasure link works once (ErasureRecord.request_id is
unique) and leaves a record of what was erased that names no one.
"""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.core import signing
from django.db import transaction
from django.utils import timezone

from museum_site.museums.models import Museum
from shop.accounts import contacts, emails, frontend_links, newsletter, services
from shop.accounts.error_codes import DataRequestErrorCode
from shop.accounts.models import ErasureRecord
from shop.models import Checkout
from shop.services import orders
from shop.services.errors import PayloadError
from shop.visits.models import Booking

SALT = "shop.accounts.data_requests"
INVALID_TOKEN = "This link is not valid, or was already used. Ask for a new one."
EXPIRED_TOKEN = "This link has expired. Ask for a new one."


class Kind(Enum):
    EXPORT = "EXPORT"
    ERASURE = "ERASURE"


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SALT)


def _link_seconds() -> int:
    return settings.VITRINE_ACCOUNTS["DATA_REQUEST_LINK_SECONDS"]


def _account(email: str) -> AbstractUser | None:
    """The customer account of this address, if one exists and was not erased already.
    Staff logins without a shop profile are not shop data and are not touched."""
    return (
        get_user_model()
        .objects.filter(
            username=email, customer__isnull=False, customer__anonymised_at__isnull=True
        )
        .select_related("customer")
        .first()
    )


def holds_data(email: str) -> bool:
    """Whether the shop holds anything under this address (then a link is worth mailing)."""
    return (
        _account(email) is not None
        or orders.held_for_email(email).exists()
        or Checkout.objects.filter(email__iexact=email).exists()
        or newsletter.held_for_email(email).exists()
        or Booking.objects.filter(email__iexact=email).exists()
    )


def request_data(
    email: str, kind: Kind, language: str | None = None, museum: Museum | None = None
) -> None:
    """E-mail a link for `kind` if anything is held under `email`; silently nothing if not.
    The link opens the site of `museum`, where it was asked (it covers every museum).

    Every caller gets the same answer, so the mutation cannot be used to learn whether
    an address bought here; only its owner reads the e-mail."""
    try:
        email = services.check_email(email)
        language = services.check_language(language) or settings.LANGUAGE_CODE
    except PayloadError as error:  # the account checks answer AccountErrorCode
        raise PayloadError(
            DataRequestErrorCode[error.code.name], error.message, error.field
        ) from error
    if not holds_data(email):
        return
    token = _signer().sign_object({"email": email, "kind": kind.value, "id": uuid.uuid4().hex})
    # `kind` tells the page what the link is for before it calls anything: an erasure
    # link must ask for a confirmation first (the token says it too, signed).
    url = frontend_links.link("DATA_REQUEST_URL", language, museum, kind=kind.value, token=token)
    emails.send_data_request(
        email,
        url,
        erasure=kind is Kind.ERASURE,
        language=language,
        hours=_link_seconds() // 3600,
    )


def _read_token(token: str, kind: Kind) -> tuple[str, uuid.UUID]:
    """The address and request id the token was signed for; EXPIRED or INVALID otherwise.
    A token of the other kind is INVALID: an export link never erases."""
    try:
        claims = _signer().unsign_object(token or "", max_age=_link_seconds())
    except signing.SignatureExpired as error:
        raise PayloadError(DataRequestErrorCode.EXPIRED, EXPIRED_TOKEN, "token") from error
    except (signing.BadSignature, ValueError) as error:
        raise PayloadError(DataRequestErrorCode.INVALID, INVALID_TOKEN, "token") from error
    try:
        if claims["kind"] != kind.value:
            raise ValueError(claims["kind"])
        return str(claims["email"]), uuid.UUID(claims["id"])
    except (KeyError, TypeError, ValueError) as error:
        raise PayloadError(DataRequestErrorCode.INVALID, INVALID_TOKEN, "token") from error


def export_data(token: str) -> dict[str, Any]:
    """Everything held under the token's address, shaped as the customer's own export.

    With an account, it is that export (guest orders with the address included: the
    link proved the mailbox). Without one, the profile holds only the address, and the
    orders and checkouts are the guest's."""
    email, _request_id = _read_token(token, Kind.EXPORT)
    user = _account(email)
    if user is not None:
        document = services.export_customer_data(user)
    else:
        document = {
            "exportedAt": timezone.now().isoformat(),
            "profile": {
                "id": None,
                "email": email,
                "firstName": None,
                "lastName": None,
                "languageCode": None,
                "isActive": None,
                "dateJoined": None,
                "lastLogin": None,
                "confirmedAt": None,
                "metadata": {},
            },
            "addresses": [],
            "consents": [],
            "checkouts": orders.export_checkouts(email),
            "newsletter": newsletter.export(email),
        }
    document["orders"] = orders.export_orders(orders.held_for_email(email, user))
    # Every museum of the group: a person is one contact across them (shop.accounts.contacts).
    document["groupBookings"] = contacts.export_bookings(email)
    return document


@transaction.atomic
def erase_data(token: str) -> ErasureRecord:
    """Erase everything held under the token's address, once, and record that it was done.

    An account is anonymised as `accountDelete` does it (anonymise_customer); guest
    orders the same way (orders.forget_email: invoice identity to RetainedInvoice, the
    order keeps its number); open checkouts and a newsletter subscription are deleted. Consent records are keyed by a
    browser's consent id, not an address: an account's lose their link to it, as in
    the account's erasure. All or nothing: any error rolls everything back.
    """
    email, request_id = _read_token(token, Kind.ERASURE)
    user = _account(email)
    if user is not None and (user.is_staff or user.is_superuser):
        raise PayloadError(
            DataRequestErrorCode.STAFF_ACCOUNT,
            "This address belongs to a staff account; ask an administrator.",
        )
    record, created = ErasureRecord.objects.get_or_create(request_id=request_id)
    if not created:
        raise PayloadError(DataRequestErrorCode.INVALID, INVALID_TOKEN, "token")
    record.orders = orders.held_for_email(email, user).count()
    record.checkouts = Checkout.objects.filter(email__iexact=email).count()
    if user is not None:
        services.anonymise_customer(user)
        record.had_account = True
    # Guest orders an unconfirmed account does not claim, and whatever is left.
    orders.forget_email(email)
    newsletter.forget(email)
    contacts.forget_bookings(email)
    record.save(update_fields=["orders", "checkouts", "had_account"])
    return record
