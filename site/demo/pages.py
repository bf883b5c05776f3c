"""Build the demo's page tree: home pages, section indexes, stories, exhibitions, legal.

Pages are created in Dutch, the site's default language, and translated with Wagtail's
`copy_for_translation`, so translations share a translation key exactly as if an editor
had used the admin's "Translate" action. A page that already exists (found by slug under
its parent, or as the translation of the Dutch page) is left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from museum_site import models
from museum_site.demo import images, museum
from museum_site.demo.collection import MediaLibrary, object_image_title
from museum_site.demo.objects import BY_INVENTORY_NUMBER
from museum_site.demo.records import (
    Audio,
    Block,
    ExhibitionRecord,
    Figure,
    Gallery,
    LegalRecord,
    ObjectCard,
    Picture,
    Prose,
    Quote,
    StoryRecord,
    Text,
    Video,
)

Fill = Callable[[Page, str, Page | None], None]
"""Sets a page's fields for a language; gets the Dutch source page when translating."""


def publish(page: Page) -> None:
    page.save_revision().publish()


def site_homes(site: Site | None = None) -> dict[str, models.HomePage]:
    """The home pages of `site` (the default site when none), by language: its root page
    and the root's translations.

    With several museums there is a home page per language per museum, so "the Dutch
    home page" means nothing without saying whose; the demo of the first museum loads
    under the default site (the one `localhost` serves).
    """
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return {}
    key = site.root_page.translation_key
    homes = models.HomePage.objects.filter(translation_key=key).select_related("locale")
    return {home.locale.language_code: home for home in homes}


class PageTree:
    def __init__(
        self,
        locales: dict[str, Locale],
        media: MediaLibrary,
        objects: dict[tuple[str, str], models.CollectionObject],
    ) -> None:
        self.locales = locales
        self.media = media
        self.objects = objects
        self.stories: dict[tuple[str, str], models.StoryPage] = {}

    # --- the generic step: one page in several languages ---------------------------

    def ensure(
        self,
        parents: dict[str, Page],
        model: type[Page],
        slug: Text,
        languages: tuple[str, ...],
        fill: Fill,
        *,
        live: bool = True,
        rebuilt_relations: tuple[str, ...] = (),
    ) -> dict[str, Page]:
        source_language, *translations = languages
        parent = parents[source_language]
        source = model.objects.child_of(parent).filter(slug=slug.get(source_language)).first()
        if source is None:
            source = model(slug=slug.get(source_language), locale=self.locales[source_language])
            fill(source, source_language, None)
            source.live = live
            parent.add_child(instance=source)
            if live:
                publish(source)
            else:
                source.save_revision()
        pages: dict[str, Page] = {source_language: source}
        for language in translations:
            locale = self.locales[language]
            page = source.get_translation_or_none(locale)
            if page is None:
                # Relations that `fill` rebuilds are not copied: Wagtail moves only the
                # direct child rows to the new locale, so copying nested translatable rows
                # (chapter -> chapter object) collides on (translation_key, locale).
                page = source.copy_for_translation(
                    locale, copy_parents=True, exclude_fields=list(rebuilt_relations)
                )
                page.slug = slug.get(language)
                fill(page, language, source)
                publish(page)
            pages[language] = page
        return pages

    # --- home pages and section indexes ---------------------------------------------

    def homes(self, languages: tuple[str, ...]) -> dict[str, models.HomePage]:
        """The default site's Dutch home from migration 0002, renamed; its translations
        beside it."""
        source_language, *translations = languages
        found = site_homes()
        source = found[source_language]
        homes = {source_language: source}
        for language in translations:
            page = found.get(language)
            homes[language] = page or source.copy_for_translation(self.locales[language])
        for language, home in homes.items():
            title, intro = museum.HOME_TITLE.get(language), museum.HOME_INTRO.get(language)
            if home.title != title or home.intro != intro or not home.live:
                home.title, home.draft_title, home.intro = title, title, intro
                publish(home)
        return homes

    def index(
        self, homes: dict[str, Page], model: type[Page], texts: dict[str, Text], languages
    ) -> dict[str, Page]:
        def fill(page: Page, language: str, source: Page | None) -> None:
            page.title = texts["title"].get(language)
            page.intro = texts["intro"].get(language)

        return self.ensure(homes, model, texts["slug"], languages, fill)

    def feature(self, homes: dict[str, Page], exhibitions: dict[str, Page]) -> None:
        for language, known in homes.items():
            exhibition = exhibitions.get(language)
            if exhibition is None or known.featured_exhibition_id == exhibition.pk:
                continue
            # Re-read the page: translations were added under it through other instances,
            # and publishing a stale instance would write back its old child count.
            home = models.HomePage.objects.get(pk=known.pk)
            home.featured_exhibition = exhibition
            publish(home)
            homes[language] = home

    # --- stories ---------------------------------------------------------------------

    def story(self, indexes: dict[str, Page], record: StoryRecord) -> dict[str, Page]:
        def fill(page: Page, language: str, source: Page | None) -> None:
            page.title = record.title.get(language)
            page.intro = record.intro.get(language)
            page.hero_image = self.hero(record.hero)
            page.hero_image_alt = self.hero_alt(record.hero, language)
            page.author = record.author
            page.date = record.date
            page.body = self.body(record.body, language)
            page.tags.set([tag.get(language) for tag in record.tags])

        pages = self.ensure(
            indexes, models.StoryPage, record.slug, record.languages, fill, live=record.publish
        )
        for language, page in pages.items():
            self.stories[(language, record.slug.nl)] = page
        return pages

    def hero(self, hero: Picture | str) -> models.MuseumImage:
        if isinstance(hero, Picture):
            return self.media.picture(hero)
        return self.media.images[object_image_title(BY_INVENTORY_NUMBER[hero])]

    @staticmethod
    def hero_alt(hero: Picture | str, language: str) -> str:
        """The hero's alt text in the page's language (the image itself carries Dutch)."""
        record = hero if isinstance(hero, Picture) else BY_INVENTORY_NUMBER[hero]
        return record.alt.get(language)

    def body(self, blocks: tuple[Block, ...], language: str) -> list[tuple[str, Any]]:
        return [self.block(block, language) for block in blocks]

    def block(self, block: Block, language: str) -> tuple[str, Any]:
        match block:
            case Prose(html):
                return ("text", html.get(language))
            case Figure(picture, caption):
                return (
                    "image",
                    {
                        "image": self.media.picture(picture),
                        "caption": caption.get(language),
                        "credit": images.CREDIT_SENTENCE.get(language),
                        "alt_text": picture.alt.get(language),
                    },
                )
            case Quote(text, attribution, source):
                return (
                    "quote",
                    {
                        "text": text.get(language),
                        "attribution": attribution,
                        "source": source.get(language),
                    },
                )
            case Gallery(title, inventory_numbers):
                items = [self.gallery_item(number, language) for number in inventory_numbers]
                return ("gallery", {"title": title.get(language), "images": items})
            case Video(url, title, transcript, poster):
                return (
                    "video",
                    {
                        "url": url,
                        "title": title.get(language),
                        "poster": self.hero(poster),
                        "transcript": transcript.get(language),
                    },
                )
            case Audio(title, transcript, seconds):
                document = self.media.audio(title.nl, transcript.nl, seconds)
                return (
                    "audio",
                    {
                        "audio": document,
                        "title": title.get(language),
                        "transcript": transcript.get(language),
                    },
                )
            case ObjectCard(inventory_number, caption):
                return (
                    "collection_object",
                    {
                        "collection_object": self.objects[(language, inventory_number)],
                        "caption": caption.get(language),
                    },
                )
        raise TypeError(f"Unknown block record {block!r}")

    def gallery_item(self, inventory_number: str, language: str) -> dict[str, Any]:
        record = BY_INVENTORY_NUMBER[inventory_number]
        return {
            "image": self.media.images[object_image_title(record)],
            "caption": record.title.get(language),
            "credit": images.CREDIT_SENTENCE.get(language),
            "alt_text": record.alt.get(language),
        }

    # --- exhibitions -----------------------------------------------------------------

    def exhibition(self, indexes: dict[str, Page], record: ExhibitionRecord) -> dict[str, Page]:
        def fill(page: Page, language: str, source: Page | None) -> None:
            page.title = record.title.get(language)
            page.intro = record.intro.get(language)
            page.hero_image = self.hero(record.hero)
            page.hero_image_alt = self.hero_alt(record.hero, language)
            page.format = record.format
            page.start_date, page.end_date = record.dates(timezone.localdate())
            page.venue = record.venue.get(language)
            page.chapters = self.chapters(record, language, source)
            # Only the stories published in this language: fewer stories are in French.
            # A link keeps the translation key of the source's link at the same position.
            keys = [row.translation_key for row in source.related_stories.all()] if source else []
            page.related_stories = [
                models.ExhibitionRelatedStory(
                    story=story,
                    sort_order=position,
                    **({"translation_key": keys[position]} if position < len(keys) else {}),
                )
                for position, slug in enumerate(record.related_stories)
                if (story := self.stories.get((language, slug))) is not None
            ]

        return self.ensure(
            indexes,
            models.ExhibitionPage,
            record.slug,
            self.exhibition_languages(record),
            fill,
            rebuilt_relations=("chapters",),
        )

    def exhibition_languages(self, record: ExhibitionRecord) -> tuple[str, ...]:
        """Dutch and English always; French when the record is written in French.

        A chapter may only show objects in its page's language, so a French exhibition
        whose objects are not all translated is a mistake in the data: say which objects,
        rather than fail on the first missing one or publish it half in English.
        """
        if not record.title.fr:
            return ("nl", "en")
        numbers = [number for chapter in record.chapters for number, _caption in chapter.objects]
        untranslated = sorted({number for number in numbers if ("fr", number) not in self.objects})
        if untranslated:
            raise ValueError(
                f"Exhibition {record.slug.nl!r} is written in French but these objects are "
                f"not: {', '.join(untranslated)}"
            )
        return ("nl", "en", "fr")

    def chapters(
        self, record: ExhibitionRecord, language: str, source: Page | None
    ) -> list[models.ExhibitionChapter]:
        """Chapters for one language; a translation reuses the source rows' keys."""
        source_chapters = list(source.chapters.all()) if source else []
        chapters = []
        for position, chapter_record in enumerate(record.chapters):
            original = source_chapters[position] if position < len(source_chapters) else None
            chapter = models.ExhibitionChapter(
                heading=chapter_record.heading.get(language),
                text=chapter_record.text.get(language),
                sort_order=position,
            )
            object_keys = []
            if original is not None:
                chapter.translation_key = original.translation_key
                object_keys = [row.translation_key for row in original.exhibited_objects.all()]
            chapter.exhibited_objects = [
                models.ChapterObject(
                    collection_object=self.objects[(language, number)],
                    caption=caption.get(language),
                    sort_order=index,
                    **({"translation_key": object_keys[index]} if index < len(object_keys) else {}),
                )
                for index, (number, caption) in enumerate(chapter_record.objects)
            ]
            chapters.append(chapter)
        return chapters

    # --- legal pages -----------------------------------------------------------------

    def legal(self, homes: dict[str, Page], record: LegalRecord) -> dict[str, Page]:
        model = models.PrivacyPolicyPage if record.kind == "privacy" else models.LegalPage

        def fill(page: Page, language: str, source: Page | None) -> None:
            page.title = record.title.get(language)
            page.body = [("text", record.body.get(language))]
            if record.kind == "privacy":
                page.version = record.version
                page.effective_date = record.date
            else:
                page.kind = record.kind
                page.last_updated = record.date

        return self.ensure(homes, model, record.slug, ("nl", "en", "fr"), fill)
