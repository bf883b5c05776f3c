from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search over every app's published content (see the package docstring)."""

    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from museum_site.graphql import response_cache
        from search import signals
        from search.sources import museum, products, tours

        # The museum's, the tours' and the shop's kinds are described here because this app
        # is the one that needs them; each module only reads its app's models (and the shop
        # tells of stock changes with a signal of its own).
        museum.register_sources()
        tours.register_sources()
        products.register_sources()
        signals.connect()
        response_cache.PUBLIC_ROOT_FIELDS.update({"search", "searchSuggest"})
