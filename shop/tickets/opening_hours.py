"""A day's opening hours, read from the admission offers' weekly openings.

The museum's details keep their hours as free text per language, written for people
("Tuesday to Sunday 10:00–18:00"); what a home page shows as *today's* hours must come
from data. The ticket schedule is that data: the museum is open on a day from the first
slot of any offer on sale to the latest closing time, unless a museum-wide exception
closes it or changes the hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from museum_site.museums.models import Museum
from shop.tickets.models import ScheduleException, WeeklyOpening


@dataclass(frozen=True)
class OpeningDay:
    day: date
    opens: time | None
    closes: time | None
    note: str = ""

    @property
    def is_open(self) -> bool:
        return self.opens is not None and self.closes is not None


def opening_day(museum: Museum, day: date) -> OpeningDay | None:
    """The museum's hours on `day`; None when it sells no admission at all (the site then
    shows only the details' text). Two queries."""
    exception = (
        ScheduleException.objects.filter(museum=museum, offer__isnull=True, date=day)
        .only("closed", "opens", "closes", "note")
        .first()
    )
    openings = list(
        WeeklyOpening.objects.filter(museum=museum, offer__active=True).values_list(
            "weekday", "opens", "closes"
        )
    )
    if not openings:
        return None
    if exception is not None:
        if exception.closed:
            return OpeningDay(day, None, None, exception.note)
        return OpeningDay(day, exception.opens, exception.closes, exception.note)
    todays = [(opens, closes) for weekday, opens, closes in openings if weekday == day.weekday()]
    if not todays:
        return OpeningDay(day, None, None)
    return OpeningDay(day, min(o for o, _ in todays), max(c for _, c in todays))
