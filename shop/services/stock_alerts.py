"""Stock alerts: staff are told once when a variant runs low, again only after restocking.

A row is low when no more than its ``low_stock_threshold`` units can still be sold.
``notify_low_stock`` (the scheduler's ``notify_low_stock`` job, every minute) marks the
rows that became low under row locks, commits, and only then sends one e-mail for them:
no mail server is waited on while stock rows are locked, and two runs at once tell
staff once (a row is claimed by the run whose update set its mark). A row counted back
above its threshold loses its mark, so the next shortage is told again. The dashboard
reads ``low_stock()``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.models import Stock

LOW = Q(low_stock_threshold__isnull=False) & Q(
    quantity__lte=F("allocated") + F("low_stock_threshold")
)


def low_stock() -> QuerySet[Stock]:
    """Rows at or under their alert level, the emptiest first (the dashboard's panel)."""
    return (
        Stock.objects.filter(LOW)
        .select_related("variant__product")
        .annotate(sellable=F("quantity") - F("allocated"))
        .order_by("sellable", "variant__sku")
    )


def staff_to_tell() -> list[str]:
    """Active staff who count stock (or may do anything), with an address."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return sorted(
        {
            user.email
            for user in users.filter(
                Q(is_superuser=True)
                | Q(user_permissions__codename="change_stock")
                | Q(groups__permissions__codename="change_stock")
            )
        }
    )


def notify_low_stock() -> int:
    """Tell staff about rows that became low since the last run; returns how many."""
    with transaction.atomic():
        Stock.objects.filter(low_stock_alerted_at__isnull=False).exclude(LOW).update(
            low_stock_alerted_at=None
        )
        claimed = list(
            Stock.objects.select_for_update(skip_locked=True)
            .filter(LOW, low_stock_alerted_at__isnull=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not claimed:
            return 0
        Stock.objects.filter(pk__in=claimed).update(low_stock_alerted_at=timezone.now())
    rows = list(
        Stock.objects.filter(pk__in=claimed).select_related("variant__product").order_by("pk")
    )
    recipients = staff_to_tell()
    if recipients:
        try:
            _send(rows, recipients)
        except Exception:
            # Not told: unmark, so the next run tries again.
            Stock.objects.filter(pk__in=claimed).update(low_stock_alerted_at=None)
            raise
    return len(rows)


def _send(rows: list[Stock], recipients: list[str]) -> None:
    lines = "\n".join(
        _("%(sku)s %(product)s %(variant)s: %(available)s left (alert at %(threshold)s)")
        % {
            "sku": row.variant.sku,
            "product": row.variant.product.title,
            "variant": row.variant.label,
            "available": row.available,
            "threshold": row.low_stock_threshold,
        }
        for row in rows
    )
    send_mail(
        _("Low stock: %(count)s products") % {"count": len(rows)},
        _("These products are running low:\n\n%(lines)s\n\nCount new stock under Shop → Stock.")
        % {"lines": lines},
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )
