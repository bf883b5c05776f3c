from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MuseumsConfig(AppConfig):
    """The museums of one install: each is a Wagtail `Site` with its own identity."""

    name = "museum_site.museums"
    label = "museums"
    verbose_name = _("Museums")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from museum_site.museums import signals  # noqa: F401
