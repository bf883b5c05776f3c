"""The content version: one row that every process reads, so cached answers agree.

Cached GraphQL answers are keyed by this number. It lives in the database, not in the
cache, because the cache may be per process (LocMemCache): a publish in one web worker,
the `publish_scheduled` cron or the task worker that finishes tiling must make every
other process stop serving what it cached before, at once, with or without Redis.
"""

from django.db import models
from django.db.models import F


class ContentVersion(models.Model):
    """A single row (pk 1); `number` grows by one after each content change commits."""

    number = models.BigIntegerField(default=1)

    def __str__(self) -> str:
        return str(self.number)

    @classmethod
    def current(cls) -> int:
        """One indexed read; 1 before the first change (and if the row was flushed)."""
        found = cls.objects.filter(pk=1).values_list("number", flat=True).first()
        return found or 1

    @classmethod
    def bump(cls) -> None:
        """`number += 1` in one statement, so concurrent bumps never lose one."""
        if not cls.objects.filter(pk=1).update(number=F("number") + 1):
            cls.objects.get_or_create(pk=1, defaults={"number": 2})
