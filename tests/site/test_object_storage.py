"""Media on S3-compatible object storage (MEDIA_STORAGE=s3), against a real S3 server.

The server is moto's (`moto_server`, started on loopback by the `s3_endpoint` fixture),
spoken to over HTTP by django-storages and boto3, as a deployment speaks to AWS, MinIO
or Ceph. Each test has a bucket of its own.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model

from museum_site import storage
from museum_site.storage_settings import PUBLIC_CACHE_CONTROL
from tests.site import builders

pytestmark = [pytest.mark.django_db, pytest.mark.database_neutral]


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return (
                response.status,
                {k.title(): v for k, v in response.headers.items()},
                response.read(),
            )
    except urllib.error.HTTPError as error:
        return error.code, {k.title(): v for k, v in error.headers.items()}, error.read()


def test_an_uploaded_image_and_its_renditions_are_public_and_cached_for_a_year(object_storage):
    image = builders.image("Zelfportret")
    rendition = image.get_rendition("max-200x200|format-webp")

    for url in (image.file.url, rendition.url):
        assert url.startswith(
            f"{object_storage['S3_ENDPOINT_URL']}/{object_storage['S3_BUCKET']}/public/"
        )
        assert "Signature" not in url  # a stable URL a CDN can cache
        status, headers, body = fetch(url)
        assert status == 200 and body
        assert headers["Cache-Control"] == PUBLIC_CACHE_CONTROL


def test_two_uploads_under_one_name_keep_both_files(object_storage):
    first = default_storage.save("original_images/vaas.jpg", ContentFile(b"first"))
    second = default_storage.save("original_images/vaas.jpg", ContentFile(b"second"))

    assert first != second
    assert default_storage.open(first).read() == b"first"
    assert default_storage.open(second).read() == b"second"


def test_a_deleted_files_name_is_never_handed_out_again(object_storage):
    first = default_storage.save("original_images/vaas.jpg", ContentFile(b"old"))
    default_storage.delete(first)
    again = default_storage.save("original_images/vaas.jpg", ContentFile(b"new"))
    assert again != first  # a CDN may still hold the old bytes under the old URL


def test_documents_are_private_and_reached_only_by_a_signed_url(object_storage):
    document = get_document_model()(title="Jaarverslag")
    document.file.save("jaarverslag.pdf", ContentFile(b"%PDF-1.4 private"), save=True)

    unsigned = f"{object_storage['S3_ENDPOINT_URL']}/{object_storage['S3_BUCKET']}/private/{document.file.name}"
    assert fetch(unsigned)[0] == 403
    signed = document.file.url
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(signed).query)
    assert query["X-Amz-Expires"] == ["300"]
    status, headers, body = fetch(signed)
    assert (status, body) == (200, b"%PDF-1.4 private")
    assert headers["Cache-Control"] == "private, no-store"


def test_the_private_storage_signs_urls_that_expire_and_name_the_download(object_storage):
    name = storage.private_storage().save("invoices/2026/F-0001.pdf", ContentFile(b"%PDF inv"))
    url = storage.private_url(name, seconds=60, filename="Factuur F-0001.pdf")

    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["60"]
    status, headers, body = fetch(url)
    assert (status, body) == (200, b"%PDF inv")
    assert headers["Content-Disposition"] == 'attachment; filename="Factuur F-0001.pdf"'


def test_readiness_names_the_storage_when_its_bucket_is_gone(object_storage, client, settings):
    assert client.get("/readyz").json()["checked"] == ["database", "cache", "storage"]
    settings.STORAGES = {
        **settings.STORAGES,
        "public": {
            **settings.STORAGES["public"],
            "OPTIONS": {**settings.STORAGES["public"]["OPTIONS"], "bucket_name": "no-such-bucket"},
        },
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]


def test_on_the_local_disk_a_private_link_expires(client, monkeypatch):
    name = storage.private_storage().save("invoices/F-0002.pdf", ContentFile(b"%PDF local"))
    url = storage.private_url(name, seconds=60, filename="F-0002.pdf")

    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF local"
    assert response["Cache-Control"] == "private, no-store"

    later = storage.time.time() + 61
    monkeypatch.setattr(storage.time, "time", lambda: later)
    assert client.get(url).status_code == 404
    assert client.get(url[:-4] + "xyz/").status_code == 404  # tampered


def test_wagtails_document_view_checks_then_redirects_to_a_signed_url(object_storage, client):
    document = get_document_model()(title="Persmap")
    document.file.save("persmap.pdf", ContentFile(b"%PDF-1.4 press"), save=True)

    response = client.get(document.url)  # /documents/<id>/persmap.pdf
    assert response.status_code == 302
    signed = response["Location"]
    assert "X-Amz-Signature=" in signed
    assert fetch(signed)[2] == b"%PDF-1.4 press"
