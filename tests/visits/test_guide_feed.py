"""A guide's private iCalendar feed lists exactly their assignments."""

from __future__ import annotations

from datetime import timedelta

import icalendar
import pytest

from museum_site.museums.models import Museum
from shop.visits.models import Activity
from shop.visits.services import planning
from tests.visits import builders

pytestmark = pytest.mark.django_db


def activity(title: str, start) -> Activity:
    return Activity.objects.create(
        museum=Museum.objects.default(),
        kind=Activity.Kind.VISIT,
        title=title,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )


def test_the_feed_lists_exactly_the_guides_own_assignments(client):
    els, wim = builders.guide("Els", ["nl"]), builders.guide("Wim", ["nl"])
    start = builders.next_weekday(1)
    mine = [activity("Klas 3B", start), activity("Klas 4A", start + timedelta(hours=2))]
    for one in mine:
        planning.assign(one, els)
    planning.assign(activity("Someone else's", start), wim)
    response = client.get(f"/shop/visits/guides/{els.feed_secret}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(str(event["summary"]) for event in events) == ["Klas 3B", "Klas 4A"]


def test_a_wrong_secret_answers_404(client):
    els = builders.guide("Els", ["nl"])
    assert client.get(f"/shop/visits/guides/{els.feed_secret}x.ics").status_code == 404
    assert client.get("/shop/visits/guides/guess.ics").status_code == 404
