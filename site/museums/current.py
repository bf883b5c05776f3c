"""Which museum a request is for: the one place that decides.

In order: a museum named explicitly (the GraphQL `museum` argument of a root field, or the
`X-Museum` header a frontend serving several museums sends) by its slug; else the Wagtail
site the request's host names; else the default museum. GraphQL, views and the frontend
renderer all ask `museum_for_request` (or, in a resolver, `museum_for_field`), so they
agree; the answer is kept on the request (Wagtail's `Site.find_for_request` caches the
site the same way).

Across requests the museum of a host (and of a slug) is kept in the shared cache, so a
request for a known host spends no query on it: a museum and its site, pickled. Every
change to a Museum or Site row (`signals`) starts a new generation of these keys, so an
edited hostname, name or colour is read again at once, in every process.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.http import HttpRequest
from django.http.request import split_domain_port
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


GENERATION_KEY = "vitrine:museums:generation"
CACHE_SECONDS = 24 * 3600


def _generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A new value, never an old one: entries of an evicted generation stay unread.
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return str(generation)


def forget_museums() -> None:
    """Every cached host and slug is read again (a Museum or Site row changed)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _cached(key: str, find) -> Museum | None:
    """The museum under `key` of this generation, found by `find` and kept when absent.
    Kept with its site only (not the root page), so nothing else in it can go stale."""
    full_key = f"vitrine:museum:{_generation()}:{key}"
    museum = cache.get(full_key)
    if museum is None:
        museum = find()
        if museum is not None:
            site = museum.site
            site._state.fields_cache.pop("root_page", None)
            museum._state.fields_cache = {"site": site}
            cache.set(full_key, museum, CACHE_SECONDS)
    return museum


def museum_by_slug(slug: str) -> Museum:
    museum = _cached(
        f"slug:{slug}", lambda: Museum.objects.select_related("site").filter(slug=slug).first()
    )
    if museum is None:
        raise UnknownMuseum(slug)
    return museum


def museum_by_pk(pk: int) -> Museum:
    """The museum of a row's `museum_id`, from the shared cache: building a link for each
    of a page of rows spends no query per row (nor per museum, once cached)."""
    museum = _cached(
        f"pk:{pk}", lambda: Museum.objects.select_related("site").filter(pk=pk).first()
    )
    if museum is None:
        raise Museum.DoesNotExist(pk)
    return museum


def _museum_for_host(request: HttpRequest) -> Museum:
    """The museum of the site Wagtail picks for the host (the default one for an unknown
    host); the site is left on the request as Wagtail's `find_for_request` would."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def find() -> Museum:
        site = Site.find_for_request(request)
        if site is None:
            return Museum.objects.default()
        return Museum.for_site(site)

    museum = _cached(f"host:{hostname}:{port}", find)
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = museum.site
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
        museum = museum_by_slug(named) if named else _museum_for_host(request)
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
