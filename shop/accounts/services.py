"""What customers can do with their account, as plain functions the API calls.

Every function that writes runs in one transaction and raises `PayloadError` (or an
`ExceptionGroup` of them, when several input fields are wrong at once) before it writes
anything, so a mutation answers errors or a result, never half of both. Flows that
send e-mail never tell a stranger whether an address has an account: registering a
known address and asking a password reset for an unknown one both look like success.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import AbstractUser, update_last_login
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.http.request import split_domain_port, validate_host
from django.utils import timezone
from graphql_relay import from_global_id
from wagtail.models import Site

from shop.accounts import emails, newsletter, tokens
from shop.accounts.error_codes import AccountErrorCode
from shop.accounts.models import ConsentRecord, Customer
from shop.models import Address
from shop.services import orders
from shop.services.addresses import FIELDS as ADDRESS_FIELDS
from shop.services.addresses import clean_address
from shop.services.errors import PayloadError

User = get_user_model()

INVALID_LINK_TOKEN = "Invalid or expired token."
MAX_ADDRESSES = 100
MAX_METADATA_ITEMS = 50

# Django's password validator codes → Saleor's AccountErrorCode.
PASSWORD_ERROR_CODES = {
    "password_too_short": AccountErrorCode.PASSWORD_TOO_SHORT,
    "password_too_common": AccountErrorCode.PASSWORD_TOO_COMMON,
    "password_entirely_numeric": AccountErrorCode.PASSWORD_ENTIRELY_NUMERIC,
    "password_too_similar": AccountErrorCode.PASSWORD_TOO_SIMILAR,
}


def _raise_all(errors: list[PayloadError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ExceptionGroup("invalid input", errors)


# --- Input checks -----------------------------------------------------------------------


def normalise_email(email: str) -> str:
    """The username of the account for `email`: e-mail addresses are compared lower-cased."""
    return (email or "").strip().lower()


def check_email(email: str, field: str = "email") -> str:
    email = normalise_email(email)
    if not email:
        raise PayloadError(AccountErrorCode.REQUIRED, "Enter an e-mail address.", field)
    try:
        validate_email(email)
    except ValidationError as error:
        raise PayloadError(
            AccountErrorCode.INVALID, "Enter a valid e-mail address.", field
        ) from error
    if len(email) > User._meta.get_field("username").max_length:
        raise PayloadError(AccountErrorCode.INVALID, "This e-mail address is too long.", field)
    return email


def check_redirect_url(url: str | None, field: str = "redirectUrl") -> str:
    """E-mailed links may only point at our own frontends: otherwise anyone could have
    us mail a customer a valid reset token inside a link to their own site. Ours are the
    configured client hosts and every museum's own site (its public origin), so a
    museum's visitors get links to the site they asked on."""
    if not url:
        raise PayloadError(AccountErrorCode.REQUIRED, "A redirect URL is required.", field)
    parts = urlsplit(url)
    host, _port = split_domain_port(parts.netloc)
    allowed = [
        *settings.VITRINE_ACCOUNTS["ALLOWED_CLIENT_HOSTS"],
        *Site.objects.values_list("hostname", flat=True),
    ]
    if parts.scheme not in {"http", "https"} or not host or not validate_host(host, allowed):
        raise PayloadError(AccountErrorCode.INVALID, f"{url} is not an allowed client URL.", field)
    return url


def check_new_password(password: str, user: AbstractUser, field: str = "password") -> None:
    """Django's AUTH_PASSWORD_VALIDATORS, each failure as an error with Saleor's code."""
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        _raise_all(
            [
                PayloadError(
                    PASSWORD_ERROR_CODES.get(item.code or "", AccountErrorCode.INVALID),
                    " ".join(item.messages),
                    field,
                )
                for item in error.error_list
            ]
        )


def check_metadata(items: Iterable[tuple[str, str]] | None) -> dict[str, str]:
    metadata: dict[str, str] = {}
    for key, value in items or ():
        if not key or not key.strip() or len(key) > 128 or len(value or "") > 1024:
            raise PayloadError(
                AccountErrorCode.INVALID,
                "Metadata keys need 1 to 128 characters, values at most 1024.",
                "metadata",
            )
        metadata[key.strip()] = value or ""
    if len(metadata) > MAX_METADATA_ITEMS:
        raise PayloadError(
            AccountErrorCode.INVALID, f"At most {MAX_METADATA_ITEMS} metadata items.", "metadata"
        )
    return metadata


def check_language(code: str | None) -> str | None:
    if code is None:
        return None
    code = code.lower()
    if code not in dict(settings.LANGUAGES):
        raise PayloadError(AccountErrorCode.INVALID, "Unknown language.", "languageCode")
    return code


def check_address(data: dict[str, Any], *, partial_of: Address | None = None) -> dict[str, Any]:
    """Clean address-book input with the checkout's own validator (one rule for every
    address, so a saved address is one the checkout accepts), answering AccountErrorCode;
    with `partial_of`, fields left out keep that address's values."""
    return clean_address(data, codes=AccountErrorCode, partial_of=partial_of)


# --- Registration and sign-in -------------------------------------------------------------


@transaction.atomic
def register_customer(
    *,
    email: str,
    password: str,
    redirect_url: str | None,
    first_name: str = "",
    last_name: str = "",
    language_code: str | None = None,
    metadata: Iterable[tuple[str, str]] | None = None,
) -> None:
    """Create an inactive account and e-mail a confirmation link.

    An address that already has a confirmed account gets an "you already have an
    account" e-mail instead, and the answer is the same, so registration reveals
    nothing. An unconfirmed account is registered anew: the new password replaces the
    old, and the earlier confirmation links stop working (they hash the password), so
    whoever registered someone else's address first cannot keep the account.
    """
    errors: list[PayloadError] = []
    language, cleaned_metadata = settings.LANGUAGE_CODE, {}
    try:
        email = check_email(email)
    except PayloadError as error:
        errors.append(error)
    try:
        redirect_url = check_redirect_url(redirect_url)
    except PayloadError as error:
        errors.append(error)
    try:
        language = check_language(language_code) or language
        cleaned_metadata = check_metadata(metadata)
    except PayloadError as error:
        errors.append(error)
    names = {"first_name": (first_name or "").strip(), "last_name": (last_name or "").strip()}
    for name, input_name in (("first_name", "firstName"), ("last_name", "lastName")):
        if len(names[name]) > User._meta.get_field(name).max_length:
            errors.append(
                PayloadError(AccountErrorCode.INVALID, "This name is too long.", input_name)
            )
    _raise_all(errors)
    candidate = User(username=email, email=email, **names)
    check_new_password(password, candidate)

    existing = (
        User.objects.select_for_update(of=("self",))
        .filter(username=email)
        .select_related("customer")
        .first()
    )
    if existing is not None and (existing.is_active or not hasattr(existing, "customer")):
        emails.send_account_exists(existing)
        return
    user = existing or candidate
    user.first_name, user.last_name = names["first_name"], names["last_name"]
    user.is_active = False
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # The same address registered a moment ago in a parallel request, whose
        # confirmation e-mail is on its way: nothing more to do, nothing to reveal.
        return
    customer = getattr(user, "customer", None) or Customer(user=user)
    customer.language_code = language
    customer.metadata = cleaned_metadata
    customer.save()
    user.customer = customer
    token = tokens.confirmation_tokens.make_token(user)
    emails.send_confirmation(user, emails.link(redirect_url, email=email, token=token))


@transaction.atomic
def confirm_account(email: str, token: str) -> AbstractUser:
    """Activate the account the e-mailed link was made for."""
    user = (
        User.objects.select_for_update(of=("self",))
        .filter(
            username=normalise_email(email),
            customer__isnull=False,
            customer__anonymised_at__isnull=True,
        )
        .select_related("customer")
        .first()
    )
    # One answer for unknown addresses, wrong tokens and used links: no enumeration.
    if user is None or not tokens.confirmation_tokens.check_token(user, token):
        raise PayloadError(AccountErrorCode.INVALID, INVALID_LINK_TOKEN, "token")
    user.is_active = True
    user.save(update_fields=["is_active"])
    user.customer.confirmed_at = timezone.now()
    user.customer.save(update_fields=["confirmed_at"])
    return user


def authenticate_customer(email: str, password: str) -> AbstractUser:
    """The customer these credentials belong to, or INVALID_CREDENTIALS.

    Only customers sign in here (staff use the Wagtail admin). An unconfirmed account
    answers INACTIVE only once the password was right, so it reveals no more than a
    successful sign-in would; an unknown address still costs one password hash, so the
    time taken does not tell either.
    """
    invalid = PayloadError(
        AccountErrorCode.INVALID_CREDENTIALS, "Please, enter valid credentials.", "email"
    )
    user = (
        User.objects.filter(
            username=normalise_email(email),
            customer__isnull=False,
            customer__anonymised_at__isnull=True,
        )
        .select_related(
            "customer", "customer__default_billing_address", "customer__default_shipping_address"
        )
        .first()
    )
    if user is None:
        User().set_password(password)
        raise invalid
    if not user.check_password(password):
        raise invalid
    if not user.is_active:
        raise PayloadError(
            AccountErrorCode.INACTIVE, "Account needs to be confirmed via e-mail.", "email"
        )
    update_last_login(None, user)
    return user


def issue_tokens(user: AbstractUser) -> tuple[str, str]:
    """A new access token and refresh token for a signed-in customer."""
    return tokens.create_token(user, tokens.ACCESS), tokens.create_token(user, tokens.REFRESH)


def user_for_token(token: str, kind: str) -> tuple[dict[str, Any], AbstractUser]:
    """The claims and the active customer of a JWT; raises tokens.TokenProblem.

    A token whose `token` claim no longer matches the customer's key was revoked.
    """
    payload = tokens.decode_token(token, kind)
    revoked = tokens.TokenProblem(
        AccountErrorCode.JWT_INVALID_TOKEN, "InvalidTokenError", tokens.INVALID_TOKEN
    )
    try:
        type_name, pk = from_global_id(str(payload["user_id"]))
    except (TypeError, ValueError) as error:
        raise revoked from error
    if type_name != "User" or not pk.isdigit():
        raise revoked
    user = (
        User.objects.filter(pk=int(pk), is_active=True, customer__isnull=False)
        .select_related(
            "customer", "customer__default_billing_address", "customer__default_shipping_address"
        )
        .first()
    )
    if user is None or user.customer.jwt_token_key != payload["token"]:
        raise revoked
    return payload, user


def refresh_access_token(refresh_token: str | None) -> tuple[str, AbstractUser]:
    if not refresh_token:
        raise PayloadError(
            AccountErrorCode.JWT_MISSING_TOKEN, "Missing refreshToken.", "refreshToken"
        )
    try:
        _payload, user = user_for_token(refresh_token, tokens.REFRESH)
    except tokens.TokenProblem as problem:
        raise PayloadError(problem.code, problem.message, "refreshToken") from problem
    return tokens.create_token(user, tokens.ACCESS), user


def verify_access_token(token: str) -> tuple[dict[str, Any], AbstractUser]:
    try:
        return user_for_token(token, tokens.ACCESS)
    except tokens.TokenProblem as problem:
        raise PayloadError(problem.code, problem.message, "token") from problem


@transaction.atomic
def revoke_tokens(user: AbstractUser) -> None:
    """Sign the customer out everywhere: every token issued so far stops working."""
    customer = Customer.objects.select_for_update().get(user=user)
    customer.revoke_tokens()
    customer.save(update_fields=["jwt_token_key"])
    user.customer = customer


# --- Passwords ----------------------------------------------------------------------------


def request_password_reset(email: str, redirect_url: str | None) -> None:
    """E-mail a reset link if the address has an account; the answer is the same if not."""
    redirect_url = check_redirect_url(redirect_url)
    email = check_email(email)
    user = (
        User.objects.filter(
            username=email, customer__isnull=False, customer__anonymised_at__isnull=True
        )
        .select_related("customer")
        .first()
    )
    if user is None:
        return
    token = tokens.password_reset_tokens.make_token(user)
    emails.send_password_reset(user, emails.link(redirect_url, email=email, token=token))


@transaction.atomic
def set_password(email: str, token: str, password: str) -> AbstractUser:
    """Set the password from an e-mailed reset link.

    The link proves the mailbox as a confirmation link does, so an account that was
    never confirmed is activated too. Every earlier token is revoked.
    """
    user = (
        User.objects.select_for_update(of=("self",))
        .filter(
            username=normalise_email(email),
            customer__isnull=False,
            customer__anonymised_at__isnull=True,
        )
        .select_related("customer")
        .first()
    )
    if user is None or not tokens.password_reset_tokens.check_token(user, token):
        raise PayloadError(AccountErrorCode.INVALID, INVALID_LINK_TOKEN, "token")
    check_new_password(password, user)
    user.set_password(password)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    customer = user.customer
    if customer.confirmed_at is None:
        customer.confirmed_at = timezone.now()
    customer.revoke_tokens()
    customer.save(update_fields=["confirmed_at", "jwt_token_key"])
    update_last_login(None, user)
    return user


@transaction.atomic
def change_password(user: AbstractUser, old_password: str, new_password: str) -> None:
    """Change the password and revoke every token, this session's too: whoever stole a
    token or the old password is signed out, and the client signs in again."""
    if not user.check_password(old_password or ""):
        raise PayloadError(
            AccountErrorCode.INVALID_PASSWORD, "Old password isn't valid.", "oldPassword"
        )
    check_new_password(new_password, user, field="newPassword")
    user.set_password(new_password)
    user.save(update_fields=["password"])
    revoke_tokens(user)


# --- Profile and addresses ----------------------------------------------------------------


@transaction.atomic
def update_account(
    user: AbstractUser,
    *,
    first_name: str | None = None,
    last_name: str | None = None,
    language_code: str | None = None,
    default_billing_address: dict[str, Any] | None = None,
    default_shipping_address: dict[str, Any] | None = None,
) -> AbstractUser:
    """Change names and language; an address given as a default is added to the book
    and made the default of its kind, as Saleor's accountUpdate does."""
    errors: list[PayloadError] = []
    changes: dict[str, str] = {}
    for name, input_name, value in (
        ("first_name", "firstName", first_name),
        ("last_name", "lastName", last_name),
    ):
        if value is None:
            continue
        value = value.strip()
        if len(value) > User._meta.get_field(name).max_length:
            errors.append(
                PayloadError(AccountErrorCode.INVALID, "This name is too long.", input_name)
            )
        changes[name] = value
    try:
        language = check_language(language_code)
    except PayloadError as error:
        errors.append(error)
    cleaned: dict[str, dict[str, Any]] = {}
    for kind, data in (
        ("billing", default_billing_address),
        ("shipping", default_shipping_address),
    ):
        if data is not None:
            try:
                cleaned[kind] = check_address(data)
            except* PayloadError as group:
                errors.extend(group.exceptions)  # type: ignore[arg-type]
    _raise_all(errors)

    for name, value in changes.items():
        setattr(user, name, value)
    if changes:
        user.save(update_fields=list(changes))
    customer = Customer.objects.select_for_update().get(user=user)
    if language:
        customer.language_code = language
    for kind, fields in cleaned.items():
        _check_room_for_address(customer)
        address = Address.objects.create(customer=customer, **fields)
        setattr(customer, f"default_{kind}_address", address)
    customer.save()
    user.customer = customer
    return user


def _check_room_for_address(customer: Customer) -> None:
    if customer.addresses.count() >= MAX_ADDRESSES:
        raise PayloadError(
            AccountErrorCode.INVALID, f"An address book holds at most {MAX_ADDRESSES} addresses."
        )


def _own_address(user: AbstractUser, address_id: str) -> Address:
    """The customer's address with this global id; someone else's is NOT_FOUND too."""
    not_found = PayloadError(AccountErrorCode.NOT_FOUND, "Address not found.", "id")
    try:
        type_name, pk = from_global_id(address_id or "")
    except (TypeError, ValueError) as error:
        raise not_found from error
    if type_name != "Address" or not pk.isdigit():
        raise not_found
    address = Address.objects.filter(pk=int(pk), customer__user=user).first()
    if address is None:
        raise not_found
    return address


def _set_default(customer: Customer, address: Address, address_type: str) -> None:
    if address_type == "billing":
        customer.default_billing_address = address
    else:
        customer.default_shipping_address = address


@transaction.atomic
def create_address(
    user: AbstractUser, data: dict[str, Any], address_type: str | None = None
) -> Address:
    """Add an address; with `address_type` ("billing"/"shipping") it becomes that default."""
    fields = check_address(data)
    customer = Customer.objects.select_for_update().get(user=user)
    _check_room_for_address(customer)
    address = Address.objects.create(customer=customer, **fields)
    if address_type:
        _set_default(customer, address, address_type)
        customer.save(update_fields=[f"default_{address_type}_address"])
    user.customer = customer
    address.customer = customer
    return address


@transaction.atomic
def update_address(user: AbstractUser, address_id: str, data: dict[str, Any]) -> Address:
    address = _own_address(user, address_id)
    for name, value in check_address(data, partial_of=address).items():
        setattr(address, name, value)
    address.save()
    return address


@transaction.atomic
def delete_address(user: AbstractUser, address_id: str) -> Address:
    """Delete an address; a default it was stops being one (the foreign key is SET_NULL)."""
    address = _own_address(user, address_id)
    pk = address.pk
    address.delete()
    address.pk = pk  # the payload answers the deleted address with its id, as Saleor does
    # The database cleared the defaults that pointed here; the objects in memory did not.
    user.customer = Customer.objects.select_related(
        "default_billing_address", "default_shipping_address"
    ).get(user=user)
    address.customer = user.customer
    return address


@transaction.atomic
def set_default_address(user: AbstractUser, address_id: str, address_type: str) -> AbstractUser:
    address = _own_address(user, address_id)
    customer = Customer.objects.select_for_update().get(user=user)
    _set_default(customer, address, address_type)
    customer.save(update_fields=[f"default_{address_type}_address"])
    user.customer = customer
    return user


# --- Erasure ------------------------------------------------------------------------------


def _refuse_staff(user: AbstractUser) -> None:
    """A staff member's login is also their Wagtail admin login: an administrator
    removes it, not a click in the shop."""
    if user.is_staff or user.is_superuser:
        raise PayloadError(
            AccountErrorCode.DELETE_STAFF_ACCOUNT,
            "Staff accounts cannot be deleted here; ask an administrator.",
        )


def request_deletion(user: AbstractUser, redirect_url: str | None) -> None:
    """E-mail the link that confirms the deletion (Saleor's accountRequestDeletion)."""
    _refuse_staff(user)
    redirect_url = check_redirect_url(redirect_url)
    token = tokens.deletion_tokens.make_token(user)
    emails.send_deletion_request(user, emails.link(redirect_url, token=token))


@transaction.atomic
def delete_account(user: AbstractUser, token: str) -> AbstractUser:
    """Erase the account with the e-mailed token: the person is anonymised, not deleted."""
    _refuse_staff(user)
    if not tokens.deletion_tokens.check_token(user, token):
        raise PayloadError(AccountErrorCode.INVALID, INVALID_LINK_TOKEN, "token")
    return anonymise_customer(user)


@transaction.atomic
def anonymise_customer(user: AbstractUser) -> AbstractUser:
    """Forget the person behind `user` and keep every row other data depends on.

    The User and Customer rows stay (orders and invoices point at them and must be
    kept for the legal retention period), but nothing on them identifies anyone any
    more: the e-mail address becomes a placeholder, names and metadata are erased,
    the password is unusable, every token is revoked and the address book is deleted.
    Consent records lose their link to the user and remain as anonymous proof of
    what was agreed when. A newsletter subscription of the address is deleted.

    Orders stay, with their invoice numbers, lines and amounts, but nothing on them
    finds the person again: the invoice identity the law makes us keep (name and billing
    address as invoiced) moves to a restricted retention record that no admin screen,
    search or API reaches, and is deleted when the retention period ends
    (shop.services.orders.forget_customer, anonymise_expired_orders).
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    customer, _created = Customer.objects.select_for_update().get_or_create(user=user)
    # Orders first, while the account still says which e-mail address was its own.
    orders.forget_customer(user, user.email)
    newsletter.forget(user.email)
    placeholder = f"deleted-{uuid.uuid4().hex}@anonymised.invalid"
    user.username = user.email = placeholder
    user.first_name = user.last_name = ""
    user.set_unusable_password()
    user.is_active = False
    user.last_login = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()

    customer.default_billing_address = None
    customer.default_shipping_address = None
    customer.metadata = {}
    customer.anonymised_at = timezone.now()
    customer.revoke_tokens()
    customer.save()
    customer.addresses.all().delete()
    ConsentRecord.objects.filter(user=user).update(user=None)
    user.customer = customer
    return user


# --- Access (GDPR article 15 and 20) ------------------------------------------------------


@dataclass
class AddressExport:
    address: Address
    is_default_billing: bool
    is_default_shipping: bool

    def as_dict(self) -> dict[str, Any]:
        fields = {
            input_name: str(getattr(self.address, name))
            for name, input_name in ADDRESS_FIELDS.items()
        }
        return {
            **fields,
            "isDefaultBillingAddress": self.is_default_billing,
            "isDefaultShippingAddress": self.is_default_shipping,
            "createdAt": self.address.created_at.isoformat(),
        }


def export_customer_data(user: AbstractUser) -> dict[str, Any]:
    """Everything the shop holds about the customer, as one JSON-ready document.

    "orders" lists the customer's orders with their invoices and payments, "checkouts"
    the carts still open under their e-mail address, "newsletter" the newsletter
    subscription of that address (null if none).
    """
    customer = Customer.objects.get(user=user)
    addresses = [
        AddressExport(
            address,
            address.pk == customer.default_billing_address_id,
            address.pk == customer.default_shipping_address_id,
        ).as_dict()
        for address in customer.addresses.all()
    ]
    consents = [
        {
            "consentId": str(record.visitor_id),
            "museum": record.museum.name,
            "categories": record.categories,
            "policyVersion": record.policy_version,
            "locale": record.locale,
            "givenAt": record.given_at.isoformat(),
        }
        for record in ConsentRecord.objects.filter(user=user)
        .select_related("museum")
        .order_by("given_at", "pk")
    ]
    return {
        "exportedAt": timezone.now().isoformat(),
        "profile": {
            "id": tokens.user_global_id(user),
            "email": user.email,
            "firstName": user.first_name,
            "lastName": user.last_name,
            "languageCode": customer.language_code,
            "isActive": user.is_active,
            "dateJoined": user.date_joined.isoformat(),
            "lastLogin": user.last_login.isoformat() if user.last_login else None,
            "confirmedAt": customer.confirmed_at.isoformat() if customer.confirmed_at else None,
            "metadata": customer.metadata,
        },
        "addresses": addresses,
        "consents": consents,
        "orders": orders.export(user),
        "checkouts": orders.export_checkouts(user.email),
        "newsletter": newsletter.export(user.email),
    }
