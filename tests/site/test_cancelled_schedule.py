"""A cancelled schedule clears its date, so "Publish" is offered and publishes now."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

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
