"""The GraphQL-over-HTTP audit of the reference package graphql-http finds no error.

Runs tests/site/graphql_http/audit.mjs (graphql-http's `auditServer`, in Node) against
the live test server. Needs `tests/site/graphql_http/install.sh` (`make browser-deps`);
without node_modules the test fails, with that hint, rather than skipping.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from museum_site.graphql import view

HERE = Path(__file__).resolve().parent / "graphql_http"
# Warnings the audit may still give, each a SHOULD of the spec we answer otherwise on
# purpose: the application/graphql-response+json media type (graphene answers
# application/json), and 400 rather than 200 for parse, validation and variable errors
# sent with `Accept: application/json` (graphene's status, which clients rely on).
ACCEPTED_WARNINGS = {"22EB", "572B", "FDE2", "7B9B", "2EA1", "D6D5", "6A70"}


def audit(url: str) -> list[dict]:
    if not (HERE / "node_modules" / "graphql-http").is_dir():
        pytest.fail(f"graphql-http is not installed: run {HERE / 'install.sh'} (make browser-deps)")
    node = shutil.which("node")
    assert node, "Node 20 is needed for the GraphQL-over-HTTP audit"
    completed = subprocess.run(
        [node, str(HERE / "audit.mjs"), url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])["results"]


@pytest.fixture
def introspection(settings):
    def switch(on: bool) -> None:
        settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "INTROSPECTION": on}
        view._validate.cache_clear()

    yield switch
    view._validate.cache_clear()


def test_the_graphql_over_http_audit_finds_no_error(live_server, introspection):
    # As the demo runs (DEBUG on: introspection on); the audit's utf-8 and variables
    # checks ask `__type(name:)`.
    introspection(True)
    results = audit(f"{live_server.url}/graphql/")
    assert len(results) > 40
    errors = [result for result in results if result["status"] == "error"]
    assert not errors, json.dumps(errors, indent=1)
    # Every MAY about refusing a malformed parameter with 400 holds as well.
    notices = [result for result in results if result["status"] == "notice"]
    assert not notices, json.dumps(notices, indent=1)
    warnings = {result["id"] for result in results if result["status"] == "warn"}
    assert warnings <= ACCEPTED_WARNINGS, warnings - ACCEPTED_WARNINGS


def test_with_introspection_off_only_the_audits_asking_for_a_type_fail(live_server, introspection):
    introspection(False)
    results = audit(f"{live_server.url}/graphql/")
    errors = {result["id"] for result in results if result["status"] == "error"}
    # BF61 (utf-8) and 28B9 (map variables) query `__type(name:)`: introspection.
    assert errors <= {"BF61", "28B9"}, errors
