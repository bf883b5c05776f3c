"""Privacy policy and other legal pages.

The privacy policy carries a version and an effective date because consent records
(in the shop) refer to the version a visitor agreed to.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField

from museum_site import content_limits
from museum_site.blocks import LegalBodyBlock

from .base import MuseumPage


class PrivacyPolicyPage(MuseumPage):
    version = models.CharField(
        _("version"), max_length=32, help_text=_("E.g. 2026-1. Raise it with every change.")
    )
    effective_date = models.DateField(_("effective from"))
    body = StreamField(
        LegalBodyBlock(), max_num=content_limits.LEGAL_BODY_BLOCKS, verbose_name=_("body")
    )

    content_panels = [
        *MuseumPage.content_panels,
        FieldRowPanel([FieldPanel("version"), FieldPanel("effective_date")]),
        FieldPanel("body"),
    ]
    parent_page_types = ["museum_site.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("privacy policy")


class LegalPage(MuseumPage):
    class Kind(models.TextChoices):
        TERMS_OF_SALE = "terms-of-sale", _("Terms of sale")
        IMPRINT = "imprint", _("Imprint")
        COOKIE_POLICY = "cookie-policy", _("Cookie policy")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    last_updated = models.DateField(_("last updated"))
    body = StreamField(
        LegalBodyBlock(), max_num=content_limits.LEGAL_BODY_BLOCKS, verbose_name=_("body")
    )

    content_panels = [
        *MuseumPage.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("last_updated")]),
        FieldPanel("body"),
    ]
    parent_page_types = ["museum_site.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("legal page")
