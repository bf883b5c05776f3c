"""IIIF Presentation 3: a Manifest per published collection object, a Collection per
published exhibition.

A manifest is the object, not one language's copy of it: it is named by the object's
`translation_key`, and its label, summary and metadata are language maps built from every
published copy (nl, en, fr). Canvases come from the images of one copy (the Dutch one when
it is published, else the first published), with each language's alt text as the canvas
label. Each canvas paints the image with its level-1 image service (museum_site.iiif.image_api).

An object is published wherever it is asked for (IIIF is for other institutions' viewers),
but it always names its own museum: `provider` and the credit in `requiredStatement`. An
exhibition's collection lists the manifests of the objects it shows that the visitor may
see: published, and the exhibition's museum's own or shared by their owner (`shareable`).

A manifest's `seeAlso` names the object's latest member in its museum's LDES stream of
objects (museum_site.ldes: the same object as Linked Art) and that stream.

Building a manifest costs a fixed number of queries, whatever the number of languages,
images and terms (tests/iiif pin it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Page

from museum_site import public_paths
from museum_site.ldes.models import Member, StreamKind
from museum_site.models import (
    ChapterObject,
    CollectionObject,
    CollectionObjectImage,
    ExhibitionPage,
    RightsStatement,
    Term,
    public_pages,
)
from museum_site.museums.links import museum_url
from museum_site.museums.models import Museum
from museum_site.visibility import public_objects, visible_now

from . import image_api

PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
CONTENT_TYPE = f'application/ld+json;profile="{PRESENTATION_CONTEXT}"'
LANGUAGES = public_paths.LANGUAGES
# What an LDES member of an object says (museum_site.ldes.description): Linked Art,
# written as explicit CIDOC-CRM triples; the stream serves it as Turtle by default.
LINKED_ART_PROFILE = "https://linked.art/ns/v1/linked-art.json"
LDES_PROFILE = "https://w3id.org/ldes#EventStream"

# Every rights statement of the model has a URI (Creative Commons or RightsStatements.org),
# written with `http://` as both publish them and the IIIF validator expects.
RIGHTS_URIS = {
    RightsStatement.PUBLIC_DOMAIN: "http://creativecommons.org/publicdomain/mark/1.0/",
    RightsStatement.CC0: "http://creativecommons.org/publicdomain/zero/1.0/",
    RightsStatement.CC_BY: "http://creativecommons.org/licenses/by/4.0/",
    RightsStatement.CC_BY_SA: "http://creativecommons.org/licenses/by-sa/4.0/",
    RightsStatement.IN_COPYRIGHT: "http://rightsstatements.org/vocab/InC/1.0/",
    RightsStatement.UNKNOWN: "http://rightsstatements.org/vocab/CNE/1.0/",
}


@dataclass(frozen=True)
class Urls:
    """Absolute URLs of this service (museum_site.iiif.links)."""

    # translation key, its museum (or its id) -> manifest URL
    manifest: Callable[[str, Museum | int], str]
    # image id, the museum of the object showing it -> service base URL (no /info.json)
    image_service: Callable[[int, Museum], str]
    object_stream: Callable[[Museum], str]  # museum -> its LDES stream of objects


def _translated(message: str) -> dict[str, list[str]]:
    """A label of ours (gettext) as a language map in every published language."""
    labels = {}
    for language in LANGUAGES:
        with translation.override(language):
            labels[language] = [_(message)]
    return labels


def _plain(html: str) -> str:
    return " ".join(normalize_newlines(strip_tags(html)).split())


def _language_map(values: dict[str, str]) -> dict[str, list[str]]:
    return {language: [value] for language, value in values.items() if value}


def _term_labels(terms: list[Term]) -> dict[str, list[str]]:
    return {language: [term.label(language) for term in terms] for language in LANGUAGES}


def _image_body(image, service_id: str) -> dict:
    width, height = image_api.fit_within_limits(image.width, image.height)
    return {
        "id": f"{service_id}/full/max/0/default.jpg",
        "type": "Image",
        "format": "image/jpeg",
        "width": width,
        "height": height,
        "service": [_service(service_id)],
    }


def _service(service_id: str) -> dict:
    return {"id": service_id, "type": "ImageService3", "profile": "level1"}


def _thumbnail(image, service_id: str) -> dict:
    width = min(image_api.THUMBNAIL_WIDTH, image.width)
    height = max(1, round(image.height * width / image.width))
    return {
        "id": f"{service_id}/full/{width},/0/default.jpg",
        "type": "Image",
        "format": "image/jpeg",
        "width": width,
        "height": height,
        "service": [_service(service_id)],
    }


def provider(museum: Museum) -> list[dict]:
    """The museum that owns the object, as an Agent with its site as homepage."""
    root = museum_url(museum, "/")
    return [
        {
            "id": root,
            "type": "Agent",
            "label": {"none": [museum.name]},
            "homepage": [
                {
                    "id": root,
                    "type": "Text",
                    "label": {"none": [museum.name]},
                    "format": "text/html",
                }
            ],
        }
    ]


def published_copies(translation_key) -> list[CollectionObject]:
    """The object's published copies, Dutch first, each with its images and terms."""
    copies = list(
        public_objects(CollectionObject.objects.filter(translation_key=translation_key))
        .select_related("locale", "museum__site", "object_type")
        .prefetch_related(
            Prefetch(
                "images",
                queryset=CollectionObjectImage.objects.select_related("image").order_by(
                    "sort_order", "pk"
                ),
            ),
            "makers",
            "materials",
        )
    )
    order = {language: index for index, language in enumerate(LANGUAGES)}
    copies.sort(key=lambda copy: (order.get(copy.locale.language_code, len(order)), copy.pk))
    return copies


def manifest(copies: list[CollectionObject], urls: Urls) -> dict:
    """The Manifest of the object whose published copies are `copies` (not empty)."""
    primary = copies[0]
    by_language = {copy.locale.language_code: copy for copy in copies}
    museum = primary.museum
    manifest_id = urls.manifest(str(primary.translation_key), museum)

    credit = {language: copy.credit_line or museum.name for language, copy in by_language.items()}
    document = {
        "@context": PRESENTATION_CONTEXT,
        "id": manifest_id,
        "type": "Manifest",
        "label": _language_map({lang: copy.title for lang, copy in by_language.items()}),
        "metadata": _metadata(primary, by_language),
        "rights": RIGHTS_URIS.get(primary.rights, RIGHTS_URIS[RightsStatement.UNKNOWN]),
        "requiredStatement": {
            "label": _translated(gettext_noop("Credit line")),
            "value": _language_map(credit),
        },
        "provider": provider(museum),
        "homepage": [
            {
                "id": museum_url(
                    museum, public_paths.path_for(language, "collection", copy.inventory_number)
                ),
                "type": "Text",
                "label": {language: [copy.title]},
                "format": "text/html",
                "language": [language],
            }
            for language, copy in by_language.items()
        ],
        "items": [],
    }
    summary = _language_map({lang: _plain(copy.description) for lang, copy in by_language.items()})
    if summary:
        document["summary"] = summary
    see_also = _see_also(primary, urls)
    if see_also:
        document["seeAlso"] = see_also

    images = list(primary.images.all())
    alts = {
        language: {use.image_id: use.alt for use in copy.images.all()}
        for language, copy in by_language.items()
    }
    for number, use in enumerate(images, start=1):
        service_id = urls.image_service(use.image_id, museum)
        canvas_id = f"{manifest_id.removesuffix('/manifest.json')}/canvas/{number}"
        label = _language_map(
            {language: alts[language].get(use.image_id, "") for language in by_language}
        ) or {"none": [str(number)]}
        document["items"].append(
            {
                "id": canvas_id,
                "type": "Canvas",
                "label": label,
                "width": use.image.width,
                "height": use.image.height,
                "items": [
                    {
                        "id": f"{canvas_id}/page",
                        "type": "AnnotationPage",
                        "items": [
                            {
                                "id": f"{canvas_id}/page/painting",
                                "type": "Annotation",
                                "motivation": "painting",
                                "body": _image_body(use.image, service_id),
                                "target": canvas_id,
                            }
                        ],
                    }
                ],
            }
        )
    if images:
        document["thumbnail"] = [
            _thumbnail(images[0].image, urls.image_service(images[0].image_id, museum))
        ]
    return document


def latest_member(obj: CollectionObject) -> Member | None:
    """The newest version of the object in its museum's LDES stream of objects, unless
    that is a tombstone (or the object was published a moment ago and its member is
    still being written after the commit)."""
    latest = (
        Member.objects.filter(
            museum_id=obj.museum_id, kind=StreamKind.OBJECTS, entity=str(obj.translation_key)
        )
        .order_by("-created", "-pk")
        .only("version_iri", "deleted")
        .first()
    )
    return None if latest is None or latest.deleted else latest


def _see_also(primary: CollectionObject, urls: Urls) -> list[dict]:
    """The object as linked data: its latest LDES member (the version a harvester would
    copy) and the stream it belongs to, each with the format it comes in."""
    member = latest_member(primary)
    if member is None:
        return []
    return [
        {
            "id": member.version_iri,
            "type": "Dataset",
            "label": _translated(gettext_noop("Linked Art description (LDES member)")),
            "format": "text/turtle",
            "profile": LINKED_ART_PROFILE,
        },
        {
            "id": urls.object_stream(primary.museum),
            "type": "Dataset",
            "label": _translated(gettext_noop("Event stream of the museum's objects (LDES)")),
            "format": "text/turtle",
            "profile": LDES_PROFILE,
        },
    ]


def _metadata(primary: CollectionObject, by_language: dict[str, CollectionObject]) -> list[dict]:
    """Label/value pairs a viewer shows as they are; empty facts are left out."""
    entries = [
        (gettext_noop("Inventory number"), {"none": [primary.inventory_number]}),
    ]
    if primary.object_type is not None:
        entries.append((gettext_noop("Object type"), _term_labels([primary.object_type])))
    makers = list(primary.makers.all())
    if makers:
        entries.append((gettext_noop("Maker"), _term_labels(makers)))
    dates = _language_map({lang: copy.date_text for lang, copy in by_language.items()})
    if dates:
        entries.append((gettext_noop("Date"), dates))
    materials = list(primary.materials.all())
    if materials:
        entries.append((gettext_noop("Material"), _term_labels(materials)))
    dimensions = _language_map({lang: copy.dimensions for lang, copy in by_language.items()})
    if dimensions:
        entries.append((gettext_noop("Dimensions"), dimensions))
    return [{"label": _translated(label), "value": value} for label, value in entries]


def museum_of_page(page: Page) -> Museum | None:
    """The museum whose page tree (in any language) holds `page`, in one query: the
    roots of the museums' trees share their `translation_key` with the site's root."""
    ancestors = [page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)]
    keys = Page.objects.filter(path__in=ancestors).values("translation_key")
    return (
        Museum.objects.select_related("site")
        .filter(site__root_page__translation_key__in=keys)
        .first()
    )


def published_exhibition(page_id: int) -> ExhibitionPage | None:
    return public_pages(ExhibitionPage.objects.filter(pk=page_id)).select_related("locale").first()


def collection(exhibition: ExhibitionPage, museum: Museum | None, url: str, urls: Urls) -> dict:
    """The Collection of the manifests of the objects `exhibition` shows, in its order."""
    shown = (
        ChapterObject.objects.filter(chapter__page=exhibition)
        .filter(visible_now(prefix="collection_object__"))
        .select_related("collection_object__museum__site")
        .order_by("chapter__sort_order", "chapter__pk", "sort_order", "pk")
    )
    language = exhibition.locale.language_code
    items, seen = [], set()
    for row in shown:
        obj = row.collection_object
        if obj.translation_key in seen:
            continue
        if museum is None or (obj.museum_id != museum.pk and not obj.shareable):
            continue
        seen.add(obj.translation_key)
        items.append(
            {
                "id": urls.manifest(str(obj.translation_key), obj.museum),
                "type": "Manifest",
                "label": {language: [obj.title]},
            }
        )
    document = {
        "@context": PRESENTATION_CONTEXT,
        "id": url,
        "type": "Collection",
        "label": {language: [exhibition.title]},
        "items": items,
    }
    if exhibition.intro:
        document["summary"] = {language: [exhibition.intro]}
    if museum is not None:
        document["provider"] = provider(museum)
    return document
