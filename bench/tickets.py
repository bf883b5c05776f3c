"""Tickets: what `ticketAvailability` costs in SQL, and how fast the door admits a ticket.

On a throw-away database, one exhibition offer with four slots a day for 60 days, each
day's slots sharing an exhibition quota (the overlap of issue 13), and some places sold.

Printed:
- the SQL queries of `ticketAvailability` over /graphql/ (Django's test client, the full
  stack) for 1, 7, 30 and 60 days: the same number for every range (a list of 240 slots
  must not cost a query per slot or per day);
- a check-in at two layers, each against a trivial baseline on the same layer, each the
  median of --rounds rounds of --checkins calls, every check-in on a fresh ticket so
  each one really admits (goal: check-in / trivial <= 3 at both):
  - the service (shop.tickets.checkin.check_in: one conditional UPDATE admits the
    ticket, one read gives the answer) against a trivial ORM query (one ticket by its
    indexed code), with the queries it sends;
  - the door's endpoint (POST /admin/tickets/check-in/scan/ as a ticket desk member,
    not a superuser) against a trivial request through the same stack (session, user,
    permission, the staff's museum, then one ticket by its code).
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
    from shop.tickets.demo import staff_groups
    from shop.tickets.models import Ticket
    from tests.tickets import builders

    with transaction.atomic():  # one commit, not one per row
        offer, door_slot = build_calendar()
    client = Client()
    print(f"{connection.vendor}: exhibition, {len(HOURS)} slots a day, a quota per day")
    # The first request of a process finds the host's museum (cached once per process,
    # museum_site.museums.current): warm it, as every later request is.
    availability_queries(client, offer.pk, 1)
    counts = {}
    for days in (1, 7, 30, DAYS):
        counts[days], slots = availability_queries(client, offer.pk, days)
        print(f"  ticketAvailability for {days:2d} days: {slots:3d} slots, {counts[days]} queries")
    constant = len(set(counts.values())) == 1
    print(f"queries constant over the range: {'yes' if constant else 'NO'}")

    museum = Museum.objects.default()
    # Door staff as the demo makes them: a ticket desk member, no superuser (a superuser
    # would skip the permission queries every real check-in pays).
    staff = get_user_model().objects.create_user("bench-door", is_staff=True)
    staff.groups.add(staff_groups(museum)["Ticket desk"])
    door = Client()
    door.force_login(staff)
    install_trivial_endpoint()

    def fresh_codes() -> list[str]:
        with transaction.atomic():
            return [builders.ticket(door_slot).code for _ in range(args.checkins)]

    first, second, third = fresh_codes()[:3]
    service_queries, verdict = sent_sql(lambda: checkin.check_in(first, museum.pk, staff))
    assert verdict.outcome == "valid"
    endpoint_queries, answer = sent_sql(lambda: door.post(SCAN, {"code": second}))
    assert answer.json()["outcome"] == "valid", answer.content
    trivial_queries, answer = sent_sql(lambda: door.post(TRIVIAL, {"code": third}))
    assert answer.status_code == 200, answer.content

    names = ("trivial", "write", "checkin", "trivial_request", "checkin_request")
    results: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(args.rounds):  # interleaved: a noisy machine slows all alike
        codes = fresh_codes()
        trivial = [lambda code=code: Ticket.objects.filter(code=code).first() for code in codes]
        # The smallest committed write: one row's column set to what it already is.
        write = [
            lambda code=code: Ticket.objects.filter(code=code).update(pass_number="")
            for code in codes
        ]
        admit = [lambda code=code: checkin.check_in(code, museum.pk, staff) for code in codes]
        results["trivial"].append(seconds_per_call(trivial))
        results["write"].append(seconds_per_call(write))
        results["checkin"].append(seconds_per_call(admit))
        assert admitted(codes) == len(codes)
        # The same through the door's endpoint, against a trivial request on the same path
        # (session, user, permission, the staff's museum; then one ticket by its code).
        codes = fresh_codes()
        trivial_requests = [lambda code=code: door.post(TRIVIAL, {"code": code}) for code in codes]
        scans = [lambda code=code: door.post(SCAN, {"code": code}) for code in codes]
        results["trivial_request"].append(seconds_per_call(trivial_requests))
        results["checkin_request"].append(seconds_per_call(scans))
        assert admitted(codes) == len(codes)

    median = {name: statistics.median(values) * 1000 for name, values in results.items()}
    print(f"check-in, {args.rounds} rounds of {args.checkins} fresh tickets, medians:")
    print(f"  service (shop.tickets.checkin.check_in), {len(service_queries)} queries:")
    for sql in service_queries:
        print(f"      {sql[:110]}")
    print(f"    trivial query (a ticket by its code)   {median['trivial']:7.3f} ms")
    print(f"    trivial write (one row, committed)     {median['write']:7.3f} ms")
    print(f"    check-in (admit, then read the answer) {median['checkin']:7.3f} ms")
    print(
        f"  endpoint (POST {SCAN}), {len(endpoint_queries)} queries"
        f" vs a trivial request, {len(trivial_queries)} queries:"
    )
    print(f"    trivial request (same stack, one read) {median['trivial_request']:7.3f} ms")
    print(f"    check-in request                       {median['checkin_request']:7.3f} ms")
    service = median["checkin"] / median["trivial"]
    endpoint = median["checkin_request"] / median["trivial_request"]
    print(f"ratio check-in/trivial query (service):  {service:.2f} (goal <= 3.00)")
    print(f"ratio check-in/trivial request (HTTP):   {endpoint:.2f} (goal <= 3.00)")
    print(f"ratio check-in/trivial write (service):  {median['checkin'] / median['write']:.2f}")


SCAN = "/admin/tickets/check-in/scan/"


def sent_sql(call) -> tuple[list[str], object]:
    """The SQL statements `call` sends (an execute wrapper sees every one, DEBUG or not)."""
    from django.db import connection

    sent: list[str] = []

    def record(execute, sql, params, many, context):
        sent.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        result = call()
    return sent, result


TRIVIAL = "/admin/bench/trivial/"


def admitted(codes: list[str]) -> int:
    from shop.tickets.models import Ticket

    return Ticket.objects.filter(code__in=codes, checked_in_at__isnull=False).count()


def install_trivial_endpoint() -> None:
    """A view beside the check-in's, behind the same decorators and museum check, that
    reads one ticket by its code and answers JSON: the baseline an honest comparison of
    the door's endpoint needs (the session, user and permission queries are paid alike)."""
    import sys
    import types

    from django.conf import settings
    from django.contrib.auth.decorators import permission_required
    from django.http import JsonResponse
    from django.urls import clear_url_caches, include, path
    from django.views.decorators.http import require_POST
    from wagtail.admin.auth import require_admin_access

    from museum_site.museums.permissions import staff_museum
    from shop.tickets import admin_views
    from shop.tickets.models import Ticket

    @require_admin_access
    @permission_required(admin_views.PERMISSION, raise_exception=True)
    @require_POST
    def trivial(request):
        staff_museum(request)
        found = Ticket.objects.filter(code=request.POST.get("code", "")).first()
        return JsonResponse({"found": found is not None})

    module = types.ModuleType("bench_ticket_urls")
    module.urlpatterns = [
        path(TRIVIAL.lstrip("/"), trivial),
        path("", include(settings.ROOT_URLCONF)),
    ]
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    clear_url_caches()


if __name__ == "__main__":
    main()
