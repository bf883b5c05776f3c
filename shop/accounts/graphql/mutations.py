"""Saleor's account mutations, as @saleor/sdk 0.7.0 sends them (src/apollo/mutations.ts),
plus consent.

Argument names, argument types and payload fields are Saleor's, so the SDK's documents
validate against this schema; payload type names are Saleor's too (CreateToken,
RefreshToken, ...). Each resolver parses input, calls a service and shapes the payload:
errors in input are `errors` entries, a missing sign-in is Saleor's PermissionDenied
GraphQL error.
"""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any

import graphene
from graphene.types.generic import GenericScalar
from graphql import GraphQLError

from museum_site.graphql.locales import resolve_locale
from museum_site.museums.current import museum_for_field
from shop.accounts import consent, rate_limits, services
from shop.accounts.error_codes import AccountErrorCode, ConsentErrorCode
from shop.accounts.graphql.middleware import current_customer, signed_in_customer
from shop.accounts.graphql.types import (
    AccountError,
    AccountInput,
    AccountRegisterInput,
    Address,
    AddressInput,
    AddressTypeEnum,
    Consent,
    ConsentError,
    ConsentInput,
    User,
)
from shop.graphql.errors import PayloadError


def enum_value(value: Any) -> Any:
    """Graphene hands enum arguments over as members; services take plain values."""
    return value.value if isinstance(value, Enum) else value


def address_data(data: Any) -> dict[str, Any]:
    return {name: enum_value(value) for name, value in dict(data or {}).items()}


class PayloadMutation(graphene.Mutation):
    """A mutation whose input errors come back in `errors` instead of as exceptions.

    Subclasses implement `perform(info, **arguments)`, returning the payload; a
    PayloadError (or a group of them) raised by a service becomes the payload's errors,
    as `error_type` objects (graphql-core would raise an Exception it is handed).
    """

    error_type: type[graphene.ObjectType]

    class Meta:
        abstract = True

    @classmethod
    def perform(cls, info, **arguments) -> PayloadMutation:
        raise NotImplementedError

    @classmethod
    def payload_errors(cls, errors: list[PayloadError]) -> list[graphene.ObjectType]:
        return [
            cls.error_type(field=error.field, message=error.message, code=error.code)
            for error in errors
        ]

    @classmethod
    def mutate(cls, root, info, **arguments) -> PayloadMutation:
        errors: list[PayloadError] = []
        try:
            return cls.perform(info, **arguments)
        except* PayloadError as group:
            errors = list(group.exceptions)  # type: ignore[arg-type]
        return cls(errors=cls.payload_errors(errors))


class AccountMutation(PayloadMutation):
    error_type = AccountError
    errors = graphene.List(graphene.NonNull(AccountError), required=True)

    class Meta:
        abstract = True


class CreateToken(AccountMutation):
    """Sign in with e-mail and password: an access token and a refresh token.

    Too many failed sign-ins for the address or from the client answer
    LOGIN_ATTEMPT_DELAYED, as Saleor does."""

    token = graphene.String(description="JWT access token, short-lived.")
    refresh_token = graphene.String(description="JWT refresh token, for tokenRefresh.")
    user = graphene.Field(User)

    class Arguments:
        email = graphene.String(required=True)
        password = graphene.String(required=True)

    @classmethod
    def perform(cls, info, email: str, password: str) -> CreateToken:
        with rate_limits.sign_in_allowed(info.context, email):
            user = services.authenticate_customer(email, password)
        token, refresh_token = services.issue_tokens(user)
        return cls(token=token, refresh_token=refresh_token, user=user, errors=[])


class RefreshToken(AccountMutation):
    """A new access token for a refresh token (sent in the body; no cookies here)."""

    token = graphene.String(description="JWT access token.")
    user = graphene.Field(User)

    class Arguments:
        refresh_token = graphene.String(description="The refresh token from tokenCreate.")

    @classmethod
    def perform(cls, info, refresh_token: str | None = None) -> RefreshToken:
        token, user = services.refresh_access_token(refresh_token)
        return cls(token=token, user=user, errors=[])


class VerifyToken(AccountMutation):
    """Whether an access token is valid, and whose it is."""

    is_valid = graphene.Boolean(required=True)
    payload = GenericScalar(description="The token's claims.")
    user = graphene.Field(User)

    class Arguments:
        token = graphene.String(required=True)

    @classmethod
    def mutate(cls, root, info, token: str) -> VerifyToken:
        try:
            payload, user = services.verify_access_token(token)
        except PayloadError as error:
            return cls(is_valid=False, errors=cls.payload_errors([error]))
        return cls(is_valid=True, payload=payload, user=user, errors=[])


class DeactivateAllUserTokens(AccountMutation):
    """Sign out everywhere: every token of the signed-in customer stops working."""

    class Arguments:
        pass

    @classmethod
    def perform(cls, info) -> DeactivateAllUserTokens:
        services.revoke_tokens(signed_in_customer(info))
        return cls(errors=[])


class AccountRegister(AccountMutation):
    """Create an account; it works once the e-mailed confirmation link is followed.
    Too many sign-ups for the address or from the client answer RATE_LIMITED."""

    requires_confirmation = graphene.Boolean(
        description="Always true: accounts are confirmed by e-mail."
    )

    class Arguments:
        input = AccountRegisterInput(required=True)

    @classmethod
    def perform(cls, info, input) -> AccountRegister:
        with rate_limits.mail_allowed(info.context, input.email, AccountErrorCode.RATE_LIMITED):
            services.register_customer(
                email=input.email,
                password=input.password,
                redirect_url=input.get("redirect_url"),
                first_name=input.get("first_name") or "",
                last_name=input.get("last_name") or "",
                language_code=enum_value(input.get("language_code")),
                metadata=[(item.key, item.value) for item in input.get("metadata") or []],
            )
        return cls(requires_confirmation=True, errors=[])


class ConfirmAccount(AccountMutation):
    """Activate an account with the token from the confirmation e-mail."""

    user = graphene.Field(User, description="The activated account.")

    class Arguments:
        email = graphene.String(required=True)
        token = graphene.String(required=True)

    @classmethod
    def perform(cls, info, email: str, token: str) -> ConfirmAccount:
        return cls(user=services.confirm_account(email, token), errors=[])


class RequestPasswordReset(AccountMutation):
    """E-mail a link to choose a new password (the answer is the same for unknown
    addresses). Asked too often for the address or by the client, it answers Saleor's
    PASSWORD_RESET_ALREADY_REQUESTED, for known and unknown addresses alike."""

    class Arguments:
        email = graphene.String(required=True)
        redirect_url = graphene.String(
            required=True, description="Frontend URL the e-mail links to, with email and token."
        )
        channel = graphene.String(description="Accepted for Saleor clients; one channel here.")

    @classmethod
    def perform(
        cls, info, email: str, redirect_url: str, channel: str | None = None
    ) -> RequestPasswordReset:
        with rate_limits.mail_allowed(
            info.context, email, AccountErrorCode.PASSWORD_RESET_ALREADY_REQUESTED
        ):
            services.request_password_reset(email, redirect_url)
        return cls(errors=[])


class SetPassword(AccountMutation):
    """Set a new password with the token from the reset e-mail, and sign in."""

    token = graphene.String()
    refresh_token = graphene.String()
    user = graphene.Field(User)

    class Arguments:
        email = graphene.String(required=True)
        token = graphene.String(required=True)
        password = graphene.String(required=True)

    @classmethod
    def perform(cls, info, email: str, token: str, password: str) -> SetPassword:
        user = services.set_password(email, token, password)
        access, refresh = services.issue_tokens(user)
        return cls(token=access, refresh_token=refresh, user=user, errors=[])


class PasswordChange(AccountMutation):
    """Change the password; every token is revoked, so sign in again afterwards."""

    user = graphene.Field(User)

    class Arguments:
        old_password = graphene.String(required=True)
        new_password = graphene.String(required=True)

    @classmethod
    def perform(cls, info, old_password: str, new_password: str) -> PasswordChange:
        user = signed_in_customer(info)
        services.change_password(user, old_password, new_password)
        return cls(user=user, errors=[])


class AccountUpdate(AccountMutation):
    user = graphene.Field(User)

    class Arguments:
        input = AccountInput(required=True)

    @classmethod
    def perform(cls, info, input) -> AccountUpdate:
        user = signed_in_customer(info)
        billing = input.get("default_billing_address")
        shipping = input.get("default_shipping_address")
        user = services.update_account(
            user,
            first_name=input.get("first_name"),
            last_name=input.get("last_name"),
            language_code=enum_value(input.get("language_code")),
            default_billing_address=address_data(billing) if billing is not None else None,
            default_shipping_address=address_data(shipping) if shipping is not None else None,
        )
        return cls(user=user, errors=[])


class AccountAddressCreate(AccountMutation):
    address = graphene.Field(Address)
    user = graphene.Field(User)

    class Arguments:
        input = AddressInput(required=True)
        type = AddressTypeEnum(description="Also make it the default address of this type.")

    @classmethod
    def perform(cls, info, input, type=None) -> AccountAddressCreate:
        user = signed_in_customer(info)
        address = services.create_address(user, address_data(input), enum_value(type))
        return cls(address=address, user=user, errors=[])


class AccountAddressUpdate(AccountMutation):
    address = graphene.Field(Address)
    user = graphene.Field(User)

    class Arguments:
        id = graphene.ID(required=True)
        input = AddressInput(required=True)

    @classmethod
    def perform(cls, info, id: str, input) -> AccountAddressUpdate:
        user = signed_in_customer(info)
        address = services.update_address(user, id, address_data(input))
        return cls(address=address, user=user, errors=[])


class AccountAddressDelete(AccountMutation):
    address = graphene.Field(Address)
    user = graphene.Field(User)

    class Arguments:
        id = graphene.ID(required=True)

    @classmethod
    def perform(cls, info, id: str) -> AccountAddressDelete:
        user = signed_in_customer(info)
        address = services.delete_address(user, id)
        return cls(address=address, user=user, errors=[])


class AccountSetDefaultAddress(AccountMutation):
    user = graphene.Field(User)

    class Arguments:
        id = graphene.ID(required=True)
        type = AddressTypeEnum(required=True)

    @classmethod
    def perform(cls, info, id: str, type) -> AccountSetDefaultAddress:
        user = services.set_default_address(signed_in_customer(info), id, enum_value(type))
        return cls(user=user, errors=[])


class AccountRequestDeletion(AccountMutation):
    """E-mail the signed-in customer a link that confirms deleting the account."""

    class Arguments:
        redirect_url = graphene.String(
            required=True, description="Frontend URL the e-mail links to, with `token`."
        )
        channel = graphene.String(description="Accepted for Saleor clients; one channel here.")

    @classmethod
    def perform(cls, info, redirect_url: str, channel: str | None = None) -> AccountRequestDeletion:
        services.request_deletion(signed_in_customer(info), redirect_url)
        return cls(errors=[])


class AccountDelete(AccountMutation):
    """Erase the signed-in customer's account with the e-mailed token. The person is
    anonymised: orders and invoices stay, without anything that identifies them."""

    user = graphene.Field(User, description="The account as it is now: anonymised.")

    class Arguments:
        token = graphene.String(required=True)

    @classmethod
    def perform(cls, info, token: str) -> AccountDelete:
        user = services.delete_account(signed_in_customer(info), token)
        return cls(user=user, errors=[])


def parse_consent_id(value: str | None) -> uuid.UUID | None:
    if not value:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError as error:
        raise PayloadError(ConsentErrorCode.INVALID, "Not a consent id.", "consentId") from error


class ConsentUpdate(PayloadMutation):
    """Record what a visitor or the signed-in customer agrees to, against the privacy
    policy in force. Granting fewer categories than before withdraws the others."""

    error_type = ConsentError
    consent = graphene.Field(Consent)
    errors = graphene.List(graphene.NonNull(ConsentError), required=True)

    class Arguments:
        input = ConsentInput(required=True)

    @classmethod
    def perform(cls, info, input) -> ConsentUpdate:
        try:
            locale = resolve_locale(input.get("locale"))
        except GraphQLError as error:
            raise PayloadError(ConsentErrorCode.INVALID, error.message, "locale") from error
        record = consent.record_consent(
            user=current_customer(info),
            visitor_id=parse_consent_id(input.get("consent_id")),
            categories=[enum_value(category) for category in input.categories],
            locale=locale,
            policy_version=input.get("policy_version"),
            museum=museum_for_field(info),
        )
        return cls(consent=record, errors=[])


class AccountMutations:
    """Mixed into the root Mutation type by the `register_schema_mutation` hook."""

    token_create = CreateToken.Field(description="Sign in: access and refresh tokens.")
    token_refresh = RefreshToken.Field(description="A new access token for a refresh token.")
    token_verify = VerifyToken.Field(description="Check an access token.")
    tokens_deactivate_all = DeactivateAllUserTokens.Field(
        description="Sign the customer out everywhere."
    )
    account_register = AccountRegister.Field(description="Create a customer account.")
    confirm_account = ConfirmAccount.Field(description="Confirm an account from its e-mail.")
    request_password_reset = RequestPasswordReset.Field(description="E-mail a reset link.")
    set_password = SetPassword.Field(description="Set a password from a reset e-mail.")
    password_change = PasswordChange.Field(description="Change the signed-in password.")
    account_update = AccountUpdate.Field(description="Update the signed-in customer.")
    account_address_create = AccountAddressCreate.Field(description="Add an address.")
    account_address_update = AccountAddressUpdate.Field(description="Change an address.")
    account_address_delete = AccountAddressDelete.Field(description="Delete an address.")
    account_set_default_address = AccountSetDefaultAddress.Field(
        description="Make an address the default billing or shipping address."
    )
    account_request_deletion = AccountRequestDeletion.Field(
        description="E-mail a link that confirms deleting the account."
    )
    account_delete = AccountDelete.Field(description="Erase the account (anonymises).")
    consent_update = ConsentUpdate.Field(description="Record cookie and privacy consent.")
