from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MuseumSiteConfig(AppConfig):
    """The museum's content: pages, collection objects, authority terms, images."""

    name = "museum_site"
    label = "museum_site"
    verbose_name = _("Museum site")

    def ready(self) -> None:
        from museum_site import (
            checks,  # noqa: F401
            renditions,  # noqa: F401 (request budget, publish signals)
        )
        from museum_site.admin_language import (
            make_chooser_labels_lazy,
            names_are_optional_in_the_account_form,
        )
        from museum_site.graphql import registration, signals  # noqa: F401

        make_chooser_labels_lazy()
        names_are_optional_in_the_account_form()

        registration.register_types()
