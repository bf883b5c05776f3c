from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    """Guided group visits: offers, booking requests, and the planning of guides, rooms
    and materials they need."""

    name = "shop.visits"
    label = "shop_visits"
    verbose_name = _("Group visits")
    default_auto_field = "django.db.models.BigAutoField"
