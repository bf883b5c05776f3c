"""Renditions cannot be flooded: a request makes at most a few new files, the rest are
made in the background, and making one decodes a bounded number of pixels."""

from __future__ import annotations

import io

import pytest
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from museum_site import rendition_sources, renditions
from museum_site.image_presets import ImageFormat, ImagePreset
from museum_site.models import MuseumImage, MuseumRendition
from tests.site import builders

pytestmark = pytest.mark.django_db

OBJECTS = """{ collectionObjects(first: 100) { nodes { images {
  a: rendition(preset: CARD, format: WEBP) { url width height srcSet }
  b: rendition(preset: HERO, format: AVIF) { url width height srcSet }
  c: rendition(preset: FULL, format: JPEG) { url width height srcSet }
  d: rendition(preset: THUMBNAIL, format: ORIGINAL) { url width height srcSet }
} } } }"""


@pytest.fixture
def budget(settings):
    def set_budget(files: int) -> None:
        settings.VITRINE_IMAGES = {**settings.VITRINE_IMAGES, "RENDITIONS_PER_REQUEST": files}

    return set_budget


@pytest.fixture
def uncached(settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 0}


def _served(url: str) -> bool:
    """Whether a media URL points at a file that exists in storage."""
    from django.conf import settings

    assert url.startswith(settings.MEDIA_URL), url
    return default_storage.exists(url[len(settings.MEDIA_URL) :])


def test_an_anonymous_request_makes_at_most_its_budget_of_new_renditions(graphql, budget, uncached):
    budget(3)
    for _ in range(6):
        builders.collection_object()

    result = graphql(OBJECTS)

    assert "errors" not in result, result["errors"]
    assert MuseumRendition.objects.count() <= 3
    answers = [
        use[alias]
        for node in result["data"]["collectionObjects"]["nodes"]
        for use in node["images"]
        for alias in "abcd"
    ]
    assert len(answers) == 24
    for answer in answers:
        assert answer["url"] and _served(answer["url"]), answer
        assert answer["width"] > 0 and answer["height"] > 0


def test_the_default_budget_is_small(settings):
    assert 1 <= settings.VITRINE_IMAGES["RENDITIONS_PER_REQUEST"] <= 8


def test_past_the_budget_a_rendition_answers_the_nearest_existing_one(graphql, budget, uncached):
    budget(0)
    obj = builders.collection_object()
    image = obj.images.get().image

    first = graphql(OBJECTS)["data"]["collectionObjects"]["nodes"][0]["images"][0]
    # Nothing made yet: the original, which exists, with its own size.
    assert first["a"]["url"] == image.file.url
    assert (first["a"]["width"], first["a"]["height"]) == (image.width, image.height)
    assert MuseumRendition.objects.count() == 0

    renditions.prepare_renditions(image.pk)  # what the background job does
    made = MuseumRendition.objects.count()
    assert made > 0

    answer = graphql(OBJECTS)["data"]["collectionObjects"]["nodes"][0]["images"][0]
    assert answer["a"]["url"].endswith(".webp") and answer["a"]["width"] == 640
    # AVIF is not prepared: HERO answers its WebP rendition instead, never null.
    assert answer["b"]["url"].endswith("fill-1600x800-c100.format-webp.webp")
    assert all(_served(answer[alias]["url"]) for alias in "abcd")
    assert MuseumRendition.objects.count() == made


@pytest.mark.django_db(transaction=True)
def test_an_answer_cached_with_a_stand_in_is_drawn_again_once_the_job_made_the_renditions(
    graphql, budget, database_queue, run_worker
):
    """The response cache (and the page cache, keyed by the same content version) kept
    the original file's URL for a day after the worker had made the WebP."""
    budget(0)
    image = builders.collection_object().images.get().image
    query = "{ collectionObjects(first: 5) { nodes { images { rendition(preset: CARD, format: WEBP) { url } } } } }"

    def card_url() -> str:
        return graphql(query)["data"]["collectionObjects"]["nodes"][0]["images"][0]["rendition"][
            "url"
        ]

    assert card_url() == image.file.url
    assert card_url() == image.file.url  # the cached answer
    run_worker()
    assert card_url().endswith(".webp")


def test_the_command_prepares_every_public_images_renditions(budget):
    from django.core.management import call_command

    images = [builders.collection_object().images.get().image for _ in range(2)]
    hidden = builders.collection_object(live=False).images.get().image
    call_command("prepare_renditions", stdout=io.StringIO())
    for image in images:
        made = set(
            MuseumRendition.objects.filter(image=image).values_list("filter_spec", flat=True)
        )
        assert renditions.prepared_specs(image) <= made
    assert not MuseumRendition.objects.filter(image=hidden).exists()


@pytest.mark.django_db(transaction=True)
def test_a_missing_rendition_is_queued_for_the_worker(
    graphql, budget, uncached, database_queue, run_worker
):
    from django_tasks_db.models import DBTaskResult

    budget(0)
    image = builders.collection_object().images.get().image

    graphql(OBJECTS)
    graphql(OBJECTS)  # asked again before the worker ran: queued once

    assert DBTaskResult.objects.filter(task_path__endswith="prepare_renditions_task").count() == 1
    run_worker()
    made = set(MuseumRendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    assert renditions.prepared_specs(image) <= made


@pytest.mark.django_db(transaction=True)
def test_publishing_content_prepares_its_renditions_in_the_background(database_queue, run_worker):
    hero = builders.image("Hero")
    builders.story(hero_image=hero)  # every save commits: the job is queued, not run
    assert not MuseumRendition.objects.filter(image=hero).exists()

    run_worker()

    made = set(MuseumRendition.objects.filter(image=hero).values_list("filter_spec", flat=True))
    assert renditions.prepared_specs(hero) <= made
    assert "fill-640x400-c100|format-webp" in made


def test_prepared_renditions_are_the_presets_the_frontend_asks_for():
    specs = renditions.prepared_specs()
    assert "fill-640x400-c100|format-webp" in specs  # CARD, WEBP
    assert "fill-160x160-c100" in specs  # THUMBNAIL, ORIGINAL (the shop's)
    assert not any("avif" in spec for spec in specs)


# --- bounded memory -------------------------------------------------------------------


def _png(size: tuple[int, int], mode: str = "1") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def _jpeg(size: tuple[int, int], draw_focus: tuple[int, int, int, int] | None = None) -> bytes:
    picture = PILImage.new("RGB", size, (0, 0, 255))
    if draw_focus:
        picture.paste((255, 0, 0), draw_focus)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def test_the_12kb_png_of_100_megapixels_is_refused_at_upload(admin_client):
    data = _png((10000, 9999))
    assert len(data) < 100_000  # small on disk, 100 megapixels decoded

    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Bom", "file": ImageFile(io.BytesIO(data), name="bom.png")},
    )

    assert response.status_code == 200  # the form again, with its error
    assert not MuseumImage.objects.filter(title="Bom").exists()
    errors = response.context["form"].errors["file"]
    assert any("megapixel" in str(error) for error in errors), errors


def test_the_size_refusal_is_in_the_editors_language(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "nl"
    profile.save()
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Bom", "file": ImageFile(io.BytesIO(_png((10000, 9999))), name="bom.png")},
    )
    errors = " ".join(str(error) for error in response.context["form"].errors["file"])
    assert "megapixel" in errors and "JPEG" in errors and "afbeelding" in errors.lower()


def test_a_large_jpeg_is_accepted_and_rendered_from_a_reduced_decode(settings, admin_client):
    settings.VITRINE_IMAGES = {
        **settings.VITRINE_IMAGES,
        "RENDITION_SOURCE_MAX_PIXELS": 1_000_000,
    }
    data = _jpeg((3200, 2400))  # 7.7 megapixels: above the limit, JPEG decodes reduced
    response = admin_client.post(
        "/admin/images/add/", {"title": "Scan", "file": ImageFile(io.BytesIO(data), name="s.jpg")}
    )
    assert response.status_code == 302, response.context["form"].errors
    image = MuseumImage.objects.get(title="Scan")

    with image.open_file() as source:
        decoded, scale = rendition_sources.decode(source, needed_scale=1.0)
    assert decoded.width * decoded.height <= 1_000_000
    assert scale == decoded.width / 3200

    rendition = image.get_rendition("max-800x800")
    assert (rendition.width, rendition.height) == (800, 600)


def test_a_png_above_the_rendition_limit_is_refused_but_a_jpeg_is_not(settings, admin_client):
    settings.VITRINE_IMAGES = {
        **settings.VITRINE_IMAGES,
        "RENDITION_SOURCE_MAX_PIXELS": 1_000_000,
    }
    png = admin_client.post(
        "/admin/images/add/",
        {"title": "P", "file": ImageFile(io.BytesIO(_png((1200, 1000), "RGB")), name="p.png")},
    )
    jpeg = admin_client.post(
        "/admin/images/add/",
        {"title": "J", "file": ImageFile(io.BytesIO(_jpeg((1200, 1000))), name="j.jpg")},
    )
    assert png.status_code == 200 and "file" in png.context["form"].errors
    assert jpeg.status_code == 302


def test_a_reduced_decode_keeps_the_focal_point_crop(settings):
    settings.VITRINE_IMAGES = {**settings.VITRINE_IMAGES, "RENDITION_SOURCE_MAX_PIXELS": 500_000}
    # A red square near the right edge, set as focal point; the thumbnail crop must hold it.
    data = _jpeg((4000, 1000), draw_focus=(3400, 300, 3800, 700))
    image = MuseumImage.objects.create(
        title="Wide", file=ImageFile(io.BytesIO(data), name="wide.jpg")
    )
    image.set_focal_point(rendition_sources.Rect(3400, 300, 3800, 700))
    image.save()

    rendition = image.get_rendition("fill-160x160-c100")

    with rendition.file.open("rb") as file:
        picture = PILImage.open(file).convert("RGB")
        red, green, blue = picture.getpixel((80, 80))
    assert (rendition.width, rendition.height) == (160, 160)
    assert red > 200 and blue < 60, (red, green, blue)


def test_an_oversized_source_already_in_the_library_answers_its_original(graphql, settings):
    """Uploaded before the limit existed: not rendered, never an error."""
    obj = builders.collection_object()
    image = obj.images.get().image  # 800 x 600
    settings.VITRINE_IMAGES = {
        **settings.VITRINE_IMAGES,
        "RENDITION_SOURCE_MAX_PIXELS": 100_000,
        "RENDITIONS_PER_REQUEST": 4,
    }
    MuseumImage.objects.filter(pk=image.pk).update(file=_png_file_name(image))

    result = graphql(OBJECTS)

    assert "errors" not in result, result["errors"]
    answer = result["data"]["collectionObjects"]["nodes"][0]["images"][0]["a"]
    assert answer["url"].endswith(".png") and _served(answer["url"])
    assert MuseumRendition.objects.count() == 0


def _png_file_name(image: MuseumImage) -> str:
    name = default_storage.save("original_images/big.png", io.BytesIO(_png((800, 600), "RGB")))
    return name


def test_preset_formats_cover_the_enum():
    assert {f.name for f in ImageFormat} == {"ORIGINAL", "JPEG", "WEBP", "AVIF"}
    assert {p.name for p in ImagePreset} == {"THUMBNAIL", "CARD", "HERO", "FULL", "SHARE"}
