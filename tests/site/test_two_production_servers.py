"""Two production servers (the Procfile's gunicorn line, each on its own port, with the
same settings) behave as one site: what an editor does through one is served by the
other at once. Media live on object storage (moto's S3 server on loopback), the cache is
Redis (a server of the test process's own), the database the test's PostgreSQL one.

Each server has a MEDIA_ROOT of its own that must stay empty: nothing a request writes
lives only on its process's disk, and the tiler never needs a local copy.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import urllib.parse
from pathlib import Path

import numpy as np
import pytest
from django.db import connection
from PIL import Image as PILImage

from museum_site.models import MuseumImage
from tests.site import builders as site_builders
from tests.site.admin_over_http import AdminEditor
from tests.site.server_process import (
    PRODUCTION,
    ROOT,
    database_url,
    free_port,
    procfile_command,
    running,
    server_env,
    status_of,
)
from tests.tours import builders as tour_builders

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres_only,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="two servers write one database"),
]

TOUR = """query($slug: String!) { tour(slug: $slug) {
  scenes { key tiles { status baseUrl path }
    panorama { rendition(preset: CARD) { url } } }
  pannellum: viewerConfig(format: PANNELLUM)
} }"""


def panorama_jpeg(width: int = 2048, height: int = 1024) -> bytes:
    x = np.linspace(0, 255, width, dtype=np.uint8)
    y = np.linspace(0, 255, height, dtype=np.uint8)
    pixels = np.stack(np.broadcast_arrays(x[None, :], y[:, None], np.uint8(90)), axis=-1)
    buffer = io.BytesIO()
    PILImage.fromarray(pixels.astype(np.uint8)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def graphql(url: str, query: str, variables: dict | None = None) -> dict:
    params = {"query": query, "variables": json.dumps(variables or {})}
    status, body = status_of(f"{url}/graphql/?{urllib.parse.urlencode(params)}")
    assert status == 200, body[:2000]
    answer = json.loads(body)
    assert "errors" not in answer, answer["errors"]
    return answer["data"]


def files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


@pytest.fixture(scope="module")
def static_files(tmp_path_factory) -> Path:
    """`collectstatic` as a deployment runs it before starting the web processes (with
    DEBUG off the admin's pages name their CSS and JS through the manifest)."""
    var = tmp_path_factory.mktemp("var")
    env = server_env(**PRODUCTION, SINGLE_PROCESS="true", VITRINE_VAR_DIR=str(var))
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return var


@pytest.fixture
def production_env(redis_url, tmp_path, static_files):
    """The environment of a web process: DEBUG off, Redis, the test database."""

    def env(port: int, name: str, **extra: str) -> dict[str, str]:
        return server_env(
            **PRODUCTION,
            VITRINE_VAR_DIR=str(static_files),
            DATABASE_URL=database_url(connection.settings_dict),
            REDIS_URL=redis_url,
            PORT=str(port),
            WEB_CONCURRENCY="1",
            WEB_THREADS="4",
            MEDIA_ROOT=str(tmp_path / f"{name}-media"),
            PRIVATE_MEDIA_ROOT=str(tmp_path / f"{name}-private"),
            **extra,
        )

    return env


@pytest.fixture
def editor_account(django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-of-the-editor")
    return "editor", "pw-of-the-editor"


def test_on_object_storage_a_second_server_serves_the_renditions_tiles_and_tour_of_the_first(
    object_storage, production_env, editor_account, tmp_path, settings
):
    story_image = site_builders.image("Zelfportret", size=(1600, 1200))
    site_builders.story(title="Een verhaal", hero_image=story_image)

    bucket_url = f"{object_storage['S3_ENDPOINT_URL']}/{object_storage['S3_BUCKET']}/public/"
    ports = free_port(), free_port()
    env_first = production_env(ports[0], "first", **object_storage)
    env_second = production_env(ports[1], "second", **object_storage)
    web = procfile_command("web")
    with (
        running(web, env_first, ports[0], tmp_path / "first.log") as first,
        running(web, env_second, ports[1], tmp_path / "second.log") as second,
    ):
        editor = AdminEditor(first)
        try:
            editor.sign_in(*editor_account)
            editor.upload_image("Zaal 3", "zaal-3.jpg", panorama_jpeg())
            image = MuseumImage.objects.get(title="Zaal 3")
            page = tour_builders.tour(
                [tour_builders.scene("zaal-3", panorama=image)], publish=False, slug="zaal-3"
            )
            editor.publish(page.pk)  # tiled in the first server's request, after commit
        finally:
            editor.close()

        data = graphql(second, TOUR, {"slug": "zaal-3"})["tour"]
        [scene] = data["scenes"]
        assert scene["tiles"]["status"] == "READY"
        base = scene["tiles"]["baseUrl"]
        assert base.startswith(bucket_url + "tours/tiles/")
        assert base in json.dumps(data["pannellum"])
        tile = base + scene["tiles"]["path"].replace("%l", "1").replace("%s", "f").replace(
            "%y", "0"
        ).replace("%x", "0")
        rendition = scene["panorama"]["rendition"]["url"]
        assert rendition.startswith(bucket_url)
        for url in (f"{tile}.jpg", rendition):
            status, _body = status_of(url)
            assert status == 200, url

        # A demo story's image, rendered by the second server from the original in the bucket.
        demo = graphql(
            second, "{ stories(first: 1) { nodes { hero { rendition(preset: HERO) { url } } } } }"
        )
        [story] = demo["stories"]["nodes"]
        assert story["hero"]["rendition"]["url"].startswith(bucket_url)
        assert status_of(story["hero"]["rendition"]["url"])[0] == 200

    for name in ("first", "second"):
        assert files_under(tmp_path / f"{name}-media") == []
        assert files_under(tmp_path / f"{name}-private") == []


def test_a_publish_through_one_server_is_in_the_next_answer_of_the_other(
    object_storage, production_env, editor_account, tmp_path
):
    page = tour_builders.tour([tour_builders.scene("hal")], title="Oude titel", slug="hal")
    query = '{ tour(slug: "hal") { title } }'
    ports = free_port(), free_port()
    web = procfile_command("web")
    env_first = production_env(ports[0], "first", **object_storage)
    env_second = production_env(ports[1], "second", **object_storage)
    with (
        running(web, env_first, ports[0], tmp_path / "first.log") as first,
        running(web, env_second, ports[1], tmp_path / "second.log") as second,
    ):
        for url in (first, second, second):  # the second answer comes from the shared cache
            assert graphql(url, query)["tour"]["title"] == "Oude titel"

        editor = AdminEditor(first)
        try:
            editor.sign_in(*editor_account)
            try:
                editor.publish(page.pk, title="Nieuwe titel")
            except AssertionError:
                log = (tmp_path / "first.log").read_text()
                raise AssertionError(
                    f"the publish failed; the server's log:\n{log[-6000:]}"
                ) from None
        finally:
            editor.close()

        assert graphql(second, query)["tour"]["title"] == "Nieuwe titel"
