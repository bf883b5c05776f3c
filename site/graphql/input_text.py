"""One check on every string a client sends as a GraphQL argument: no control characters.

A NUL byte cannot be stored by PostgreSQL (psycopg refuses the query, and its message
would be the answer), a lone surrogate cannot be encoded to UTF-8 at all, and the other
C0/C1 control characters have no business in a promo code, a SKU, an address or a
search. Rather than have every service guard against them, this graphene middleware
looks at the arguments of each field before its resolver runs:

- a mutation answers its payload with one error, code INVALID, `field` the argument or
  input field at fault (every mutation's payload has `errors { field code message }`);
- a query answers a GraphQL error with `extensions.code: BAD_ARGUMENT`.

Tab, line feed and carriage return are text and pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from graphene.utils.str_converters import to_camel_case
from graphql import GraphQLError, GraphQLResolveInfo, OperationType, get_named_type

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
MESSAGE = "Text may not contain control characters (such as NUL) or unpaired surrogates."
CODE = "BAD_ARGUMENT"
PAYLOAD_CODE = "INVALID"


def _bad_strings(value: Any, name: str) -> Iterator[str]:
    """The names of the arguments or input fields, camelCase, whose text is refused."""
    if isinstance(value, str):
        if CONTROL.search(value):
            yield to_camel_case(name)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _bad_strings(item, str(key))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _bad_strings(item, name)


def first_refused(arguments: Mapping[str, Any]) -> str | None:
    """The first argument (or input field) holding refused text, or None."""
    for name, value in arguments.items():
        for field in _bad_strings(value, name):
            return field
    return None


def _payload_with_error(info: GraphQLResolveInfo, field: str) -> Any:
    """The mutation's payload with one INVALID error; None if its type has no `errors`."""
    payload_type = get_named_type(info.return_type)
    errors_field = getattr(payload_type, "fields", {}).get("errors")
    graphene_payload = getattr(payload_type, "graphene_type", None)
    if errors_field is None or graphene_payload is None:
        return None
    error_type = get_named_type(errors_field.type)
    code_type = get_named_type(error_type.fields["code"].type)
    code = code_type.values.get(PAYLOAD_CODE)
    if code is None:
        return None
    error = error_type.graphene_type(field=field, code=code.value, message=MESSAGE)
    return graphene_payload(errors=[error])


class InputTextMiddleware:
    """Graphene middleware: refuse control characters in any field's arguments (nested
    fields such as grapple's `descendants(searchQuery:)` reach the database too)."""

    def resolve(self, next_, root, info: GraphQLResolveInfo, **args):
        if args:
            field = first_refused(args)
            if field is not None:
                if info.path.prev is None and info.operation.operation == OperationType.MUTATION:
                    payload = _payload_with_error(info, field)
                    if payload is not None:
                        return payload
                raise GraphQLError(MESSAGE, extensions={"code": CODE, "field": field})
        return next_(root, info, **args)
