"""Fixtures for the IIIF tests: the official Presentation 3 schema, a way to validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from tests.iiif.builders import ORIGIN

SCHEMA = Path(__file__).parent / "schema" / "iiif_3_0.json"


@pytest.fixture(autouse=True)
def _public_origin(settings):
    settings.FRONTEND_URL = ORIGIN


@pytest.fixture(scope="session")
def presentation_schema() -> Draft7Validator:
    schema = json.loads(SCHEMA.read_text())
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


@pytest.fixture
def assert_valid_presentation(presentation_schema):
    """Fails with every error the official schema finds, each with where it is."""

    def check(document: dict) -> None:
        errors = sorted(presentation_schema.iter_errors(document), key=lambda e: list(e.path))
        assert not errors, "\n".join(
            f"{'/'.join(map(str, error.path))}: {error.message[:300]}" for error in errors
        )

    return check
