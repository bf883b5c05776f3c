"""The shop's panels on the museum dashboard (museum_site.dashboard): orders to fulfil,
refunds to finish, stock running low. One query function per panel, narrowed to the
museums the editor works for (the lists they link to are narrowed the same way)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from museum_site.dashboard import DashboardEntry, DashboardPanel
from museum_site.museums.permissions import scope_by_pages, scope_queryset
from shop.models import Order, Stock
from shop.services.stock_alerts import low_stock


def orders_to_fulfil() -> QuerySet[Order]:
    """Paid and not yet handed over or sent."""
    return Order.objects.filter(status=Order.Status.PAID).order_by("-paid_at", "-pk")


def refunds_to_handle() -> QuerySet[Order]:
    """Partly refunded orders: money is still to be given back or kept on purpose."""
    return Order.objects.filter(status=Order.Status.PARTIALLY_REFUNDED).order_by("-pk")


def _orders_list(status: str) -> str:
    return f"{reverse(Order.snippet_viewset.get_url_name('list'))}?{urlencode({'status': status})}"


def _order_entries(orders: QuerySet[Order], limit: int) -> tuple[int, list[DashboardEntry]]:
    inspect = Order.snippet_viewset.get_url_name("inspect")
    rows = [
        DashboardEntry(
            str(order), reverse(inspect, args=[order.pk]), f"{order.email} · € {order.total_gross}"
        )
        for order in orders[:limit]
    ]
    return orders.count(), rows


class _OrdersPanel(DashboardPanel):
    def is_shown(self) -> bool:
        user = self.request.user
        return user.has_perm("shop.view_order") or user.has_perm("shop.change_order")


class NewOrdersPanel(_OrdersPanel):
    name = "new_orders"
    order = 10
    title = gettext_lazy("New orders to fulfil")
    empty_text = gettext_lazy("No paid order is waiting.")

    def list_url(self) -> str:
        return _orders_list(Order.Status.PAID)

    def entries(self):
        return _order_entries(scope_queryset(self.request.user, orders_to_fulfil()), self.limit)


class RefundsPanel(_OrdersPanel):
    name = "refunds"
    order = 20
    title = gettext_lazy("Refunds to handle")
    empty_text = gettext_lazy("No refund is waiting.")

    def list_url(self) -> str:
        return _orders_list(Order.Status.PARTIALLY_REFUNDED)

    def entries(self):
        return _order_entries(scope_queryset(self.request.user, refunds_to_handle()), self.limit)


class LowStockPanel(DashboardPanel):
    name = "low_stock"
    order = 30
    title = gettext_lazy("Low stock")
    empty_text = gettext_lazy("No product is running low.")

    def is_shown(self) -> bool:
        return self.request.user.has_perm("shop.change_stock")

    def list_url(self) -> str:
        return f"{reverse(Stock.snippet_viewset.get_url_name('list'))}?low=true"

    def entries(self):
        stock = scope_by_pages(self.request.user, low_stock(), "variant__product__")
        edit = Stock.snippet_viewset.get_url_name("edit")
        rows = [
            DashboardEntry(
                f"{row.variant.sku} · {row.variant.product.title}",
                reverse(edit, args=[row.pk]),
                _("%(available)s left") % {"available": row.sellable},
            )
            for row in stock[: self.limit]
        ]
        return stock.count(), rows


SHOP_PANELS = (NewOrdersPanel, RefundsPanel, LowStockPanel)
