"""Running localstripe beside the shop, for the demo (`manage.py rundemo`) and benchmarks.

localstripe is a Stripe stand-in (GPL, installed with the `test` extra only). The shop
never imports it: it runs in a process of its own, on loopback (its own command binds
every interface), and the shop talks to it over HTTP like to Stripe, with
STRIPE_API_BASE. Its webhook is configured through its `/_config/webhooks/{id}` route;
it signs what it sends with the secret given there, as Stripe does.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
import urllib.request

WEBHOOK_EVENTS = ("payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded")

SERVE_ON_LOOPBACK = (
    "import sys\n"
    "from aiohttp import web\n"
    "from localstripe.resources import store\n"
    "from localstripe.server import app\n"
    "if sys.argv[2] == 'keep': store.try_load_from_disk()\n"
    "web.run_app(app, host='127.0.0.1', port=int(sys.argv[1]), print=None)\n"
)


class LocalstripeFailed(RuntimeError):
    """localstripe did not start or refused its configuration."""


def start(
    port: int, *, keep_data: bool = True, seconds: float = 20
) -> tuple[subprocess.Popen, str]:
    """Start localstripe on 127.0.0.1:`port` and wait until it answers; returns the
    process and its URL. `keep_data` loads what an earlier run saved (the demo's orders
    keep their PaymentIntents); a benchmark starts from scratch."""
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE_ON_LOOPBACK, str(port), "keep" if keep_data else "scratch"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"{url}/js.stripe.com/v3/", timeout=1).close()
            return process, url
        except OSError as error:
            if process.poll() is not None or time.monotonic() > deadline:
                stop(process)
                raise LocalstripeFailed(f"localstripe did not start on {url}: {error}") from error
            time.sleep(0.1)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            process.kill()


def register_webhook(
    localstripe_url: str,
    target: str,
    secret: str,
    events: tuple[str, ...] = WEBHOOK_EVENTS,
    name: str = "vitrine",
) -> None:
    """Have localstripe POST these events, signed with `secret`, to `target`."""
    body = json.dumps({"url": target, "secret": secret, "events": list(events)}).encode()
    request = urllib.request.Request(
        f"{localstripe_url}/_config/webhooks/{name}",
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    urllib.request.urlopen(request, timeout=5).close()
