"""The panorama editor in the scene panel: see the panorama, click to place hotspots."""

from django.urls import reverse
from wagtail.admin.panels import Panel


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
            return context

        def _tiles(self):
            """The tiling job's outcome for this scene's panorama, so a failure is seen here."""
            from tours.models import PanoramaTiles

            image_id = getattr(self.instance, "panorama_id", None)
            if not image_id:
                return None
            return PanoramaTiles.objects.filter(image_id=image_id).first()
