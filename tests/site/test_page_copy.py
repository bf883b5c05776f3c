"""The admin's Copy works for every page type with child rows, and a copy is independent.

Wagtail copies a page's direct child rows and gives translatable ones a new translation
key, but rows nested one level deeper (an exhibition chapter's objects, a tour scene's
hotspots) kept their source's key and clashed on TranslatableMixin's unique
(translation_key, locale), and the copied revisions still named the source's nested rows,
so publishing the copy later would move them. Each test copies through the admin's own
view, as an editor does, then publishes the copy's latest revision and checks that the
source kept everything it had.
"""

from __future__ import annotations

import pytest
from wagtail.models import Page

from museum_site import models
from shop.models import ProductImage, ProductPage, ProductVariant
from tests.shop import builders as shop_builders
from tests.site import builders
from tests.tours import builders as tour_builders
from tours import models as tour_models

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


def _copy_in_admin(editor, page: Page, slug: str, *, publish: bool = True) -> Page:
    parent = page.get_parent()
    response = editor.post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title": f"{page.title} (copy)",
            "new_slug": slug,
            "new_parent_page": parent.pk,
            "publish_copies": "on" if publish else "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Page.objects.get(slug=slug).specific


def _republish(page: Page) -> None:
    """What an editor's next Publish of the copy does: save the latest revision's content."""
    page.get_latest_revision().publish()


def test_copying_an_exhibition_copies_its_chapters_and_objects(editor):
    objects = [builders.collection_object() for _ in range(4)]
    source = builders.exhibition(objects=objects, chapters=2)

    def rows(page):
        return [
            (chapter.heading, [row.collection_object_id for row in chapter.exhibited_objects.all()])
            for chapter in models.ExhibitionChapter.objects.filter(page=page).order_by("sort_order")
        ]

    before = rows(source)
    copy = _copy_in_admin(editor, source, "exhibition-copy")
    _republish(copy)

    assert rows(copy) == before == rows(source)
    assert copy.live and copy.translation_key != source.translation_key
    copied_objects = models.ChapterObject.objects.filter(chapter__page=copy)
    source_objects = models.ChapterObject.objects.filter(chapter__page=source)
    assert copied_objects.count() == source_objects.count() == 4
    assert not {row.translation_key for row in copied_objects} & {
        row.translation_key for row in source_objects
    }
    assert {row.locale_id for row in copied_objects} == {copy.locale_id}


def test_copying_a_tour_keeps_its_scene_keys_and_hotspot_targets(editor):
    source = tour_builders.tour(
        [
            tour_builders.scene("hall", [tour_builders.go_to("library", label="To the library")]),
            tour_builders.scene("library", [tour_builders.go_to("hall", label="Back")]),
        ]
    )
    source.stops = [
        tour_models.GuidedStop(scene_key="hall", narration="Welcome."),
        tour_models.GuidedStop(scene_key="library", narration="The books."),
    ]
    source.save_revision().publish()

    def rows(page):
        return [
            (
                scene.key,
                [(h.label, h.target_scene_key) for h in scene.hotspots.all()],
            )
            for scene in tour_models.Scene.objects.filter(tour=page).order_by("sort_order")
        ]

    def stops(page):
        return list(tour_models.GuidedStop.objects.filter(tour=page).values_list("scene_key"))

    before, stops_before = rows(source), stops(source)
    copy = _copy_in_admin(editor, source, "tour-copy", publish=False)
    assert not copy.live
    _republish(copy)
    copy.refresh_from_db()

    assert rows(copy) == before == rows(source)
    assert stops(copy) == stops_before == stops(source)
    copy.full_clean()  # every hotspot of the copy leads to a scene of the copy
    assert not copy.unreachable_scenes()
    copied = tour_models.Hotspot.objects.filter(scene__tour=copy)
    original = tour_models.Hotspot.objects.filter(scene__tour=source)
    assert copied.count() == original.count() == 2
    assert not {h.translation_key for h in copied} & {h.translation_key for h in original}


def test_copying_a_story_copies_its_body(editor):
    source = builders.story(body=[("text", "<p>Once upon a time.</p>")])
    copy = _copy_in_admin(editor, source, "story-copy")
    _republish(copy)
    assert copy.live and copy.body.raw_data[0]["value"] == "<p>Once upon a time.</p>"
    assert models.StoryPage.objects.get(pk=source.pk).body.raw_data[0]["value"] == (
        "<p>Once upon a time.</p>"
    )


def test_copying_a_product_copies_its_images_but_never_its_variants(editor):
    source = shop_builders.product(variants=[shop_builders.variant("COPY-POSTER")], images=2)
    copy = _copy_in_admin(editor, source, "product-copy")
    _republish(copy)

    assert ProductImage.objects.filter(product=copy).count() == 2
    assert ProductImage.objects.filter(product=source).count() == 2
    assert list(ProductVariant.objects.values_list("sku", "product_id")) == [
        ("COPY-POSTER", source.pk)
    ]
    assert ProductPage.objects.get(pk=copy.pk).live
