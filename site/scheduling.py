"""Scheduling that does what it says: a cancelled schedule forgets its date.

Wagtail's "Cancel scheduled publish" clears the revision's approval but leaves the
go-live date in the page and in its latest draft, so the editor still saw "Schedule to
publish" instead of "Publish" until they cleared the date under "Edit schedule". When
a revision's schedule is cancelled, the date goes too; "Publish" then publishes now
(and Wagtail unschedules any other revision it publishes over).
"""

from __future__ import annotations

from wagtail.models import Page, Revision


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
