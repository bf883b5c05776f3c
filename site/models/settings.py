"""Facts about the museum that every page of the frontend shows (footer, contact).

Two homes, by whether a fact changes with the visitor's language. The contact e-mail and
phone number are the same in every language: a Wagtail setting, edited once. The name,
address and opening hours are read ("dinsdag tot zondag" / "Tuesday to Sunday"), so
they are a translatable snippet, one row per language sharing a translation key: editors
translate it with wagtail-localize's "Translate" like a page, which tracks each text and
shows what is out of date when the Dutch changes. Wagtail settings cannot be translated
(one row per site, and wagtail-localize does not translate settings), which is why the
texts are not settings. Each museum of a group has its own details (`museum`): the
footer of one museum's site never shows another's address.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import TranslatableMixin

from museum_site.museums.models import Museum, default_museum_query, museum_foreign_key


@register_setting(icon="home")
class MuseumSettings(BaseGenericSetting):
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], _("Contact")),
    ]

    class Meta:
        verbose_name = _("museum settings")


class MuseumDetails(TranslatableMixin, models.Model):
    """The museum's name, address and opening hours in one language (the footer's)."""

    museum = museum_foreign_key("details")
    museum_name = models.CharField(_("museum name"), max_length=255)
    address = models.TextField(_("address"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, lifts, wheelchairs, assistance dogs, quiet hours…"),
    )

    panels = [
        FieldPanel("museum"),
        FieldPanel("museum_name"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("opening_hours"), FieldPanel("accessibility")],
            _("Visiting the museum"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("museum details")
        verbose_name_plural = _("museum details")

    def __str__(self) -> str:
        return f"{self.museum_name} ({self.locale.language_code})"

    @classmethod
    def for_language(cls, language: str, museum: Museum | None = None) -> MuseumDetails | None:
        """The museum's details in `language`, else in the site's default language (an
        untranslated footer shows the Dutch address rather than none), else any of its."""
        own = cls.objects.filter(
            museum=museum if museum is not None else Subquery(default_museum_query())
        )
        found = list(
            own.filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
            .select_related("locale")
            .order_by("pk")
        )
        for row in found:
            if row.locale.language_code == language:
                return row
        return found[0] if found else own.select_related("locale").order_by("pk").first()
