"""The shop in the admin (one "Shop" menu for the shop manager) and in the GraphQL schema."""

from __future__ import annotations

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from museum_site.museums.permissions import (
    MuseumPermissionPolicy,
    MuseumScopedViewSet,
    may_use,
)
from shop import admin_views
from shop.models import Order, ProductCategory, ReturnRequest, ShippingMethod, Stock, Voucher


class ProductCategoryViewSet(SnippetViewSet):
    model = ProductCategory
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name_nl", "name_en", "name_fr", "slug", "sort_order"]
    search_fields = ["name_nl", "name_en", "name_fr", "slug"]


class ShippingMethodViewSet(MuseumScopedViewSet, SnippetViewSet):
    model = ShippingMethod
    icon = "mail"
    menu_label = _("Delivery")
    list_display = ["name_nl", "kind", "zone", "price", "free_above", "max_weight_grams", "active"]
    list_filter = ["kind", "zone", "active"]
    search_fields = ["name_nl", "name_en", "name_fr"]


class VoucherViewSet(MuseumScopedViewSet, SnippetViewSet):
    model = Voucher
    icon = "pick"
    menu_label = _("Vouchers")
    list_display = [
        "code",
        "kind",
        "value",
        "valid_from",
        "valid_until",
        Column("used", label=_("Used")),
        "usage_limit",
        "active",
    ]
    list_filter = ["kind", "active"]
    search_fields = ["code", "description"]


class StockPermissionPolicy(ModelPermissionPolicy):
    """Stock rows come and go with physical variants; the shop manager only counts them."""

    def user_has_permission(self, user, action: str) -> bool:
        return action not in {"add", "delete", "copy"} and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Stock, StockPermissionPolicy(Stock), exact_class=True)


class StockFilterSet(WagtailFilterSet):
    """``?low=true``: the rows the dashboard's "Low stock" panel counts."""

    low = django_filters.BooleanFilter(label=_("Low stock"), method="filter_low")

    class Meta:
        model = Stock
        fields: list[str] = []

    def filter_low(self, queryset, name, value):
        from shop.services.stock_alerts import LOW

        if value is None:
            return queryset
        return queryset.filter(LOW) if value else queryset.exclude(LOW)


class StockViewSet(MuseumScopedViewSet, SnippetViewSet):
    model = Stock
    museum_page_path = "variant__product__"
    filterset_class = StockFilterSet
    icon = "clipboard-list"
    menu_label = _("Stock")
    list_display = [
        Column("sku", label=_("SKU"), accessor="variant.sku"),
        Column("product", label=_("Product"), accessor="variant.product.title"),
        Column("label", label=_("Variant"), accessor="variant.label"),
        "quantity",
        "allocated",
        Column("available", label=_("Available")),
        "low_stock_threshold",
    ]
    search_fields = ["variant__sku", "variant__product__title"]
    ordering = ["variant__sku"]
    list_per_page = 50
    copy_view_enabled = False

    def get_queryset(self, request):
        return Stock.objects.select_related("variant__product")


class OrderPermissionPolicy(MuseumPermissionPolicy):
    """Orders are made by checkouts and changed only by the actions (fulfil, refund),
    never by an edit form: an invoice is not edited."""

    def user_has_permission(self, user, action: str) -> bool:
        if action in {"add", "change", "delete", "copy"}:
            return False
        if action == "view":
            return super().user_has_permission(user, "view") or super().user_has_permission(
                user, "change"
            )
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Order, OrderPermissionPolicy(Order), exact_class=True)


class ReturnPermissionPolicy(MuseumPermissionPolicy):
    """Returns are part of the order: whoever may see or change orders sees them, and
    changes them only through the actions, never an edit form."""

    def user_has_permission(self, user, action: str) -> bool:
        if action == "view":
            return user.has_perm("shop.view_order") or user.has_perm("shop.change_order")
        return False

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_permission(user, action) and may_use(user, instance)


register_permission_policy(ReturnRequest, ReturnPermissionPolicy(ReturnRequest), exact_class=True)
register_permission_policy(ShippingMethod, MuseumPermissionPolicy(ShippingMethod), exact_class=True)
register_permission_policy(Voucher, MuseumPermissionPolicy(Voucher), exact_class=True)


class OrderViewSet(MuseumScopedViewSet, SnippetViewSet):
    model = Order
    icon = "form"
    menu_label = _("Orders")
    list_display = ["invoice_number", "email", "status", "total_gross", "refunded", "created_at"]
    list_filter = ["status"]
    search_fields = ["invoice_number", "email"]
    ordering = ["-created_at"]
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False
    # Without these the listing's CSV/XLSX export has a row per order and no column (D7).
    list_export = [
        "invoice_number",
        "created_at",
        "paid_at",
        "status",
        "email",
        "currency",
        "subtotal",
        "discount",
        "voucher_code",
        "shipping",
        "delivery_method_name",
        "total_net",
        "total_gross",
        "refunded",
    ]
    export_filename = "orders"


class ReturnRequestViewSet(MuseumScopedViewSet, SnippetViewSet):
    """Returns customers asked for; changed only by the actions (approve or decline,
    receive, refund), which staff with the right to change orders may take."""

    model = ReturnRequest
    icon = "undo"
    menu_label = _("Returns")
    list_display = ["order", "status", "reason", "restocked", "created_at"]
    list_filter = ["status"]
    search_fields = ["order__invoice_number", "order__email", "reason"]
    ordering = ["-created_at"]
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return ReturnRequest.objects.select_related("order")


@hooks.register("register_admin_urls")
def order_action_urls() -> list:
    return [
        path("shop/returns/<int:pk>/decide/", admin_views.return_decide, name="shop_return_decide"),
        path(
            "shop/returns/<int:pk>/receive/",
            admin_views.return_receive,
            name="shop_return_receive",
        ),
        path("shop/returns/<int:pk>/refund/", admin_views.return_refund, name="shop_return_refund"),
        path("shop/orders/<int:pk>/fulfil/", admin_views.fulfil, name="shop_order_fulfil"),
        path("shop/orders/<int:pk>/refund/", admin_views.refund, name="shop_order_refund"),
        path(
            "shop/accounting-export/",
            admin_views.accounting_export,
            name="shop_accounting_export",
        ),
    ]


@hooks.register("register_admin_menu_item")
def accounting_export_menu_item():
    from wagtail.admin.menu import MenuItem

    class AccountingMenuItem(MenuItem):
        def is_shown(self, request) -> bool:
            return request.user.has_perm("shop.view_order")

    return AccountingMenuItem(
        _("Accounting export"),
        reverse("shop_accounting_export"),
        icon_name="download",
        order=225,
    )


@hooks.register("register_snippet_listing_buttons")
def order_action_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Order) and user.has_perm("shop.change_order") and may_use(user, snippet):
        if snippet.status == Order.Status.PAID:
            yield ListingButton(
                _("Mark fulfilled"), reverse("shop_order_fulfil", args=[snippet.pk]), priority=10
            )
        if snippet.has_goods and snippet.refundable > 0:
            yield ListingButton(
                _("Refund"), reverse("shop_order_refund", args=[snippet.pk]), priority=20
            )


@hooks.register("register_snippet_listing_buttons")
def return_action_buttons(snippet, user, next_url=None):
    if not (
        isinstance(snippet, ReturnRequest)
        and user.has_perm("shop.change_order")
        and may_use(user, snippet)
    ):
        return
    status = ReturnRequest.Status
    if snippet.status == status.REQUESTED:
        yield ListingButton(
            _("Approve or decline"), reverse("shop_return_decide", args=[snippet.pk]), priority=10
        )
    if snippet.status == status.APPROVED:
        yield ListingButton(
            _("Mark received"), reverse("shop_return_receive", args=[snippet.pk]), priority=20
        )
    if snippet.status in (status.APPROVED, status.RECEIVED) and snippet.order.refundable > 0:
        yield ListingButton(
            _("Refund"), reverse("shop_return_refund", args=[snippet.pk]), priority=30
        )


class ShopViewSetGroup(SnippetViewSetGroup):
    items = (
        OrderViewSet,
        ReturnRequestViewSet,
        StockViewSet,
        ProductCategoryViewSet,
        ShippingMethodViewSet,
        VoucherViewSet,
    )
    menu_icon = "form"
    menu_label = _("Shop")
    menu_name = "shop"
    menu_order = 220


register_snippet(ShopViewSetGroup)


@hooks.register("register_schema_query")
def add_shop_queries(query_mixins: list) -> None:
    from shop.graphql.queries import ShopQuery

    query_mixins.insert(0, ShopQuery)


@hooks.register("register_schema_mutation")
def add_checkout_mutations(mutation_mixins: list) -> None:
    from shop.graphql.mutations import CheckoutMutations

    mutation_mixins.insert(0, CheckoutMutations)


@hooks.register("register_schema_mutation")
def add_return_mutations(mutation_mixins: list) -> None:
    from shop.graphql.return_mutations import ReturnMutations

    mutation_mixins.insert(0, ReturnMutations)


@hooks.register("vitrine_load_demo")
def load_demo_shop(stdout) -> None:
    from shop.demo import load_demo_shop

    load_demo_shop(stdout)


@hooks.register("vitrine_load_demo", order=105)
def load_demo_orders(stdout) -> None:
    """After the museums (order 100) and their shops: orders in every state."""
    from shop.demo_orders import load_demo_orders

    load_demo_orders(stdout)


@hooks.register("before_serve_document", order=-1)
def refuse_sold_files(document, request):
    """A file the shop sells is served only through the signed order link
    (shop.services.paid_files), to everyone, wherever it is filed."""
    from django.http import Http404

    from shop.services import paid_files

    if paid_files.is_paid(document):
        raise Http404("No document matches the given query.")


@hooks.register("vitrine_private_documents")
def sold_files():
    from shop.services.paid_files import paid_document_ids

    return paid_document_ids()


@hooks.register("construct_homepage_panels")
def shop_dashboard_panels(request, panels: list) -> None:
    from museum_site.dashboard import add_panels
    from shop.dashboard import SHOP_PANELS

    add_panels(request, panels, SHOP_PANELS)
