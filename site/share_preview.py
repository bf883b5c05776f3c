"""The "share preview" panel: the card a social network draws for a page or an object.

Editors set a search title, a description and a share image (else the hero image); this
panel shows them as Facebook, LinkedIn or X would, from what is saved (the same fields
the page renderer puts into Open Graph tags, museum_site.page_meta), so an editor sees
a missing image or a clipped title before the link is shared.
"""

from __future__ import annotations

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from museum_site.image_presets import ImageFormat, ImagePreset

TITLE_LIMIT = 60
DESCRIPTION_LIMIT = 160


def card_for(instance) -> dict:
    """Title, description and image of the card, as museum_site.page_meta makes them."""
    title = getattr(instance, "seo_title", "") or getattr(instance, "title", "")
    description = (
        getattr(instance, "search_description", "")
        or getattr(instance, "intro", "")
        or strip_tags(getattr(instance, "description", "") or "")
    )
    image = getattr(instance, "share_image", None) or getattr(instance, "hero_image", None)
    if image is None and getattr(instance, "pk", None) and hasattr(instance, "images"):
        row = instance.images.select_related("image").order_by("sort_order").first()
        image = row.image if row else None
    url = ""
    if image is not None:
        from museum_site.graphql.images import make_rendition

        url = make_rendition(image, ImagePreset.SHARE, ImageFormat.JPEG, "").url
    return {
        "title": title,
        "title_too_long": len(title) > TITLE_LIMIT,
        "description": " ".join(description.split())[:DESCRIPTION_LIMIT],
        "image_url": url,
    }


class SharePreviewPanel(Panel):
    """Read-only: the card as it will be shared, from the saved version."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "museum_site/panels/share_preview.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["card"] = card_for(self.instance)
            return context

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Share preview"))
        kwargs.setdefault(
            "help_text",
            _("How a link to this page looks when shared on social networks (after saving)."),
        )
        super().__init__(**kwargs)
