from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToursConfig(AppConfig):
    """360° virtual tours: scenes, hotspots, floor plans, guided stops and their tiles."""

    name = "tours"
    verbose_name = _("Virtual tours")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from grapple.registry import registry

        from museum_site.graphql import response_cache
        from tours import signals  # noqa: F401
        from tours.graphql.types import PAGE_TYPES

        registry.pages.update(PAGE_TYPES)
        response_cache.PUBLIC_ROOT_FIELDS.update({"tours", "tour"})
