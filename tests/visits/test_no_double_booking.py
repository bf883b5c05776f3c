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


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_the_database_refuses_materials_beyond_stock_that_skip_the_service():
    """The trigger of migration 0004 counts the peak in use, not the sum of overlaps."""
    from django.db import IntegrityError, transaction

    tablets = builders.material(stock=12)
    start = builders.next_weekday(1)

    def write(one: Activity, quantity: int) -> Assignment:
        return Assignment.objects.create(
            activity=one,
            resource=tablets,
            exclusive=False,
            quantity=quantity,
            starts_at=one.starts_at,
            ends_at=one.ends_at,
        )

    write(activity(start, minutes=60), 6)
    write(activity(start + timedelta(hours=2), minutes=60), 6)
    write(activity(start - timedelta(hours=1), minutes=300), 6)  # never more than 12 out
    with pytest.raises(IntegrityError), transaction.atomic():
        write(activity(start + timedelta(minutes=30), minutes=30), 1)
    grown = write(activity(start + timedelta(hours=3, minutes=30), minutes=60), 6)  # 12 out
    grown.quantity = 7
    with pytest.raises(IntegrityError), transaction.atomic():
        grown.save()


@pytest.mark.django_db
def test_a_guide_is_assigned_only_in_their_working_hours():
    monday_to_wednesday_mornings = [{"days": [0, 1, 2], "from": "09:00", "until": "13:00"}]
    pieter = builders.guide("Pieter", ["nl"], working_hours=monday_to_wednesday_mornings)
    tuesday = builders.next_weekday(1, hour=10)
    planning.assign(activity(tuesday), pieter)  # 10:00 to 11:30
    for outside in (
        builders.next_weekday(1, hour=12),  # ends at 13:30
        builders.next_weekday(3, hour=10),  # a Thursday
    ):
        with pytest.raises(PayloadError) as raised:
            planning.assign(activity(outside), pieter)
        assert raised.value.code.name == "NOT_WORKING"
        assert raised.value.message.startswith("Pieter")
    # Leave is taken outside work too; and a guide on leave is busy.
    leave = Activity.objects.create(
        museum=Museum.objects.default(),
        kind=Activity.Kind.LEAVE,
        title="Leave",
        starts_at=builders.next_weekday(2, hour=0),
        ends_at=builders.next_weekday(3, hour=0),
    )
    planning.assign(leave, pieter)
    with pytest.raises(PayloadError) as raised:
        planning.assign(activity(builders.next_weekday(2, hour=10)), pieter)
    assert raised.value.code.name == "RESOURCE_TAKEN"


@pytest.mark.django_db
def test_only_guides_at_work_are_proposed():
    builders.guide("Els", ["nl"])
    builders.guide(
        "Pieter", ["nl"], working_hours=[{"days": [0], "from": "09:00", "until": "17:00"}]
    )
    museum = Museum.objects.default()
    monday, tuesday = builders.next_weekday(0), builders.next_weekday(1)
    names = lambda start: [  # noqa: E731
        guide.name
        for guide in planning.free(
            museum.pk, "guide", start, start + timedelta(minutes=90), language="nl"
        )
    ]
    assert names(monday) == ["Els", "Pieter"]
    assert names(tuesday) == ["Els"]


@pytest.mark.django_db
def test_working_hours_must_be_shifts():
    from django.core.exceptions import ValidationError

    guide = builders.guide("Els", ["nl"])
    for wrong in (
        [{"days": [0], "from": "9h"}],
        [{"days": [0], "from": "17:00", "until": "09:00"}],
    ):
        guide.working_hours = wrong
        with pytest.raises(ValidationError):
            guide.full_clean()
    guide.working_hours = [{"days": [0, 4], "from": "09:00", "until": "12:30"}]
    guide.full_clean()
