"""Copying a page whose child rows have child rows of their own (chapters' objects,
scenes' hotspots) gives the copy rows of its own.

Wagtail's copy gives a page's direct translatable child rows a new translation key and
remaps them in the copied revisions, but it copies nested rows with their source's key,
which clashes on TranslatableMixin's unique (translation_key, locale), and leaves the
source's row ids in the copied revisions, so publishing one of those revisions would
move the source's rows onto the copy. Two hooks on the page fix both:

- `copy_all_child_relations` (called by every copy, alias and alias update) gives each
  nested row of a copy the key `uuid5(copy's translation key, source row's key)`: a new
  group, and one that can be found again from the source row's key.
- `with_content_json` (called for every revision that is shown, edited or published)
  points a nested row of another page at this page's own row: the one that is its
  translation (same key, as translating keeps keys) or its copy (the derived key); a row
  with neither becomes a new row.

Stable keys that rows use to refer to each other (a tour's scene keys that hotspots and
stops name) are per page, so a copy keeps them and its hotspots still lead to its own
scenes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

from django.db import models
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import TranslatableMixin


def copied_key(page_key: uuid.UUID, source_key: uuid.UUID) -> uuid.UUID:
    """The translation key of a nested row copied from a row with `source_key`."""
    return uuid.uuid5(uuid.UUID(str(page_key)), str(source_key))


def _nested_relations(page_model: type[models.Model]) -> Iterator[tuple[str, str, str]]:
    """(child accessor, nested accessor, nested row's path to the page) for every
    translatable relation two levels below the page."""
    for relation in get_all_child_relations(page_model):
        child_model = relation.related_model
        if not issubclass(child_model, ClusterableModel):
            continue
        for nested in get_all_child_relations(child_model):
            if issubclass(nested.related_model, TranslatableMixin):
                yield (
                    relation.get_accessor_name(),
                    nested.get_accessor_name(),
                    f"{nested.field.name}__{relation.field.name}",
                )


class CopiesNestedRows:
    """Mixed into MuseumPage: see the module docstring."""

    def copy_all_child_relations(self, target, exclude=None):
        child_object_map = super().copy_all_child_relations(target, exclude=exclude)
        if target.translation_key == self.translation_key:
            return child_object_map  # a translation: rows keep their keys in a new locale
        for child_accessor, nested_accessor, _path in _nested_relations(type(self)):
            for child in getattr(target, child_accessor).all():
                for row in getattr(child, nested_accessor).all():
                    row.translation_key = copied_key(target.translation_key, row.translation_key)
        return child_object_map

    def with_content_json(self, content: dict):
        page = super().with_content_json(content)
        if self.pk is None:
            return page
        for child_accessor, nested_accessor, path in _nested_relations(type(self)):
            rows = [
                row
                for child in getattr(page, child_accessor).all()
                for row in getattr(child, nested_accessor).all()
            ]
            if not rows:
                continue
            nested_model = type(rows[0])
            own = {
                uuid.UUID(str(key)): pk
                for key, pk in nested_model._default_manager.filter(**{path: self.pk}).values_list(
                    "translation_key", "pk"
                )
            }
            own_pks = set(own.values())
            for row in rows:
                if row.pk is None or row.pk in own_pks:
                    continue
                source_key = uuid.UUID(str(row.translation_key))
                for key in (source_key, copied_key(self.translation_key, source_key)):
                    if key in own:
                        row.pk, row.translation_key = own[key], key
                        break
                else:
                    # The row it came from is gone: a new row, in a group of its own.
                    row.pk = None
                    row.translation_key = copied_key(self.translation_key, source_key)
                    row._state.adding = True
        return page
