"""The account's query fields: `me`, the current consent and the data export.

None of them is in response_cache.PUBLIC_ROOT_FIELDS: their answers belong to whoever
holds the token or consent id, and must never be served from the shared cache.
"""

from __future__ import annotations

import graphene
from django.contrib.auth.models import AbstractUser
from graphql import GraphQLError

from museum_site.museums.current import museum_for_field
from shop.accounts import consent, services
from shop.accounts.graphql.middleware import current_customer, signed_in_customer
from shop.accounts.graphql.mutations import parse_consent_id
from shop.accounts.graphql.types import Consent, User
from shop.accounts.models import ConsentRecord
from shop.graphql.errors import PayloadError


class AccountQuery:
    """Mixed into the root Query type by the `register_schema_query` hook."""

    me = graphene.Field(User, description="The signed-in customer; null without a token.")
    consent = graphene.Field(
        Consent,
        consent_id=graphene.ID(description="The consent id this browser keeps."),
        description=(
            "The latest consent of the signed-in customer or of this consent id; "
            "null if none was given yet."
        ),
    )
    account_data_export = graphene.Field(
        graphene.JSONString,
        description=(
            "Everything the shop holds about the signed-in customer, as one JSON "
            "document to download (GDPR access and portability)."
        ),
    )

    @staticmethod
    def resolve_me(root, info) -> AbstractUser | None:
        return current_customer(info)

    @staticmethod
    def resolve_consent(root, info, consent_id: str | None = None) -> ConsentRecord | None:
        try:
            visitor_id = parse_consent_id(consent_id)
        except PayloadError as error:
            raise GraphQLError(error.message) from error
        return consent.current_consent(
            user=current_customer(info), visitor_id=visitor_id, museum=museum_for_field(info)
        )

    @staticmethod
    def resolve_account_data_export(root, info) -> dict:
        return services.export_customer_data(signed_in_customer(info))
