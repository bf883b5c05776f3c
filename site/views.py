"""The pages Django serves to visitors: the frontend's, rendered on the server.

The site is a React app (frontend/, built into frontend/dist). Its hashed assets are
served by WhiteNoise from `WHITENOISE_ROOT` with a year-long cache; every other path
that is not the API, the admin or a file (`/nl/verhalen/…`) is rendered to HTML by the
page renderer (museum_site.page_renderer) with its real status, and hydrated in the
browser. `/` sends the visitor to their language. `/preview` is the plain app shell:
Wagtail's preview pane frames it (drafts are never rendered on the server or cached),
which is why these views may be framed by the same origin.

Pages are sent gzipped: a rendered page (its HTML, inline CSS and the data it was drawn
from) is 50-70 KB, four times what it weighs compressed, and on a phone's connection
every kilobyte of it comes before the first paint. They hold no secret (one cached copy
serves every visitor), so compressing them opens no BREACH-style leak.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.html import escape
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from museum_site import page_renderer, public_paths

NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Frontend not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>The frontend has not been built yet</h1>
<p>Django serves the built site from <code>{dist}</code>, which has no
<code>index.html</code>. Build it with:</p>
<pre>make frontend      # or: cd frontend &amp;&amp; npm ci &amp;&amp; npm run build</pre>
<p>Meanwhile the <a href="/admin/">Wagtail admin</a> and the
<a href="/graphql/">GraphQL API</a> work.</p>
</body></html>
"""


def index_html() -> Path:
    return Path(settings.FRONTEND_DIST) / "index.html"


def preferred_language(request: HttpRequest) -> str:
    """The first of the visitor's Accept-Language that we have, else the default."""
    for part in request.headers.get("Accept-Language", "").split(","):
        language = part.split(";")[0].strip().lower().split("-")[0]
        if language in public_paths.LANGUAGES:
            return language
    return public_paths.DEFAULT_LANGUAGE


@require_safe
def language_root(request: HttpRequest) -> HttpResponse:
    """`/` → `/<the visitor's language>` (302: it depends on who asks)."""
    response = HttpResponseRedirect(f"/{preferred_language(request)}")
    patch_vary_headers(response, ["Accept-Language"])
    response["Cache-Control"] = "private, no-cache"
    return response


@require_safe
@xframe_options_sameorigin
@gzip_page
def frontend_page(request: HttpRequest, path: str = "") -> HttpResponse:
    """A public page as the renderer drew it, with its status; the app shell without one."""
    rendered = page_renderer.render(request)
    if rendered is None:
        response = frontend_app(request)
        if public_paths.parse(request.path) is None:
            response.status_code = 404
        return response
    if rendered.location:
        return HttpResponse(status=rendered.status, headers={"Location": rendered.location})
    status = rendered.status
    if status == 200 and public_paths.parse(request.path) is None:
        status = 404  # outside the languages: the app's 404 page
    response = HttpResponse(rendered.body, status=status, content_type="text/html; charset=utf-8")
    if rendered.content_language:
        response["Content-Language"] = rendered.content_language
    # Cached by Django under the content version; browsers and proxies revalidate.
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
@xframe_options_sameorigin
@gzip_page
def frontend_app(request: HttpRequest, path: str = "") -> HttpResponse:
    """`index.html` of the built frontend; never cached, since it names the current assets."""
    try:
        content = index_html().read_bytes()
    except FileNotFoundError:
        response = HttpResponse(
            NOT_BUILT.format(dist=escape(str(settings.FRONTEND_DIST))), status=503
        )
    else:
        response = HttpResponse(content, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
