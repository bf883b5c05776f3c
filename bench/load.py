"""Load test: the production server (gunicorn, the Procfile's web line) with one and then
two worker processes, driven by a realistic visitor mix over HTTP.

Everything runs as in a deployment, on this machine: PostgreSQL (a throw-away
test_<DATABASE_URL's database>, dropped at the end), Redis (a redis-server of its own on
a free loopback port), media on S3-compatible object storage (moto's server on loopback)
and localstripe for the checkout's payments. The demo museum is loaded onto them, then
for each server size N visitor threads (one pooled `httpx` client each) pick a visit
at random, by weight, for a fixed time:

| kind | what a visitor's browser asks (the frontend's own GraphQL documents) |
|---|---|
| home | `Home` + `SiteChrome` |
| story, exhibition, object, tour, product | the detail query of a random one |
| search | `Search` with a word from the collection and a maker facet |
| checkout | cart with a line, e-mail, billing address, pickup, card set-up at localstripe |

Queries go out as GET, as the frontend sends them (cacheable, Redis-backed response
cache); mutations as POST. Prints requests/s, p50/p95/p99 per kind and errors, for 1
and 2 processes, and the 2-vs-1 throughput ratio, and the peak of PostgreSQL
connections (bounded by WEB_CONCURRENCY x WEB_THREADS).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vitrine_bench .venv/bin/python bench/load.py
    ... bench/load.py --seconds 60 --visitors 24 --threads 4

Goal (issue 17): zero errors, and two processes >= 1.5x the throughput of one (on a
machine with at least two cores that nothing else is using).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from museum_site import loopback_services  # noqa: E402

WEIGHTS = {
    "home": 20,
    "story": 15,
    "exhibition": 10,
    "object": 20,
    "search": 15,
    "tour": 5,
    "product": 10,
    "checkout": 5,
}
STRIPE_KEY = "sk_test_vitrine_load"
WORDS = ["portret", "zilver", "madonna", "landschap", "vaas", "kant", "stilleven", "beeld"]


# --- the frontend's GraphQL documents -------------------------------------------------


def frontend_documents() -> dict[str, str]:
    """Operation name -> printed document with the fragments it uses (from frontend/src)."""
    from graphql import parse, print_ast
    from graphql.language import DocumentNode, FragmentSpreadNode, visit
    from graphql.language.visitor import Visitor

    fragments, operations = {}, {}
    for path in (ROOT / "frontend" / "src").rglob("*.graphql"):
        for definition in parse(path.read_text()).definitions:
            kind = definition.kind
            if kind == "fragment_definition":
                fragments[definition.name.value] = definition
            elif kind == "operation_definition" and definition.name:
                operations[definition.name.value] = definition

    def spreads(node) -> set[str]:
        found: set[str] = set()

        class Collect(Visitor):
            def enter_fragment_spread(self, spread: FragmentSpreadNode, *_args):
                found.add(spread.name.value)

        visit(node, Collect())
        return found

    documents = {}
    for name, operation in operations.items():
        needed, todo = set(), spreads(operation)
        while todo:
            fragment = todo.pop()
            if fragment not in needed:
                needed.add(fragment)
                todo |= spreads(fragments[fragment])
        definitions = [operation, *(fragments[f] for f in sorted(needed))]
        documents[name] = print_ast(DocumentNode(definitions=definitions))
    return documents


# --- the site ---------------------------------------------------------------------------


@dataclass
class Demo:
    stories: list[str]
    exhibitions: list[str]
    objects: list[str]
    tours: list[str]
    products: list[str]
    makers: list[str]
    skus: list[str]


def collect_demo() -> Demo:
    """What the visitors ask for: the slugs and numbers of the museum the server's
    address (127.0.0.1) serves, the default site's (stock made ample). The demo holds
    several museums; another's product is not sold here, nor its story shown."""
    from museum_site.models import CollectionObject, ExhibitionPage, StoryPage, Term
    from museum_site.museums.models import Museum
    from shop.models import ProductPage, Stock
    from tours.models import TourPage

    museum = Museum.objects.default()
    root = museum.site.root_page

    def slugs(model) -> list[str]:
        return list(
            model.objects.live()
            .descendant_of(root)
            .filter(locale__language_code="nl")
            .values_list("slug", flat=True)
        )

    skus = list(
        Stock.objects.filter(variant__product__path__startswith=root.path).values_list(
            "variant__sku", flat=True
        )
    )
    Stock.objects.update(quantity=1_000_000)  # carts never run out during the run
    return Demo(
        stories=slugs(StoryPage),
        exhibitions=slugs(ExhibitionPage),
        objects=list(
            CollectionObject.objects.filter(
                museum=museum, live=True, locale__language_code="nl"
            ).values_list("inventory_number", flat=True)
        ),
        tours=slugs(TourPage),
        products=slugs(ProductPage),
        makers=[
            str(pk)
            for pk in Term.objects.filter(kind=Term.Kind.PERSON).values_list("pk", flat=True)[:20]
        ],
        skus=skus,
    )


# --- visitors ---------------------------------------------------------------------------


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            if error:
                self.errors[kind].append(error)
            else:
                self.latencies[kind].append(seconds)


class Visitor:
    def __init__(
        self,
        url: str,
        documents: dict[str, str],
        demo: Demo,
        stripe_url: str,
        results: Results,
        seed: int,
    ) -> None:
        import httpx

        self.http = httpx.Client(base_url=url, timeout=60)
        self.documents, self.demo, self.results = documents, demo, results
        self.stripe_url = stripe_url
        self.random = random.Random(seed)

    def _call(
        self, kind: str, operation: str, variables: dict, *, mutation: bool = False
    ) -> dict | None:
        import json

        started = time.perf_counter()
        error = None
        data = None
        try:
            if mutation:
                response = self.http.post(
                    "/graphql/", json={"query": self.documents[operation], "variables": variables}
                )
            else:
                response = self.http.get(
                    "/graphql/",
                    params={"query": self.documents[operation], "variables": json.dumps(variables)},
                )
            if response.status_code != 200:
                error = f"{operation}: HTTP {response.status_code} {response.text[:200]}"
            else:
                body = response.json()
                if body.get("errors"):
                    error = f"{operation}: {body['errors'][0].get('message')}"
                data = body.get("data")
        except Exception as failure:  # a refused connection or a timeout is an error too
            error = f"{operation}: {type(failure).__name__}: {failure}"
        self.results.record(kind, time.perf_counter() - started, error)
        return None if error else data

    def visit(self) -> None:
        kind = self.random.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        pick = self.random.choice
        nl = {"locale": "nl"}
        if kind == "home":
            self._call(kind, "Home", nl)
            self._call(kind, "SiteChrome", nl)
        elif kind == "story":
            self._call(kind, "StoryDetail", {**nl, "slug": pick(self.demo.stories)})
        elif kind == "exhibition":
            self._call(kind, "ExhibitionDetail", {**nl, "slug": pick(self.demo.exhibitions)})
        elif kind == "object":
            self._call(
                kind, "CollectionObjectDetail", {**nl, "inventoryNumber": pick(self.demo.objects)}
            )
        elif kind == "search":
            filters = (
                {"makers": [pick(self.demo.makers)]}
                if self.demo.makers and self.random.random() < 0.5
                else None
            )
            self._call(kind, "Search", {**nl, "query": pick(WORDS), "filters": filters})
        elif kind == "tour":
            self._call(kind, "TourDetail", {**nl, "slug": pick(self.demo.tours)})
        elif kind == "product":
            self._call(kind, "ShopProduct", {**nl, "slug": pick(self.demo.products)})
        else:
            self.checkout()

    def checkout(self) -> None:
        kind = "checkout"
        created = self._call(
            kind,
            "CartCreate",
            {
                "input": {
                    "lines": [{"sku": self.random.choice(self.demo.skus), "quantity": 1}],
                    "locale": "nl",
                }
            },
            mutation=True,
        )
        if not created or created["checkoutCreate"]["errors"]:
            if created:
                self.results.record(kind, 0, f"CartCreate: {created['checkoutCreate']['errors']}")
            return
        checkout = created["checkoutCreate"]["checkout"]
        token = checkout["token"]
        address = {
            "firstName": "Anna",
            "lastName": "Bezoeker",
            "streetAddress1": "Meir 1",
            "postalCode": "2000",
            "city": "Antwerpen",
            "country": "BE",
        }
        pickup = next(
            (m["id"] for m in checkout["availableDeliveryMethods"] if not m["requiresAddress"]),
            checkout["availableDeliveryMethods"][0]["id"]
            if checkout["availableDeliveryMethods"]
            else None,
        )
        steps = [
            ("CheckoutEmail", {"token": token, "email": f"{uuid.uuid4().hex[:10]}@example.be"}),
            ("CheckoutBillingAddress", {"token": token, "address": address}),
        ]
        if pickup:
            steps.append(("CheckoutDeliveryMethod", {"token": token, "id": pickup}))
        steps.append(("CheckoutCardSetup", {"token": token}))
        for operation, variables in steps:
            answer = self._call(kind, operation, variables, mutation=True)
            if answer is None:
                return
            payload = next(iter(answer.values()))
            if payload.get("errors"):
                self.results.record(kind, 0, f"{operation}: {payload['errors']}")
                return


# --- servers ----------------------------------------------------------------------------


class ConnectionSampler(threading.Thread):
    def __init__(self, conninfo: str, database: str) -> None:
        super().__init__(daemon=True)
        self.conninfo, self.database = conninfo, database
        self.peak = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        import psycopg

        with psycopg.connect(self.conninfo, autocommit=True) as sampler:
            while not self.stopped.is_set():
                [count] = sampler.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [self.database]
                ).fetchone()
                self.peak = max(self.peak, count)
                self.stopped.wait(0.05)


def run_size(processes: int, args, env: dict[str, str], documents, demo, stripe_url, db) -> dict:
    from tests.site.server_process import procfile_command, running

    port = loopback_services.free_port()
    server_env = {
        **env,
        "PORT": str(port),
        "WEB_CONCURRENCY": str(processes),
        "WEB_THREADS": str(args.threads),
        "WEB_MAX_REQUESTS": "0",
    }
    log = Path(env["VITRINE_VAR_DIR"]) / f"gunicorn-{processes}.log"
    with running(procfile_command("web"), server_env, port, log) as url:
        results = Results()
        visitors = [
            Visitor(url, documents, demo, stripe_url, results, seed=processes * 1000 + n)
            for n in range(args.visitors)
        ]
        for visitor in visitors[: min(len(visitors), 4)]:  # warm the workers and caches
            for _ in range(20):
                visitor.visit()
        results = Results()
        for visitor in visitors:
            visitor.results = results
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        sampler = ConnectionSampler(
            f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/postgres",
            db["NAME"],
        )
        sampler.start()
        stop_at = time.monotonic() + args.seconds

        def drive(visitor: Visitor) -> None:
            while time.monotonic() < stop_at:
                visitor.visit()

        threads = [threading.Thread(target=drive, args=(v,)) for v in visitors]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        sampler.stopped.set()
        sampler.join()
        for visitor in visitors:
            visitor.http.close()
    return {"results": results, "seconds": elapsed, "peak_connections": sampler.peak}


def report(processes: int, run: dict, threads: int) -> float:
    results, seconds = run["results"], run["seconds"]
    total = sum(len(v) for v in results.latencies.values())
    errors = sum(len(v) for v in results.errors.values())
    rate = total / seconds
    print(
        f"\n{processes} process(es) x {threads} threads: {total} requests in {seconds:.1f} s = {rate:.1f} req/s, {errors} errors, peak {run['peak_connections']} PostgreSQL connections (pool bound {processes * threads})"
    )
    print(
        f"{'kind':<11}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
    )
    for kind in WEIGHTS:
        values = sorted(results.latencies.get(kind, []))
        if not values and not results.errors.get(kind):
            continue
        q = (
            statistics.quantiles(values, n=100, method="inclusive")
            if len(values) > 1
            else values * 99
        )
        print(
            f"{kind:<11}{len(values):>9}{len(values) / seconds:>8.1f}{q[49] * 1000:>9.0f}{q[94] * 1000:>9.0f}{q[98] * 1000:>9.0f}{len(results.errors.get(kind, [])):>8}"
        )
    for kind, messages in results.errors.items():
        for message in sorted(set(messages))[:3]:
            print(f"  error ({kind}): {message}")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30, help="driving time per server size")
    parser.add_argument("--visitors", type=int, default=16, help="concurrent visitor threads")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    parser.add_argument("--sizes", default="1,2", help="worker process counts to run")
    parser.add_argument(
        "--existing",
        action="store_true",
        help="use DATABASE_URL as it is, the demo already loaded there with its media on the"
        " object storage MEDIA_STORAGE=s3 and S3_* name (no throw-away database, no load)",
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("bench/load.py runs on PostgreSQL: set DATABASE_URL=postgres://...")

    services = []
    try:
        redis, redis_url = loopback_services.start_redis(loopback_services.free_port())
        services.append(redis)
        if args.existing:
            storage = {k: v for k, v in os.environ.items() if k.startswith(("MEDIA_", "S3_"))}
        else:
            moto, s3_url = loopback_services.start_moto(loopback_services.free_port())
            services.append(moto)
            bucket = f"vitrine-load-{uuid.uuid4().hex[:8]}"
            loopback_services.create_bucket(s3_url, bucket)
            storage = loopback_services.s3_environment(s3_url, bucket)
        from shop import localstripe_process

        stripe, stripe_url = localstripe_process.start(
            loopback_services.free_port(), keep_data=False
        )
        services.append(stripe)
        shared = {
            **storage,
            "REDIS_URL": redis_url,
            "STRIPE_API_BASE": stripe_url,
            "STRIPE_SECRET_KEY": STRIPE_KEY,
            "STRIPE_PUBLISHABLE_KEY": "pk_test_vitrine_load",
            "TASKS_BACKEND": "immediate",
            "LOG_LEVEL": "WARNING",
        }
        os.environ.update(shared)
        import setup_django

        if args.existing:
            import django

            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "museum_site.settings")
            os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
            os.environ.setdefault("VITRINE_VAR_DIR", tempfile.mkdtemp(prefix="vitrine-load-"))
            os.environ.setdefault("MEDIA_ROOT", str(Path(os.environ["VITRINE_VAR_DIR"]) / "media"))
            django.setup()
            created = None
        else:
            created = setup_django.start()
        try:
            from django.core.management import call_command
            from django.db import connection

            if not args.existing:
                print("Loading the demo museum onto PostgreSQL and object storage ...", flush=True)
                call_command("load_demo", verbosity=0)
            demo = collect_demo()
            documents = frontend_documents()
            db = dict(connection.settings_dict)
            connection.close()
            from tests.site.server_process import PRODUCTION, database_url, server_env

            env = server_env(
                **PRODUCTION,
                **shared,
                DATABASE_URL=database_url(db),
                VITRINE_VAR_DIR=os.environ["VITRINE_VAR_DIR"],
                MEDIA_ROOT=os.environ["MEDIA_ROOT"],
            )
            print(
                f"{len(demo.stories)} stories, {len(demo.exhibitions)} exhibitions, {len(demo.objects)} objects, "
                f"{len(demo.tours)} tours, {len(demo.products)} products; {args.visitors} visitors, {args.seconds:.0f} s per size; "
                f"{os.cpu_count()} cores"
            )
            rates = {}
            for size in [int(s) for s in args.sizes.split(",")]:
                run = run_size(size, args, env, documents, demo, stripe_url, db)
                rates[size] = report(size, run, args.threads)
            if 1 in rates and 2 in rates:
                print(f"\n2 processes / 1 process: {rates[2] / rates[1]:.2f}x (goal >= 1.5x)")
        finally:
            setup_django.stop(created)
    finally:
        for process in reversed(services):
            loopback_services.stop(process)


if __name__ == "__main__":
    main()
