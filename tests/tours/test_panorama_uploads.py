"""Tour panoramas up to 16384 × 8192 are accepted; other images keep the general limit.

Every image upload goes through Wagtail's image form (library, chooser, multiple
upload), so the form itself is tried here with files of each shape and size.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import pyvips
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.forms import get_image_form
from wagtail.models import Collection

from museum_site.models import MuseumImage

pytestmark = pytest.mark.django_db


def jpeg(tmp_path: Path, width: int, height: int) -> SimpleUploadedFile:
    """A flat JPEG of that size: small on disk, made by libvips without holding it."""
    path = tmp_path / f"{width}x{height}.jpg"
    (pyvips.Image.black(width, height, bands=3) + 90).cast("uchar").jpegsave(str(path), Q=50)
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="image/jpeg")


def upload(file: SimpleUploadedFile):
    form_class = get_image_form(MuseumImage)
    data = {"title": file.name, "collection": Collection.get_first_root_node().pk}
    return form_class(data=data, files={"file": file}, user=None)


def test_a_16384_by_8192_panorama_is_accepted(tmp_path):
    form = upload(jpeg(tmp_path, 16384, 8192))
    assert form.is_valid(), form.errors
    image = form.save()
    assert (image.width, image.height) == (16384, 8192)


def test_an_image_that_is_no_panorama_keeps_the_general_limit(tmp_path, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 100_000_000
    form = upload(jpeg(tmp_path, 12000, 9000))  # 108 megapixels, 4:3
    assert not form.is_valid()
    assert form.errors.as_data()["file"][0].code == "file_too_many_pixels"
    assert "100000000" in form.errors["file"][0]


def test_a_panorama_above_the_tour_limit_is_refused(tmp_path):
    form = upload(jpeg(tmp_path, 16400, 8200))  # 2:1, 134.5 megapixels
    assert not form.is_valid()
    assert form.errors.as_data()["file"][0].code == "file_too_many_pixels"


def test_a_small_image_of_any_shape_is_accepted(tmp_path):
    assert upload(jpeg(tmp_path, 1200, 900)).is_valid()
