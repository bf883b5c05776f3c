"""Errors in mutation payloads, as Saleor shapes them.

Every mutation answers `errors: [XError!]!` with `field`, `code` and `message`; `code`
is an enum per domain (CheckoutErrorCode, AccountErrorCode, ...). Invalid input is an
error in the payload, never an exception, a 500 or a partial write.
"""

from __future__ import annotations

from enum import Enum
from functools import cache

import graphene

# The domain error lives in the domain; this name stays importable for older callers.
from shop.services.errors import PayloadError

__all__ = ["PayloadError", "error_type"]


@cache
def error_type(name: str, codes: type[Enum]) -> type[graphene.ObjectType]:
    """`<name>` GraphQL type with `field`, `message` and `code: <name>Code`."""
    code_enum = graphene.Enum.from_enum(codes, name=f"{name}Code")
    return type(
        name,
        (graphene.ObjectType,),
        {
            "field": graphene.String(
                description="The input field at fault, camelCase; null for the whole input."
            ),
            "message": graphene.String(
                required=True, description="Human-readable, for the visitor."
            ),
            "code": graphene.Field(code_enum, required=True),
            "__doc__": f"An error in the input of a mutation ({name}).",
        },
    )
