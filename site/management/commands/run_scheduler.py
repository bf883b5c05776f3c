"""`manage.py run_scheduler`: the one process that runs the periodic jobs (Procfile).

The jobs and their intervals are the table in museum_site/scheduler.py. `--once` runs
every job once and exits (a deploy step, a cron line, a test).
"""

from __future__ import annotations

import signal
import threading
import time

from django.core.management.base import BaseCommand

from museum_site.scheduler import JOBS, Outcome, Schedule, run_due


class Command(BaseCommand):
    help = "Run the periodic jobs (publish_scheduled, purges, ...) at their intervals."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Run every job once, then exit.")

    def handle(self, *args, once: bool, **options) -> None:
        stop = threading.Event()
        if not once:
            for number in (signal.SIGINT, signal.SIGTERM):
                signal.signal(number, lambda signum, frame: stop.set())
            for job in JOBS:
                self.stdout.write(f"{job.command}: every {job.every} ({job.why})")
        schedule = Schedule(JOBS, start=time.monotonic())
        while not stop.is_set():
            for outcome in run_due(schedule, time.monotonic()):
                self._report(outcome)
            if once:
                return
            stop.wait(schedule.seconds_to_next(time.monotonic()))

    def _report(self, outcome: Outcome) -> None:
        if outcome.skipped:
            line = f"{outcome.job.command}: not needed here"
        elif outcome.ok:
            line = f"{outcome.job.command}: ok in {outcome.seconds:.1f} s"
        else:
            line = f"{outcome.job.command}: FAILED after {outcome.seconds:.1f} s (logged)"
        self.stdout.write(line)
        self.stdout.flush()
