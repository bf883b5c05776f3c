"""A damaged image uploaded in the admin is a form error in the editor's language, not
a 500 (Wagtail's size check raised OSError "Truncated File Read")."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from museum_site.image_forms import DAMAGED
from museum_site.models import MuseumImage

pytestmark = pytest.mark.django_db


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize("cut", [30, 200, 340])
def test_a_truncated_jpeg_is_a_form_error(admin_client, cut):
    upload = SimpleUploadedFile("broken.jpg", jpeg()[:cut], content_type="image/jpeg")
    response = admin_client.post("/admin/images/add/", {"title": "Broken", "file": upload})
    assert response.status_code == 200
    assert str(DAMAGED) in response.content.decode()
    assert not MuseumImage.objects.exists()


def test_a_whole_jpeg_still_uploads(admin_client):
    upload = SimpleUploadedFile("whole.jpg", jpeg(), content_type="image/jpeg")
    response = admin_client.post("/admin/images/add/", {"title": "Whole", "file": upload})
    assert response.status_code == 302
    assert MuseumImage.objects.get().width == 64


def test_a_truncated_jpeg_in_the_multiple_upload_is_an_error(admin_client):
    upload = SimpleUploadedFile("broken.jpg", jpeg()[:200], content_type="image/jpeg")
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": upload})
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not MuseumImage.objects.exists()


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_damaged_image_message_is_translated(language):
    with translation.override("en"):
        english = str(DAMAGED)
    with translation.override(language):
        assert str(DAMAGED) != english


def jpeg_cut_after_its_header() -> bytes:
    """A photo whose header (size, tables) is whole and whose picture data stops halfway:
    the size can be read, the picture cannot be decoded."""
    import numpy as np

    noise = np.random.default_rng(19).integers(0, 255, (512, 512, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(noise).save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    return data[: len(data) // 2]


def test_a_jpeg_cut_after_its_header_is_a_form_error(admin_client):
    upload = SimpleUploadedFile("half.jpg", jpeg_cut_after_its_header(), content_type="image/jpeg")
    response = admin_client.post("/admin/images/add/", {"title": "Half", "file": upload})
    assert response.status_code == 200
    assert str(DAMAGED) in response.content.decode()
    assert not MuseumImage.objects.exists()


def test_a_jpeg_cut_after_its_header_in_the_multiple_upload_is_an_error(admin_client):
    upload = SimpleUploadedFile("half.jpg", jpeg_cut_after_its_header(), content_type="image/jpeg")
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": upload})
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not MuseumImage.objects.exists()


def test_a_cut_jpeg_is_refused_after_a_pdf_was_made(admin_client):
    """WeasyPrint (invoices, e-tickets) switches Pillow to loading truncated images when
    imported; museum_site.pdf puts the switch back, so a PDF made earlier in the same
    process does not let damaged photos through."""
    from museum_site.pdf import html_document

    assert html_document("<p>Factuur</p>").write_pdf().startswith(b"%PDF")
    upload = SimpleUploadedFile("half.jpg", jpeg_cut_after_its_header(), content_type="image/jpeg")
    response = admin_client.post("/admin/images/add/", {"title": "Half", "file": upload})
    assert response.status_code == 200
    assert str(DAMAGED) in response.content.decode()
