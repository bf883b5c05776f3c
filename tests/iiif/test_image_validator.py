"""The official IIIF Image API validator (PyPI `iiif-validator`) against the service on a
live server, at level 1 of Image API 3.0.

The validator expects its own test image: 1000 x 1000 pixels in 10 x 10 squares of known
colours (`ValidationInfo.colorInfo`); it is drawn here from that table, shown by a
published object so the service serves it.
"""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest
from django.core.files.images import ImageFile
from iiif_validator import validator
from PIL import Image as PILImage

from museum_site import models
from tests.site import builders

pytestmark = [pytest.mark.django_db, pytest.mark.database_neutral]


def _validator_image() -> models.MuseumImage:
    colours = validator.ValidationInfo().colorInfo
    picture = PILImage.new("RGB", (1000, 1000))
    for x in range(10):
        for y in range(10):
            picture.paste(colours[x][y], (x * 100, y * 100, x * 100 + 100, y * 100 + 100))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = models.MuseumImage.objects.create(
        title="IIIF validator", file=ImageFile(buffer, name="iiif-validator.png")
    )
    obj = builders.collection_object(with_image=False)
    models.CollectionObjectImage.objects.create(collection_object=obj, image=image)
    return image


def test_the_image_service_passes_the_iiif_validator_at_level_1(live_server, settings):
    settings.FRONTEND_URL = live_server.url  # info.json's id must be the URL asked
    image = _validator_image()
    server = urlsplit(live_server.url).netloc
    suite = validator.TestSuite(validator.ValidationInfo())
    tests = {name: about for name, about in suite.list_tests("3.0").items() if about["level"] <= 1}
    assert len(tests) >= 20  # the validator's level 0 and 1 tests, not an empty run
    failures = []
    for name in sorted(tests):
        run = validator.TestSuite(validator.ValidationInfo())
        result = validator.ImageAPI(
            str(image.pk), server, "iiif/image", "http", "", "3.0", debug=False
        )
        try:
            run.run_test(name, result)
        except Exception as error:  # the validator raises on a failed check
            failures.append(f"{name}: {getattr(error, 'message', error)!r} {result.urls}")
            continue
        if result.exception:
            failures.append(f"{name}: {result.exception.message!r} {result.urls}")
    assert not failures, "\n".join(failures)
