"""Concurrent buyers completing their checkouts at once, against the production server.

Everything as in a deployment, on this machine: a throw-away PostgreSQL database
(test_<name of DATABASE_URL's database>, dropped at the end), Redis (shared cache of the
server's processes), localstripe on a free loopback port, and the shop served by the
Procfile's web line, `gunicorn -c deploy/gunicorn.conf.py`, with its worker processes and
threads (its defaults: 2 per core x 2; or --processes, --threads) with pooled PostgreSQL
connections, as deploy/gunicorn.conf.py sizes them, and TASKS_BACKEND=database (e-mails and invoice PDFs
are queued for the worker, which is not run here: the requests do not wait for them).

Buyer threads each fill a checkout over HTTP/GraphQL, pay at localstripe (card on the
PaymentIntent, confirm, as the browser does), wait at a barrier and then call
`checkoutComplete` together: the step where stock is allocated under row locks, so that
is where they race. The latencies printed are of `checkoutComplete` alone.

Three scenarios in one run:
- *scarce*: --buyers (40) race for --units (5) of one variant;
- *ample*: --buyers (40) buy a variant with 10 x buyers in stock;
- *ample-20*: --ample-buyers (20) buy the ample variant.
For each it prints orders created (PAID), buyers refused with INSUFFICIENT_STOCK, units
oversold (must be 0), completions per second, the p50 and p95 of `checkoutComplete` and
how far apart the sales were (the median gap between the orders' paid_at, which is set
under the stock and invoice-series locks: the pace at which buyers pass through them);
then the scarce/ample ratios against the goals of issue 12: the race's p95 within 2x the
ample case, and the ample-20 p95 under 250 ms. As the machine may be shared, it also
measures in the same run a trivial request (`{ __typename }` over the same GraphQL
endpoint, --ample-buyers threads at once, --trivial-rounds each) and prints the ample-20
p95 and the server's CPU time per completion against it (CPU time of the gunicorn
processes, read from /proc: it hardly moves with the machine's load, latency does).
Refused buyers cost more than sold ones:
their payment is refunded at localstripe (after their order's transaction committed:
no lock waits on Stripe). The load average is printed before and after, as the machine
may be shared.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vitrine_bench .venv/bin/python bench/checkout.py
    ... bench/checkout.py --processes 4 --threads 2 --buyers 40 --units 5 --ample-buyers 20

Webhooks are not registered: with them, localstripe's `payment_intent.succeeded` would
place orders before the barrier opens and the race would be between webhooks instead.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from museum_site import loopback_services  # noqa: E402

STRIPE_KEY = "sk_test_vitrine_bench"
ERRORS = "errors { field code message }"


def create_shop(units: int, ample: int, run_id: str) -> int:
    """Two products (SCARCE-<run>, AMPLE-<run>) and pick-up at the desk; returns the
    pick-up's id. The run's own SKUs and slugs let --keepdb run again on the same data."""
    from museum_site.models import HomePage
    from shop.models import ProductIndexPage, ProductPage, ProductVariant, ShippingMethod, Stock

    home = HomePage.objects.get(locale__language_code="nl")
    index = home.add_child(
        instance=ProductIndexPage(title=f"Winkel {run_id}", slug=f"winkel-{run_id}")
    )
    for sku, price, quantity in (
        (f"SCARCE-{run_id}", "39.00", units),
        (f"AMPLE-{run_id}", "12.00", ample),
    ):
        page = ProductPage(title=f"Bench {sku}", slug=sku.lower(), intro="Bench.", live=False)
        page.variants = [ProductVariant(sku=sku, gross_price=Decimal(price), weight_grams=300)]
        index.add_child(instance=page)
        page.save_revision().publish()
        Stock.objects.filter(variant__sku=sku).update(quantity=quantity)
    return ShippingMethod.objects.create(name_nl="Afhalen", kind=ShippingMethod.Kind.PICKUP).pk


def graphql(url: str, query: str, **variables) -> dict:
    request = urllib.request.Request(
        f"{url}/graphql/",
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            answer = json.loads(response.read())
    except urllib.error.HTTPError as error:
        answer = json.loads(error.read())
    if "errors" in answer:
        raise RuntimeError(answer["errors"])
    [payload] = answer["data"].values()
    return payload


@dataclass
class Buyer:
    url: str
    stripe_url: str
    sku: str
    number: int
    pickup_id: int
    token: str = ""
    answer: dict = field(default_factory=dict)
    failure: Exception | None = None
    seconds: float = 0.0

    def prepare(self) -> None:
        """Through GraphQL as a frontend, and at localstripe as the browser."""
        import stripe

        created = graphql(
            self.url,
            f"mutation($input: CheckoutCreateInput!) {{ checkoutCreate(input: $input) "
            f"{{ {ERRORS} checkout {{ token }} }} }}",
            input={
                "email": f"buyer{self.number}@example.be",
                "lines": [{"sku": self.sku, "quantity": 1}],
            },
        )
        assert created["errors"] == [], created
        self.token = created["checkout"]["token"]
        address = {
            "firstName": "Anna",
            "lastName": f"Koper {self.number}",
            "streetAddress1": "Meir 1",
            "postalCode": "2000",
            "city": "Antwerpen",
            "country": "BE",
        }
        for payload in (
            graphql(
                self.url,
                f"mutation($t: UUID!, $a: AddressInput!) {{ checkoutBillingAddressUpdate("
                f"token: $t, billingAddress: $a) {{ {ERRORS} }} }}",
                t=self.token,
                a=address,
            ),
            graphql(
                self.url,
                f"mutation($t: UUID!, $m: ID!) {{ checkoutDeliveryMethodUpdate(token: $t, "
                f"deliveryMethodId: $m) {{ {ERRORS} }} }}",
                t=self.token,
                m=str(self.pickup_id),
            ),
        ):
            assert payload["errors"] == [], payload
        started = graphql(
            self.url,
            f"mutation($t: UUID!) {{ checkoutPaymentCreate(token: $t) {{ {ERRORS} "
            f"payment {{ intentId }} }} }}",
            t=self.token,
        )
        assert started["errors"] == [], started
        intent = started["payment"]["intentId"]
        client = stripe.StripeClient(STRIPE_KEY, base_addresses={"api": self.stripe_url})
        client.v1.payment_intents.update(intent, params={"payment_method": "pm_card_visa"})
        assert client.v1.payment_intents.confirm(intent).status == "succeeded"

    def complete(self) -> None:
        started = time.perf_counter()
        self.answer = graphql(
            self.url,
            f"mutation($t: UUID!) {{ checkoutComplete(token: $t) {{ {ERRORS} "
            f"order {{ number status }} }} }}",
            t=self.token,
        )
        self.seconds = time.perf_counter() - started


@dataclass(frozen=True)
class Outcome:
    name: str
    stock: int
    paid: int
    refused: int
    other: list[str]
    oversold: int
    wall: float
    latencies: list[float]
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds by role (`cpu_seconds`)
    # Milliseconds between consecutive sales of one race, by the orders' paid_at (taken
    # under the stock and invoice-series locks): the pace at which the locks pass on.
    gaps: list[float] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return len(self.latencies) / self.wall

    @property
    def cpu_ms(self) -> float:
        """The server's CPU time per request."""
        return self.cpu["server"] / len(self.latencies) * 1000

    def cpu_line(self) -> str:
        """Every role's CPU time per request: together, the machine's work per request."""
        per_request = {role: self.cpu[role] / len(self.latencies) * 1000 for role in ROLES}
        parts = ", ".join(f"{role} {ms:.1f}" for role, ms in per_request.items())
        return f"  CPU ms/request: {parts}; all {sum(per_request.values()):.1f}"

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000

    def line(self) -> str:
        if self.name == "trivial":
            return (
                f"trivial `{{ __typename }}`: {self.per_second:6.1f} requests/s, "
                f"p50 {statistics.median(self.latencies) * 1000:6.0f} ms, "
                f"p95 {self.percentile(0.95):6.0f} ms, server CPU {self.cpu_ms:5.1f} ms/request"
            )
        return (
            f"{self.name:<7} stock {self.stock:>4}: {self.paid:>3} orders, {self.refused:>3} "
            f"INSUFFICIENT_STOCK, oversold {self.oversold}, "
            f"{self.per_second:6.1f} completions/s, "
            f"p50 {statistics.median(self.latencies) * 1000:6.0f} ms, "
            f"p95 {self.percentile(0.95):6.0f} ms, server CPU {self.cpu_ms:5.1f} ms/request"
            + (f", sales {statistics.median(self.gaps):.1f} ms apart" if self.gaps else "")
            + (f", unexpected: {self.other}" if self.other else "")
        )


def race(name: str, sku: str, stock: int, buyers: int, url: str, stripe_url: str, pickup: int):
    from shop.models import Order, Stock

    crowd = [Buyer(url, stripe_url, sku, number, pickup) for number in range(buyers)]
    barrier = threading.Barrier(buyers + 1)

    def run(buyer: Buyer) -> None:
        try:
            buyer.prepare()
        except Exception as error:
            buyer.failure = error
            barrier.abort()
            return
        try:
            barrier.wait(timeout=300)
            buyer.complete()
        except Exception as error:
            buyer.failure = error

    threads = [threading.Thread(target=run, args=(buyer,)) for buyer in crowd]
    prepared = time.perf_counter()
    for thread in threads:
        thread.start()
    try:
        barrier.wait(timeout=600)  # every buyer has paid
    except threading.BrokenBarrierError:
        for thread in threads:
            thread.join()
        failures = [
            buyer.failure
            for buyer in crowd
            if buyer.failure and not isinstance(buyer.failure, threading.BrokenBarrierError)
        ]
        raise RuntimeError(
            f"{len(failures)} buyers could not pay, first: {failures[:1]!r}"
        ) from None
    prepared = time.perf_counter() - prepared
    cpu, started = cpu_seconds(), time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    cpu = cpu_since(cpu)
    failures = [buyer.failure for buyer in crowd if buyer.failure]
    if failures:
        raise RuntimeError(f"{len(failures)} buyers failed, first: {failures[0]!r}")

    paid = [b for b in crowd if b.answer["errors"] == [] and b.answer["order"]["status"] == "PAID"]
    codes = [error["code"] for b in crowd for error in b.answer["errors"]]
    row = Stock.objects.get(variant__sku=sku)
    paid_in_db = Order.objects.filter(status=Order.Status.PAID, lines__sku=sku).count()
    sold_at = list(
        Order.objects.filter(
            status=Order.Status.PAID, checkout_token__in=[buyer.token for buyer in crowd]
        )
        .order_by("paid_at")
        .values_list("paid_at", flat=True)
    )
    gaps = [(later - earlier).total_seconds() * 1000 for earlier, later in pairwise(sold_at)]
    oversold = max(0, len(paid) - stock, paid_in_db - stock, row.allocated - row.quantity)
    print(f"  ({name}: {buyers} buyers filled and paid their checkouts in {prepared:.1f} s)")
    return Outcome(
        name=name,
        stock=stock,
        paid=len(paid),
        refused=codes.count("INSUFFICIENT_STOCK"),
        other=sorted({code for code in codes if code != "INSUFFICIENT_STOCK"}),
        oversold=oversold,
        wall=wall,
        latencies=[buyer.seconds for buyer in crowd],
        cpu=cpu,
        gaps=gaps,
    )


ROLES = ("server", "postgres", "localstripe", "buyers")


def combined(outcomes: list[Outcome]) -> Outcome:
    """Races of the same scenario run one after the other, as one outcome."""
    first = outcomes[0]
    return Outcome(
        name=first.name,
        stock=first.stock,
        paid=sum(outcome.paid for outcome in outcomes),
        refused=sum(outcome.refused for outcome in outcomes),
        other=sorted({code for outcome in outcomes for code in outcome.other}),
        oversold=max(outcome.oversold for outcome in outcomes),
        wall=sum(outcome.wall for outcome in outcomes),
        latencies=[seconds for outcome in outcomes for seconds in outcome.latencies],
        cpu={role: sum(outcome.cpu[role] for outcome in outcomes) for role in ROLES},
        gaps=[gap for outcome in outcomes for gap in outcome.gaps],
    )


@dataclass(frozen=True)
class Process:
    parent: int
    seconds: float  # user + system CPU time so far
    command: bytes


def processes() -> dict[int, Process]:
    """Every process of the machine by its id, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:  # gone meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # from field 3 (state) on
        seconds = (int(fields[11]) + int(fields[12])) / tick
        found[int(entry.name)] = Process(int(fields[1]), seconds, command)
    return found


def cpu_seconds() -> dict[str, float]:
    """User + system CPU time so far of each role on this machine: this script's
    gunicorn processes (the master and its workers, which live for the whole run:
    WEB_MAX_REQUESTS=0), the PostgreSQL backends of the bench's database, this script's
    localstripe and the buyers (this process). On 2 cores the four share the machine, so
    a completion's latency under load is all of them, not the server's alone."""
    database = f"test_{os.environ['DATABASE_URL'].rsplit('/', 1)[-1]}".encode()
    table = processes()

    def ours(pid: int) -> bool:
        while pid > 1:
            pid = table[pid].parent if pid in table else 0
            if pid == os.getpid():
                return True
        return False

    totals = dict.fromkeys(ROLES, 0.0)
    for pid, process in table.items():
        if pid == os.getpid():
            totals["buyers"] += process.seconds
        elif process.command.startswith(b"postgres: ") and database in process.command:
            totals["postgres"] += process.seconds
        elif b"gunicorn" in process.command and ours(pid):
            totals["server"] += process.seconds
        elif b"localstripe" in process.command and ours(pid):
            totals["localstripe"] += process.seconds
    return totals


def worker_processes() -> int:
    """How many workers this script's gunicorn master runs (gunicorn processes whose
    parent is a gunicorn process too)."""
    table = processes()
    gunicorn = {pid for pid, process in table.items() if b"gunicorn" in process.command}
    return sum(table[pid].parent in gunicorn for pid in gunicorn)


def cpu_since(before: dict[str, float]) -> dict[str, float]:
    now = cpu_seconds()
    return {role: now[role] - before[role] for role in ROLES}


def trivial(url: str, threads: int, rounds: int) -> Outcome:
    """The baseline of the same run: `{ __typename }` through the same server, middleware
    and GraphQL view, `threads` at once (released together, like the buyers)."""
    latencies: list[float] = []
    barrier = threading.Barrier(threads + 1)
    lock = threading.Lock()

    def run() -> None:
        barrier.wait(timeout=60)
        for _ in range(rounds):
            started = time.perf_counter()
            graphql(url, "query { __typename }")
            with lock:
                latencies.append(time.perf_counter() - started)

    crowd = [threading.Thread(target=run) for _ in range(threads)]
    for thread in crowd:
        thread.start()
    barrier.wait(timeout=60)
    cpu, started = cpu_seconds(), time.perf_counter()
    for thread in crowd:
        thread.join()
    wall = time.perf_counter() - started
    return Outcome(
        name="trivial",
        stock=0,
        paid=0,
        refused=0,
        other=[],
        oversold=0,
        wall=wall,
        latencies=latencies,
        cpu=cpu_since(cpu),
    )


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} CPUs)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--buyers", type=int, default=40)
    parser.add_argument("--units", type=int, default=5, help="stock of the scarce variant")
    parser.add_argument("--ample-buyers", type=int, default=20, help="the checkoutComplete goal's")
    parser.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="ample-buyers races, one after the other: their p95 is over all completions "
        "(one race of 20 gives a p95 of its second slowest, which varies by a third from "
        "run to run)",
    )
    parser.add_argument(
        "--trivial-rounds", type=int, default=5, help="trivial requests per baseline thread"
    )
    parser.add_argument(
        "--processes",
        type=int,
        help="gunicorn worker processes (deploy/gunicorn.conf.py's default)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        help="gunicorn threads per worker (deploy/gunicorn.conf.py's default)",
    )
    parser.add_argument(
        "--keepdb",
        action="store_true",
        help="reuse test_<database> if it exists and keep it (products get fresh SKUs)",
    )
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://…: row locks and concurrent writers need PostgreSQL.")

    services = []
    try:
        redis, redis_url = loopback_services.start_redis(loopback_services.free_port())
        services.append(redis)
        from shop import localstripe_process

        localstripe, stripe_url = localstripe_process.start(
            loopback_services.free_port(), keep_data=False
        )
        services.append(localstripe)
        shared = {
            "REDIS_URL": redis_url,
            "SINGLE_PROCESS": "false",
            "STRIPE_API_BASE": stripe_url,
            "STRIPE_SECRET_KEY": STRIPE_KEY,
            "STRIPE_WEBHOOK_SECRET": "whsec_bench",
            "TASKS_BACKEND": "database",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "LOG_LEVEL": "WARNING",
        }
        os.environ.update(shared)
        import setup_django

        created = setup_django.start(keepdb=options.keepdb)
        try:
            run(options, shared, stripe_url)
        finally:
            setup_django.stop(created, keepdb=options.keepdb)
    finally:
        for process in reversed(services):
            loopback_services.stop(process)


def run(options, shared: dict[str, str], stripe_url: str) -> None:
    from django.db import connection

    from tests.site.server_process import (
        PRODUCTION,
        database_url,
        procfile_command,
        running,
        server_env,
    )

    ample_stock = (options.buyers + options.ample_buyers * options.rounds) * 10
    run_id = uuid.uuid4().hex[:6].upper()
    pickup = create_shop(options.units, ample_stock, run_id)
    db = dict(connection.settings_dict)
    connection.close()
    port = loopback_services.free_port()
    env = server_env(
        **PRODUCTION,
        **shared,
        DATABASE_URL=database_url(db),
        VITRINE_VAR_DIR=os.environ["VITRINE_VAR_DIR"],
        MEDIA_ROOT=os.environ["MEDIA_ROOT"],
        PORT=str(port),
        **({"WEB_CONCURRENCY": str(options.processes)} if options.processes else {}),
        **({"WEB_THREADS": str(options.threads)} if options.threads else {}),
        WEB_MAX_REQUESTS="0",
    )
    log = Path(tempfile.gettempdir()) / f"vitrine-bench-checkout-{os.getpid()}.log"
    with running(procfile_command("web"), env, port, log) as url:
        threads = options.threads or "default"
        print(
            f"postgresql, gunicorn -c deploy/gunicorn.conf.py: {worker_processes()} processes x "
            f"{threads} threads on {url}, localstripe on {stripe_url}; {load_average()}"
        )
        scarce = race(
            "scarce", f"SCARCE-{run_id}", options.units, options.buyers, url, stripe_url, pickup
        )
        ample = race(
            "ample", f"AMPLE-{run_id}", ample_stock, options.buyers, url, stripe_url, pickup
        )
        ample_few = combined(
            [
                race(
                    f"ample-{options.ample_buyers}",
                    f"AMPLE-{run_id}",
                    ample_stock,
                    options.ample_buyers,
                    url,
                    stripe_url,
                    pickup,
                )
                for _round in range(options.rounds)
            ]
        )
        baseline = trivial(url, options.ample_buyers, options.trivial_rounds)
        for outcome in (scarce, ample, ample_few, baseline):
            print(outcome.line())
            print(outcome.cpu_line())
        ratio = scarce.percentile(0.95) / ample.percentile(0.95)
        print(
            f"ratio scarce/ample: completions/s {scarce.per_second / ample.per_second:.2f}, "
            f"p95 latency {ratio:.2f} (goal <= 2.00: {'met' if ratio <= 2 else 'MISSED'})"
        )
        p95 = ample_few.percentile(0.95)
        print(
            f"ample-{options.ample_buyers} checkoutComplete p95 {p95:.0f} ms "
            f"(goal < 250 ms: {'met' if p95 < 250 else 'MISSED'}); {load_average()}"
        )
        print(
            f"against the trivial request at {options.ample_buyers} at once (same run): "
            f"p95 {p95 / baseline.percentile(0.95):.1f}x, "
            f"server CPU per request {ample_few.cpu_ms / baseline.cpu_ms:.1f}x "
            f"({ample_few.cpu_ms:.1f} ms vs {baseline.cpu_ms:.1f} ms)"
        )
        if scarce.oversold or ample.oversold or ample_few.oversold:
            sys.exit("OVERSOLD")


if __name__ == "__main__":
    main()
