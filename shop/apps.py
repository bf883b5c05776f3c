from django.apps import AppConfig


class ShopConfig(AppConfig):
    """Products and variants, stock, checkout, Stripe payments, orders and refunds."""

    name = "shop"
    verbose_name = "Shop"
    default_auto_field = "django.db.models.BigAutoField"
