"""The demo museum loads onto object storage (MEDIA_STORAGE=s3): every file goes to the
bucket, public ones under public/ and documents under private/, nothing to MEDIA_ROOT."""

from __future__ import annotations

from pathlib import Path

import boto3
import pytest
from django.core.management import call_command

from museum_site import loopback_services

# Where files go does not depend on the database: run on PostgreSQL only (Makefile).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.database_neutral]


def test_the_demo_loads_onto_object_storage(object_storage, settings):
    call_command("load_demo", verbosity=0)

    client = boto3.client(
        "s3",
        endpoint_url=object_storage["S3_ENDPOINT_URL"],
        aws_access_key_id=loopback_services.S3_ACCESS_KEY_ID,
        aws_secret_access_key=loopback_services.S3_SECRET_ACCESS_KEY,
        region_name=loopback_services.S3_REGION,
    )
    keys = [
        item["Key"]
        for page in client.get_paginator("list_objects_v2").paginate(
            Bucket=object_storage["S3_BUCKET"]
        )
        for item in page.get("Contents", [])
    ]
    assert any(key.startswith("public/original_images/") for key in keys)
    assert any(key.startswith("public/images/") for key in keys)  # renditions
    assert any(key.startswith("public/tours/tiles/") for key in keys)
    assert any(key.startswith("private/documents/") for key in keys)
    assert not any(key.startswith("public/documents/") for key in keys)
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not [path for path in media.rglob("*") if path.is_file()]
