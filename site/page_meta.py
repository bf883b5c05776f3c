"""What a public URL is, for its `<head>` and its HTTP status.

The renderer asks the API `pageMeta(path)` for every URL it draws: whether the path
exists (404 otherwise), the language of its text, its title and description as editors
set them for search engines, its canonical URL and translations (hreflang), the share
image (the SHARE preset, 1200x630) and the structured data (JSON-LD) for its type. The
sitemap (museum_site.sitemap) lists the same pages with the same URLs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.html import strip_tags

from museum_site import public_paths
from museum_site.image_presets import ImageFormat, ImagePreset
from museum_site.models import CollectionObject, ExhibitionPage, HomePage, MuseumImage, StoryPage
from museum_site.models.legal import LegalPage, PrivacyPolicyPage
from museum_site.museum import Museum, current_museum
from museum_site.museums.current import museum_for_request
from museum_site.museums.models import Museum as MuseumRow
from museum_site.museums.scoping import pages_of
from museum_site.original_language import in_language_or_original
from museum_site.visibility import public_objects, public_pages

OG_LOCALES = {"nl": "nl_BE", "en": "en_GB", "fr": "fr_BE"}


@dataclass
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass
class Alternate:
    hreflang: str
    href: str


@dataclass
class PageMeta:
    status: int
    lang: str
    title: str | None
    full_title: str | None
    description: str
    canonical: str
    noindex: bool
    og_type: str
    og_locale: str
    site_name: str
    alternates: list[Alternate] = field(default_factory=list)
    image: ShareImage | None = None
    json_ld: list[str] = field(default_factory=list)


@dataclass
class Content:
    """A page, product, object or tour found at a path, described for search and sharing."""

    obj: Any
    kind: str  # home, story, exhibition, object, tour, product, legal, privacy
    language: str
    title: str
    description: str
    paths: dict[str, str]  # language → path of each public translation
    image: MuseumImage | None
    image_alt: str


def _text(value: str | None, limit: int = 300) -> str:
    return " ".join(strip_tags(value or "").split())[:limit]


def _page_paths(page, area: str) -> dict[str, str]:
    translations = public_pages(page.get_translations(inclusive=True).specific()).select_related(
        "locale"
    )
    paths = {}
    for translation in translations:
        language = translation.locale.language_code
        if language in public_paths.LANGUAGES:
            # The home page is the language root; the privacy policy is its area's page.
            at_root = (area == "home" and translation.depth <= 3) or area == "privacy"
            rest = () if at_root else (translation.slug,)
            paths[language] = public_paths.path_for(language, area, *rest)
    return paths


def _first_image(rows) -> tuple[MuseumImage | None, str]:
    row = rows.select_related("image").order_by("sort_order").first()
    if row is None:
        return None, ""
    return row.image, row.alt_text or row.image.default_alt_text


def _share_or(obj, image: MuseumImage | None, alt: str) -> tuple[MuseumImage | None, str]:
    share = getattr(obj, "share_image", None)
    if share is not None:
        return share, getattr(obj, "share_image_alt", "") or share.default_alt_text
    return image, alt


def _page_content(page, kind: str, area: str) -> Content:
    language = page.locale.language_code
    hero = getattr(page, "hero_image", None)
    alt = getattr(page, "hero_image_alt", "") or (hero.default_alt_text if hero else "")
    image, image_alt = hero, alt
    if kind == "product":
        image, image_alt = _first_image(page.images)
    elif kind == "tour":
        scene = page.scenes.select_related("panorama").order_by("sort_order").first()
        image = scene.panorama if scene else None
        image_alt = scene.title if scene else ""
    elif kind == "home" and getattr(page, "featured_exhibition", None):
        featured = page.featured_exhibition.specific
        image = getattr(featured, "hero_image", None)
        image_alt = getattr(featured, "hero_image_alt", "") or page.title
    image, image_alt = _share_or(page, image, image_alt)
    return Content(
        obj=page,
        kind=kind,
        language=language,
        title=page.seo_title or page.title,
        description=_text(page.search_description or getattr(page, "intro", "")),
        paths=_page_paths(page, area),
        image=image,
        image_alt=image_alt,
    )


def _object_content(obj: CollectionObject) -> Content:
    translations = public_objects(
        CollectionObject.objects.filter(translation_key=obj.translation_key)
    ).select_related("locale")
    paths = {
        t.locale.language_code: public_paths.path_for(
            t.locale.language_code, "collection", t.inventory_number
        )
        for t in translations
    }
    image, alt = _share_or(obj, *_first_image(obj.images))
    return Content(
        obj=obj,
        kind="object",
        language=obj.locale.language_code,
        title=getattr(obj, "seo_title", "") or obj.title,
        description=_text(getattr(obj, "search_description", "") or obj.description),
        paths=paths,
        image=image,
        image_alt=alt,
    )


def _page_model(kind: str):
    if kind == "product":
        from shop.models import ProductPage

        return ProductPage
    if kind == "tour":
        from tours.models import TourPage

        return TourPage
    return {"story": StoryPage, "exhibition": ExhibitionPage}[kind]


DETAIL_AREAS = {
    "stories": "story",
    "exhibitions": "exhibition",
    "shop": "product",
    "tours": "tour",
}
# Areas whose index is their only page, and the sub-pages other areas have.
SUB_PAGES = {
    "privacy": {"request"},
    "newsletter": {"confirm", "unsubscribe"},
    "groups": {"booking"},  # a group booking by its token
}


def _one(queryset, language: str, public=public_pages):
    """The row of `queryset` in `language`, else its untranslated original (see
    museum_site.original_language)."""
    return in_language_or_original(
        public(queryset),
        language,
        public=public,
        load=lambda rows: rows.select_related("locale"),
    )


def find(
    path: str, museum: MuseumRow | None = None
) -> tuple[public_paths.PublicPath | None, Content | None, bool]:
    """(parsed path, the content at it, whether the path exists at all), within
    `museum`'s pages and objects (the default museum's when None)."""
    museum = museum or MuseumRow.objects.default()
    parsed = public_paths.parse(path)
    if parsed is None:
        return None, None, False
    language, area, rest = parsed.language, parsed.area, parsed.rest

    def pages(model):
        return pages_of(museum, model.objects.all())

    if area == "home":
        if not rest:
            home = _one(pages(HomePage), language)
            return parsed, _page_content(home, "home", "home") if home else None, home is not None
        if len(rest) == 1:
            legal = _one(pages(LegalPage).filter(slug=rest[0]), language)
            if legal is not None:
                return parsed, _page_content(legal, "legal", "home"), True
        return parsed, None, False
    if not rest:
        if area == "privacy":
            policy = _one(pages(PrivacyPolicyPage), language)
            if policy is not None:
                return parsed, _page_content(policy, "privacy", "privacy"), True
        return parsed, None, True
    if area == "account":
        return parsed, None, True
    if area in SUB_PAGES:
        return parsed, None, len(rest) == 1 and rest[0] in SUB_PAGES[area]
    if len(rest) != 1:
        return parsed, None, False
    if area == "collection":
        # Its own objects, and other museums' shareable ones, as the API answers them.
        shown = CollectionObject.objects.filter(
            Q(museum=museum) | Q(shareable=True), inventory_number=rest[0]
        )
        obj = _one(shown, language, public_objects)
        return parsed, _object_content(obj) if obj else None, obj is not None
    kind = DETAIL_AREAS.get(area)
    if kind is None:
        return parsed, None, False
    page = _one(pages(_page_model(kind)).filter(slug=rest[0]), language)
    return parsed, _page_content(page, kind, area) if page else None, page is not None


def _index_model(area: str):
    """The page model of an area's index, whose intro describes the list."""
    from museum_site.models import ExhibitionIndexPage, StoryIndexPage

    if area == "shop":
        from shop.models import ProductIndexPage

        return ProductIndexPage
    if area == "tours":
        from tours.models import TourIndexPage

        return TourIndexPage
    return {"stories": StoryIndexPage, "exhibitions": ExhibitionIndexPage}.get(area)


def list_description(area: str, language: str) -> str:
    """A list's description: its index page's search description or intro, else the
    home page's (every indexed URL needs one)."""
    for model in (_index_model(area), HomePage):
        if model is None:
            continue
        page = public_pages(model.objects.filter(locale__language_code=language)).first()
        if page is not None:
            found = _text(page.search_description or getattr(page, "intro", ""))
            if found:
                return found
    return ""


def share_image(image: MuseumImage | None, alt: str, museum: Museum) -> ShareImage | None:
    if image is None:
        return None
    from museum_site.graphql.images import make_rendition

    made = make_rendition(image, ImagePreset.SHARE, ImageFormat.JPEG, alt)
    return ShareImage(_absolute(made.url, museum), made.width, made.height, alt)


def _absolute(url: str, museum: Museum) -> str:
    return museum.root_url + url if url.startswith("/") else url


def _alternates(paths: dict[str, str], museum: Museum) -> list[Alternate]:
    found = [
        Alternate(lang, museum.root_url + paths[lang])
        for lang in public_paths.LANGUAGES
        if lang in paths
    ]
    default = paths.get(public_paths.DEFAULT_LANGUAGE) or next(iter(paths.values()), None)
    if default:
        found.append(Alternate("x-default", museum.root_url + default))
    return found


def describe(path: str, request=None) -> PageMeta:
    """The head and status of `path` (a path of the public site, without query string)."""
    path = "/" + path.strip("/")
    parsed, content, exists = find(path, museum_for_request(request))
    language = parsed.language if parsed else public_paths.DEFAULT_LANGUAGE
    museum = current_museum(language, request)
    base = dict(
        lang=language,
        site_name=museum.name,
        og_locale=OG_LOCALES[language],
        og_type="website",
    )
    if not exists:
        return PageMeta(
            status=404,
            title=None,
            full_title=None,
            description="",
            canonical="",
            noindex=True,
            **base,
        )
    if content is None:
        assert parsed is not None
        paths = {
            lang: public_paths.path_for(lang, parsed.area, *parsed.rest)
            for lang in public_paths.LANGUAGES
        }
        # A sub-page (a data request, a newsletter confirmation, a group booking) opens
        # one visitor's own link: never indexed.
        noindex = parsed.area in public_paths.NOINDEX_AREAS or bool(parsed.rest)
        return PageMeta(
            status=200,
            title=None,
            full_title=None,
            description="" if noindex else list_description(parsed.area, language),
            canonical=museum.root_url + path,
            noindex=noindex,
            alternates=_alternates(paths, museum),
            json_ld=[_json(breadcrumbs(parsed, None, museum))],
            **base,
        )
    image = share_image(content.image, content.image_alt, museum)
    from museum_site import structured_data

    full_title = museum.name if content.kind == "home" else f"{content.title} — {museum.name}"
    # A URL showing the original while its translation is a draft says so: its text's
    # language, and the original's URL as canonical (content.paths has no entry for a
    # language without a live translation, so it is in no sitemap either).
    base["lang"] = content.language
    base["og_locale"] = OG_LOCALES.get(content.language, base["og_locale"])
    canonical = museum.root_url + content.paths.get(content.language, path)
    base["og_type"] = (
        "article"
        if content.kind == "story"
        else ("product" if content.kind == "product" else "website")
    )
    return PageMeta(
        status=200,
        title=content.title,
        full_title=full_title,
        description=content.description,
        canonical=canonical,
        noindex=False,
        alternates=_alternates(content.paths, museum),
        image=image,
        json_ld=[
            _json(data)
            for data in (
                structured_data.for_content(content, canonical, image, museum),
                breadcrumbs(parsed, content, museum),
            )
            if data
        ],
        **base,
    )


def breadcrumbs(parsed, content: Content | None, museum: Museum) -> dict:
    from museum_site import structured_data

    return structured_data.breadcrumbs(parsed, content, museum)


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
