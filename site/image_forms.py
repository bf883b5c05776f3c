"""The admin's image upload form: a damaged file is a form error, not a 500.

Wagtail's image field opens the upload with Willow and then reads its size and frame
count; a JPEG cut short in its header passes the first step and raises OSError
("Truncated File Read") in the second, which Wagtail does not catch. This form base
(settings.WAGTAILIMAGES_IMAGE_FORM_BASE) gives the file field a subclass that turns any
failure to read the image into a validation error the editor can act on.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED = _(
    "This image file is damaged or incomplete. Open it in an image editor, save it again "
    "and upload the new file."
)


class ReadableImageField(WagtailImageField):
    """Wagtail's image field, whose checks of size and frames cannot crash the form."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # any reader failure means a bad file
            raise ValidationError(DAMAGED, code="damaged_image") from error


class MuseumImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField) and not isinstance(field, ReadableImageField):
            field.__class__ = ReadableImageField
