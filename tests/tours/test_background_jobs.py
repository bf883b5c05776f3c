"""Tiling on a worker: publishing queues the job, `db_worker` runs it, failures reach the editor.

With TASKS_BACKEND=database (django-tasks-db) an editor's publish only writes a job row
after the commit; the tiler runs in `manage.py db_worker`. These tests publish through the
admin in real transactions (the job is queued by `transaction.on_commit`), then run the
worker once in batch mode in this process (fixtures in tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult
from wagtail.test.utils.form_data import querydict_from_html

from tests.tours import builders
from tours import models, services, tiler

pytestmark = pytest.mark.django_db(transaction=True)

TILING_TASK = "tours.tasks.tile_panorama_task"


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


def publish_in_admin(client, page: models.TourPage) -> None:
    """Press "Publish" in the page editor, as an editor does: one request, one commit."""
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["action-publish"] = "publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-2000:]


def tiling_jobs(image_id: int) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=TILING_TASK, args_kwargs__args=[image_id]))


def tile_files(settings) -> list[Path]:
    return sorted((Path(settings.MEDIA_ROOT) / services.TILES_PREFIX).rglob("*.jpg"))


def scene_panel(client, page: models.TourPage) -> str:
    return client.get(f"/admin/pages/{page.pk}/edit/").content.decode()


def test_publishing_queues_one_tiling_job_and_the_worker_tiles_it(
    database_queue, editor, run_worker, settings
):
    page = builders.tour([builders.scene("hall")], publish=False)
    image = page.scenes.get().panorama

    publish_in_admin(editor, page)

    # The request only queued the job: nothing was tiled while the editor waited.
    [job] = tiling_jobs(image.pk)
    assert job.status == "READY"
    assert (
        models.PanoramaTiles.objects.get(image=image).status == models.PanoramaTiles.Status.PENDING
    )
    assert tile_files(settings) == []
    assert 'data-tiles-status="pending"' in scene_panel(editor, page)

    run_worker()

    job.refresh_from_db()
    assert (job.status, job.return_value) == ("SUCCESSFUL", "ready")
    tiles = models.PanoramaTiles.objects.get(image=image)
    assert tiles.status == models.PanoramaTiles.Status.READY, tiles.error
    assert tiles.url_of("base").startswith(settings.MEDIA_URL + services.TILES_PREFIX)
    base = Path(settings.MEDIA_ROOT) / tiles.manifest["base_name"]
    assert (base / tiler.MANIFEST_NAME).is_file()
    assert {path.name for path in base.glob("1/*.jpg")} == {
        f"{face}0_0.jpg" for face in tiler.FACES
    }
    assert 'data-tiles-status="ready"' in scene_panel(editor, page)
    # Wagtail's own jobs (reference index, admin search) went through the same queue.
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()


def test_a_job_that_fails_is_recorded_failed_and_shown_in_the_scene_panel(
    database_queue, editor, run_worker, monkeypatch, settings
):
    page = builders.tour([builders.scene("hall")], publish=False)
    image = page.scenes.get().panorama
    publish_in_admin(editor, page)

    def storage_outage(*args, **kwargs):
        raise RuntimeError("object storage answered 503")

    monkeypatch.setattr(services, "tile_panorama", storage_outage)
    run_worker()

    [job] = tiling_jobs(image.pk)
    assert job.status == "FAILED"
    assert job.exception_class_path == "builtins.RuntimeError"
    assert "object storage answered 503" in job.traceback  # for the administrators
    tiles = models.PanoramaTiles.objects.get(image=image)
    assert tiles.status == models.PanoramaTiles.Status.FAILED
    assert "Publish the tour again to retry" in tiles.error
    assert "Traceback" not in tiles.error and "503" not in tiles.error
    html = scene_panel(editor, page)
    assert 'data-tiles-status="failed"' in html and "unexpected error (RuntimeError)" in html
    assert tile_files(settings) == []

    # Publishing again queues a new job, which tiles once the outage is over.
    monkeypatch.undo()
    publish_in_admin(editor, page)
    run_worker()
    assert sorted(job.status for job in tiling_jobs(image.pk)) == ["FAILED", "SUCCESSFUL"]
    assert models.PanoramaTiles.objects.get(image=image).status == (
        models.PanoramaTiles.Status.READY
    )


@pytest.mark.django_db(transaction=False)
def test_without_a_worker_a_failing_job_still_reaches_the_scene_panel(
    editor, monkeypatch, django_capture_on_commit_callbacks
):
    """The demo's immediate backend runs the job after the publish commits, in the request."""
    page = builders.tour([builders.scene("hall")], publish=False)

    def out_of_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(services, "tile_panorama", out_of_memory)
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_admin(editor, page)  # the editor's publish still succeeds

    tiles = models.PanoramaTiles.objects.get(image=page.scenes.get().panorama)
    assert tiles.status == models.PanoramaTiles.Status.FAILED
    assert "unexpected error (MemoryError)" in scene_panel(editor, page)
    assert not DBTaskResult.objects.exists()  # nothing was queued
