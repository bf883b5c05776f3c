"""Content changes invalidate the GraphQL response cache (after commit).

Publishing, unpublishing (by an editor or by `publish_scheduled`), saving, deleting and
moving content bump the content version in the database; so does finished tiling
(tours.signals) and stock (shop). Every process reads that version once per request.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from museum_site import models
from museum_site.graphql.response_cache import bump_content_version

CONTENT_MODELS = (
    models.CollectionObject,
    models.CollectionObjectImage,
    models.Term,
    models.MuseumImage,
    models.MuseumSettings,
    models.MuseumDetails,
    PageViewRestriction,
)


@receiver(page_published)
@receiver(post_page_move)
@receiver(page_unpublished)
@receiver(published)
@receiver(unpublished)
def content_published(sender, **kwargs) -> None:
    bump_content_version()


def content_saved_or_deleted(sender, **kwargs) -> None:
    bump_content_version()


for model in CONTENT_MODELS:
    post_save.connect(
        content_saved_or_deleted, sender=model, dispatch_uid=f"vitrine-cache-save-{model.__name__}"
    )
    post_delete.connect(
        content_saved_or_deleted,
        sender=model,
        dispatch_uid=f"vitrine-cache-delete-{model.__name__}",
    )


# Every page type, each by name: a delete receiver without a sender would keep Django
# from deleting any other model's rows in one statement (search.signals says the same).
for model in apps.get_models():
    if issubclass(model, Page):
        post_delete.connect(
            content_saved_or_deleted,
            sender=model,
            dispatch_uid=f"vitrine-cache-delete-{model._meta.label_lower}",
        )
