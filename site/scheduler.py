"""The periodic jobs of a deployment, run by one process: `manage.py run_scheduler`.

One table, kept here, says what runs and how often, instead of a crontab per machine
that nobody can see from the code. Each job is a management command that is safe to run
at any moment and again (each does what is due and nothing else), so the scheduler
keeps no state: every job runs once when it starts, then at its interval. Run exactly
one scheduler per site (a second one would only repeat the same idempotent work).

A job that fails is logged with its traceback and tried again at its next turn; it
never stops the others. Between jobs the scheduler holds no database connection.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import connections

logger = logging.getLogger(__name__)

MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)


def _tasks_in_database() -> bool:
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


@dataclass(frozen=True)
class Job:
    command: str
    every: timedelta
    args: tuple[str, ...] = ()
    why: str = ""
    # Whether this install needs the job at all (checked when it comes due).
    applies: Callable[[], bool] = field(default=lambda: True, compare=False)


JOBS: tuple[Job, ...] = (
    Job(
        "publish_scheduled",
        MINUTE,
        why="publish pages and snippets whose go-live time came, unpublish expired ones",
    ),
    Job(
        "prune_db_task_results",
        DAY,
        ("--queue-name", "*"),
        why="forget finished background jobs older than 14 days",
        applies=_tasks_in_database,
    ),
    Job(
        "purge_expired_invoice_data",
        DAY,
        why="forget invoice data whose legal retention period ended",
    ),
    Job("clearsessions", DAY, why="delete expired admin sessions"),
    Job(
        "send_visit_reminders",
        timedelta(hours=1),
        why="remind confirmed groups of their visit, once, a few days before",
    ),
    Job("notify_low_stock", MINUTE, why="tell staff once when a variant runs low on stock"),
    Job(
        "expire_checkouts",
        timedelta(hours=1),
        why="remind consenting visitors of an idle checkout once; delete expired checkouts",
    ),
    Job(
        "refresh_term_labels",
        timedelta(days=7),
        why="take over the labels authorities changed (Termennetwerk lookup)",
    ),
)


@dataclass(frozen=True)
class Outcome:
    job: Job
    ok: bool
    seconds: float
    skipped: bool = False


class Schedule:
    """When each job is due next, on a monotonic clock (seconds)."""

    def __init__(self, jobs: Iterable[Job], start: float) -> None:
        self.next_run = {job: start for job in jobs}

    def due(self, now: float) -> list[Job]:
        return [job for job, at in self.next_run.items() if at <= now]

    def ran(self, job: Job, now: float) -> None:
        self.next_run[job] = now + job.every.total_seconds()

    def seconds_to_next(self, now: float) -> float:
        return max(0.0, min(self.next_run.values()) - now)


def run_job(job: Job) -> Outcome:
    started = time.monotonic()
    if not job.applies():
        return Outcome(job, ok=True, seconds=0.0, skipped=True)
    output = io.StringIO()
    try:
        call_command(job.command, *job.args, stdout=output, stderr=output)
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt):
            raise
        logger.exception("scheduled job %s failed", job.command)
        outcome = Outcome(job, ok=False, seconds=time.monotonic() - started)
    else:
        outcome = Outcome(job, ok=True, seconds=time.monotonic() - started)
        if output.getvalue().strip():
            logger.info("%s: %s", job.command, output.getvalue().strip())
    finally:
        _close_connections()
    return outcome


def _close_connections() -> None:
    """Hold nothing while sleeping (a caller's open transaction, e.g. a test's, stays)."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close()


def run_due(schedule: Schedule, now: float) -> list[Outcome]:
    outcomes = []
    for job in schedule.due(now):
        outcomes.append(run_job(job))
        schedule.ran(job, now)
    return outcomes
