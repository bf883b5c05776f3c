"""Deployment checks of our own (`manage.py check --deploy`)."""

from __future__ import annotations

from django.conf import settings
from django.core import checks

# Caches that each process keeps for itself (or not at all): right for tests and a
# single-process demo, wrong for several web workers, a cron and a task worker.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.caches, deploy=True)
def default_cache_is_shared(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Warn when the default cache is per process.

    Cached GraphQL answers stay correct either way (they are keyed by the content version
    in the database), but every process then keeps its own copy of each answer, and the
    sign-in and mail rate limits are counted per process, so N workers allow N times the
    attempts."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Warning(
            f"The default cache ({backend.rsplit('.', 1)[-1]}) is kept per process.",
            hint=(
                "Set REDIS_URL so that every web worker, the cron and the task worker share "
                "one cache: rate limits are counted per process otherwise, and each process "
                "caches its own copy of every GraphQL answer."
            ),
            id="vitrine.W001",
        )
    ]
