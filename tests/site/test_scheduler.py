"""One scheduler process runs every periodic job at its interval (`manage.py
run_scheduler`, the Procfile's `scheduler`); a failing job never stops the others."""

from __future__ import annotations

import datetime
import io
import signal
import subprocess
import time

import pytest
from django.core.management import call_command, get_commands
from django.db import connection
from django.utils import timezone

from museum_site import models, scheduler
from museum_site.scheduler import DAY, MINUTE, Job, Schedule, run_due
from tests.site import builders
from tests.site.server_process import ROOT, database_url, procfile_command, server_env

pytestmark = pytest.mark.django_db


def test_every_job_is_a_management_command_and_the_procfile_runs_the_scheduler():
    commands = get_commands()
    assert {job.command for job in scheduler.JOBS} <= set(commands)
    assert {"publish_scheduled", "prune_db_task_results", "purge_expired_invoice_data"} <= {
        job.command for job in scheduler.JOBS
    }
    assert procfile_command("scheduler")[1:] == ["manage.py", "run_scheduler"]
    assert procfile_command("worker")[1:3] == ["manage.py", "db_worker"]


def test_each_job_runs_at_start_then_at_its_interval():
    schedule = Schedule(scheduler.JOBS, start=1000.0)
    assert schedule.due(1000.0) == list(scheduler.JOBS)
    for job in scheduler.JOBS:
        schedule.ran(job, 1000.0)
    assert schedule.due(1059.0) == []
    assert schedule.seconds_to_next(1030.0) == 30.0
    every_minute = ["publish_scheduled", "notify_low_stock"]
    assert [job.command for job in schedule.due(1060.0)] == every_minute
    for job in schedule.due(1060.0):
        schedule.ran(job, 1060.0)
    assert [job.command for job in schedule.due(1000.0 + 86_399)] == every_minute
    daily = {job for job in scheduler.JOBS if job.every == DAY}
    assert len(daily) == 3 and daily <= set(schedule.due(1000.0 + 86_400))


def test_the_scheduler_publishes_what_is_due(database_queue):
    story = builders.story(publish=False, title="Morgen open")
    story.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    story.save_revision(approved_go_live_at=story.go_live_at)
    out = io.StringIO()

    call_command("run_scheduler", once=True, stdout=out)

    assert models.StoryPage.objects.get(pk=story.pk).live
    for job in scheduler.JOBS:
        assert f"{job.command}: ok in" in out.getvalue(), out.getvalue()


def test_a_job_the_install_does_not_need_is_skipped(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    [prune] = [job for job in scheduler.JOBS if job.command == "prune_db_task_results"]
    outcome = scheduler.run_job(prune)
    assert outcome.ok and outcome.skipped


def test_a_failing_job_does_not_stop_the_others():
    jobs = [Job("no_such_command", MINUTE), Job("check", MINUTE)]
    outcomes = run_due(Schedule(jobs, start=0.0), now=0.0)
    assert [(o.job.command, o.ok) for o in outcomes] == [
        ("no_such_command", False),
        ("check", True),
    ]


@pytest.mark.django_db(transaction=True)
def test_the_procfile_scheduler_runs_its_jobs_and_stops_on_sigterm(tmp_path):
    """The Procfile's `scheduler` as a deployment runs it: first round, then SIGTERM."""
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        url = database_url(settings_dict)
    else:
        url = f"sqlite:///{settings_dict['NAME']}"
    log = tmp_path / "scheduler.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            procfile_command("scheduler"),
            cwd=ROOT,
            env=server_env(DATABASE_URL=url),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 120
            while "clearsessions: ok" not in log.read_text():
                assert process.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=60) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    text = log.read_text()
    assert "publish_scheduled: ok" in text and text.rstrip().endswith("scheduler stopped")
