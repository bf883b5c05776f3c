"""Background jobs of the site app (django-tasks, as the tiler in tours/tasks.py).

With the default immediate backend the job runs right after the commit that queued it,
in the editor's request; a deployment runs them in `manage.py db_worker` (docs/settings.md:
"Background jobs").
"""

from django_tasks import task


@task()
def prepare_renditions_task(image_id: int) -> int:
    """Make the renditions published content needs of one image (museum_site.renditions)."""
    from museum_site.renditions import prepare_renditions

    return prepare_renditions(image_id)
