"""The one page Django serves to visitors: the frontend's `index.html`.

The site is a single-page app (frontend/, built into frontend/dist). Its hashed assets
are served by WhiteNoise from `WHITENOISE_ROOT` with a year-long cache; every other
path that is not the API, the admin or a file (`/`, `/nl/verhalen/…`, `/preview`) gets
`index.html`, and the app's router decides what to show, including its own 404 page.
`/preview` is the frontend's too: Wagtail's preview pane frames it, which is why this
view may be framed by the same origin.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.html import escape
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe

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


@require_safe
@xframe_options_sameorigin
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
