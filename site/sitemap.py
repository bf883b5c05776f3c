"""`/sitemap.xml` and `/robots.txt`: every public page, product, object and tour.

The index names one sitemap per language (`/sitemap-nl.xml`, …); each lists the
public URLs in that language with `lastmod`, their translations as `xhtml:link`
alternates and their share image as `image:image`. The URLs and images are the ones
the page heads carry (museum_site.page_meta), so a crawler sees one story.
Cached under the content version, like the pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.sax.saxutils import escape

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from museum_site import page_meta, public_paths
from museum_site.models import CollectionObject, ContentVersion, ExhibitionPage, HomePage, StoryPage
from museum_site.models.legal import LegalPage, PrivacyPolicyPage
from museum_site.museum import Museum, current_museum
from museum_site.museums.current import museum_for_request
from museum_site.museums.models import Museum as MuseumRow
from museum_site.museums.scoping import pages_of
from museum_site.visibility import public_objects, public_pages

INDEXED_AREAS = ("stories", "exhibitions", "collection", "tours", "shop", "groups", "tickets")
CACHE_KEY = "vitrine:sitemap:{version}:{museum}:{name}"
ROBOTS = """User-agent: *
Disallow: /preview
Disallow: /admin/
Disallow: /graphql/

Sitemap: {root}/sitemap.xml
"""


def _detail_pages(language: str, museum: MuseumRow):
    from shop.models import ProductPage
    from tours.models import TourPage

    for model, kind, area in (
        (HomePage, "home", "home"),
        (StoryPage, "story", "stories"),
        (ExhibitionPage, "exhibition", "exhibitions"),
        (ProductPage, "product", "shop"),
        (TourPage, "tour", "tours"),
        (LegalPage, "legal", "home"),
        (PrivacyPolicyPage, "privacy", "privacy"),
    ):
        pages = public_pages(pages_of(museum, model.objects.filter(locale__language_code=language)))
        for page in pages.select_related("locale").order_by("pk"):
            yield page_meta._page_content(page, kind, area)


def entries(language: str, museum: Museum, row: MuseumRow) -> Iterator[dict]:
    """The sitemap's URLs in `language` of the museum `row` (`museum` is its name and
    origin in that language): (loc, lastmod, alternates, image). Its own pages and
    objects only: another museum's shareable object has its canonical URL there."""
    for area in INDEXED_AREAS:
        paths = {lang: public_paths.path_for(lang, area) for lang in public_paths.LANGUAGES}
        yield {"loc": paths[language], "lastmod": None, "paths": paths, "image": None}
    contents = list(_detail_pages(language, row))
    objects = public_objects(
        CollectionObject.objects.filter(locale__language_code=language, museum=row)
    )
    contents += [page_meta._object_content(obj) for obj in objects.select_related("locale")]
    for content in contents:
        obj = content.obj
        changed = getattr(obj, "last_published_at", None) or getattr(
            obj, "latest_revision_created_at", None
        )
        image = page_meta.share_image(content.image, content.image_alt, museum)
        yield {
            "loc": content.paths.get(language),
            "lastmod": changed.date().isoformat() if changed else None,
            "paths": content.paths,
            "image": image,
        }


def _urlset(language: str, request: HttpRequest) -> str:
    museum = current_museum(language, request)
    root = museum.root_url
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">',
    ]
    for entry in entries(language, museum, museum_for_request(request)):
        if not entry["loc"]:
            continue
        lines.append(f"<url><loc>{escape(root + entry['loc'])}</loc>")
        if entry["lastmod"]:
            lines.append(f"<lastmod>{entry['lastmod']}</lastmod>")
        for alternate in page_meta._alternates(entry["paths"], museum):
            lines.append(
                f'<xhtml:link rel="alternate" hreflang="{alternate.hreflang}" '
                f'href="{escape(alternate.href)}"/>'
            )
        if entry["image"]:
            lines.append(
                f"<image:image><image:loc>{escape(entry['image'].url)}</image:loc></image:image>"
            )
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines)


def _index(request: HttpRequest) -> str:
    root = current_museum(public_paths.DEFAULT_LANGUAGE, request).root_url
    items = "".join(
        f"<sitemap><loc>{escape(root)}/sitemap-{language}.xml</loc></sitemap>"
        for language in public_paths.LANGUAGES
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'
    )


def _cached(request: HttpRequest, name: str, build) -> HttpResponse:
    """Cached per museum (each has its own sitemap on its own host) and content version."""
    museum = museum_for_request(request)
    key = CACHE_KEY.format(version=ContentVersion.current(), museum=museum.pk, name=name)
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, 24 * 60 * 60)
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    return _cached(request, "index", lambda: _index(request))


@require_safe
def sitemap_for_language(request: HttpRequest, language: str) -> HttpResponse:
    if language not in public_paths.LANGUAGES:
        raise Http404
    return _cached(request, language, lambda: _urlset(language, request))


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    # Cart, account, search…: open to crawlers, which read their `noindex`.
    root = current_museum(public_paths.DEFAULT_LANGUAGE, request).root_url
    return HttpResponse(ROBOTS.format(root=root), content_type="text/plain")
