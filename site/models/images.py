"""The museum's image library: Wagtail images that carry alt text, credit and licence.

Alt text lives on the image so every use has a sensible default; a use (a story block,
an object image) may override it where context changes what the image says.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class MuseumImage(AbstractImage):
    alt_text = models.CharField(
        _("alt text"),
        max_length=400,
        blank=True,
        help_text=_("Describe what the image shows for visitors who cannot see it."),
    )
    credit = models.CharField(_("credit"), max_length=255, blank=True)
    licence = models.CharField(
        _("licence"), max_length=255, blank=True, help_text=_("E.g. CC BY 4.0, public domain.")
    )

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "credit", "licence")

    @property
    def default_alt_text(self) -> str:
        return self.alt_text or self.title

    def clean(self) -> None:
        """Refuse what no rendition could decode within its pixel limit (see
        museum_site.rendition_sources): a 12 KB PNG can hold 100 megapixels."""
        from museum_site.rendition_sources import upload_refusal

        super().clean()
        refusal = upload_refusal(self.file)
        if refusal:
            raise ValidationError({"file": refusal})

    def generate_rendition_file(self, filter, *, source=None):
        """Every rendition, the admin's too, decodes its source bounded."""
        from museum_site.rendition_sources import BoundedFilter

        return super().generate_rendition_file(BoundedFilter(filter.spec), source=source)


class MuseumRendition(AbstractRendition):
    image = models.ForeignKey(MuseumImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
