"""Which museum a request is for: its name and the root of its public site.

The request's museum (museum_site.museums.current: host, header, else the default); its
name is its `MuseumDetails` in the language asked for, its public origin
`Museum.public_origin` (`FRONTEND_URL` for the default museum, its site's for others).
"""

from __future__ import annotations

from dataclasses import dataclass

from museum_site.models import MuseumDetails
from museum_site.museums.current import museum_for_request


@dataclass(frozen=True)
class Museum:
    name: str
    root_url: str  # the public origin, without a trailing slash
    address: str
    opening_hours: str


def current_museum(language: str, request=None) -> Museum:
    """The museum of this request (the default museum without one) in `language`."""
    museum = museum_for_request(request)
    details = MuseumDetails.for_language(language, museum)
    return Museum(
        name=details.museum_name if details else "Museum",
        root_url=museum.public_origin,
        address=details.address if details else "",
        opening_hours=details.opening_hours if details else "",
    )
