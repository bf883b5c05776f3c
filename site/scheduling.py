"""Scheduling that does what it says: a cancelled schedule forgets its date.

Wagtail's "Cancel scheduled publish" clears the revision's approval but leaves the
go-live date in the page and in its latest draft, so the editor still saw "Schedule to
publish" instead of "Publish" until they cleared the date under "Edit schedule". When
a revision's schedule is cancelled, the date goes too; "Publish" then publishes now
(and Wagtail unschedules any other revision it publishes over).

While a go-live date lies ahead, Wagtail's only button is "Schedule to publish": an
editor who wants it out today had to open "Edit schedule" and clear the date first.
"Publish now" (PublishNowMenuItem, museum_site.scheduling_views) does both in one
click: every pending schedule of the page is dropped with its date, and the page is
published at once (a scheduled page is locked by Wagtail, so its scheduled revision,
the latest, is what goes live; an unlocked draft with a date ahead is published from the
form as Wagtail's "Publish" would, with the date cleared).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.locks import ScheduledForPublishLock
from wagtail.models import Page, Revision

PUBLISH_NOW = "action-publish-now"


def forget_cancelled_schedule(sender, instance: Revision, update_fields=None, **kwargs) -> None:
    cancelled = update_fields is not None and set(update_fields) == {"approved_go_live_at"}
    if not cancelled or instance.approved_go_live_at is not None:
        return
    page = instance.content_object
    if not isinstance(page, Page):
        return
    Page.objects.filter(pk=page.pk).update(go_live_at=None)
    latest = page.latest_revision
    for revision in {instance, latest} - {None}:
        if revision.content.get("go_live_at"):
            revision.content["go_live_at"] = None
            Revision.objects.filter(pk=revision.pk).update(content=revision.content)


def has_pending_schedule(page: Page) -> bool:
    """A go-live date ahead, in the page, its latest draft, or an approved revision."""
    now = timezone.now()
    if page.go_live_at and page.go_live_at > now:
        return True
    return page.revisions.filter(approved_go_live_at__isnull=False).exists()


class PublishNowMenuItem(ActionMenuItem):
    """Shown while a go-live date lies ahead, also on a page Wagtail locks because a
    revision of it is scheduled (never over another editor's lock). It posts the edit
    form to `publish_now` (site.scheduling_views), not to the edit view."""

    label = _("Publish now")
    name = PUBLISH_NOW
    icon_name = "upload"
    template_name = "museum_site/admin/publish_now_button.html"

    def is_shown(self, context) -> bool:
        page = context.get("page")
        if context["view"] != "edit" or page is None:
            return False
        lock = page.get_lock()
        user = context["request"].user
        if (
            lock is not None
            and lock.for_user(user)
            and not isinstance(lock, ScheduledForPublishLock)
        ):
            return False
        return self.get_user_page_permissions_tester(
            context
        ).can_publish() and has_pending_schedule(page)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["url"] = None
        context["form_action"] = reverse("vitrine_publish_now", args=[parent_context["page"].pk])
        return context


def unschedule(page: Page) -> None:
    """Drop every pending schedule of the page and its go-live date (the page row and
    its latest revision), so what is published next goes live at once."""
    page.revisions.update(approved_go_live_at=None)
    Page.objects.filter(pk=page.pk).update(go_live_at=None)
    latest = page.get_latest_revision()
    if latest is not None and latest.content.get("go_live_at"):
        latest.content["go_live_at"] = None
        Revision.objects.filter(pk=latest.pk).update(content=latest.content)
