"""`/healthz` and `/readyz`: what a load balancer or an orchestrator asks a web process.

- `/healthz`: the process is alive and answers requests. It touches nothing else, so a
  database outage does not get every web process restarted (liveness).
- `/readyz`: the process can serve: the database answers a query, the cache stores
  and returns a value, and the media storages (public and private) can be reached. 503 names the part that failed (`{"status": "unavailable",
  "failed": ["database"]}`), so traffic goes elsewhere until it recovers (readiness).
  The reason is logged here, never sent: the probe's answer may be public.

They are answered by a middleware placed first, before the host check, the HTTPS
redirect and everything else: a probe comes from the load balancer by plain HTTP to
the machine's address, which is neither an allowed host nor HTTPS, and must still get
the truth, and a probe must not open a session or touch the response cache.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"


READY_TIMEOUT_SECONDS = 5


def _database_answers() -> None:
    connection = connections["default"]
    pool = getattr(connection, "pool", None)  # PostgreSQL with DATABASE_POOL_MAX_SIZE
    if pool is not None:
        # Not Django's cursor: that waits the pool's own timeout (20 s) for a connection
        # that cannot be made, longer than any probe waits for an answer.
        pool.open()
        with pool.connection(timeout=READY_TIMEOUT_SECONDS) as pooled:
            pooled.execute("SELECT 1").fetchone()
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache_answers() -> None:
    key = f"vitrine:readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    try:
        if cache.get(key) != "1":
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


def _storage_answers() -> None:
    from museum_site.storage import storage_answers

    storage_answers()


CHECKS: dict[str, Callable[[], None]] = {
    "database": _database_answers,
    "cache": _cache_answers,
    "storage": _storage_answers,
}


def healthz() -> JsonResponse:
    return _no_store(JsonResponse({"status": "ok"}))


def readyz() -> JsonResponse:
    failed = []
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("readiness check failed: %s", name)
            failed.append(name)
    if failed:
        return _no_store(JsonResponse({"status": "unavailable", "failed": failed}, status=503))
    return _no_store(JsonResponse({"status": "ok", "checked": list(CHECKS)}))


def _no_store(response: JsonResponse) -> JsonResponse:
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers the two probe paths (GET or HEAD) before any other middleware runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD"):
            if request.path_info == HEALTH_PATH:
                return healthz()
            if request.path_info == READY_PATH:
                return readyz()
        return self.get_response(request)
