from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .base import MuseumPage


class HomePage(MuseumPage):
    intro = models.TextField(_("introduction"), blank=True)
    featured_exhibition = models.ForeignKey(
        "museum_site.ExhibitionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("featured exhibition"),
    )

    content_panels = [
        *MuseumPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("featured_exhibition"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
