"""Concurrent buyers racing for the last units of one variant, against a real server.

A throw-away PostgreSQL database (test_<name of DATABASE_URL's database>, dropped at the
end), localstripe on a free loopback port, and the shop served by runserver's threaded
WSGI server in its own process (one DB connection per request). N buyer threads each fill a
checkout over HTTP/GraphQL, pay at localstripe (card on the PaymentIntent, confirm, as
the browser does), wait at a barrier and then call `checkoutComplete` together: the
step where stock is allocated under row locks, so that is where they race.

Two scenarios in the same run, N buyers each: a *scarce* variant with --units in stock
(default 5) and an *ample* variant with 10 × N. For each it prints orders created
(PAID), buyers refused with INSUFFICIENT_STOCK, units oversold (must be 0: paid units
beyond the stock, or allocated beyond quantity in the database), completions per second
(buyers / wall time from the barrier to the last answer) and the median and p95
latency of `checkoutComplete`; then the scarce/ample ratios. Refused buyers cost more
than sold ones: their payment is refunded at localstripe inside the completion.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vitrine_bench .venv/bin/python bench/checkout.py

Webhooks are not registered: with them, localstripe's `payment_intent.succeeded` would
place orders before the barrier opens and the race would be between webhooks instead.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from decimal import Decimal

import setup_django

STRIPE_KEY = "sk_test_vitrine_bench"
ERRORS = "errors { field code message }"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    """The URL of the test database setup_django switched to, for the server process."""
    from django.db import connection

    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def create_shop(units: int, ample: int) -> int:
    """Two products (scarce, ample) and pick-up at the desk; returns the pick-up's id."""
    from museum_site.models import HomePage
    from shop.models import ProductIndexPage, ProductPage, ProductVariant, ShippingMethod, Stock

    home = HomePage.objects.get(locale__language_code="nl")
    index = home.add_child(instance=ProductIndexPage(title="Winkel", slug="winkel"))
    for sku, price, quantity in (("SCARCE", "39.00", units), ("AMPLE", "12.00", ample)):
        page = ProductPage(title=f"Bench {sku}", slug=sku.lower(), intro="Bench.", live=False)
        page.variants = [ProductVariant(sku=sku, gross_price=Decimal(price), weight_grams=300)]
        index.add_child(instance=page)
        page.save_revision().publish()
        Stock.objects.filter(variant__sku=sku).update(quantity=quantity)
    return ShippingMethod.objects.create(name_nl="Afhalen", kind=ShippingMethod.Kind.PICKUP).pk


# runserver's own threaded WSGI server, with a listen backlog like a production server's:
# runserver keeps socketserver's 10, and a crowd of 40 connecting at once gets resets.
SERVE = """
import sys
import django
django.setup()
from django.core.servers.basehttp import WSGIServer, get_internal_wsgi_application, run
class Server(WSGIServer):
    request_queue_size = 1024
run("127.0.0.1", int(sys.argv[1]), get_internal_wsgi_application(), threading=True,
    server_cls=Server)
"""


class Server:
    """The shop in a process of its own: a thread per connection, one DB connection
    per request (DATABASE_CONN_MAX_AGE=0), the bench's settings in its environment."""

    def __init__(self, env: dict[str, str], log_path: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(self.port)], env=env, stdout=self.log, stderr=self.log
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/graphql/?query=%7B__typename%7D", timeout=2)
                return
            except urllib.error.HTTPError:
                return  # it answers
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start; see {log_path}") from None
                time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


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

    @property
    def per_second(self) -> float:
        return len(self.latencies) / self.wall

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000

    def line(self) -> str:
        return (
            f"{self.name:<7} stock {self.stock:>4}: {self.paid:>3} orders, {self.refused:>3} "
            f"INSUFFICIENT_STOCK, oversold {self.oversold}, "
            f"{self.per_second:6.1f} completions/s, "
            f"p50 {statistics.median(self.latencies) * 1000:6.0f} ms, "
            f"p95 {self.percentile(0.95):6.0f} ms"
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
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    failures = [buyer.failure for buyer in crowd if buyer.failure]
    if failures:
        raise RuntimeError(f"{len(failures)} buyers failed, first: {failures[0]!r}")

    paid = [b for b in crowd if b.answer["errors"] == [] and b.answer["order"]["status"] == "PAID"]
    codes = [error["code"] for b in crowd for error in b.answer["errors"]]
    row = Stock.objects.get(variant__sku=sku)
    paid_in_db = Order.objects.filter(status=Order.Status.PAID, lines__sku=sku).count()
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
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--buyers", type=int, default=40)
    parser.add_argument("--units", type=int, default=5, help="stock of the scarce variant")
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://…: row locks and concurrent writers need PostgreSQL.")

    from django.test.utils import teardown_databases

    old_config = setup_django.start()
    from shop import localstripe_process

    pickup = create_shop(options.units, options.buyers * 10)
    localstripe, stripe_url = localstripe_process.start(free_port(), keep_data=False)
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DATABASE_CONN_MAX_AGE": "0",
        "STRIPE_API_BASE": stripe_url,
        "STRIPE_SECRET_KEY": STRIPE_KEY,
        "STRIPE_WEBHOOK_SECRET": "whsec_bench",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    log = os.path.join(tempfile.gettempdir(), f"vitrine-bench-checkout-{os.getpid()}.log")
    server = Server(env, log)
    try:
        print(
            f"postgresql, threaded WSGI server on {server.url}, localstripe on {stripe_url}, "
            f"{options.buyers} buyers per scenario, {os.cpu_count()} CPUs"
        )
        scarce = race(
            "scarce", "SCARCE", options.units, options.buyers, server.url, stripe_url, pickup
        )
        ample_stock = options.buyers * 10
        ample = race("ample", "AMPLE", ample_stock, options.buyers, server.url, stripe_url, pickup)
        for outcome in (scarce, ample):
            print(outcome.line())
        print(
            f"ratio scarce/ample: completions/s {scarce.per_second / ample.per_second:.2f}, "
            f"p95 latency {scarce.percentile(0.95) / ample.percentile(0.95):.2f}"
        )
        if scarce.oversold or ample.oversold:
            sys.exit("OVERSOLD")
    finally:
        server.stop()
        localstripe_process.stop(localstripe)
        from django.db import connections

        connections.close_all()
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    main()
