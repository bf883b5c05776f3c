"""Links to the files of digital products: signed, bound to one order line, expiring.

The link carries the line's id signed with the site's SECRET_KEY (django.core.signing),
so it cannot be guessed or pointed at another file; `max_age` makes it expire
(VITRINE_SHOP_DOWNLOAD_SECONDS, a week by default), and the order must still hold the
goods (a refunded order's link stops working even before it expires).
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from museum_site.museums.links import museum_url
from shop.models import OrderLine

SALT = "shop.download"
DEFAULT_SECONDS = 7 * 24 * 3600


class LinkRefused(Exception):
    """The link expired, was tampered with, or its order no longer holds the goods."""


def link_token(line: OrderLine) -> str:
    return signing.dumps({"line": line.pk}, salt=SALT, compress=True)


def path(line: OrderLine) -> str:
    return reverse("shop:download", kwargs={"token": link_token(line)})


def absolute_link(line: OrderLine) -> str:
    """The link for the order's e-mail, on the public origin of the museum it was paid to."""
    return museum_url(line.order.museum_id, path(line))


def line_for(token: str) -> OrderLine:
    seconds = getattr(settings, "VITRINE_SHOP_DOWNLOAD_SECONDS", DEFAULT_SECONDS)
    try:
        data = signing.loads(token, salt=SALT, max_age=seconds)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise LinkRefused(str(error)) from error
    line = (
        OrderLine.objects.select_related("order", "variant__digital_file")
        .filter(pk=data.get("line"), is_digital=True)
        .first()
    )
    if line is None or not line.order.has_goods:
        raise LinkRefused("This order no longer holds the download.")
    if line.variant is None or line.variant.digital_file is None:
        raise LinkRefused("The file is no longer available.")
    return line
