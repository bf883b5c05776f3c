"""Paid downloads on object storage: the signed order link checks the order, then hands
the file out by a signed S3 URL that expires; the bucket refuses the file unsigned.

moto (the S3 server of the tests) does not enforce a signed URL's expiry (checked in
moto 5.2: it verifies neither signature nor age), so the URL's lifetime is asserted on
what S3 enforces: `X-Amz-Date` and `X-Amz-Expires` inside the signed query.
"""

from __future__ import annotations

import datetime
import urllib.error
import urllib.parse
import urllib.request

import pytest

from shop.services import downloads
from tests.shop.test_orders import place, shop  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.django_db]


@pytest.mark.usefixtures("object_storage", "shop")  # the file is saved on object storage
def test_a_paid_download_is_a_signed_url_that_expires(place, client, settings):  # noqa: F811
    settings.S3_SIGNED_URL_SECONDS = 120
    line = place(("EBOOK", 1)).lines.get()
    document = line.variant.digital_file
    assert document.file.name.startswith("documents/")

    response = client.get(downloads.path(line))
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    signed = response["Location"]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(signed).query)
    assert query["X-Amz-Expires"] == ["120"]
    signed_at = datetime.datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ")
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    assert abs((now - signed_at).total_seconds()) < 60
    assert query["response-content-disposition"] == ['attachment; filename="e-boek.pdf"']
    with urllib.request.urlopen(signed, timeout=30) as file:
        assert file.read() == b"%PDF-1.4 the catalogue"

    unsigned = signed.split("?")[0]
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(unsigned, timeout=30)
    assert refused.value.code == 403

    settings.VITRINE_SHOP_DOWNLOAD_SECONDS = -1  # the order's link itself expired
    assert client.get(downloads.path(line)).status_code == 410
