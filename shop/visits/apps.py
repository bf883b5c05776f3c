from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    """Guided group visits: offers, booking requests, and the planning of guides, rooms
    and materials they need."""

    name = "shop.visits"
    label = "shop_visits"
    verbose_name = _("Group visits")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A booking paid online is a line in the shop's checkout, through its one
        # extension point (as tickets are).
        from shop.services import checkout_extensions
        from shop.visits.services.online_payment import VisitLines

        checkout_extensions.register(VisitLines())
        # The most items the checkout's list of visits answers, for the query cost limit.
        from museum_site.graphql.limits import PLAIN_LIST_MAXIMUMS

        PLAIN_LIST_MAXIMUMS["Checkout.visitLines"] = 10
