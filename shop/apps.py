from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    """Products and variants, stock, checkout, Stripe payments, orders and refunds."""

    name = "shop"
    verbose_name = _("Shop")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from grapple.registry import registry

        from museum_site.graphql import response_cache
        from shop import signals  # noqa: F401
        from shop.graphql.types import PAGE_TYPES

        registry.pages.update(PAGE_TYPES)
        # `checkout` is private (its token is the key) and is never cached.
        response_cache.PUBLIC_ROOT_FIELDS.update({"products", "product", "productCategories"})
