"""Facts about the museum that every page of the frontend shows (footer, contact)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="home")
class MuseumSettings(BaseGenericSetting):
    museum_name = models.CharField(_("museum name"), max_length=255, default="Museum")
    address = models.TextField(_("address"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    panels = [
        FieldPanel("museum_name"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("opening_hours")], _("Visiting the museum")
        ),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], _("Contact")),
    ]

    class Meta:
        verbose_name = _("museum settings")
