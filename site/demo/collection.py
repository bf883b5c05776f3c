"""Load the demo collection: authority terms, generated images and collection objects.

Every step looks up what is already there before creating anything (terms by authority
URI, images and audio files by title, objects by inventory number and language), so the
loader can run again on a loaded database without duplicating a row. An existing object
is left as it is: an editor may have improved it since the demo was loaded.
"""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.models import Locale

from museum_site import models
from museum_site.demo import images
from museum_site.demo.records import ObjectRecord, Picture, TermRecord
from museum_site.demo.terms import OBJECT_TYPE_OF_MOTIF


def load_terms(records: tuple[TermRecord, ...]) -> dict[str, models.Term]:
    """Create missing terms and bring changed labels up to date; keyed by record key."""
    existing = {term.authority_uri: term for term in models.Term.objects.all()}
    terms: dict[str, models.Term] = {}
    for record in records:
        wanted = {
            "kind": record.kind,
            "label_nl": record.label.nl,
            "label_en": record.label.en,
            "label_fr": record.label.fr,
            "alt_labels": "\n".join(record.alt_labels),
            "scope_note": record.scope_note,
        }
        term = existing.get(record.uri)
        if term is None:
            term = models.Term.objects.create(authority_uri=record.uri, **wanted)
        elif any(getattr(term, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(term, name, value)
            term.save()
        terms[record.key] = term
    for record in records:
        broader = terms[record.broader] if record.broader else None
        term = terms[record.key]
        if term.broader_id != (broader.pk if broader else None):
            term.broader = broader
            term.save(update_fields=["broader"])
    return terms


class MediaLibrary:
    """The demo's images and audio files, found by title or generated once.

    Titles are the identity: rendering a JPEG costs tens of milliseconds, so a second run
    that finds every title renders nothing.
    """

    def __init__(self) -> None:
        self.images = {image.title: image for image in models.MuseumImage.objects.all()}
        self.document_model: type[AbstractDocument] = get_document_model()
        self.documents = {doc.title: doc for doc in self.document_model.objects.all()}
        self.created_images = 0

    def image(self, title: str, motif: str, alt_text: str) -> models.MuseumImage:
        found = self.images.get(title)
        if found is not None:
            return found
        data = images.render(motif, title)
        image = models.MuseumImage(
            title=title,
            alt_text=alt_text,
            credit=images.CREDIT,
            licence=images.LICENCE,
            file=ContentFile(data, name=f"{slugify(title)[:80] or 'image'}.jpg"),
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),
        )
        image.save()
        self.images[title] = image
        self.created_images += 1
        return image

    def picture(self, picture: Picture) -> models.MuseumImage:
        return self.image(picture.title, picture.motif, picture.alt.nl)

    def audio(self, title: str, transcript: str, seconds: float) -> AbstractDocument:
        """A silent MP3 standing in for a recording; the transcript is what matters."""
        found = self.documents.get(title)
        if found is not None:
            return found
        data = images.silent_mp3(seconds)
        document = self.document_model(
            title=title,
            file=ContentFile(data, name=f"{slugify(title)[:80] or 'audio'}.mp3"),
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),
        )
        document.save()
        document.tags.add("demo", "audio")
        self.documents[title] = document
        return document


def object_image_title(record: ObjectRecord) -> str:
    """Unique per object: the inventory number is unique, the title alone is not."""
    return f"{record.inventory_number} {record.title.nl}"


def _describe(obj: models.CollectionObject, record: ObjectRecord, language: str) -> None:
    obj.title = record.title.get(language)
    obj.description = record.description.get(language)
    obj.date_text = record.date.get(language)
    obj.earliest_year, obj.latest_year = record.years
    obj.dimensions = record.dimensions
    obj.credit_line = record.credit.get(language)
    obj.rights = record.rights
    obj.live = True


def load_objects(
    records: tuple[ObjectRecord, ...],
    terms: dict[str, models.Term],
    media: MediaLibrary,
    locales: dict[str, Locale],
    languages: tuple[str, ...],
) -> dict[tuple[str, str], models.CollectionObject]:
    """Each object in the source language, then translated; keyed (language, inventory)."""
    source_language, *translations = languages
    found = {
        (obj.locale.language_code, obj.inventory_number): obj
        for obj in models.CollectionObject.objects.filter(
            locale__language_code__in=languages
        ).select_related("locale")
    }
    for record in records:
        image = media.image(
            object_image_title(record), record.motif, record.alt.get(source_language)
        )
        source = found.get((source_language, record.inventory_number))
        if source is None:
            source = models.CollectionObject(
                inventory_number=record.inventory_number, locale=locales[source_language]
            )
            _describe(source, record, source_language)
            # Parental many-to-many fields and child rows are kept in memory until the
            # one save below, so the object is written whole.
            source.makers.set([terms[key] for key in record.makers])
            source.materials.set([terms[key] for key in record.materials])
            source.periods.set([terms[key] for key in record.periods])
            source.images = [
                models.CollectionObjectImage(image=image, alt_text=record.alt.get(source_language))
            ]
            source.save()
            found[(source_language, record.inventory_number)] = source
        for language in translations:
            # An object is translated into a language only when its record has that
            # language's title: the museum translates into French only what French
            # stories show, and an English title passed off as French helps nobody.
            if not getattr(record.title, language):
                continue
            if (language, record.inventory_number) in found:
                continue
            found[(language, record.inventory_number)] = _translate(
                source, record, language, locales[language]
            )
    _set_object_types(records, terms, found)
    return found


def _set_object_types(
    records: tuple[ObjectRecord, ...],
    terms: dict[str, models.Term],
    found: dict[tuple[str, str], models.CollectionObject],
) -> None:
    """Every object's type from its record's motif, also on a demo loaded before objects
    had a type."""
    by_number = {record.inventory_number: record for record in records}
    for (_language, number), obj in found.items():
        key = OBJECT_TYPE_OF_MOTIF.get(by_number[number].motif) if number in by_number else None
        wanted = terms[key] if key else None
        if obj.object_type_id != (wanted.pk if wanted else None):
            obj.object_type = wanted
            obj.save(update_fields=["object_type"])


def _translate(
    source: models.CollectionObject, record: ObjectRecord, language: str, locale: Locale
) -> models.CollectionObject:
    """A translation sharing the source's translation key, makers, materials, periods and
    images."""
    translation = source.copy_for_translation(locale)
    _describe(translation, record, language)
    translation.makers.set(list(source.makers.all()))
    translation.materials.set(list(source.materials.all()))
    translation.periods.set(list(source.periods.all()))
    alt = record.alt.get(language)
    translation.images = [
        models.CollectionObjectImage(
            image=row.image,
            alt_text=alt,
            sort_order=row.sort_order,
            translation_key=row.translation_key,
        )
        for row in source.images.all()
    ]
    translation.save()
    return translation
