"""GraphQL of the data requests made through an e-mailed link (shop.accounts.data_requests):
`dataRequestCreate` mails the link, `dataExport` and `dataErasureConfirm` take its token.

All three are mutations, even the export: its answer is personal data for whoever holds
the token, so no GET, no shared response cache, and errors in the payload like the rest.
"""

from __future__ import annotations

import graphene

from museum_site.museums.current import museum_for_field
from shop.accounts import data_requests, rate_limits
from shop.accounts.error_codes import DataRequestErrorCode
from shop.accounts.graphql.mutations import PayloadMutation, enum_value
from shop.graphql.errors import error_type

DataRequestError = error_type("DataRequestError", DataRequestErrorCode)
DataRequestKind = graphene.Enum.from_enum(
    data_requests.Kind, name="DataRequestKind", description="What the e-mailed link is for."
)


class DataRequestMutation(PayloadMutation):
    error_type = DataRequestError
    errors = graphene.List(graphene.NonNull(DataRequestError), required=True)

    class Meta:
        abstract = True


class DataRequestCreate(DataRequestMutation):
    """E-mail a link to download or erase everything held under an e-mail address.

    Answers the same whether or not anything is held (no mail then), so it reveals
    nobody; only the owner of the mailbox can use the link. Limited per address and
    per client (RATE_LIMITED), counted alike for known and unknown addresses."""

    class Arguments:
        email = graphene.String(required=True)
        kind = DataRequestKind(required=True)
        language_code = graphene.String(
            description="Language of the e-mail and of the page the link opens."
        )

    @classmethod
    def perform(cls, info, email: str, kind, language_code: str | None = None) -> DataRequestCreate:
        with rate_limits.mail_allowed(info.context, email, DataRequestErrorCode.RATE_LIMITED):
            data_requests.request_data(
                email,
                data_requests.Kind(enum_value(kind)),
                language_code,
                museum_for_field(info),
            )
        return cls(errors=[])


class DataExport(DataRequestMutation):
    """Everything held under the address of an export link, as one JSON document."""

    data = graphene.JSONString(description="The same document as accountDataExport.")

    class Arguments:
        token = graphene.String(required=True)

    @classmethod
    def perform(cls, info, token: str) -> DataExport:
        return cls(data=data_requests.export_data(token), errors=[])


class ErasureRecord(graphene.ObjectType):
    """What an erasure covered; names no one."""

    erased_at = graphene.DateTime(required=True)
    had_account = graphene.Boolean(required=True)
    orders = graphene.Int(required=True, description="Orders anonymised (numbers kept).")
    checkouts = graphene.Int(required=True, description="Open checkouts deleted.")


class DataErasureConfirm(DataRequestMutation):
    """Erase everything held under the address of an erasure link; the link works once."""

    erasure = graphene.Field(ErasureRecord)

    class Arguments:
        token = graphene.String(required=True)

    @classmethod
    def perform(cls, info, token: str) -> DataErasureConfirm:
        return cls(erasure=data_requests.erase_data(token), errors=[])


class DataRequestMutations:
    """Mixed into the root Mutation type by the `register_schema_mutation` hook."""

    data_request_create = DataRequestCreate.Field(
        description="E-mail a link to export or erase the data held about an address."
    )
    data_export = DataExport.Field(description="The data held about a link's address.")
    data_erasure_confirm = DataErasureConfirm.Field(
        description="Erase the data held about a link's address."
    )
