"""A guide, a room or the last tablets cannot be taken twice for the same time."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection

from museum_site.museums.models import Museum
from shop.graphql.errors import PayloadError
from shop.visits.models import Activity, Assignment
from shop.visits.services import planning
from tests.visits import builders


def activity(start, minutes: int = 90) -> Activity:
    return Activity.objects.create(
        museum=Museum.objects.default(),
        kind=Activity.Kind.VISIT,
        title="Visit",
        starts_at=start,
        ends_at=start + timedelta(minutes=minutes),
    )


@pytest.mark.django_db
def test_an_overlapping_assignment_is_refused_and_an_adjacent_one_is_not():
    guide = builders.guide("Els", ["nl"])
    start = builders.next_weekday(1)
    planning.assign(activity(start), guide)
    with pytest.raises(PayloadError) as raised:
        planning.assign(activity(start + timedelta(minutes=30)), guide)
    assert raised.value.code.name == "RESOURCE_TAKEN"
    planning.assign(activity(start + timedelta(minutes=90)), guide)  # starts as the first ends


@pytest.mark.django_db
def test_materials_are_counted_not_exclusive():
    tablets = builders.material(stock=12)
    start = builders.next_weekday(1)
    planning.assign(activity(start), tablets, 8)
    planning.assign(activity(start + timedelta(hours=3)), tablets, 12)  # later: all free
    with pytest.raises(PayloadError) as raised:
        planning.assign(activity(start + timedelta(minutes=45)), tablets, 5)
    assert raised.value.code.name == "NOT_ENOUGH_MATERIAL"
    planning.assign(activity(start + timedelta(minutes=45)), tablets, 4)


@pytest.mark.django_db
def test_material_in_use_is_the_peak_at_any_moment_not_the_sum():
    tablets = builders.material(stock=12)
    start = builders.next_weekday(1)
    planning.assign(activity(start, minutes=60), tablets, 6)
    planning.assign(activity(start + timedelta(hours=2), minutes=60), tablets, 6)
    # A day-long workshop overlaps both, but never more than 6 are out at once.
    planning.assign(activity(start - timedelta(hours=1), minutes=300), tablets, 6)
    with pytest.raises(PayloadError):
        planning.assign(activity(start, minutes=30), tablets, 1)


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_the_database_refuses_an_overlap_that_skips_the_service():
    guide = builders.guide("Els", ["nl"])
    first, second = activity(builders.next_weekday(1)), activity(builders.next_weekday(1))
    row = {"resource": guide, "exclusive": True, "quantity": 1}
    Assignment.objects.create(
        activity=first, starts_at=first.starts_at, ends_at=first.ends_at, **row
    )
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.create(
            activity=second, starts_at=second.starts_at, ends_at=second.ends_at, **row
        )


def race(resource_factory, quantity: int = 1) -> list[str]:
    """Two staff sessions assign the same resource to overlapping activities at once."""
    resource = resource_factory()
    start = builders.next_weekday(1)
    activities = [activity(start), activity(start + timedelta(minutes=15))]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def staff(one: Activity) -> None:
        try:
            barrier.wait(timeout=10)
            planning.assign(one, resource, quantity)
            outcomes.append("ok")
        except PayloadError as error:
            outcomes.append(error.code.name)
        finally:
            connection.close()

    threads = [threading.Thread(target=staff, args=(one,)) for one in activities]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(outcomes)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("factory", "quantity", "refusal"),
    [
        (lambda: builders.guide("Els", ["nl"]), 1, "RESOURCE_TAKEN"),
        (lambda: builders.room(), 1, "RESOURCE_TAKEN"),
        (lambda: builders.material(stock=12), 8, "NOT_ENOUGH_MATERIAL"),
    ],
    ids=["guide", "room", "material"],
)
def test_two_staff_assigning_at_the_same_moment_one_wins(factory, quantity, refusal):
    for _ in range(5):
        assert race(factory, quantity) == sorted(["ok", refusal])
        Activity.objects.all().delete()
