"""Absolute URLs made for a museum's visitors: the one function that builds them.

Every link an e-mail carries (orders, downloads, tickets, group visits, accounts, data
requests, newsletter, checkout reminders) and every public identifier we mint (IIIF
manifest, collection and image service ids, LDES stream ids) is on the origin of the
museum it is for, `Museum.public_origin`: the deployment's `FRONTEND_URL` for the
default museum, the museum's own site (hostname and port) for the others. A link of
museum B's shop on museum A's origin would open A's site, with A's branding and scope,
where B's token means nothing; an id minted on the wrong origin changes with the host
that happened to ask.
"""

from __future__ import annotations

from .models import Museum


def museum_url(museum: Museum | int | None, path: str) -> str:
    """`path` (absolute, or already a full URL) on the public origin of `museum` (a
    museum, or a row's `museum_id`); the default museum's when None."""
    if path.startswith(("http://", "https://")):
        return path
    if museum is None:
        museum = Museum.objects.default()
    elif not isinstance(museum, Museum):
        from .current import museum_by_pk

        museum = museum_by_pk(museum)
    return museum.public_origin + "/" + path.lstrip("/")
