"""The panorama editor in the scene panel: see the panorama, click to place hotspots."""

import json

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

# What the editor's script says, in the admin's language: the script has no catalogue of
# its own (Wagtail's JavaScript catalogue holds only Wagtail's strings), so the panel
# hands it these, already translated, in a data attribute.
EDITOR_MESSAGES = {
    "chooseFirst": _("Choose a panorama image first."),
    "loading": _("Loading the panorama…"),
    "loadFailed": _("The panorama could not be loaded (%(error)s)."),
    "howTo": _("Click “Place on panorama” on a hotspot, then click the spot in the panorama."),
    "placeButton": _("Place on panorama"),
    "thisHotspot": _("this hotspot"),
    "clickWhere": _("Now click in the panorama where “%(label)s” belongs."),
    "armFirst": _("Click “Place on panorama” on a hotspot first."),
    "placed": _("Placed at yaw %(yaw)s°, pitch %(pitch)s°."),
    "noLabel": _("(no label)"),
}


class PanoramaEditorPanel(Panel):
    """Shows the chosen panorama in Pannellum inside the scene form.

    The editor clicks "Place on panorama" on a hotspot, then clicks the spot in the
    panorama: yaw and pitch are filled in. Existing hotspots are drawn and follow their
    fields as they change. Its scripts come with every page editor (tours/wagtail_hooks.py):
    Wagtail does not collect the media of panels nested in an InlinePanel.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "tours/panorama_editor_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["form_prefix"] = self.form.prefix
            context["preview_url"] = reverse("tours_panorama_preview", args=[0])
            context["tiles"] = self._tiles()
            context["messages"] = json.dumps(
                {key: str(message) for key, message in EDITOR_MESSAGES.items()}
            )
            return context

        def _tiles(self):
            """The tiling job's outcome for this scene's panorama, so a failure is seen here."""
            from tours.models import PanoramaTiles

            image_id = getattr(self.instance, "panorama_id", None)
            if not image_id:
                return None
            return PanoramaTiles.objects.filter(image_id=image_id).first()
