"""Translations are safe by default: a new translation is a draft (the English site
falls back to the Dutch original, never a live copy of Dutch text); publishing the
original refreshes what translators see; a changed passage is flagged with its
previous translation to start from."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from museum_site import models
from museum_site.translation_changes import changed_segments
from tests.site import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def send_to_translation(editor, page, language: str) -> Translation:
    locale = builders.locale(language)
    builders.story_index(language)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = editor.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def translate_everything(translation: Translation, prefix: str) -> None:
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"{prefix} {segment.string.data}", "translation_type": "manual"},
        )


def publish(translation: Translation, capture) -> None:
    with capture(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(publish=True)


def publish_in_admin(editor, page: Page, **changes) -> None:
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(editor.get(url).content.decode(), form_id="page-edit-form")
    # The body's StreamField is drawn by JavaScript: give its data as the browser would,
    # keeping each block's id (translations follow blocks by id).
    body = nested_form_data(
        {"body": streamfield([("text", rich_text(str(block.value))) for block in page.body])}
    )
    for index, block in enumerate(page.body):
        body[f"body-{index}-id"] = block.id
    data.update(body)
    data.update(changes)
    data["action-publish"] = "action-publish"
    response = editor.post(url, data)
    assert response.status_code == 302, response.context["form"].errors


def test_a_new_translation_is_a_draft_until_a_translator_publishes_it(
    editor, django_capture_on_commit_callbacks
):
    story = builders.story(intro="Een drinkbeker uit Gent.")
    translation = send_to_translation(editor, story, "en")
    english = models.StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="en"
    )
    assert not english.live
    translate_everything(translation, "EN")
    publish(translation, django_capture_on_commit_callbacks)
    english.refresh_from_db()
    assert english.live and english.intro == "EN Een drinkbeker uit Gent."


def test_a_changed_passage_is_flagged_with_its_previous_translation(
    editor, django_capture_on_commit_callbacks
):
    story = builders.story(intro="Een drinkbeker uit Gent.")
    translation = send_to_translation(editor, story, "en")
    translate_everything(translation, "EN")
    publish(translation, django_capture_on_commit_callbacks)

    publish_in_admin(editor, story, intro="Een zilveren drinkbeker uit Gent.")

    [changed] = changed_segments(translation)
    assert changed.source_text == "Een zilveren drinkbeker uit Gent."
    assert changed.previous_source_text == "Een drinkbeker uit Gent."
    assert changed.previous_translation == "EN Een drinkbeker uit Gent."
    # The English site keeps what the translator published.
    english = models.StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="en"
    )
    assert english.live and english.intro == "EN Een drinkbeker uit Gent."

    # The translation editor says so, and links to the passages.
    edit = editor.get(f"/admin/pages/{english.pk}/edit/")
    review_url = reverse("vitrine_changed_passages", args=[translation.pk])
    assert review_url in html.unescape(edit.content.decode())
    review = html.unescape(editor.get(review_url).content.decode())
    assert "Een zilveren drinkbeker uit Gent." in review and "EN Een drinkbeker uit Gent." in review

    name = f"segment-{changed.string_id}-{changed.context_id}"
    response = editor.post(review_url, {name: "A silver beaker from Ghent."})
    assert response.status_code == 302
    assert changed_segments(translation) == []
    publish(translation, django_capture_on_commit_callbacks)
    english.refresh_from_db()
    assert english.intro == "A silver beaker from Ghent."


def test_the_changed_passages_are_only_for_who_may_edit_the_translation(
    client, editor, django_user_model
):
    story = builders.story()
    translation = send_to_translation(editor, story, "en")
    nobody = django_user_model.objects.create_user("visitor", "v@example.org", "pw")
    nobody.user_permissions.add(
        *__import__(
            "django.contrib.auth.models", fromlist=["Permission"]
        ).Permission.objects.filter(codename="access_admin")
    )
    client.force_login(nobody)
    response = client.get(reverse("vitrine_changed_passages", args=[translation.pk]))
    assert response.status_code in (302, 403)
