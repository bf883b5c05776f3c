"""The signed link that lets a guest (no account) see their order and its invoices.

The token carries the order's id signed with SECRET_KEY (django.core.signing), so it
cannot be guessed or pointed at another order; it expires after
VITRINE_SHOP_ORDER_LINK_SECONDS (a year by default: invoices are asked for late).
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing

from shop.models import Order

SALT = "shop.order"
DEFAULT_SECONDS = 365 * 24 * 3600


def token_for(order: Order) -> str:
    return signing.dumps({"order": order.pk}, salt=SALT, compress=True)


def order_for(token: str) -> Order | None:
    seconds = getattr(settings, "VITRINE_SHOP_ORDER_LINK_SECONDS", DEFAULT_SECONDS)
    try:
        data = signing.loads(token, salt=SALT, max_age=seconds)
    except signing.BadSignature:
        return None
    return (
        Order.objects.filter(pk=data.get("order"), anonymised_at__isnull=True)
        .select_related("shipping_address", "billing_address")
        .prefetch_related(
            "lines",
            "invoices",
            "fulfilments__lines__order_line",
            "returns__lines__order_line",
            "returns__refund",
        )
        .first()
    )
