"""STORAGES for settings.py, from the environment: the local disk, or S3-compatible object
storage (AWS S3, MinIO, Ceph, Scaleway, OVH, ... through django-storages).

Kept apart from museum_site.storage (which runs in requests) because settings.py imports
it: nothing here touches Django's settings or apps.

| variable | default | |
|---|---|---|
| `MEDIA_STORAGE` | `local` | `local` (MEDIA_ROOT, the embedded default) or `s3` |
| `S3_BUCKET` | (required with s3) | the bucket for media |
| `S3_PRIVATE_BUCKET` | `S3_BUCKET` | private files; may be the same bucket (they live under `private/`) |
| `S3_ENDPOINT_URL` | AWS | e.g. `https://s3.fr-par.scw.cloud`, `http://127.0.0.1:9000` |
| `S3_REGION` | | the bucket's region |
| `S3_ACCESS_KEY_ID`, `S3_SECRET_ACCESS_KEY` | boto3's chain | credentials; unset: boto3 finds them (instance role, `~/.aws`) |
| `S3_PUBLIC_DOMAIN` | | a CDN's host (`media.museum.example`) for public URLs |
| `S3_PUBLIC_ACL` | `public-read` | ACL of public files; empty when a bucket policy opens the public prefix |
| `S3_SIGNED_URL_SECONDS` | `300` | lifetime of a signed URL to a private file |
| `S3_ADDRESSING_STYLE` | `auto` | `path` for servers without virtual-host buckets |

Public files (originals, renditions, panorama tiles) live under `public/`, are read
without a signature (CDN-friendly URLs) and carry `Cache-Control: public, max-age=one
year, immutable`: each name is made once and never rewritten (museum_site.storage gives
every upload a name of its own). Private files (documents, paid downloads, invoices) live
under `private/` and are only reached through signed URLs that expire.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

PUBLIC_CACHE_CONTROL = "public, max-age=31536000, immutable"
PRIVATE_CACHE_CONTROL = "private, no-store"
PUBLIC_LOCATION = "public"
PRIVATE_LOCATION = "private"


def media_storages(env: Mapping[str, str], *, media_root: Path, private_root: Path) -> dict:
    """`STORAGES` minus `staticfiles`: `default` (Wagtail's files), `public`, `private`."""
    kind = env.get("MEDIA_STORAGE", "local").strip().lower() or "local"
    if kind == "local":
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "public": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                # Outside MEDIA_ROOT: no web server configured for media serves it.
                "OPTIONS": {"location": str(private_root), "base_url": None},
            },
        }
    if kind != "s3":
        raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3', not {kind!r}.")
    bucket = env.get("S3_BUCKET", "").strip()
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs S3_BUCKET (the media bucket's name).")
    common = {
        "endpoint_url": env.get("S3_ENDPOINT_URL") or None,
        "region_name": env.get("S3_REGION") or None,
        "access_key": env.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": env.get("S3_SECRET_ACCESS_KEY") or None,
        "addressing_style": env.get("S3_ADDRESSING_STYLE") or None,
        "signature_version": "s3v4",
        "file_overwrite": False,
    }
    public = {
        **common,
        "bucket_name": bucket,
        "location": PUBLIC_LOCATION,
        "default_acl": env.get("S3_PUBLIC_ACL", "public-read") or None,
        "querystring_auth": False,
        "custom_domain": env.get("S3_PUBLIC_DOMAIN") or None,
        "object_parameters": {"CacheControl": PUBLIC_CACHE_CONTROL},
    }
    private = {
        **common,
        "bucket_name": env.get("S3_PRIVATE_BUCKET") or bucket,
        "location": PRIVATE_LOCATION,
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": int(env.get("S3_SIGNED_URL_SECONDS", "300")),
        "object_parameters": {"CacheControl": PRIVATE_CACHE_CONTROL},
    }
    return {
        # Wagtail's images and documents share one FileField storage: documents go to
        # the private side (Wagtail's document view checks, then redirects to a signed
        # URL), everything else to the public one.
        "default": {"BACKEND": "museum_site.storage.MediaStorage"},
        "public": {"BACKEND": "museum_site.storage.PublicS3Storage", "OPTIONS": public},
        "private": {"BACKEND": "museum_site.storage.PrivateS3Storage", "OPTIONS": private},
    }
