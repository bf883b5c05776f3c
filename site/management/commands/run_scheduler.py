"""`manage.py run_scheduler`: the one process that runs the periodic jobs (Procfile).

The jobs and their intervals are the table in museum_site/scheduler.py. `--once` runs
every job once and exits (a deploy step, a cron line, a test).
"""

from __future__ import annotations

import signal
import time

from django.core.management.base import BaseCommand

from museum_site.scheduler import JOBS, Outcome, Schedule, run_due


class Command(BaseCommand):
    help = "Run the periodic jobs (publish_scheduled, purges, ...) at their intervals."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Run every job once, then exit.")

    stopping = False

    def handle(self, *args, once: bool, **options) -> None:
        if not once:
            # SIGTERM (an orchestrator, Ctrl-C): finish the job under way, then exit. The
            # handler only sets a flag (nothing that takes a lock inside a signal handler).
            for number in (signal.SIGINT, signal.SIGTERM):
                signal.signal(number, self._stop)
            for job in JOBS:
                self.stdout.write(f"{job.command}: every {job.every} ({job.why})")
        schedule = Schedule(JOBS, start=time.monotonic())
        while not self.stopping:
            for outcome in run_due(schedule, time.monotonic()):
                self._report(outcome)
            if once:
                return
            wake_at = time.monotonic() + schedule.seconds_to_next(time.monotonic())
            while not self.stopping and time.monotonic() < wake_at:
                time.sleep(min(1.0, max(0.0, wake_at - time.monotonic())))
        self.stdout.write("scheduler stopped")

    def _stop(self, signum, frame) -> None:
        self.stopping = True

    def _report(self, outcome: Outcome) -> None:
        if outcome.skipped:
            line = f"{outcome.job.command}: not needed here"
        elif outcome.ok:
            line = f"{outcome.job.command}: ok in {outcome.seconds:.1f} s"
        else:
            line = f"{outcome.job.command}: FAILED after {outcome.seconds:.1f} s (logged)"
        self.stdout.write(line)
        self.stdout.flush()
