"""`Publish now`: publish a page at once, dropping any pending schedule and its date
(museum_site.scheduling explains why Wagtail's own buttons do not)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page

from museum_site.scheduling import unschedule


@require_POST
def publish_now(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    if page.scheduled_revision is None:
        # Not locked: publish what the editor sees in the form, without its date.
        data = request.POST.copy()
        data["go_live_at"] = ""
        data["action-publish"] = "action-publish"
        request.POST = data
        return EditView.as_view()(request, page_id=page.pk)
    with transaction.atomic():
        unschedule(page)
        revision = page.get_latest_revision()
        revision.publish(user=request.user)
    messages.success(
        request, _("Page '%(title)s' is published now.") % {"title": page.get_admin_display_title()}
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
