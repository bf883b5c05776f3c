"""Stripe as the shop meets it on the network, with a hand on the cable.

A loopback HTTP proxy in front of localstripe: the shop's Stripe client is pointed at it
(STRIPE_API_BASE) and every request goes through it to the real localstripe, unless a
test has told the gate to run something first (look at the database while the shop
waits for Stripe), to hold the request (a slow Stripe) or to drop it (Stripe cannot be
reached). Nothing of the shop's code is replaced: what a test sees is what went over the
wire, and stripe-python's own handling of a lost connection (retries, then
`APIConnectionError`) is part of what is tested. It also serves as an HTTP proxy
(HTTP_PROXY), which is how the shop's clients are shown to use the environment's.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

# Headers that describe one hop, not the request: the gate sets its own.
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}
HOLD_SECONDS = 60


@dataclass(frozen=True)
class StripeRequest:
    method: str
    path: str  # without the query string

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


@dataclass
class Hold:
    """A request held at the gate: `arrived` is set when it comes, `release()` lets it on."""

    arrived: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)

    def release(self) -> None:
        self.released.set()


@dataclass
class _Rule:
    method: str
    path_prefix: str
    before: Callable[[StripeRequest], None] | None = None
    refuse: bool = False

    def matches(self, request: StripeRequest) -> bool:
        return request.method == self.method and request.path.startswith(self.path_prefix)


class StripeGate:
    """`with StripeGate(localstripe_url) as gate:` serves on `gate.url`; `gate.asked`
    lists every request that reached it, in order, refused ones included."""

    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self._upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self._rules: list[_Rule] = []
        self._holds: list[Hold] = []
        self._lock = threading.Lock()
        self.asked: list[StripeRequest] = []
        self.errors: list[BaseException] = []
        gate = self

        class Handler(BaseHTTPRequestHandler):
            # HTTP/1.0: one request per connection, so a dropped request never leaves a
            # kept-alive connection behind for the client to reuse.
            def _handle(self) -> None:
                request = StripeRequest(self.command, urlsplit(self.path).path)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                rules = gate._arrived(request)
                if any(rule.refuse for rule in rules):
                    self.close_connection = True  # no answer at all: Stripe unreachable
                    return
                try:
                    for rule in rules:
                        if rule.before is not None:
                            rule.before(request)
                except BaseException as error:  # shown by the test's fixture
                    gate.errors.append(error)
                    self._answer(
                        500, [("Stripe-Should-Retry", "false")], b"gate: " + repr(error).encode()
                    )
                    return
                self._forward(body)

            do_GET = do_POST = do_DELETE = _handle

            def _forward(self, body: bytes) -> None:
                upstream = http.client.HTTPConnection(*gate._upstream, timeout=HOLD_SECONDS)
                try:
                    headers = {
                        name: value
                        for name, value in self.headers.items()
                        if name.lower() not in HOP_HEADERS
                    }
                    # A client that takes the gate for its HTTP proxy names the whole
                    # address; localstripe is asked for the path.
                    target = urlsplit(self.path)
                    path = target.path + (f"?{target.query}" if target.query else "")
                    upstream.request(self.command, path, body=body, headers=headers)
                    response = upstream.getresponse()
                    payload = response.read()
                    headers = [
                        (name, value)
                        for name, value in response.getheaders()
                        if name.lower() not in HOP_HEADERS
                    ]
                finally:
                    upstream.close()
                self._answer(response.status, headers, payload)

            def _answer(self, status: int, headers: list[tuple[str, str]], payload: bytes) -> None:
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> StripeGate:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        for hold in self._holds:
            hold.release()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def before(
        self, method: str, path_prefix: str, callback: Callable[[StripeRequest], None]
    ) -> None:
        """Run `callback` in the gate when such a request arrives, before it goes on to
        Stripe: the shop is then waiting for Stripe's answer."""
        with self._lock:
            self._rules.append(_Rule(method, path_prefix, before=callback))

    def hold(self, method: str, path_prefix: str) -> Hold:
        """Keep such requests at the gate until `release()` (a slow Stripe)."""
        hold = Hold()
        self._holds.append(hold)

        def wait(request: StripeRequest) -> None:
            hold.arrived.set()
            if not hold.released.wait(timeout=HOLD_SECONDS):
                raise TimeoutError(f"{request} was held for {HOLD_SECONDS} s")

        self.before(method, path_prefix, wait)
        return hold

    def refuse(self, method: str, path_prefix: str) -> None:
        """Drop such requests unanswered, as when Stripe cannot be reached."""
        with self._lock:
            self._rules.append(_Rule(method, path_prefix, refuse=True))

    def open(self) -> None:
        """Forget every rule: from now on each request goes straight to Stripe."""
        with self._lock:
            self._rules.clear()

    def count(self, method: str, path_prefix: str) -> int:
        """How many such requests reached the gate."""
        with self._lock:
            probe = _Rule(method, path_prefix)
            return sum(probe.matches(request) for request in self.asked)

    def _arrived(self, request: StripeRequest) -> list[_Rule]:
        with self._lock:
            self.asked.append(request)
            return [rule for rule in self._rules if rule.matches(request)]
