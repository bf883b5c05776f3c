"""One cache truth for all processes, and no cached answer outlives the clock.

The content version that keys cached GraphQL answers is a database row: a publish in any
process reaches every other process's next answer, each with its own per-process cache
(LocMemCache, as without Redis). And an answer is kept no longer than until the next
`go_live_at` or `expire_at` of any live content.
"""

from __future__ import annotations

import datetime
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from museum_site import models
from museum_site.graphql import response_cache
from tests.site import builders

ROOT = Path(__file__).resolve().parents[2]
QUERY = "{ stories { nodes { title } } }"
START_TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    """The test database, as a URL another process can open."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{settings['USER']}@{host}:{port}/{settings['NAME']}"


class Server:
    """`manage.py runserver --noreload` in its own process, with its own LocMemCache."""

    def __init__(self) -> None:
        self.port = free_port()
        env = {
            name: value
            for name, value in os.environ.items()
            if name not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}
        }
        env.update(DATABASE_URL=database_url(), DATABASE_CONN_MAX_AGE="0")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                "--skip-checks",
                f"127.0.0.1:{self.port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def get(self, query: str) -> dict:
        url = f"http://127.0.0.1:{self.port}/graphql/?" + urllib.parse.urlencode({"query": query})
        with urllib.request.urlopen(url, timeout=30) as response:
            return {"body": json.load(response), "cache_control": response.headers["Cache-Control"]}

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"runserver ended: {self.process.stderr.read()}")
            try:
                self.get("{ __typename }")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)  # polling for readiness, not waiting for a result
        pytest.fail(f"runserver on port {self.port} did not answer in {START_TIMEOUT} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)


@pytest.fixture
def two_servers():
    servers = [Server(), Server()]
    try:
        for server in servers:
            server.wait_until_up()
        yield servers
    finally:
        for server in servers:
            server.stop()


def titles(answer: dict) -> list[str]:
    return [node["title"] for node in answer["body"]["data"]["stories"]["nodes"]]


@pytest.mark.django_db(transaction=True)
def test_a_publish_in_one_process_is_answered_by_every_other_process_at_once(two_servers):
    first, second = two_servers
    story = builders.story(title="Oude titel")  # committed: this test's transactions are real
    for server in (first, second):
        assert titles(server.get(QUERY)) == ["Oude titel"]
        assert titles(server.get(QUERY)) == ["Oude titel"]  # now from its own cache
        assert server.get(QUERY)["cache_control"].startswith("public")

    # This process (an editor's web worker, the cron or the task worker) publishes.
    story.title = "Nieuwe titel"
    story.save_revision().publish()

    assert titles(first.get(QUERY)) == ["Nieuwe titel"]
    assert titles(second.get(QUERY)) == ["Nieuwe titel"]

    story.unpublish()
    assert titles(second.get(QUERY)) == []
    assert titles(first.get(QUERY)) == []


@pytest.mark.django_db
def test_a_version_bumped_elsewhere_makes_this_process_answer_afresh(client):
    """What another process does: change rows and bump the version, without this
    process's signals or cache knowing."""
    story = builders.story(title="Oude titel")
    assert client.get("/graphql/", {"query": QUERY}).json()["data"]["stories"]["nodes"] == [
        {"title": "Oude titel"}
    ]
    models.StoryPage.objects.filter(pk=story.pk).update(title="Nieuwe titel")
    assert client.get("/graphql/", {"query": QUERY}).json()["data"]["stories"]["nodes"] == [
        {"title": "Oude titel"}
    ]  # cached, as it should be until the version moves
    models.ContentVersion.bump()
    assert client.get("/graphql/", {"query": QUERY}).json()["data"]["stories"]["nodes"] == [
        {"title": "Nieuwe titel"}
    ]


def max_age(response) -> int:
    directives = dict(
        part.strip().partition("=")[::2] for part in response["Cache-Control"].split(",")
    )
    assert "public" in directives, response["Cache-Control"]
    return int(directives["max-age"])


@pytest.mark.django_db
@pytest.mark.parametrize("moment", ["expire_at", "go_live_at"])
def test_a_cached_answer_never_outlives_the_next_go_live_or_expiry(
    client, moment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        builders.story(title="Blijvend")
    assert max_age(client.get("/graphql/", {"query": QUERY})) == 60  # nothing scheduled

    soon = timezone.now() + datetime.timedelta(seconds=20)
    with django_capture_on_commit_callbacks(execute=True):  # bumps the version
        obj = builders.collection_object(title="Tijdelijk")
        obj.__class__.objects.filter(pk=obj.pk).update(**{moment: soon})
        models.ContentVersion.bump()  # as the publish that set the moment did

    response = client.get("/graphql/", {"query": QUERY})
    assert max_age(response) <= 20
    version = response_cache.content_version()
    assert 0 < response_cache.seconds_to_keep(version) <= 20  # the server-side timeout


@pytest.mark.django_db
def test_the_next_moment_is_looked_up_once_per_content_version(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        builders.story(expire_at=timezone.now() + datetime.timedelta(hours=1))
    client.get("/graphql/", {"query": QUERY})
    with django_assert_num_queries(1):  # the content version; the moment is cached too
        response = client.get("/graphql/", {"query": QUERY})
    assert response.status_code == 200


def test_a_moment_that_passed_is_not_kept(db):
    models.CollectionObject.objects.create(
        title="Voorbij",
        inventory_number="V.1",
        locale=builders.locale("nl"),
        live=True,
        expire_at=timezone.now() - datetime.timedelta(seconds=1),
    )
    assert response_cache.seconds_to_keep(response_cache.content_version()) == (
        response_cache.timeout()
    )
