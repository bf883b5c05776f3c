"""Taking guides, rooms and materials for an activity, never twice at once.

A guide is assigned only in their working hours (`Resource.working_hours`; leave is an
activity that occupies them like any other). Guides and rooms: on PostgreSQL the
exclusion constraint (migration 0002) refuses an overlapping row whatever the timing of
two saves; we check first only to name the conflict, and turn the constraint's
IntegrityError into the same domain error. SQLite has no exclusion constraints, but it
has a single writer: the check inside the write transaction holds there. Materials are
counted: the material's row is locked, then the quantities already in use during the
activity are summed, in one transaction, so two assignments cannot both see the last
tablets free; on PostgreSQL a trigger (migration 0004) counts again after every write,
the last guard for a write that skips this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from shop.graphql.errors import PayloadError
from shop.visits.errors import VisitErrorCode
from shop.visits.models import Activity, Assignment, Resource


def overlapping(starts_at: datetime, ends_at: datetime) -> Q:
    return Q(starts_at__lt=ends_at, ends_at__gt=starts_at)


def assign(activity: Activity, resource: Resource, quantity: int = 1) -> Assignment:
    """Take `resource` for `activity`, or raise a PayloadError naming the conflict."""
    if resource.museum_id != activity.museum_id:
        raise PayloadError(VisitErrorCode.INVALID, _("That resource belongs to another museum."))
    if resource.exclusive:
        quantity = 1
    if activity.kind != Activity.Kind.LEAVE and not resource.works_during(
        activity.starts_at, activity.ends_at
    ):
        raise PayloadError(
            VisitErrorCode.NOT_WORKING,
            _("%(name)s does not work at that time.") % {"name": resource.name},
            "resource",
        )
    try:
        with transaction.atomic():
            locked = Resource.objects.select_for_update().get(pk=resource.pk)
            busy = Assignment.objects.filter(
                overlapping(activity.starts_at, activity.ends_at), resource=locked
            ).exclude(activity=activity)
            if locked.exclusive and busy.exists():
                raise _taken(locked)
            if not locked.exclusive:
                in_use = peak_in_use(busy, activity.starts_at, activity.ends_at)
                if in_use + quantity > locked.stock:
                    raise _not_enough(locked, in_use)
            assignment, _created = Assignment.objects.update_or_create(
                activity=activity,
                resource=locked,
                defaults={
                    "quantity": quantity,
                    "exclusive": locked.exclusive,
                    "starts_at": activity.starts_at,
                    "ends_at": activity.ends_at,
                },
            )
    except IntegrityError as error:
        # The exclusion constraint (guides, rooms) or the stock trigger (materials,
        # migration 0004): another save won the race.
        if resource.exclusive:
            raise _taken(resource) from error
        raise _not_enough(resource, None) from error
    return assignment


def peak_in_use(assignments, starts_at: datetime, ends_at: datetime) -> int:
    """The most units out at any one moment of [starts_at, ends_at): a sweep over the
    overlapping assignments' starts and ends (two short loans one after the other
    both overlap a long one, but never add up)."""
    changes: list[tuple[datetime, int]] = []
    for start, end, quantity in assignments.values_list("starts_at", "ends_at", "quantity"):
        changes += [(max(start, starts_at), quantity), (min(end, ends_at), -quantity)]
    peak = current = 0
    for _moment, change in sorted(changes, key=lambda item: (item[0], item[1])):
        current += change
        peak = max(peak, current)
    return peak


def _not_enough(material: Resource, in_use: int | None) -> PayloadError:
    if in_use is None:
        message = _("Not enough %(name)s are free at that time.") % {"name": material.name}
    else:
        message = _("Only %(free)s of %(name)s are free at that time.") % {
            "free": max(material.stock - in_use, 0),
            "name": material.name,
        }
    return PayloadError(VisitErrorCode.NOT_ENOUGH_MATERIAL, message, "resource")


def _taken(resource: Resource) -> PayloadError:
    return PayloadError(
        VisitErrorCode.RESOURCE_TAKEN,
        _("%(name)s is already taken at that time.") % {"name": resource.name},
        "resource",
    )


def free(
    museum_id: int,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    *,
    language: str | None = None,
    skills: Iterable[str] = (),
    people: int | None = None,
) -> list[Resource]:
    """Resources of `kind` free for the whole time, at work then (guides' working
    hours), that speak the language, have the skills and hold the people: what the
    admin proposes when assigning."""
    busy = Assignment.objects.filter(overlapping(starts_at, ends_at), exclusive=True).values(
        "resource_id"
    )
    found = Resource.objects.filter(museum_id=museum_id, kind=kind, active=True).exclude(
        pk__in=busy
    )
    wanted = set(skills)
    return [
        resource
        for resource in found
        if (language is None or language in resource.languages)
        and wanted <= set(resource.skills)
        and (people is None or resource.capacity is None or resource.capacity >= people)
        and resource.works_during(starts_at, ends_at)
    ]
