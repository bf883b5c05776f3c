"""Background jobs of the tours app (django-tasks, as Wagtail 8 uses).

With the default immediate backend the job runs right after the publishing commit, in
the editor's request; a deployment sets TASKS_BACKEND=database and runs
`manage.py db_worker`, so editors do not wait for tiling (docs/settings.md: "Background jobs").
"""

from django_tasks import task

from tours import services


@task()
def tile_panorama_task(image_id: int) -> str:
    try:
        return services.tile_image(image_id).status
    except Exception as error:
        # The job still fails (its result keeps the traceback); the editor learns of it
        # in the scene panel instead of seeing "waiting to be made" for ever.
        services.record_unexpected_failure(image_id, error)
        raise
