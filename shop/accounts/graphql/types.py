"""Saleor's account types, by Saleor's names, with the fields @saleor/sdk selects.

The SDK's fragments (src/apollo/fragments.ts: UserBaseFragment, UserDetailsFragment,
AddressFragment, AccountErrorFragment) are the contract: type names, field names and
nullability follow Saleor so its generated clients work unchanged.

`Address`, `AddressInput` and `CountryDisplay` serve the checkout and orders too, as in
Saleor: one model (shop.models.Address) holds address-book entries and the checkout's
and order's copies alike. A schema holds one type per name, and graphene silently keeps
the first class it meets under a name, so two `Address` classes would leave one side
with the other's fields.
"""

from __future__ import annotations

import graphene
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django_countries.fields import Country
from graphql_relay import to_global_id

from museum_site.graphql.pagination import list_arguments
from shop.accounts import tokens
from shop.accounts.consent import live_privacy_policy
from shop.accounts.error_codes import AccountErrorCode, ConsentErrorCode
from shop.accounts.models import ConsentRecord
from shop.graphql.errors import error_type
from shop.models import Address as AddressModel

AccountError = error_type("AccountError", AccountErrorCode)
ConsentError = error_type("ConsentError", ConsentErrorCode)

LanguageCodeEnum = graphene.Enum(
    "LanguageCodeEnum",
    [(code.upper(), code.upper()) for code, _name in settings.LANGUAGES],
    description="A language the museum writes to customers in.",
)


class AddressTypeEnum(graphene.Enum):
    BILLING = "billing"
    SHIPPING = "shipping"


class ConsentCategory(graphene.Enum):
    """What a visitor can agree to. NECESSARY needs no consent and is always granted."""

    NECESSARY = ConsentRecord.Category.NECESSARY.value
    PREFERENCES = ConsentRecord.Category.PREFERENCES.value
    ANALYTICS = ConsentRecord.Category.ANALYTICS.value
    MARKETING = ConsentRecord.Category.MARKETING.value


class CountryDisplay(graphene.ObjectType):
    code = graphene.String(required=True, description="ISO 3166-1 alpha-2 code.")
    country = graphene.String(required=True, description="Name of the country.")


class Address(graphene.ObjectType):
    """A postal address: in the customer's address book, or a checkout's or order's own
    copy of one a buyer typed (Saleor's one type for both)."""

    id = graphene.ID(required=True)
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    company_name = graphene.String(required=True)
    street_address_1 = graphene.String(required=True)
    street_address_2 = graphene.String(required=True)
    city = graphene.String(required=True)
    city_area = graphene.String(required=True)
    postal_code = graphene.String(required=True)
    country = graphene.Field(CountryDisplay, required=True)
    country_area = graphene.String(required=True)
    phone = graphene.String()
    is_default_shipping_address = graphene.Boolean(
        description="Whether it is the customer's default; null outside the address book."
    )
    is_default_billing_address = graphene.Boolean(
        description="Whether it is the customer's default; null outside the address book."
    )

    @staticmethod
    def resolve_id(address, info) -> str:
        return to_global_id("Address", str(address.pk))

    @staticmethod
    def resolve_country(address, info) -> CountryDisplay:
        country = address.country
        if not isinstance(country, Country):
            country = Country(code=str(country))
        return CountryDisplay(code=country.code, country=country.name)

    @staticmethod
    def resolve_is_default_shipping_address(address, info) -> bool | None:
        if address.customer_id is None:  # a checkout's or order's copy
            return None
        return address.customer.default_shipping_address_id == address.pk

    @staticmethod
    def resolve_is_default_billing_address(address, info) -> bool | None:
        if address.customer_id is None:  # a checkout's or order's copy
            return None
        return address.customer.default_billing_address_id == address.pk


class MetadataItem(graphene.ObjectType):
    key = graphene.String(required=True)
    value = graphene.String(required=True)


class UserPermission(graphene.ObjectType):
    """Saleor's staff permissions. Customers have none, so the list is always empty;
    the type exists because the SDK's UserBaseFragment asks for it."""

    code = graphene.String(required=True)
    name = graphene.String(required=True)


def _with_customer(address: AddressModel | None, user: AbstractUser) -> AddressModel | None:
    # A default address is loaded through the customer: tell it whose it is, so its
    # isDefault* fields cost no query.
    if address is not None:
        address.customer = user.customer
    return address


class User(graphene.ObjectType):
    """The signed-in customer."""

    id = graphene.ID(required=True)
    email = graphene.String(required=True)
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    is_staff = graphene.Boolean(required=True)
    is_active = graphene.Boolean(required=True)
    date_joined = graphene.DateTime(required=True)
    language_code = graphene.Field(LanguageCodeEnum, required=True)
    user_permissions = graphene.List(graphene.NonNull(UserPermission))
    metadata = graphene.List(
        graphene.NonNull(MetadataItem), required=True, description="Public metadata."
    )
    default_shipping_address = graphene.Field(Address)
    default_billing_address = graphene.Field(Address)
    addresses = graphene.List(graphene.NonNull(Address), required=True)
    # By import path: shop.graphql.order_types imports this module (for Address).
    orders = graphene.Field(
        "shop.graphql.order_types.OrderConnection",
        required=True,
        description="The customer's orders, newest first.",
        **list_arguments(),
    )

    @staticmethod
    def resolve_orders(user: AbstractUser, info, first: int, after: str | None = None):
        from shop.graphql.order_types import resolve_customer_orders

        return resolve_customer_orders(user, info, first, after)

    @staticmethod
    def resolve_id(user: AbstractUser, info) -> str:
        return tokens.user_global_id(user)

    @staticmethod
    def resolve_language_code(user: AbstractUser, info) -> str:
        return user.customer.language_code.upper()

    @staticmethod
    def resolve_user_permissions(user: AbstractUser, info) -> list:
        return []

    @staticmethod
    def resolve_metadata(user: AbstractUser, info) -> list[MetadataItem]:
        return [
            MetadataItem(key=key, value=value)
            for key, value in sorted(user.customer.metadata.items())
        ]

    @staticmethod
    def resolve_default_shipping_address(user: AbstractUser, info) -> AddressModel | None:
        return _with_customer(user.customer.default_shipping_address, user)

    @staticmethod
    def resolve_default_billing_address(user: AbstractUser, info) -> AddressModel | None:
        return _with_customer(user.customer.default_billing_address, user)

    @staticmethod
    def resolve_addresses(user: AbstractUser, info) -> list[AddressModel]:
        return list(user.customer.addresses.all())


class Consent(graphene.ObjectType):
    """The latest answer to the consent question, of a visitor or of the customer."""

    consent_id = graphene.ID(
        required=True,
        description="The anonymous consent id: keep it in the browser and send it back.",
    )
    categories = graphene.List(graphene.NonNull(ConsentCategory), required=True)
    policy_version = graphene.String(
        required=True, description="Version of the privacy policy agreed to."
    )
    locale = graphene.String(required=True, description="Language the policy was shown in.")
    given_at = graphene.DateTime(required=True)
    is_current_policy = graphene.Boolean(
        required=True,
        description="False once a newer privacy policy is in force: ask the visitor again.",
    )

    @staticmethod
    def resolve_consent_id(record: ConsentRecord, info) -> str:
        return str(record.visitor_id)

    @staticmethod
    def resolve_is_current_policy(record: ConsentRecord, info) -> bool:
        policy = live_privacy_policy(record.locale)
        return policy is not None and policy.version == record.policy_version


class MetadataInput(graphene.InputObjectType):
    key = graphene.String(required=True)
    value = graphene.String(required=True)


class AddressInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    company_name = graphene.String(description="Company or organisation.")
    street_address_1 = graphene.String(description="Address.")
    street_address_2 = graphene.String(description="Address.")
    city = graphene.String()
    city_area = graphene.String(description="District.")
    postal_code = graphene.String()
    country = graphene.String(
        description="ISO 3166-1 alpha-2 code, e.g. BE. A string rather than Saleor's "
        "CountryCode enum, so that an unknown code is an INVALID error in the payload."
    )
    country_area = graphene.String(description="State or province.")
    phone = graphene.String()


class AccountRegisterInput(graphene.InputObjectType):
    email = graphene.String(required=True)
    password = graphene.String(required=True)
    redirect_url = graphene.String(
        description="Frontend URL the confirmation e-mail links to, with `email` and `token`."
    )
    first_name = graphene.String()
    last_name = graphene.String()
    language_code = LanguageCodeEnum(description="Language of the e-mails we send.")
    metadata = graphene.List(graphene.NonNull(MetadataInput), description="Public metadata.")
    channel = graphene.String(
        description="Accepted for Saleor clients; the museum's shop has one channel."
    )


class AccountInput(graphene.InputObjectType):
    first_name = graphene.String()
    last_name = graphene.String()
    language_code = LanguageCodeEnum()
    default_billing_address = AddressInput(
        description="Added to the address book as the default billing address."
    )
    default_shipping_address = AddressInput(
        description="Added to the address book as the default shipping address."
    )


class ConsentInput(graphene.InputObjectType):
    consent_id = graphene.ID(
        description="The consent id this browser got earlier; leave out the first time."
    )
    categories = graphene.List(
        graphene.NonNull(ConsentCategory),
        required=True,
        description="Everything granted; what is left out is refused or withdrawn.",
    )
    locale = graphene.String(description="Language the privacy policy was shown in.")
    policy_version = graphene.String(
        description="Version of the privacy policy the visitor was shown; checked."
    )
