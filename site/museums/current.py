"""Which museum a request is for: the one place that decides.

In order: a museum named explicitly (the GraphQL `museum` argument of a root field, or the
`X-Museum` header a frontend serving several museums sends) by its slug; else the Wagtail
site the request's host names; else the default museum. GraphQL, views and the frontend
renderer all ask `museum_for_request` (or, in a resolver, `museum_for_field`), so they
agree; the answer is kept on the request (Wagtail's `Site.find_for_request` caches the
site the same way).
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Site

from .models import Museum

_ATTRIBUTE = "_vitrine_museum"
_EXPLICIT = "_vitrine_museums_by_field"
HEADER = "X-Museum"


class UnknownMuseum(LookupError):
    """A slug that names no public museum: answered as an error, never as the default
    museum (a frontend asking for another museum must not get this one's data)."""

    def __init__(self, slug: str) -> None:
        super().__init__(f"There is no museum {slug!r}.")
        self.slug = slug


def museum_by_slug(slug: str) -> Museum:
    museum = Museum.objects.select_related("site").filter(slug=slug).first()
    if museum is None:
        raise UnknownMuseum(slug)
    return museum


def museum_for_request(request: HttpRequest | None, slug: str | None = None) -> Museum:
    """The museum `slug` names, else the `X-Museum` header's, else the host's site's."""
    if slug:
        return museum_by_slug(slug)
    if request is None:
        return Museum.objects.default()
    museum = getattr(request, _ATTRIBUTE, None)
    if museum is None:
        named = request.headers.get(HEADER, "").strip()
        if named:
            museum = museum_by_slug(named)
        else:
            site = Site.find_for_request(request)
            museum = Museum.for_site(site) if site is not None else Museum.objects.default()
        setattr(request, _ATTRIBUTE, museum)
    return museum


def remember_for_field(request: HttpRequest, field: str, museum: Museum) -> None:
    """The museum a root field's `museum` argument named, for the resolvers under it."""
    named = getattr(request, _EXPLICIT, None)
    if named is None:
        named = {}
        setattr(request, _EXPLICIT, named)
    named[field] = museum


def museum_for_field(info) -> Museum:
    """The museum a GraphQL resolver answers for: its root field's `museum` argument,
    else the request's (header, host)."""
    path = info.path
    while path.prev is not None:
        path = path.prev
    named = getattr(info.context, _EXPLICIT, None) or {}
    return named.get(path.key) or museum_for_request(info.context)
