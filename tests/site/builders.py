"""Builders for content in tests and benchmarks: real models, saved and published."""

from __future__ import annotations

import datetime
import io
import itertools

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.models import Locale

from museum_site import models

_counter = itertools.count(1)


def image(
    title: str = "Test image", size: tuple[int, int] = (800, 600), colour=(120, 80, 40)
) -> models.MuseumImage:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return models.MuseumImage.objects.create(
        title=title,
        alt_text=f"{title} (alt)",
        file=ImageFile(buffer, name=f"img-{next(_counter)}.jpg"),
    )


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def home(language: str = "nl") -> models.HomePage:
    """The site's home page in `language` (creates the Dutch tree first)."""
    existing = models.HomePage.objects.filter(locale__language_code=language).first()
    if existing:
        return existing
    if language != "nl":
        return home("nl").copy_for_translation(locale(language), copy_parents=True)
    raise AssertionError("migration 0002 creates the Dutch home page")


def story_index(language: str = "nl") -> models.StoryIndexPage:
    parent = home(language)
    found = models.StoryIndexPage.objects.child_of(parent).first()
    return found or parent.add_child(
        instance=models.StoryIndexPage(title="Verhalen", slug="verhalen")
    )


def exhibition_index(language: str = "nl") -> models.ExhibitionIndexPage:
    parent = home(language)
    found = models.ExhibitionIndexPage.objects.child_of(parent).first()
    return found or parent.add_child(
        instance=models.ExhibitionIndexPage(title="Tentoonstellingen", slug="tentoonstellingen")
    )


def term(kind: str = models.Term.Kind.PERSON, label: str | None = None, **fields) -> models.Term:
    n = next(_counter)
    return models.Term.objects.create(
        kind=kind, label_nl=label or f"Term {n}", label_en=label or f"Term {n}", **fields
    )


def collection_object(
    language: str = "nl",
    *,
    makers=(),
    materials=(),
    periods=(),
    with_image: bool = True,
    live: bool = True,
    **fields,
) -> models.CollectionObject:
    n = next(_counter)
    obj = models.CollectionObject(
        title=fields.pop("title", f"Object {n}"),
        inventory_number=fields.pop("inventory_number", f"INV.{n:05d}"),
        locale=locale(language),
        live=live,
        **fields,
    )
    obj.makers.set(makers)
    obj.materials.set(materials)
    obj.periods.set(periods)
    obj.save()
    if with_image:
        models.CollectionObjectImage.objects.create(
            collection_object=obj, image=image(f"Image of {obj.title}")
        )
    return obj


def story(language: str = "nl", *, publish: bool = True, body=(), **fields) -> models.StoryPage:
    n = next(_counter)
    page = models.StoryPage(
        title=fields.pop("title", f"Story {n}"),
        slug=fields.pop("slug", f"story-{n}"),
        intro=fields.pop("intro", "An introduction."),
        date=fields.pop("date", datetime.date(2026, 1, 1) + datetime.timedelta(days=n)),
        body=list(body) or [("text", "<p>Body text.</p>")],
        **fields,
    )
    story_index(language).add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.unpublish() if page.live else None
    return page


def exhibition(
    language: str = "nl",
    *,
    objects: list[models.CollectionObject] = (),
    chapters: int = 1,
    publish: bool = True,
    **fields,
) -> models.ExhibitionPage:
    n = next(_counter)
    page = models.ExhibitionPage(
        title=fields.pop("title", f"Exhibition {n}"),
        slug=fields.pop("slug", f"exhibition-{n}"),
        intro=fields.pop("intro", "What this exhibition shows."),
        **fields,
    )
    per_chapter = max(1, -(-len(objects) // chapters)) if objects else 0
    for index in range(chapters):
        chapter = models.ExhibitionChapter(
            heading=f"Chapter {index + 1}", text="<p>Chapter text.</p>", sort_order=index
        )
        chunk = list(objects)[index * per_chapter : (index + 1) * per_chapter]
        chapter.exhibited_objects = [
            models.ChapterObject(
                collection_object=obj, caption=f"Caption for {obj.title}", sort_order=i
            )
            for i, obj in enumerate(chunk)
        ]
        page.chapters.add(chapter)
    exhibition_index(language).add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page
