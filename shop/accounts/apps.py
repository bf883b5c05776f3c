from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Customer accounts, JWT tokens, addresses, consent and data-subject requests."""

    name = "shop.accounts"
    label = "shop_accounts"
    verbose_name = _("Customer accounts")
    default_auto_field = "django.db.models.BigAutoField"
