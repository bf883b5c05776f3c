"""Tickets: what `ticketAvailability` costs in SQL, and how fast the door admits a ticket.

On a throw-away database, one exhibition offer with four slots a day for 60 days, each
day's slots sharing an exhibition quota (the overlap of issue 13), and some places sold.

Printed:
- the SQL queries of `ticketAvailability` over /graphql/ (Django's test client, the full
  stack) for 1, 7, 30 and 60 days: the same number for every range (a list of 240 slots
  must not cost a query per slot or per day);
- a check-in (shop.tickets.checkin.check_in: look the ticket up by its code, admit it
  with one conditional UPDATE) against a trivial query on the same table (one ticket by
  its indexed code), each the median of --rounds rounds of --checkins calls, every
  check-in on a fresh ticket so each one really admits. Goal: check-in / trivial <= 3.
  Also printed: the smallest committed write (a one-row UPDATE), since a check-in must
  commit its admission and a commit costs a disk flush that no read pays.

    .venv/bin/python bench/tickets.py [--checkins 300] [--rounds 3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vitrine_bench .venv/bin/python bench/tickets.py
"""

from __future__ import annotations

import argparse
import datetime
import json
import statistics
import time

import setup_django

DAYS = 60
HOURS = (10, 12, 14, 16)
QUERY = """query($offer: ID!, $from: Date!, $to: Date!) {
  ticketAvailability(offer: $offer, from: $from, to: $to, locale: "en") {
    date remaining
    slots { id startsAt remaining state prices { category { kind name } price { amount } } }
  }
}"""


def build_calendar():
    """The exhibition's 60 days; returns the offer and a slot starting in ten minutes."""
    from django.utils import timezone

    from tests.tickets import builders

    exhibition = builders.offer(kind="exhibition", slug="bench-expo")
    for day in range(1, DAYS + 1):
        slots = [
            builders.slot(exhibition, builders.tomorrow_at(hour, days=day), capacity=40)
            for hour in HOURS
        ]
        builders.quota(120, *slots)
        builders.ticket(slots[0])
    door_slot = builders.slot(
        exhibition, timezone.now() + datetime.timedelta(minutes=10), capacity=100_000
    )
    return exhibition, door_slot


def availability_queries(client, offer_id: int, days: int) -> tuple[int, int]:
    """(SQL queries, slots answered) of one ticketAvailability request over `days`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    today = timezone.localdate()
    body = json.dumps(
        {
            "query": QUERY,
            "variables": {
                "offer": str(offer_id),
                "from": str(today + datetime.timedelta(days=1)),
                "to": str(today + datetime.timedelta(days=days)),
            },
        }
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/graphql/", body, content_type="application/json")
    answer = json.loads(response.content)
    assert response.status_code == 200 and "errors" not in answer, answer
    slots = sum(len(day["slots"]) for day in answer["data"]["ticketAvailability"])
    return len(queries), slots


def seconds_per_call(calls: list) -> float:
    start = time.perf_counter()
    for call in calls:
        call()
    return (time.perf_counter() - start) / len(calls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkins", type=int, default=300, help="per round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    setup_django.start()
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.test import Client

    from museum_site.museums.models import Museum
    from shop.tickets import checkin
    from shop.tickets.models import Ticket
    from tests.tickets import builders

    with transaction.atomic():  # one commit, not one per row
        offer, door_slot = build_calendar()
    client = Client()
    print(f"{connection.vendor}: exhibition, {len(HOURS)} slots a day, a quota per day")
    counts = {}
    for days in (1, 7, 30, DAYS):
        counts[days], slots = availability_queries(client, offer.pk, days)
        print(f"  ticketAvailability for {days:2d} days: {slots:3d} slots, {counts[days]} queries")
    constant = len(set(counts.values())) == 1
    print(f"queries constant over the range: {'yes' if constant else 'NO'}")

    museum_id = Museum.objects.default().pk
    staff = get_user_model().objects.create_user("bench-door", is_staff=True)
    results: dict[str, list[float]] = {"trivial": [], "write": [], "checkin": []}
    for _ in range(args.rounds):  # interleaved: a noisy machine slows both alike
        with transaction.atomic():
            codes = [builders.ticket(door_slot).code for _ in range(args.checkins)]
        trivial = [lambda code=code: Ticket.objects.filter(code=code).first() for code in codes]
        # The smallest committed write: one row's column set to what it already is.
        write = [
            lambda code=code: Ticket.objects.filter(code=code).update(pass_number="")
            for code in codes
        ]
        admit = [lambda code=code: checkin.check_in(code, museum_id, staff) for code in codes]
        results["trivial"].append(seconds_per_call(trivial))
        results["write"].append(seconds_per_call(write))
        results["checkin"].append(seconds_per_call(admit))
        admitted = Ticket.objects.filter(code__in=codes, checked_in_at__isnull=False).count()
        assert admitted == len(codes), f"only {admitted} of {len(codes)} admitted"

    median = {name: statistics.median(values) for name, values in results.items()}
    print(f"check-in, {args.rounds} rounds of {args.checkins} fresh tickets, medians:")
    print(f"  trivial query (a ticket by its code) {median['trivial'] * 1000:7.3f} ms")
    print(f"  trivial write (one row, committed)   {median['write'] * 1000:7.3f} ms")
    print(f"  check-in (look up and admit)         {median['checkin'] * 1000:7.3f} ms")
    ratio = median["checkin"] / median["trivial"]
    print(f"ratio check-in/trivial query: {ratio:.2f} (goal <= 3.00)")
    print(f"ratio check-in/trivial write: {median['checkin'] / median['write']:.2f}")


if __name__ == "__main__":
    main()
