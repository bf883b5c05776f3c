from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TicketsConfig(AppConfig):
    """Timed admission: offers, time slots, quotas, e-tickets and check-in."""

    name = "shop.tickets"
    label = "shop_tickets"
    verbose_name = _("Admission tickets")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Tickets take part in the shop's checkout through its one extension point.
        from shop.services import checkout_extensions
        from shop.tickets.checkout import TicketLines

        checkout_extensions.register(TicketLines())
