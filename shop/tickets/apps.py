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
        # The most items each plain list of this app answers, for the query cost limit
        # (museum_site/graphql/limits.py counts them and truncates to them).
        from museum_site.graphql.limits import PLAIN_LIST_MAXIMUMS
        from shop.tickets.availability import MAX_DAYS, MAX_SLOTS_PER_DAY

        PLAIN_LIST_MAXIMUMS.update(
            {
                "Query.admissionOffers": 20,
                "AdmissionOffer.categories": 8,
                "Query.ticketAvailability": MAX_DAYS,
                "TicketDay.slots": MAX_SLOTS_PER_DAY,
                "TicketSlot.prices": 8,
                "Order.tickets": 200,
                "Checkout.ticketLines": 100,
            }
        )
