from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LdesConfig(AppConfig):
    """Linked open data: LDES event streams of published content, and the SKOS scheme."""

    name = "museum_site.ldes"
    label = "ldes"
    verbose_name = _("Linked data streams")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from museum_site.ldes import signals  # noqa: F401
