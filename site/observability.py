"""Logs as one JSON object per line, each with its request id, and Sentry when asked.

Imported by settings.py (nothing here reads Django's settings). JSON lines are what log
collectors (Loki, CloudWatch, Elastic, journald) parse without a grammar of ours;
`python-json-logger` writes them. The request id comes from museum_site.request_id.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

LOG_FORMATS = ("json", "text")


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record (`-` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        from museum_site.request_id import current_request_id

        record.request_id = current_request_id.get()
        return True


def logging_config(*, level: str, log_format: str) -> dict:
    """Django's LOGGING: stderr, in `log_format`, with the request id."""
    log_format = log_format.strip().lower()
    if log_format not in LOG_FORMATS:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}")
    formatters = {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "museum_site.observability.RequestIdFilter"}},
        "formatters": {log_format: formatters[log_format]},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level.upper()},
    }


def start_sentry(dsn: str, env: Mapping[str, str]) -> None:
    """Report unhandled errors (and error log records) to Sentry; no personal data.

    Each event carries the request id as a tag, so a report and the log lines of its
    request are found from one another.
    """
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    def tag_request_id(event: dict, _hint: dict) -> dict:
        from museum_site.request_id import current_request_id

        event.setdefault("tags", {})["request_id"] = current_request_id.get()
        return event

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=env.get("SENTRY_ENVIRONMENT") or None,
        release=env.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(env.get("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
        send_default_pii=False,
        before_send=tag_request_id,
    )
