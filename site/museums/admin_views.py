"""The museums of the install, edited by whoever holds the museum model's permissions
(superusers and the group role): hostnames and page trees stay Wagtail's own Sites."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Museum
from .permissions import MuseumPermissionPolicy, MuseumScopedViewSet


class MuseumViewSet(MuseumScopedViewSet, ModelViewSet):
    model = Museum
    permission_policy = MuseumPermissionPolicy(Museum)
    icon = "home"
    menu_label = _("Museums")
    add_to_settings_menu = True
    list_display = ["name", "slug", "site", "is_public"]
    search_fields = ["name", "slug", "legal_name"]
