"""Stories, exhibitions and collection objects as search documents.

What a document holds, per field (search.registry.Field):

- an object: its title; as labels its inventory number and every label and alternative
  label of its makers, materials and periods in every language (so "Johannes de Eyck" or
  "Memlinc" finds the objects of the Term, "Golden Age" those of the Gouden Eeuw); as body
  its description and date; its credit line as related text. Facets: maker, material,
  period, and century of its date.
- a story: title; author and tags as labels; intro and the text of every body block.
- an exhibition: title; venue as labels; intro, chapter texts and captions as body; the
  titles and makers of the objects it shows as related text, so a search for a maker finds
  the exhibition their work hangs in.

Only what a visitor may see, or will see by the clock alone, becomes a document: live,
unrestricted, unexpired pages and live, unexpired objects, each with its `go_live_at`
(`visible_from`) and `expire_at` (`expires_at`); every query applies the clock to those
(museum_site.visibility), so nothing is found before or after its time, whatever the
scheduler did.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from django.db.models import Model, Prefetch, Q
from django.utils.html import strip_tags
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.rich_text import get_text_for_indexing

from museum_site import models
from museum_site.visibility import indexable_objects, indexable_pages, visible_now
from search import registry
from search.registry import Document, FacetValue, Field, SearchKind, SearchSource, Watch

OBJECT_FACETS = ("maker", "material", "period", "century", "object_type")


def term_names(term: models.Term) -> list[str]:
    """Every name of a Term: preferred labels in each language and alternative labels."""
    return [
        name for name in (term.label_nl, term.label_en, term.label_fr) if name
    ] + term.alternative_labels


def centuries(earliest: int | None, latest: int | None) -> list[int]:
    """The centuries a dating touches, as numbers: 1650-1720 gives 17 and 18.

    A century is its hundred years as museums count them: the 17th is 1600-1699.
    Centuries before year 1 are negative (-1 is the first century BC).
    """
    if earliest is None and latest is None:
        return []
    first = earliest if earliest is not None else latest
    last = latest if latest is not None else earliest
    assert first is not None and last is not None
    return [number for number in range(century(first), century(last) + 1) if number != 0]


def century(year: int) -> int:
    return year // 100 + 1 if year >= 1 else -((-year) // 100 + 1)


ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _roman(number: int) -> str:
    digits = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


def century_label(number: int, language: str) -> str:
    """'17de eeuw', '17th century', 'XVIIe siècle' (and BC/v.Chr./av. J.-C. below zero)."""
    n = abs(number)
    if language == "fr":
        label = f"{_roman(n)}{'er' if n == 1 else 'e'} siècle"
        return f"{label} av. J.-C." if number < 0 else label
    if language == "en":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} century" + (" BC" if number < 0 else "")
    suffix = "ste" if n in (1, 8) or n >= 20 else "de"
    return f"{n}{suffix} eeuw" + (" v.Chr." if number < 0 else "")


def _image_fields(image: models.MuseumImage | None, alt: str = "") -> dict:
    if image is None:
        return {"image_id": None, "image_alt": ""}
    return {"image_id": image.pk, "image_alt": alt or image.default_alt_text}


# --- collection objects ----------------------------------------------------------------


def build_objects(ids: Sequence[int]) -> Iterator[Document]:
    objects = list(
        indexable_objects(models.CollectionObject.objects.filter(pk__in=ids))
        .select_related("locale", "object_type__broader__broader__broader")
        .prefetch_related(
            "makers",
            "materials",
            "periods",
            Prefetch(
                "images",
                queryset=models.CollectionObjectImage.objects.select_related("image").order_by(
                    "sort_order", "pk"
                ),
            ),
        )
    )
    stand_ins, titles = _translations(objects)
    for obj in objects:
        other_titles = [
            title for title in titles.get(obj.translation_key, ()) if title != obj.title
        ]
        yield _object_document(obj, obj.locale.language_code, other_titles=other_titles)
        for language in stand_ins.get(obj.pk, ()):
            yield _object_document(obj, language, stand_in=True, other_titles=other_titles)


def _translations(
    objects: list[models.CollectionObject],
) -> tuple[dict[int, list[str]], dict[object, list[str]]]:
    """The languages each object stands in for, and the titles of each translation group.

    An object stands in for the languages of the site that have no visible translation of
    it, unless its record in the default language was withdrawn. Only one object of a translation group stands in, the one in the default language
    (else the oldest), so a group is found once per language. The titles of a group are
    searchable in every language (as related text): a visitor may know a work by its name
    in another language ("Boerenbruiloft" on the English site)."""
    if not objects:
        return {}, {}
    languages = list(Locale.objects.order_by("pk").values_list("language_code", flat=True))
    default = Locale.get_default().language_code
    keys = {obj.translation_key for obj in objects}
    present: dict = {}
    titles: dict = {}
    for key, language, pk, title in (
        indexable_objects(models.CollectionObject.objects.filter(translation_key__in=keys))
        .order_by("pk")
        .values_list("translation_key", "locale__language_code", "pk", "title")
    ):
        present.setdefault(key, {}).setdefault(language, pk)
        titles.setdefault(key, []).append(title)
    # A group whose record in the default language exists but is withdrawn (unpublished,
    # expired) stands in nowhere: the editor took the work off the site, and a live
    # translation must not bring it back in the other languages.
    withdrawn = set(
        models.CollectionObject.objects.filter(
            translation_key__in=keys, locale__language_code=default
        ).values_list("translation_key", flat=True)
    ) - {key for key, group in present.items() if default in group}
    found = {}
    for obj in objects:
        if obj.translation_key in withdrawn:
            continue
        group = present.get(obj.translation_key, {})
        source = group.get(default) or min(group.values(), default=obj.pk)
        if source == obj.pk:
            found[obj.pk] = [language for language in languages if language not in group]
    return found, titles


def _shown_text(description: str, date_text: str) -> str:
    """The text a snippet is cut from: the description, then the date, unless the
    description already says it (most open with place and year: "Brussel, 1735. ...")."""
    if not date_text or date_text in description:
        return description
    return f"{description} {date_text}".strip()


def _object_document(
    obj: models.CollectionObject,
    language: str,
    stand_in: bool = False,
    other_titles: Sequence[str] = (),
) -> Document:
    """An object's document in `language`: its own, or (`stand_in`) one for a language it
    has no translation into, found through what needs no translation (makers, object type
    and materials by their names in every language, inventory number) and shown as it is."""
    source_language = obj.locale.language_code
    makers, materials = list(obj.makers.all()), list(obj.materials.all())
    periods = list(obj.periods.all())
    object_types = [obj.object_type, *obj.object_type.ancestors()] if obj.object_type else []
    description = get_text_for_indexing(obj.description)
    images = list(obj.images.all())
    facets = [FacetValue("maker", str(term.pk), term.label(language)) for term in makers]
    facets += [FacetValue("material", str(term.pk), term.label(language)) for term in materials]
    facets += [FacetValue("period", str(term.pk), term.label(language)) for term in periods]
    facets += [
        FacetValue("century", str(number), century_label(number, language))
        for number in centuries(obj.earliest_year, obj.latest_year)
    ]
    if obj.object_type:
        facets.append(
            FacetValue("object_type", str(obj.object_type.pk), obj.object_type.label(language))
        )
    labels = [
        obj.inventory_number,
        *(
            name
            for term in [*makers, *materials, *periods, *object_types]
            for name in term_names(term)
        ),
    ]
    if stand_in:
        fields = {
            Field.LABELS: labels,
            Field.RELATED: [obj.title, *other_titles],
        }
    else:
        fields = {
            Field.TITLE: [obj.title],
            Field.LABELS: labels,
            Field.BODY: [description, obj.date_text],
            Field.RELATED: [obj.credit_line, *other_titles],
        }
    return Document(
        kind=SearchKind.OBJECT,
        source=obj,
        locale=language,
        source_locale=source_language if stand_in else "",
        title=obj.title,
        fields=fields,
        text=_shown_text(description, obj.date_text),
        slug=obj.inventory_number,
        expires_at=obj.expire_at,
        visible_from=obj.go_live_at,
        facets=facets,
        **_image_fields(images[0].image if images else None, images[0].alt if images else ""),
    )


def translations_of_object(obj: models.CollectionObject) -> Iterable[int]:
    """Every object of its translation group: a new or removed translation decides
    whether another of them stands in for its language."""
    return models.CollectionObject.objects.filter(translation_key=obj.translation_key).values_list(
        "pk", flat=True
    )


def objects_with_term(term: models.Term) -> Iterable[int]:
    return (
        models.CollectionObject.objects.filter(
            Q(makers=term)
            | Q(materials=term)
            | Q(periods=term)
            | Q(object_type=term)
            | Q(object_type__broader=term)
            | Q(object_type__broader__broader=term)
        )
        .values_list("pk", flat=True)
        .distinct()
    )


# --- pages -------------------------------------------------------------------------------


def page_tree_watches(model: type[Page]) -> tuple[Watch, ...]:
    """A page's documents go stale when it or an ancestor is saved, moved, deleted or
    restricted: its visibility and url path come from the whole path to the root."""

    def pages_under(instance: Model) -> Iterable[int]:
        page = instance.page if isinstance(instance, PageViewRestriction) else instance
        return model.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)

    return (Watch(Page, pages_under), Watch(PageViewRestriction, pages_under))


def page_url_path(page: Page) -> str:
    """Wagtail's url path (as the API's `urlPath`): Wagtail serves no pages here, the
    headless frontend does, so there is no url to give, only where the page sits."""
    return page.url_path


def stream_text(value: Iterable) -> list[str]:
    """The searchable text of every block in a StreamField, as Wagtail indexes it, without
    the URLs that URL blocks contribute."""
    stream_block = value.stream_block  # type: ignore[attr-defined]
    return [
        strip_tags(text)
        for text in stream_block.get_searchable_content(value)
        if text and not text.startswith(("http://", "https://"))
    ]


def build_stories(ids: Sequence[int]) -> Iterator[Document]:
    stories = (
        indexable_pages(models.StoryPage.objects.filter(pk__in=ids))
        .select_related("locale", "hero_image")
        .prefetch_related("tags")
    )
    for story in stories:
        body = stream_text(story.body)
        yield Document(
            kind=SearchKind.STORY,
            source=story,
            locale=story.locale.language_code,
            title=story.title,
            fields={
                Field.TITLE: [story.title],
                Field.LABELS: [story.author, *(tag.name for tag in story.tags.all())],
                Field.BODY: [story.intro, *body],
            },
            text=" ".join([story.intro, *body]),
            slug=story.slug,
            url_path=page_url_path(story),
            expires_at=story.expire_at,
            visible_from=story.go_live_at,
            **_image_fields(story.hero_image, story.hero_image_alt),
        )


def build_exhibitions(ids: Sequence[int]) -> Iterator[Document]:
    shown = models.ChapterObject.objects.filter(
        visible_now(prefix="collection_object__")
    ).select_related("collection_object")
    exhibitions = (
        indexable_pages(models.ExhibitionPage.objects.filter(pk__in=ids))
        .select_related("locale", "hero_image")
        .prefetch_related(
            "chapters",
            Prefetch("chapters__exhibited_objects", queryset=shown),
            "chapters__exhibited_objects__collection_object__makers",
        )
    )
    for exhibition in exhibitions:
        chapters = list(exhibition.chapters.all())
        shown_objects = [item for chapter in chapters for item in chapter.exhibited_objects.all()]
        body = [exhibition.intro]
        for chapter in chapters:
            body += [chapter.heading, get_text_for_indexing(chapter.text)]
            body += [item.caption for item in chapter.exhibited_objects.all()]
        related = []
        for item in shown_objects:
            obj = item.collection_object
            related.append(obj.title)
            related += [name for term in obj.makers.all() for name in term_names(term)]
        yield Document(
            kind=SearchKind.EXHIBITION,
            source=exhibition,
            locale=exhibition.locale.language_code,
            title=exhibition.title,
            fields={
                Field.TITLE: [exhibition.title],
                Field.LABELS: [exhibition.venue],
                Field.BODY: body,
                Field.RELATED: related,
            },
            text=" ".join(part for part in body if part),
            slug=exhibition.slug,
            url_path=page_url_path(exhibition),
            expires_at=exhibition.expire_at,
            visible_from=exhibition.go_live_at,
            **_image_fields(exhibition.hero_image, exhibition.hero_image_alt),
        )


def exhibitions_showing(object_ids: Iterable[int]) -> Iterable[int]:
    return (
        models.ChapterObject.objects.filter(collection_object_id__in=list(object_ids))
        .values_list("chapter__page_id", flat=True)
        .distinct()
    )


def register_sources() -> None:
    registry.register(
        SearchSource(
            kind=SearchKind.OBJECT,
            model=models.CollectionObject,
            build=build_objects,
            watches=(
                Watch(models.CollectionObject, translations_of_object),
                Watch(models.Term, objects_with_term),
            ),
            facets=OBJECT_FACETS,
            suggested_facets=("maker", "material", "period", "object_type"),
        )
    )
    registry.register(
        SearchSource(
            kind=SearchKind.STORY,
            model=models.StoryPage,
            build=build_stories,
            watches=page_tree_watches(models.StoryPage),
        )
    )
    registry.register(
        SearchSource(
            kind=SearchKind.EXHIBITION,
            model=models.ExhibitionPage,
            build=build_exhibitions,
            watches=(
                *page_tree_watches(models.ExhibitionPage),
                Watch(models.CollectionObject, lambda obj: exhibitions_showing([obj.pk])),
                Watch(models.Term, lambda term: exhibitions_showing(objects_with_term(term))),
            ),
        )
    )
