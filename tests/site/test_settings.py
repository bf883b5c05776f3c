"""Settings read from the environment: what a deployment chooses with one variable."""

import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

SETTINGS = Path(__file__).resolve().parents[2] / "site" / "settings.py"


def settings_with(monkeypatch, tmp_path, **env: str) -> dict:
    """The settings module as a fresh process with this environment would read it."""
    monkeypatch.setenv("VITRINE_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("TASKS_BACKEND", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_background_jobs_run_after_the_commit_in_the_same_process_by_default(monkeypatch, tmp_path):
    tasks = settings_with(monkeypatch, tmp_path)["TASKS"]
    assert tasks == {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_a_deployment_queues_background_jobs_in_the_database(monkeypatch, tmp_path):
    read = settings_with(monkeypatch, tmp_path, TASKS_BACKEND="database")
    assert read["TASKS"] == {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert "django_tasks_db" in read["INSTALLED_APPS"]


def test_an_unknown_tasks_backend_stops_the_start(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="TASKS_BACKEND must be one of"):
        settings_with(monkeypatch, tmp_path, TASKS_BACKEND="celery")


@pytest.mark.postgres_only
def test_postgresql_connections_plan_for_memory_and_never_jit(db):
    """settings.py: index lookups priced for a database in memory; no JIT compilation,
    which costs more than any of our statements once an estimate passes 100,000."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('jit'), current_setting('random_page_cost')")
        assert cursor.fetchone() == ("off", "1.1")
