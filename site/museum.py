"""Which museum a request is for: its name and the root of its public site.

One function, so that the site can become one museum per hostname (a Wagtail `Site`
each) by changing only this module: today there is one museum, whose public origin is
`FRONTEND_URL` and whose name is its `MuseumDetails` in the language asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from museum_site.models import MuseumDetails


@dataclass(frozen=True)
class Museum:
    name: str
    root_url: str  # the public origin, without a trailing slash
    address: str
    opening_hours: str


def current_museum(language: str, request=None) -> Museum:
    """The museum of this request in `language` (request unused until sites are per host)."""
    details = MuseumDetails.for_language(language)
    return Museum(
        name=details.museum_name if details else "Museum",
        root_url=settings.FRONTEND_URL.rstrip("/"),
        address=details.address if details else "",
        opening_hours=details.opening_hours if details else "",
    )
