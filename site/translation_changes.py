"""Translations that stay safe when the original changes.

wagtail-localize keys a translation on the exact source text: once an editor changes a
Dutch passage, its English translation no longer matches and the translation editor
just says "Translate", with the earlier work out of sight. The earlier translation is
still stored, under the same context (the field or block the passage sits in). This
module finds, for one translation, every passage whose source changed since it was
translated, with the previous source and the previous translation, so the translator
starts from their own earlier text instead of from nothing.

It also keeps translations' structure in step with the original: publishing the
original refreshes its translation source (what "Sync translated pages" does, without
publishing anything), so the translator sees the new passages at once while the
visitors of the English site keep the last translation a translator published.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


@dataclass(frozen=True)
class ChangedSegment:
    """A passage of the original whose text changed after it was translated."""

    string_id: int
    context_id: int
    field: str
    source_text: str
    previous_source_text: str
    previous_translation: str


def sync_translations_of(page: Page) -> bool:
    """Refresh the translation source of a just-published original, if it has one.

    Returns whether there was anything to refresh. Nothing is published: translations
    that were live stay as the translator published them.
    """
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None or not source.translations.filter(enabled=True).exists():
        return False
    with transaction.atomic():
        source.update_from_db()
    return True


def changed_segments(translation: Translation) -> list[ChangedSegment]:
    """Passages not translated in their present wording that were in an earlier one.

    Two queries whatever the length of the page: the untranslated segments, then the
    earlier translations made in the same contexts.
    """
    locale_id = translation.target_locale_id
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale_id,
        has_error=False,
    )
    untranslated = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .exclude(Exists(translated))
        .select_related("string", "context")
        .order_by("order")
    )
    if not untranslated:
        return []
    previous: dict[int, StringTranslation] = {}
    earlier = (
        StringTranslation.objects.filter(
            locale_id=locale_id,
            context_id__in=[segment.context_id for segment in untranslated],
            has_error=False,
        )
        .select_related("translation_of")
        .order_by("updated_at", "pk")
    )
    for string_translation in earlier:
        previous[string_translation.context_id] = string_translation  # the latest wins
    changed = []
    for segment in untranslated:
        earlier_translation = previous.get(segment.context_id)
        if (
            earlier_translation is None
            or earlier_translation.translation_of_id == segment.string_id
        ):
            continue
        changed.append(
            ChangedSegment(
                string_id=segment.string_id,
                context_id=segment.context_id,
                field=segment.context.path,
                source_text=segment.string.data,
                previous_source_text=earlier_translation.translation_of.data,
                previous_translation=earlier_translation.data,
            )
        )
    return changed


def translate_changed_segment(
    translation: Translation, segment: ChangedSegment, text: str, user
) -> None:
    """Store the translator's text for the passage's present wording."""
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale_id=translation.target_locale_id,
        context_id=segment.context_id,
        defaults={
            "data": text,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "last_translated_by": user,
            "tool_name": "",
            "has_error": False,
            "field_error": "",
        },
    )
