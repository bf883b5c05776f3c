"""A cancelled schedule clears its date, so "Publish" is offered and publishes now."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.site import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@museum.be", "pw"))
    return client


def test_cancelling_a_scheduled_publish_clears_its_date(editor):
    story = builders.story(publish=False)
    story.go_live_at = timezone.now() + datetime.timedelta(days=3)
    revision = story.save_revision()
    revision.publish()  # in the future: scheduled, not live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None

    url = f"/admin/pages/{story.pk}/revisions/{revision.pk}/unschedule/"
    assert editor.post(url).status_code == 302

    story.refresh_from_db()
    assert story.go_live_at is None and not story.live
    assert story.get_latest_revision_as_object().go_live_at is None
    html = editor.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Schedule to publish" not in html

    story.get_latest_revision().publish()
    story.refresh_from_db()
    assert story.live


def publish_now(editor, story, form) -> int:
    """Click "Publish now": the edit form posted to the button's formaction."""
    html = editor.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    action = re.search(r'name="action-publish-now"[^>]*formaction="([^"]+)"', html).group(1)
    form["action-publish-now"] = "1"
    return editor.post(action, form).status_code


def edit_form(editor, story) -> dict:
    from wagtail.test.utils.form_data import querydict_from_html

    html = editor.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    return html, querydict_from_html(html, form_id="page-edit-form")


def test_publish_now_publishes_a_scheduled_page_and_clears_its_schedule(editor):
    story = builders.story(publish=False, title="Later verhaal")
    story.go_live_at = timezone.now() + datetime.timedelta(days=3)
    story.save_revision().publish()  # scheduled, not live
    assert not story.live

    html, form = edit_form(editor, story)
    assert 'name="action-publish-now"' in html
    assert publish_now(editor, story, form) == 302

    story.refresh_from_db()
    assert story.live and story.go_live_at is None
    assert not story.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert story.get_latest_revision_as_object().go_live_at is None
    html, _form = edit_form(editor, story)
    assert 'name="action-publish-now"' not in html  # nothing pending any more


def test_publish_now_publishes_a_live_pages_scheduled_changes_today(editor):
    story = builders.story(title="Oude titel")
    assert story.live
    story.title = "Nieuwe titel"
    story.go_live_at = timezone.now() + datetime.timedelta(days=2)
    story.save_revision().publish()  # the change waits for its date
    story.refresh_from_db()
    assert story.scheduled_revision is not None and story.live_revision != story.latest_revision

    _html, form = edit_form(editor, story)
    assert publish_now(editor, story, form) == 302
    story.refresh_from_db()
    assert (story.title, story.go_live_at) == ("Nieuwe titel", None)
    assert not story.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_publish_now_is_not_offered_without_a_schedule(editor):
    story = builders.story()
    html, _form = edit_form(editor, story)
    assert 'name="action-publish-now"' not in html


def test_publish_now_in_dutch(editor, django_user_model):
    from wagtail.users.models import UserProfile

    story = builders.story(publish=False)
    story.go_live_at = timezone.now() + datetime.timedelta(days=3)
    story.save_revision().publish()
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="ed"))
    profile.preferred_language = "nl"
    profile.save()
    html, _form = edit_form(editor, story)
    assert "Nu publiceren" in html


def test_publish_now_publishes_an_unscheduled_draft_with_a_date_ahead_from_the_form(editor):
    story = builders.story(publish=False, title="Concept")
    story.go_live_at = timezone.now() + datetime.timedelta(days=5)
    story.save_revision()  # a date ahead, not yet scheduled: Wagtail offers "Schedule"
    _html, form = edit_form(editor, story)
    form = form.copy()
    form["title"] = "Concept, vandaag"
    # The body's blocks are drawn by JavaScript: post them as the StreamField sends them.
    body = nested_form_data({"body": streamfield([("text", rich_text("<p>Vandaag.</p>"))])})
    for key, value in body.items():
        form[key] = value
    assert publish_now(editor, story, form) == 302
    story.refresh_from_db()
    assert story.live and story.go_live_at is None and story.title == "Concept, vandaag"
