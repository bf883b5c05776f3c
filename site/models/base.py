"""What every page of the museum shares."""

from django.db import models
from django.utils import timezone
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin


def public_pages(queryset: models.QuerySet) -> models.QuerySet:
    """Pages a visitor may see: live, not past their expiry, not view-restricted.

    `live` alone is not enough: a page whose expiry passed stays live until the
    `publish_scheduled` job runs, and a restricted page is live but private.
    """
    return (
        queryset.live()
        .public()
        .filter(models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=timezone.now()))
    )


class MuseumPage(HeadlessPreviewMixin, Page):
    """A page served by the headless frontend: Wagtail's preview opens it with a token."""

    class Meta:
        abstract = True
