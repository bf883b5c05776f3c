"""Django in front of the page renderer (frontend/server/renderer.mjs).

Every public page is rendered to HTML by a Node process running the same React app as
the browser; Django asks it over loopback HTTP and passes the answer on, status
included (404 for a path with nothing at it, which also lets Wagtail's redirect
middleware answer 301/302 for a redirected path). Django stays in front because it
owns everything else on the origin (API, admin, media, sitemap, robots.txt) and knows
the content version: rendered pages are cached under it, so a publish (which bumps the
version) shows at once and an unchanged site is served without Node.

Without a renderer (`PAGE_RENDERER_URL` empty, or the renderer down) visitors get the
single-page app's shell, which renders in the browser: slower and invisible to
crawlers, but the site works.
"""

from __future__ import annotations

import hashlib
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from museum_site.models import ContentVersion
from museum_site.museums.current import HEADER, museum_for_request

log = logging.getLogger(__name__)

CACHE_KEY = "vitrine:page:{version}:{build}:{museum}:{digest}"
CACHE_SECONDS = 24 * 60 * 60
TIMEOUT_SECONDS = 20
CACHED_STATUSES = frozenset({200, 404})


@dataclass(frozen=True)
class Rendered:
    status: int
    body: bytes
    content_language: str
    location: str = ""


def renderer_url() -> str:
    return getattr(settings, "PAGE_RENDERER_URL", "").rstrip("/")


def render(request: HttpRequest) -> Rendered | None:
    """The page at the request's path and query, from the cache or the renderer; None
    when there is no renderer to ask."""
    base = renderer_url()
    if not base:
        return None
    target = request.get_full_path()
    # One install serves several museums, each on its own host: the same path is a
    # different page on each, so the renderer is told the museum and the cache keys it.
    museum = museum_for_request(request).slug
    version = ContentVersion.current()
    digest = hashlib.sha256(target.encode()).hexdigest()
    key = CACHE_KEY.format(version=version, build=_build_id(), museum=museum, digest=digest)
    found = cache.get(key)
    if found is not None:
        return found
    rendered = _ask(base + target, museum)
    if rendered is not None and rendered.status in CACHED_STATUSES:
        cache.set(key, rendered, CACHE_SECONDS)
    return rendered


def _build_id() -> int:
    """The frontend build the pages name (their scripts' hashed file names): a new build
    must not be served pages that name files it replaced."""
    try:
        return (Path(settings.FRONTEND_DIST) / "index.html").stat().st_mtime_ns
    except OSError:
        return 0


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _ask(url: str, museum: str) -> Rendered | None:
    try:
        asked = urllib.request.Request(url, headers={HEADER: museum})
        with _opener.open(asked, timeout=TIMEOUT_SECONDS) as response:
            return _rendered(response.status, response.headers, response.read())
    except urllib.error.HTTPError as answer:
        if answer.code >= 500:
            log.error("The page renderer failed on %s (%s)", url, answer.code)
            return None
        return _rendered(answer.code, answer.headers, answer.read())
    except OSError as error:
        log.error("The page renderer did not answer %s: %s", url, error)
        return None


def _rendered(status: int, headers, body: bytes) -> Rendered:
    return Rendered(
        status=status,
        body=body,
        content_language=headers.get("Content-Language", ""),
        location=headers.get("Location", ""),
    )
