from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TermennetwerkConfig(AppConfig):
    """Looks up authority terms in the NDE Termennetwerk (Network of Terms) from the
    Term editor, and keeps stored terms' labels in step with their authority."""

    name = "museum_site.termennetwerk"
    label = "termennetwerk"
    verbose_name = _("Termennetwerk")
