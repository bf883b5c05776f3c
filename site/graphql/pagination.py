"""Lists in the API: one connection shape, a bounded page size, whitelisted orderings.

Every list answers `totalCount`, `pageInfo { hasNextPage endCursor }` and `nodes`, and
pages forward with `first` and `after` (an opaque cursor), so a frontend can show
"page 2 of 7" and "load more" with the same list.
"""

from __future__ import annotations

import base64
from functools import cache
from typing import Any

import graphene
from django.conf import settings
from django.db.models import QuerySet
from graphql import GraphQLError

DEFAULT_PAGE_SIZE = 20
# No list is this long; a cursor past it was not made by us, and a larger offset would
# overflow the database's integer (a 500 instead of an answer).
MAX_OFFSET = 2**31 - 1
INVALID_CURSOR = "Invalid cursor: pass `pageInfo.endCursor` unchanged."


def max_page_size() -> int:
    return settings.VITRINE_GRAPHQL["MAX_PAGE_SIZE"]


class PageInfo(graphene.ObjectType):
    has_next_page = graphene.Boolean(required=True)
    end_cursor = graphene.String(description="Pass as `after` to get the next page.")


@cache
def connection_type(node_type: type[graphene.ObjectType], name: str) -> type[graphene.ObjectType]:
    return type(
        f"{name}Connection",
        (graphene.ObjectType,),
        {
            "total_count": graphene.Int(required=True, description="Items in the whole list."),
            "page_info": graphene.Field(PageInfo, required=True),
            "nodes": graphene.List(graphene.NonNull(node_type), required=True),
        },
    )


def list_arguments() -> dict[str, graphene.Argument]:
    return {
        "first": graphene.Argument(
            graphene.Int,
            default_value=DEFAULT_PAGE_SIZE,
            description="Page size, 1 to 100.",
        ),
        "after": graphene.Argument(
            graphene.String, description="Cursor from `pageInfo.endCursor`."
        ),
    }


def _encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def _bad_argument(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_ARGUMENT"})


def _decode_cursor(cursor: str) -> int:
    try:
        kind, _, value = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        offset = int(value) if value.isascii() and value.isdigit() else -1
    except ValueError as error:  # binascii.Error and Unicode errors are ValueErrors
        raise _bad_argument(INVALID_CURSOR) from error
    if kind != "offset" or not 0 <= offset < MAX_OFFSET:
        raise _bad_argument(INVALID_CURSOR)
    return offset


def paginate(queryset: QuerySet, first: int, after: str | None) -> dict[str, Any]:
    """Slice a queryset into a page; costs one COUNT and one SELECT (plus prefetches)."""
    limit = max_page_size()
    if not 1 <= first <= limit:
        raise _bad_argument(f"`first` must be between 1 and {limit}.")
    offset = _decode_cursor(after) + 1 if after else 0
    total = queryset.count()
    nodes = list(queryset[offset : offset + first])
    end = offset + len(nodes)
    return {
        "total_count": total,
        "nodes": nodes,
        "page_info": {
            "has_next_page": end < total,
            "end_cursor": _encode_cursor(end - 1) if nodes else None,
        },
    }
