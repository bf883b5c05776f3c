"""What a visitor may see now: the one rule for pages and for publishable snippets.

Wagtail keeps three facts on every page and on every snippet with DraftStateMixin:
`live`, `go_live_at` and `expire_at`. `live` alone is not the answer: a row whose
`expire_at` passed stays live until the `publish_scheduled` job runs, and a row can be
live with a `go_live_at` still to come (an import, a restored backup, an edit outside
the admin). So the rule is checked at read time, with the clock:

    live and (go_live_at is null or go_live_at <= now) and (expire_at is null or expire_at > now)

`visible_now()` is that rule as a query filter, `is_visible_now()` the same rule on a
loaded row (for references already fetched: StreamField blocks, hotspot targets,
prefetched chapter objects); pages add Wagtail's view restrictions (`public_pages`).
Every reading path goes through one of these; `scheduled_tables()` lists the models
they apply to, so the response cache knows when an answer stops being true.
"""

from __future__ import annotations

import datetime

from django.apps import apps
from django.db import models
from django.utils import timezone
from wagtail.models import DraftStateMixin


def visible_now(now: datetime.datetime | None = None, prefix: str = "") -> models.Q:
    """Filter for rows a visitor may see at `now`; `prefix` follows a relation ("object__")."""
    now = now or timezone.now()
    return (
        models.Q(**{f"{prefix}live": True})
        & (
            models.Q(**{f"{prefix}go_live_at__isnull": True})
            | models.Q(**{f"{prefix}go_live_at__lte": now})
        )
        & (
            models.Q(**{f"{prefix}expire_at__isnull": True})
            | models.Q(**{f"{prefix}expire_at__gt": now})
        )
    )


def is_visible_now(obj: DraftStateMixin | None, now: datetime.datetime | None = None) -> bool:
    """The same rule as `visible_now`, for a row already loaded."""
    if obj is None or not obj.live:
        return False
    now = now or timezone.now()
    if obj.go_live_at is not None and obj.go_live_at > now:
        return False
    return obj.expire_at is None or obj.expire_at > now


def public_pages(queryset: models.QuerySet) -> models.QuerySet:
    """Pages a visitor may see now: visible by the clock and not view-restricted."""
    return queryset.public().filter(visible_now())


def public_objects(queryset: models.QuerySet) -> models.QuerySet:
    """Rows of a publishable snippet model (CollectionObject) a visitor may see now."""
    return queryset.filter(visible_now())


def indexable_objects(queryset: models.QuerySet) -> models.QuerySet:
    """Rows that are or will become visible without an editor acting: live and not
    expired. The search stores their `go_live_at` and `expire_at` and applies the clock
    when it is asked, so a live row whose `go_live_at` is still to come appears then
    without being indexed again."""
    now = timezone.now()
    return queryset.filter(
        models.Q(live=True), models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=now)
    )


def indexable_pages(queryset: models.QuerySet) -> models.QuerySet:
    """`indexable_objects` for pages, without the view-restricted ones."""
    return indexable_objects(queryset.public())


def scheduled_models() -> list[type[models.Model]]:
    """Every concrete model with `live`, `go_live_at` and `expire_at`: each page model
    and each snippet model with DraftStateMixin. Tests build their visibility matrix
    from this list, so a new content model cannot be left out silently."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not model._meta.abstract
    ]


def scheduled_tables() -> list[type[models.Model]]:
    """One model per table holding those columns: every page model shares Page's."""
    tables: dict[str, type[models.Model]] = {}
    for model in scheduled_models():
        owner = model._meta.get_field("go_live_at").model
        tables.setdefault(owner._meta.label, owner)
    return list(tables.values())


def next_change(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """The earliest moment after `now` at which a live row appears or disappears by the
    clock alone (its `go_live_at` or `expire_at`), in one query over every table.

    Rows that are not live change only when an editor or the scheduler publishes them,
    which bumps the content version; they need no moment here."""
    now = now or timezone.now()
    moments: list[models.QuerySet] = []
    for model in scheduled_tables():
        live = model._base_manager.filter(live=True).order_by()
        moments.append(live.filter(go_live_at__gt=now).values_list("go_live_at", flat=True))
        moments.append(live.filter(expire_at__gt=now).values_list("expire_at", flat=True))
    first, *others = moments
    return first.union(*others, all=True).order_by("go_live_at").first()
