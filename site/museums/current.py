"""Which museum a request is for: the Wagtail site its host names, else the default.

One function, so that GraphQL, views and the frontend renderer agree; the answer is kept
on the request (Wagtail's `Site.find_for_request` caches the site the same way).
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Site

from .models import Museum

_ATTRIBUTE = "_vitrine_museum"


def museum_for_request(request: HttpRequest | None) -> Museum:
    if request is None:
        return Museum.objects.default()
    museum = getattr(request, _ATTRIBUTE, None)
    if museum is None:
        site = Site.find_for_request(request)
        museum = Museum.for_site(site) if site is not None else Museum.objects.default()
        setattr(request, _ATTRIBUTE, museum)
    return museum
