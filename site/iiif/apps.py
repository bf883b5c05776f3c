from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IIIFConfig(AppConfig):
    """IIIF publication of the collection: Image API 3 services for object photographs,
    Presentation 3 manifests per object and collections per exhibition."""

    name = "museum_site.iiif"
    label = "iiif"
    verbose_name = _("IIIF")
    default_auto_field = "django.db.models.BigAutoField"
