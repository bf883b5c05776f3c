"""Counters that only locked services may change."""

from __future__ import annotations

from django.db import models


class CountedUnderLock(models.Model):
    """Columns named in `counted_fields` change only through F() updates under a row lock
    (shop/services). An ordinary save() of an instance read earlier, such as an admin
    form opened before a sale, writes every other column but never these: writing them
    back would undo what was counted in between."""

    counted_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in self.counted_fields
            ]
        super().save(*args, **kwargs)
