"""Server-side cache of public GraphQL answers.

Public content changes when an editor publishes, when the clock passes a `go_live_at` or
`expire_at`, and when background work finishes (tiles). So an answer is cached

- under the content version (museum_site.models.ContentVersion): a row in the database
  that every content change bumps after commit, read once per request, so a change made
  in any process (another web worker, the cron, the task worker) is seen by every
  process at once, whether the cache is shared (Redis) or per process;
- for no longer than until the next moment a live row appears or disappears by the clock
  (museum_site.visibility.next_change; itself cached under the version until then), so
  no answer outlives the earliest such moment of the content it contains.
"""

from __future__ import annotations

import datetime
import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from museum_site import visibility
from museum_site.models import ContentVersion

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
    "museums",
    "museum",
}
# Arguments that make an answer private to whoever holds them.
PRIVATE_ARGUMENTS = {"token", "previewToken"}


def content_version() -> int:
    """The version cached answers are keyed by: one query, shared by every process."""
    return ContentVersion.current()


def _bump() -> None:
    ContentVersion.bump()


def bump_content_version() -> None:
    """Make every cached answer stale once the current transaction commits (at once
    outside a transaction): one UPDATE of one row, so concurrent bumps never lose one."""
    transaction.on_commit(_bump)


def cache_key(
    host: str, query: str, variables: dict | None, operation_name: str | None, version: int
) -> str:
    payload = json.dumps([host, query, variables or {}, operation_name or ""], sort_keys=True)
    digest = hashlib.sha256(payload.encode()).hexdigest()
    return f"vitrine:graphql:{version}:{digest}"


def timeout() -> int:
    return settings.VITRINE_GRAPHQL["RESPONSE_CACHE_SECONDS"]


def next_change(version: int) -> datetime.datetime | None:
    """`visibility.next_change()`, cached under `version` until that moment: a new moment
    can only come with a content change, which bumps the version."""
    key = f"vitrine:graphql:{version}:next-change"
    cached = cache.get(key)
    if cached is not None:
        return cached[0]
    now = timezone.now()
    moment = visibility.next_change(now)
    lifetime = None if moment is None else max(1, int((moment - now).total_seconds()))
    cache.set(key, (moment,), lifetime)
    return moment


def seconds_to_keep(version: int) -> int:
    """How long an answer made now may be kept: the configured time, cut at the next
    moment content appears or disappears by the clock (0: do not keep it)."""
    seconds = timeout()
    moment = next_change(version)
    if moment is not None:
        seconds = min(seconds, int((moment - timezone.now()).total_seconds()))
    return max(0, seconds)
