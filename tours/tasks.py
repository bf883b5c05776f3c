"""Background jobs of the tours app (django-tasks, as Wagtail 8 uses).

With the default immediate backend the job runs right after the publishing commit; a
deployment configures a worker backend in TASKS so editors do not wait for tiling.
"""

from django_tasks import task

from tours import services


@task()
def tile_panorama_task(image_id: int) -> str:
    return services.tile_image(image_id).status
