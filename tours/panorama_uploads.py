"""Uploading a tour panorama: 360° images get their own, higher limits.

A 16384 × 8192 panorama (134 megapixels) is what museums shoot for a tour; other
images keep WAGTAILIMAGES_MAX_IMAGE_PIXELS and WAGTAILIMAGES_MAX_UPLOAD_SIZE. Any
upload goes through Wagtail's image form (the library, the chooser, multiple upload),
and an image is not yet attached to a scene when it is uploaded, so the form knows a
panorama by its shape: twice as wide as high, as Scene.clean requires of a full
sphere. A panorama is tiled (tours.tiler, a strip at a time), never rendered whole.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from museum_site.image_forms import MuseumImageForm
from tours.models import FULL_SPHERE_RATIO_TOLERANCE

DEFAULT_PANORAMA_MAX_PIXELS = 16384 * 8192
DEFAULT_PANORAMA_MAX_UPLOAD_SIZE = 100 * 1024 * 1024


def is_panorama_shape(width: int, height: int) -> bool:
    return bool(height) and abs(width / height - 2) <= 2 * FULL_SPHERE_RATIO_TOLERANCE


class ImageFormWithPanoramaLimits(MuseumImageForm):
    """The museum's image form (damaged files are form errors); the file field admits a
    panorama up to the tour limits.

    The field checks every upload against the higher limits; ``clean_file`` then holds
    any image that is not a panorama to the general ones, with Wagtail's own messages.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        self._general_limits = None
        if field is None:
            return
        self._general_limits = (field.max_image_pixels, field.max_upload_size)
        pixels = getattr(settings, "TOURS_PANORAMA_MAX_PIXELS", DEFAULT_PANORAMA_MAX_PIXELS)
        size = getattr(settings, "TOURS_PANORAMA_MAX_UPLOAD_SIZE", DEFAULT_PANORAMA_MAX_UPLOAD_SIZE)
        if field.max_image_pixels is not None:
            field.max_image_pixels = max(field.max_image_pixels, pixels)
        if field.max_upload_size is not None:
            field.max_upload_size = max(field.max_upload_size, size)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        image = getattr(upload, "image", None)  # set by the field for a new upload only
        if image is None or self._general_limits is None:
            return upload
        field = self.fields["file"]
        max_pixels, max_size = self._general_limits
        width, height = image.get_size()
        if is_panorama_shape(width, height):
            return upload
        pixels = width * height * image.get_frame_count()
        if max_pixels is not None and pixels > max_pixels:
            raise ValidationError(
                field.error_messages["file_too_many_pixels"]
                % {"num_pixels": pixels, "max_pixels_count": max_pixels},
                code="file_too_many_pixels",
            )
        if max_size is not None and upload.size > max_size:
            raise ValidationError(
                field.error_messages["file_too_large"]
                % {
                    "file_size": filesizeformat(upload.size),
                    "max_filesize": filesizeformat(max_size),
                },
                code="file_too_large",
            )
        return upload
