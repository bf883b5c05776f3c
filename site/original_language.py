"""Reading the original while its translation is a draft.

A translation is a draft until a translator publishes it (wagtail-localize's
`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE` is off); meanwhile a visitor who asks
for the page in that language reads the original, in the default language. The API and
the page heads (museum_site.page_meta) share this one rule so they agree on what is at
a URL: the content's `locale` says which language its text is in, and the head marks
the URL as a fallback (its `lang`, and its canonical pointing at the original).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from museum_site.visibility import public_pages


def untranslated_original(
    queryset: QuerySet,
    language: str,
    public: Callable[[QuerySet], QuerySet] = public_pages,
) -> QuerySet | None:
    """The default-language rows of `queryset` (already narrowed to what was asked for:
    a slug, an inventory number) that have no live translation in `language`; None when
    `language` is the default one. A row with a live translation is left out: that
    translation lives at its own URL."""
    original_language = settings.LANGUAGE_CODE
    if language == original_language:
        return None
    translated = public(queryset.model.objects.filter(locale__language_code=language))
    return queryset.filter(locale__language_code=original_language).exclude(
        translation_key__in=translated.values("translation_key")
    )


def in_language_or_original(
    queryset: QuerySet,
    language: str,
    *,
    public: Callable[[QuerySet], QuerySet] = public_pages,
    load: Callable[[QuerySet], QuerySet] = lambda rows: rows,
) -> Any | None:
    """The row of `queryset` in `language`, else its untranslated original; None when
    neither exists. `load` shapes each read (select_related, a dataloader) so callers
    fetch what they render in the same query, whichever of the two answers."""
    found = load(queryset.filter(locale__language_code=language)).first()
    if found is None:
        originals = untranslated_original(queryset, language, public)
        found = load(originals).first() if originals is not None else None
    return found
