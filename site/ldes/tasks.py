"""Background jobs of the streams (django-tasks, as museum_site.tasks)."""

from django_tasks import task


@task()
def record_objects_task(keys: list[str]) -> int:
    """New versions of the objects (translation keys) whose description a term's change
    altered: a term can be used by many objects, too many to describe in the editor's
    request once a deployment runs a worker."""
    from museum_site.ldes.services import record_objects

    return record_objects(keys)
