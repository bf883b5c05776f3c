"""`manage.py rundemo`: the development server with a local Stripe that takes payments.

The demo shop must be able to take a payment without a Stripe account and without the
internet. This starts localstripe (shop/localstripe_process.py) on loopback, registers
its signed webhook to our `/shop/stripe/webhook/`, and then runs `runserver` (as
`demo_server`: a longer listen queue, museum_site/management/commands) in a child
process with STRIPE_* pointing at it. Before that, every paid order's card payment
that this localstripe does not know (a restart lost it) is paid again there
(shop/demo_orders.py), so the admin's Refund works on the demo orders. The child gets the settings through its
environment, as a production server would, and both are stopped together.

With STRIPE_SECRET_KEY set and STRIPE_API_BASE unset (real Stripe test keys), or with
`--no-localstripe`, it only runs the server.

It listens on loopback unless told otherwise (`make demo HOST=0.0.0.0`), and prints the
URLs it really serves. On PostgreSQL the server's connections go through psycopg's pool,
at most DATABASE_POOL_MAX_SIZE (default DEMO_POOL_SIZE): runserver answers every request
in a new thread, and without a pool each thread holds a connection of its own.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys

from django.core.management.base import BaseCommand, CommandError

from museum_site import renderer_process
from museum_site.demo.server_address import (
    ALL_INTERFACES,
    browser_url,
    default_addrport,
    split_addrport,
)
from shop import demo_orders, localstripe_process

WEBHOOK_PATH = "/shop/stripe/webhook/"
DEMO_POOL_SIZE = 8
DEMO_KEYS = {
    "STRIPE_SECRET_KEY": "sk_test_vitrine_demo",
    "STRIPE_PUBLISHABLE_KEY": "pk_test_vitrine_demo",
    "STRIPE_WEBHOOK_SECRET": "whsec_vitrine_demo",
}


class Command(BaseCommand):
    help = "Run the development server with localstripe on loopback, webhook registered."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "addrport",
            nargs="?",
            default=default_addrport(),
            help="[host:]port to listen on; default $DEMO_HOST:$PORT, else 127.0.0.1:8000 (loopback).",
        )
        parser.add_argument("--stripe-port", type=int, default=8420)
        parser.add_argument("--no-localstripe", action="store_true", help="Only run the server.")

    def handle(self, *args, addrport: str, stripe_port: int, no_localstripe: bool, **options):
        real_stripe = os.environ.get("STRIPE_SECRET_KEY") and not os.environ.get("STRIPE_API_BASE")
        host, port = split_addrport(addrport)
        site_url = browser_url(host, port)
        if no_localstripe or real_stripe:
            return self._runserver(addrport, os.environ.copy(), site_url)
        if not _port_is_free(stripe_port):
            raise CommandError(
                f"Port {stripe_port} is taken (another localstripe?); pass --stripe-port."
            )
        try:
            localstripe, stripe_url = localstripe_process.start(stripe_port)
        except localstripe_process.LocalstripeFailed as error:
            raise CommandError(str(error)) from error
        try:
            env = {
                **os.environ,
                **DEMO_KEYS,
                "STRIPE_API_BASE": stripe_url,
                "STRIPE_JS_URL": f"{stripe_url}/js.stripe.com/v3/",
            }
            webhook_host = "127.0.0.1" if host in ALL_INTERFACES else host
            webhook = f"{browser_url(webhook_host, port)}{WEBHOOK_PATH}"
            localstripe_process.register_webhook(
                stripe_url, webhook, env["STRIPE_WEBHOOK_SECRET"], name="vitrine-demo"
            )
            renewed = demo_orders.ensure_payments_known(stripe_url, env["STRIPE_SECRET_KEY"])
            self.stdout.write(
                f"localstripe on {stripe_url} (Stripe.js stand-in at "
                f"{stripe_url}/js.stripe.com/v3/), signed webhook to {webhook}. "
                "Pay with a test card, e.g. 4242 4242 4242 4242. "
                f"{renewed} paid orders' payments made known to it, so staff can refund them."
            )
            return self._runserver(addrport, env, site_url)
        finally:
            localstripe_process.stop(localstripe)

    def _runserver(self, addrport: str, env: dict[str, str], site_url: str) -> None:
        """runserver in a child, in a process group of its own: its autoreloader
        re-executes its own command line (which must not start a second localstripe),
        and on Ctrl-C or SIGTERM the whole group (reloader and server) is stopped.
        Beside it the page renderer (museum_site.renderer_process), which Django asks
        for every public page's HTML, on a free loopback port."""
        env.setdefault("DJANGO_SETTINGS_MODULE", "museum_site.settings")
        env.setdefault("DATABASE_POOL_MAX_SIZE", str(DEMO_POOL_SIZE))
        renderer = None
        if not env.get("PAGE_RENDERER_URL"):
            host, port = split_addrport(addrport)
            api_host = "127.0.0.1" if host in ALL_INTERFACES else host
            try:
                renderer, env["PAGE_RENDERER_URL"] = renderer_process.start(
                    browser_url(api_host, port)
                )
            except renderer_process.RendererFailed as error:
                self.stderr.write(f"{error} Pages render in the browser only.")
        try:
            self._serve(addrport, env, site_url)
        finally:
            if renderer is not None:
                renderer_process.stop(renderer)

    def _serve(self, addrport: str, env: dict[str, str], site_url: str) -> None:
        self.stdout.write(
            f"Vitrine on {site_url}/ (admin {site_url}/admin/, GraphQL {site_url}/graphql/)"
        )
        server = subprocess.Popen(
            [sys.executable, "-m", "django", "demo_server", addrport],
            env=env,
            start_new_session=True,
        )
        signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
        try:
            server.wait()
        except KeyboardInterrupt:
            pass
        finally:
            _stop_group(server)


def _raise_keyboard_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _stop_group(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
