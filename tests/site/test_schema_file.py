"""schema.graphql in the repository is the schema the server answers with.

Frontend types are generated from the committed file, so a drift breaks them silently.
Regenerate with `make schema`.
"""

from pathlib import Path

from graphene_django.settings import graphene_settings

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_committed_schema_matches_the_server():
    assert SCHEMA_FILE.read_text() == str(graphene_settings.SCHEMA), (
        "schema.graphql is stale: run `make schema` and commit it"
    )
