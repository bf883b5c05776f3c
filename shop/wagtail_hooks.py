"""The shop in the admin (one "Shop" menu for the shop manager) and in the GraphQL schema."""

from __future__ import annotations

import graphene
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from shop.models import ProductCategory, ShippingMethod, Stock, Voucher


class ProductCategoryViewSet(SnippetViewSet):
    model = ProductCategory
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name_nl", "name_en", "name_fr", "slug", "sort_order"]
    search_fields = ["name_nl", "name_en", "name_fr", "slug"]


class ShippingMethodViewSet(SnippetViewSet):
    model = ShippingMethod
    icon = "mail"
    menu_label = _("Delivery")
    list_display = ["name_nl", "kind", "zone", "price", "free_above", "max_weight_grams", "active"]
    list_filter = ["kind", "zone", "active"]
    search_fields = ["name_nl", "name_en", "name_fr"]


class VoucherViewSet(SnippetViewSet):
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


class StockViewSet(SnippetViewSet):
    model = Stock
    icon = "clipboard-list"
    menu_label = _("Stock")
    list_display = [
        Column("sku", label=_("SKU"), accessor="variant.sku"),
        Column("product", label=_("Product"), accessor="variant.product.title"),
        Column("label", label=_("Variant"), accessor="variant.label"),
        "quantity",
        "allocated",
        Column("available", label=_("Available")),
    ]
    search_fields = ["variant__sku", "variant__product__title"]
    ordering = ["variant__sku"]
    list_per_page = 50
    copy_view_enabled = False

    def get_queryset(self, request):
        return Stock.objects.select_related("variant__product")


class ShopViewSetGroup(SnippetViewSetGroup):
    items = (StockViewSet, ProductCategoryViewSet, ShippingMethodViewSet, VoucherViewSet)
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


@hooks.register("register_schema_mutation", order=1000)
def mutation_is_an_object_type(mutation_mixins: list) -> None:
    """grapple adds graphene.ObjectType to the query mixins but not to the mutation ones."""
    if not any(issubclass(mixin, graphene.ObjectType) for mixin in mutation_mixins):
        mutation_mixins.append(graphene.ObjectType)
