"""What an editor does in the Wagtail admin works: the forms open, translation works."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from museum_site import models
from tests.site import builders

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_editor_forms_open(editor):
    story = builders.story()
    exhibition = builders.exhibition(objects=[builders.collection_object()])
    index = builders.story_index()
    urls = [
        f"/admin/pages/add/museum_site/storypage/{index.pk}/",
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/{exhibition.pk}/edit/",
        "/admin/snippets/museum_site/collectionobject/",
        "/admin/snippets/museum_site/collectionobject/add/",
        "/admin/snippets/museum_site/term/add/",
        "/admin/settings/museum_site/museumsettings/",
        "/admin/images/",
    ]
    for url in urls:
        response = editor.get(url, follow=True)
        assert response.status_code == 200, url


def test_wagtail_localize_translates_a_story_into_french(
    graphql, django_capture_on_commit_callbacks
):
    Locale.objects.get_or_create(language_code="fr")
    builders.home("fr")
    builders.story_index("fr")
    story = builders.story(slug="het-lam-gods")
    source, _created = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="fr")
    )
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(publish=True)

    result = graphql(
        '{ story(slug: "het-lam-gods", locale: "fr") { locale translations { locale } } }'
    )
    assert result["data"]["story"]["locale"] == "fr"
    assert {t["locale"] for t in result["data"]["story"]["translations"]} == {"nl"}


def test_scheduled_story_is_invisible_until_it_goes_live(graphql):
    story = builders.story(slug="straks", publish=False)
    revision = story.save_revision()
    revision.content["go_live_at"] = (
        datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    ).isoformat()
    revision.save()
    revision.publish()
    assert graphql('{ story(slug: "straks") { title } }')["data"]["story"] is None


def test_object_year_range_must_be_ordered():
    obj = models.CollectionObject(
        title="Vaas", inventory_number="X.1", earliest_year=1700, latest_year=1650
    )
    with translation.override("en"), pytest.raises(ValidationError, match="latest year"):
        obj.clean()


def check_deploy(**env: str) -> subprocess.CompletedProcess:
    env = {
        **{name: value for name, value in os.environ.items() if name != "REDIS_URL"},
        "DEBUG": "false",
        "SECRET_KEY": "a-long-random-production-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "museum.example.org",
        "DATABASE_URL": "sqlite:////tmp/vitrine-deploy-check.sqlite3",
        # A deployment runs background jobs on a worker; the queue's backend checks itself.
        "TASKS_BACKEND": "database",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.django_db(transaction=False)
def test_check_deploy_passes_with_production_settings():
    # The check reads the settings only: no Redis server is needed to pass it.
    result = check_deploy(REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db(transaction=False)
def test_debug_off_with_a_per_process_cache_refuses_to_start_and_says_why():
    result = check_deploy()
    assert result.returncode != 0
    assert "ImproperlyConfigured: REDIS_URL is not set" in result.stderr
    assert "SINGLE_PROCESS=true" in result.stderr  # and how to say it is one process


@pytest.mark.django_db(transaction=False)
def test_a_single_process_install_starts_but_is_still_warned_about_its_cache():
    result = check_deploy(SINGLE_PROCESS="true")
    assert result.returncode != 0
    assert "vitrine.W001" in result.stdout + result.stderr


def test_an_exhibition_with_objects_can_be_translated(graphql):
    source = builders.exhibition(objects=[builders.collection_object()], slug="expo")
    english = source.copy_for_translation(builders.locale("en"), copy_parents=True)
    english.save_revision().publish()
    result = graphql(
        '{ exhibition(slug: "expo", locale: "en") { chapters { objects { caption } } } }'
    )
    assert result["data"]["exhibition"]["chapters"][0]["objects"][0]["caption"].startswith(
        "Caption"
    )
    assert {o.locale.language_code for o in models.ChapterObject.objects.all()} == {"nl", "en"}
