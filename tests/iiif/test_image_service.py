"""The IIIF Image API 3 service at level 1: info.json, regions and sizes in pixels,
bounded work (maximum sizes, the cache) and what may not be served."""

from __future__ import annotations

import io

import pytest
from django.urls import Resolver404, resolve
from PIL import Image as PILImage

from museum_site.iiif import image_api
from tests.iiif.builders import BLUE, ORIGIN, RED, shown_image
from tests.site import builders

# Pixels and URLs, the same on every database: run on PostgreSQL only (Makefile).
pytestmark = [pytest.mark.django_db, pytest.mark.database_neutral]


def _picture(response) -> PILImage.Image:
    assert response.status_code == 200, response.content[:200]
    assert response["Content-Type"] == "image/jpeg"
    return PILImage.open(io.BytesIO(response.content))


def _close(colour, expected) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(colour, expected, strict=True))


def test_info_json_describes_a_level_1_service(client):
    image = shown_image((800, 600))
    response = client.get(f"/iiif/image/{image.pk}/info.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"].startswith("application/json")
    # Named on the public origin, not on the host Django was reached by.
    assert response.wsgi_request.get_host() == "testserver"
    info = response.json()
    assert info["@context"] == "http://iiif.io/api/image/3/context.json"
    assert info["id"] == f"{ORIGIN}/iiif/image/{image.pk}"
    assert info["type"] == "ImageService3"
    assert info["protocol"] == "http://iiif.io/api/image"
    assert info["profile"] == "level1"
    assert (info["width"], info["height"]) == (800, 600)
    assert (info["maxWidth"], info["maxHeight"], info["maxArea"]) == (
        image_api.MAX_WIDTH,
        image_api.MAX_HEIGHT,
        image_api.MAX_AREA,
    )
    assert info["tiles"] == [{"width": 512, "scaleFactors": [1, 2]}]
    assert info["sizes"] == [{"width": 400, "height": 300}, {"width": 800, "height": 600}]


def test_info_json_as_linked_data_when_asked(client):
    image = shown_image()
    response = client.get(f"/iiif/image/{image.pk}/info.json", HTTP_ACCEPT="application/ld+json")
    assert response["Content-Type"].startswith(
        'application/ld+json;profile="http://iiif.io/api/image/3/context.json"'
    )


def test_sizes_of_a_large_image_stay_within_the_maximum(client):
    image = shown_image((4000, 1000))
    info = client.get(f"/iiif/image/{image.pk}/info.json").json()
    assert info["tiles"][0]["scaleFactors"] == [1, 2, 4, 8]
    assert max(size["width"] for size in info["sizes"]) <= image_api.MAX_WIDTH
    for size in info["sizes"]:  # every size listed can be asked
        url = f"/iiif/image/{image.pk}/full/{size['width']},{size['height']}/0/default.jpg"
        assert client.get(url).status_code == 200


def test_the_base_url_redirects_to_info_json(client):
    image = shown_image()
    response = client.get(f"/iiif/image/{image.pk}")
    assert response.status_code == 303
    assert response["Location"] == f"/iiif/image/{image.pk}/info.json"
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("region", "size", "expected"),
    [
        ("full", "max", (800, 600)),
        ("square", "max", (600, 600)),
        ("full", "400,", (400, 300)),
        ("full", ",150", (200, 150)),
        ("full", "100,100", (100, 100)),  # w,h may distort
        ("0,0,400,300", "200,", (200, 150)),
        ("100,100,300,300", ",150", (150, 150)),
        ("600,400,500,500", "max", (200, 200)),  # cut at the edge
        ("512,512,512,512", "max", (288, 88)),  # a tile at the edge
    ],
)
def test_regions_and_sizes_answer_in_the_pixels_asked(client, region, size, expected):
    image = shown_image((800, 600))
    response = client.get(f"/iiif/image/{image.pk}/{region}/{size}/0/default.jpg")
    assert _picture(response).size == expected
    assert response["Access-Control-Allow-Origin"] == "*"


def test_max_of_a_large_image_is_the_largest_size_allowed(client):
    image = shown_image((4000, 1000))
    picture = _picture(client.get(f"/iiif/image/{image.pk}/full/max/0/default.jpg"))
    assert picture.size == (2000, 500)


def test_a_region_shows_that_part_of_the_image(client):
    image = shown_image((800, 600))
    left = _picture(client.get(f"/iiif/image/{image.pk}/0,0,400,600/100,/0/default.jpg"))
    right = _picture(client.get(f"/iiif/image/{image.pk}/400,0,400,600/100,/0/default.jpg"))
    assert _close(left.convert("RGB").getpixel((50, 75)), RED)
    assert _close(right.convert("RGB").getpixel((50, 75)), BLUE)
    # Across the middle: red on the left of the answer, blue on its right.
    middle = _picture(client.get(f"/iiif/image/{image.pk}/300,0,200,200/max/0/default.jpg"))
    assert _close(middle.convert("RGB").getpixel((10, 100)), RED)
    assert _close(middle.convert("RGB").getpixel((190, 100)), BLUE)


@pytest.mark.parametrize(
    "path",
    [
        "pct:10,10,50,50/max/0/default.jpg",  # level 2
        "0,0,0,10/max/0/default.jpg",
        "800,0,10,10/max/0/default.jpg",  # outside
        "0,0,10/max/0/default.jpg",
        "-1,0,10,10/max/0/default.jpg",
        "everything/max/0/default.jpg",
        "full/^max/0/default.jpg",
        "full/^900,/0/default.jpg",
        "full/900,/0/default.jpg",  # larger than the region
        "full/,700/0/default.jpg",
        "full/pct:50/0/default.jpg",
        "full/!100,100/0/default.jpg",
        "full/0,/0/default.jpg",
        "full/,/0/default.jpg",
        "full/abc/0/default.jpg",
        "full/99999999999999999999,/0/default.jpg",
        "full/max/90/default.jpg",
        "full/max/!0/default.jpg",
        "full/max/0/gray.jpg",
        "full/max/0/bitonal.jpg",
        "full/max/0/default.png",
        "full/max/0/default.webp",
    ],
)
def test_requests_the_service_cannot_answer_are_a_400_with_a_reason(client, path):
    image = shown_image((800, 600))
    response = client.get(f"/iiif/image/{image.pk}/{path}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.strip()
    assert response["Access-Control-Allow-Origin"] == "*"


def test_sizes_over_the_maximum_are_refused(client):
    image = shown_image((4000, 1000))
    assert client.get(f"/iiif/image/{image.pk}/full/2001,/0/default.jpg").status_code == 400
    assert client.get(f"/iiif/image/{image.pk}/full/2000,/0/default.jpg").status_code == 200
    square = shown_image((2000, 2000))
    # 2000 x 2000 is within width and height but over the maximum area.
    assert client.get(f"/iiif/image/{square.pk}/full/2000,/0/default.jpg").status_code == 400
    assert _picture(client.get(f"/iiif/image/{square.pk}/full/max/0/default.jpg")).size == (
        1732,
        1732,
    )


def test_a_draft_objects_image_is_not_served(client):
    image = shown_image(live=False)
    assert client.get(f"/iiif/image/{image.pk}/info.json").status_code == 404
    assert client.get(f"/iiif/image/{image.pk}/full/max/0/default.jpg").status_code == 404


def test_an_image_no_object_shows_is_not_served(client):
    image = builders.image()
    response = client.get(f"/iiif/image/{image.pk}/info.json")
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get("/iiif/image/999999/info.json").status_code == 404
    for huge in (2**63, 10**30):  # beyond the id column: not found, not a 500
        assert client.get(f"/iiif/image/{huge}/info.json").status_code == 404
        assert client.get(f"/iiif/image/{huge}/full/max/0/default.jpg").status_code == 404


def test_other_paths_under_iiif_are_not_the_frontends():
    """The frontend's catch-all leaves /iiif/ alone, so an unknown IIIF path is Django's
    404, not a page of the site."""
    assert resolve("/iiif/image/1/info.json").url_name == "iiif-image-info"
    with pytest.raises(Resolver404):
        resolve("/iiif/image/abc/info.json")


def test_an_unpublished_objects_image_stops_being_served_though_cached(client):
    image = shown_image()
    url = f"/iiif/image/{image.pk}/full/200,/0/default.jpg"
    assert client.get(url).status_code == 200
    obj = image.__class__.objects.get(pk=image.pk)
    from museum_site.models import CollectionObject

    CollectionObject.objects.filter(images__image=obj).update(live=False)
    assert client.get(url).status_code == 404


def test_repeated_tiles_are_made_once(client, monkeypatch):
    image = shown_image((800, 600))
    made = []
    original = image_api._make

    def counting(*args, **kwargs):
        made.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(image_api, "_make", counting)
    first = client.get(f"/iiif/image/{image.pk}/0,0,512,512/256,/0/default.jpg")
    again = client.get(f"/iiif/image/{image.pk}/0,0,512,512/256,/0/default.jpg")
    assert first.content == again.content
    # The same pixels asked another way are the same cached answer.
    client.get(f"/iiif/image/{image.pk}/full/400,/0/default.jpg")
    client.get(f"/iiif/image/{image.pk}/0,0,800,600/400,300/0/default.jpg")
    assert len(made) == 2


def test_an_image_request_costs_one_query(client, django_assert_num_queries):
    image = shown_image()
    # The host's museum (whose origin names the service) is cached once per process.
    client.get(f"/iiif/image/{image.pk}/info.json")
    with django_assert_num_queries(1):
        assert client.get(f"/iiif/image/{image.pk}/full/100,/0/default.jpg").status_code == 200
    with django_assert_num_queries(1):
        assert client.get(f"/iiif/image/{image.pk}/info.json").status_code == 200
