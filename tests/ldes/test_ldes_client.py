"""The reference LDES client (npm ldes-client) replays a museum's stream from the live
server: every version once, and from its saved state only what was published since.

Runs tests/ldes/node/replay.mjs in Node. Needs `tests/ldes/node/install.sh` (`make
browser-deps`); without node_modules the test fails, with that hint, rather than skipping.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from museum_site.ldes import views
from museum_site.ldes.models import Member
from museum_site.museums.models import Museum
from tests.site import builders

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.database_neutral]

HERE = Path(__file__).resolve().parent / "node"


def replay(url: str, state: Path) -> list[dict]:
    if not (HERE / "node_modules" / "ldes-client").is_dir():
        pytest.fail(f"ldes-client is not installed: run {HERE / 'install.sh'} (make browser-deps)")
    node = shutil.which("node")
    assert node, "Node 20 is needed for the LDES client"
    completed = subprocess.run(
        [node, str(HERE / "replay.mjs"), url, str(state)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])["members"]


def test_the_ldes_client_replays_every_version_once_then_only_the_new_one(
    live_server, tmp_path, monkeypatch
):
    # Two members a page: the client walks pages linked both ways (tree:relation forward
    # and back) and must still see each member once.
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    museum = Museum.objects.default()
    Museum.objects.filter(pk=museum.pk).update(slug="default")
    objects = []
    for n in range(3):
        obj = builders.collection_object(title=f"Stuk {n}", live=False, with_image=False)
        obj.save_revision().publish()  # autocommit: the member is written at once
        objects.append(obj)
    assert Member.objects.count() == 3
    url = f"{live_server.url}/ldes/default/objects"
    state = tmp_path / "state"

    first = replay(url, state)
    assert sorted(member["id"] for member in first) == sorted(
        Member.objects.values_list("version_iri", flat=True)
    )
    assert {member["isVersionOf"] for member in first} == set(
        Member.objects.values_list("is_version_of", flat=True)
    )

    changed = objects[1]
    changed.refresh_from_db()
    changed.title = "Stuk 1, herzien"
    changed.save_revision().publish()
    newest = Member.objects.latest("created")

    second = replay(url, state)
    assert [member["id"] for member in second] == [newest.version_iri]
    assert second[0]["isVersionOf"] == newest.is_version_of
