"""Objects with photographs whose pixels can be checked."""

from __future__ import annotations

import io
import itertools

from django.core.files.images import ImageFile
from PIL import Image as PILImage

from museum_site import models
from tests.site import builders

_counter = itertools.count(1)
# The public origin the tests set (FRONTEND_URL): IIIF ids are named on it whatever host
# a request came by (the test client's is `testserver`).
ORIGIN = "https://museum.example"
RED = (220, 20, 20)
BLUE = (20, 20, 220)


def halves_image(size: tuple[int, int] = (800, 600)) -> models.MuseumImage:
    """Left half red, right half blue: a region's colour says which part was cut."""
    picture = PILImage.new("RGB", size, RED)
    picture.paste(BLUE, (size[0] // 2, 0, size[0], size[1]))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=95)
    return models.MuseumImage.objects.create(
        title="Halves",
        alt_text="Red and blue",
        file=ImageFile(buffer, name=f"halves-{next(_counter)}.jpg"),
    )


def shown_image(size=(800, 600), *, live: bool = True) -> models.MuseumImage:
    """An image that a (published unless `live` is False) collection object shows."""
    image = halves_image(size)
    obj = builders.collection_object(with_image=False, live=live)
    models.CollectionObjectImage.objects.create(collection_object=obj, image=image)
    return image
