"""Server-side cache of public GraphQL answers.

Public content changes only when an editor publishes, so answers are cached under a
content version that every content save or delete bumps after commit; the time limit
only bounds how long a page that expires by the clock may linger.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "vitrine:graphql:content-version"

# Root fields whose answers are the same for every visitor. Apps extend this set for
# their own public fields; anything else (carts, accounts) is never cached.
PUBLIC_ROOT_FIELDS: set[str] = {
    "__typename",
    "stories",
    "story",
    "exhibitions",
    "exhibition",
    "collectionObjects",
    "collectionObject",
    "terms",
    "pages",
    "page",
    "images",
    "image",
    "documents",
    "document",
    "snippets",
    "redirects",
    "setting",
    "settings",
    "site",
    "sites",
    "tag",
    "tags",
    "collections",
}
# Arguments that make an answer private to whoever holds them.
PRIVATE_ARGUMENTS = {"token", "previewToken"}


def content_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def bump_content_version() -> None:
    def bump() -> None:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            cache.set(VERSION_KEY, 2, timeout=None)

    transaction.on_commit(bump)


def cache_key(host: str, query: str, variables: dict | None, operation_name: str | None) -> str:
    payload = json.dumps([host, query, variables or {}, operation_name or ""], sort_keys=True)
    digest = hashlib.sha256(payload.encode()).hexdigest()
    return f"vitrine:graphql:{content_version()}:{digest}"


def timeout() -> int:
    return settings.VITRINE_GRAPHQL["RESPONSE_CACHE_SECONDS"]
