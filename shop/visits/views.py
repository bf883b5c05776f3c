"""Each guide's private calendar feed: a secret URL they add to their phone's calendar.

The secret is the only key, as with any calendar subscription (calendar apps send no
credentials); a wrong one answers 404, the same as a guide who does not exist.
"""

from __future__ import annotations

from datetime import timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from shop.visits.models import Activity, Resource
from shop.visits.services import calendars

PAST = timedelta(days=60)


@require_GET
def guide_feed(request: HttpRequest, secret: str) -> HttpResponse:
    guide = (
        Resource.objects.filter(feed_secret=secret, kind=Resource.Kind.GUIDE)
        .select_related("museum")
        .first()
    )
    if guide is None:
        raise Http404
    activities = (
        Activity.objects.filter(assignments__resource=guide, ends_at__gte=timezone.now() - PAST)
        .select_related("booking")
        .order_by("starts_at")
    )
    response = HttpResponse(
        calendars.guide_feed(guide, activities), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, no-store"
    return response
