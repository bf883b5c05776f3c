from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Customer accounts, JWT tokens, addresses, consent and data-subject requests."""

    name = "shop.accounts"
    label = "shop_accounts"
    verbose_name = "Customer accounts"
    default_auto_field = "django.db.models.BigAutoField"
