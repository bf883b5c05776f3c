"""The last guard: no field answers a page or a publishable snippet that is not visible now.

Our own resolvers filter with museum_site.visibility where they query, so that counts and
pages of results are right. grapple's fields (`page`, `pages`, `pages(searchQuery)`,
`children`, `descendants`, `siblings`, `ancestors`, `parent`, `site { pages }`,
`redirects { page }` ...) check `live` and view restrictions but not the clock; this
middleware applies the same rule (`is_visible_now`) to whatever any field resolved: a
hidden row becomes null, and drops out of a list. Reading the row's own columns costs no
query.

A preview (a root field given a preview token) answers the draft it was asked for: that is
what the token is for; what the draft refers to is still filtered.
"""

from __future__ import annotations

from django.db.models import QuerySet
from modelsearch.backends.base import BaseSearchResults
from wagtail.models import DraftStateMixin

from museum_site.visibility import is_visible_now

PREVIEW_ARGUMENTS = ("preview_token", "token")


def _hide(result: object) -> object:
    if isinstance(result, DraftStateMixin):
        return result if is_visible_now(result) else None
    if isinstance(result, QuerySet):
        if not issubclass(result.model, DraftStateMixin):
            return result
        return [item for item in result if is_visible_now(item)]
    if isinstance(result, BaseSearchResults):
        result = list(result)
    if isinstance(result, list | tuple) and any(
        isinstance(item, DraftStateMixin) for item in result
    ):
        return [
            item for item in result if not isinstance(item, DraftStateMixin) or is_visible_now(item)
        ]
    return result


class HiddenContentMiddleware:
    """Graphene middleware around every resolver (see the module docstring)."""

    def resolve(self, next_, root, info, **args):
        result = next_(root, info, **args)
        if info.path.prev is None and any(args.get(name) for name in PREVIEW_ARGUMENTS):
            return result
        return _hide(result)
