"""The one home of "the public storage" and "the private storage" for every app.

- `public_storage()`: files anyone may fetch, by a stable URL a CDN can cache for a year
  (image originals and renditions, panorama tiles). On object storage they are read
  without a signature under `public/`, with `Cache-Control: immutable`.
- `private_storage()`: files that only a check in our code may hand out (documents, the
  shop's paid downloads, invoices). `private_url(name, seconds=...)` is the only way
  out: a signed S3 URL that expires, or on the local disk a signed link to
  `private_file` below, which expires the same way.

Names are never reused: every saved file gets a name of its own (a random folder), so a
deleted file's name never comes back with other bytes under a URL a CDN still caches,
and an upload never overwrites another. The one exception are names under
`CONTENT_KEYED_PREFIXES` (panorama tiles): they are derived from the bytes' SHA-256, so
the same name always holds the same bytes and the tiler needs them exact.

Settings come from museum_site.storage_settings (MEDIA_STORAGE=local|s3).
"""

from __future__ import annotations

import os
import posixpath
import secrets
import time
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.files.storage import FileSystemStorage, Storage, default_storage, storages
from django.http import FileResponse, Http404, HttpRequest
from django.urls import reverse
from django.utils.deconstruct import deconstructible

PUBLIC_ALIAS = "public"
PRIVATE_ALIAS = "private"
# Routed to the private side when Wagtail's FileFields (one storage for all) save them.
PRIVATE_PREFIXES = ("documents/",)
# Content-addressed names (tours.tiler: <prefix>/<sha256>/<layout>/...): kept exactly.
CONTENT_KEYED_PREFIXES = ("tours/tiles/",)
DEFAULT_SIGNED_SECONDS = 300
_LOCAL_SALT = "museum_site.storage.private_file"


def public_storage() -> Storage:
    return storages[PUBLIC_ALIAS] if PUBLIC_ALIAS in storages.backends else default_storage


def private_storage() -> Storage:
    return storages[PRIVATE_ALIAS] if PRIVATE_ALIAS in storages.backends else default_storage


def is_remote(storage: Storage) -> bool:
    """True when the storage hands out its own URLs (object storage), False on disk."""
    return not isinstance(storage, FileSystemStorage)


def private_url(
    name: str,
    *,
    seconds: int | None = None,
    filename: str | None = None,
    storage: Storage | None = None,
) -> str:
    """A URL to the private file `name` that stops working after `seconds`.

    `filename` makes the browser save it under that name (Content-Disposition). The
    caller has already decided that this visitor may have the file; the URL only
    carries that decision for a short while.
    """
    storage = storage or private_storage()
    seconds = seconds or getattr(settings, "S3_SIGNED_URL_SECONDS", DEFAULT_SIGNED_SECONDS)
    if isinstance(storage, MediaStorage):
        storage = storage.route(name)
    if is_remote(storage):
        parameters = {}
        if filename:
            parameters["ResponseContentDisposition"] = _attachment(filename)
        return storage.url(name, parameters=parameters or None, expire=seconds)
    token = signing.dumps(
        {"n": name, "f": filename or "", "e": int(time.time()) + seconds, "s": _alias(storage)},
        salt=_LOCAL_SALT,
        compress=True,
    )
    return reverse("private_file", kwargs={"token": token})


def private_file(request: HttpRequest, token: str) -> FileResponse:
    """Serve a private file from the local disk for a link made by `private_url`."""
    try:
        data = signing.loads(token, salt=_LOCAL_SALT)
    except signing.BadSignature as error:
        raise Http404("This link is not valid.") from error
    if int(data.get("e", 0)) < time.time():
        raise Http404("This link has expired.")
    storage = storages[data["s"]] if data.get("s") else default_storage
    try:
        file = storage.open(data["n"], "rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("This file is no longer available.") from error
    filename = data.get("f") or None
    response = FileResponse(file, as_attachment=bool(filename), filename=filename or "")
    response["Cache-Control"] = "private, no-store"
    return response


def storage_answers() -> None:
    """Readiness: every media storage can be reached (raises when one cannot)."""
    for alias in (PUBLIC_ALIAS, PRIVATE_ALIAS):
        storage = storages[alias] if alias in storages.backends else default_storage
        if is_remote(storage):
            storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
        else:
            location = storage.location
            os.makedirs(location, exist_ok=True)
            if not os.access(location, os.W_OK):
                raise PermissionError(f"{location} is not writable")


def name_of_its_own(name: str, max_length: int | None = None) -> str:
    """`name` in a folder of its own with a random name: never a name used before.

    The file keeps its own base name (a buyer's download, a document's title in the
    admin and its `/documents/<id>/<name>` URL show what the editor uploaded).
    """
    if name.startswith(CONTENT_KEYED_PREFIXES):
        return name
    directory, base = posixpath.split(name)
    folder = posixpath.join(directory, secrets.token_hex(6))
    if max_length is not None:
        stem, extension = posixpath.splitext(base)
        room = max_length - len(folder) - 1 - len(extension)
        if room < 1:
            raise ValueError(f"No room for a unique name within {max_length} characters.")
        base = stem[:room] + extension
    return posixpath.join(folder, base)


def _attachment(filename: str) -> str:
    ascii_name = filename.encode("ascii", "ignore").decode() or "download"
    ascii_name = ascii_name.replace('"', "")
    return f'attachment; filename="{ascii_name}"'


def _alias(storage: Storage) -> str:
    for alias in (PRIVATE_ALIAS, PUBLIC_ALIAS):
        if alias in storages.backends and storages[alias] is storage:
            return alias
    return ""


try:  # django-storages is a dependency, but the local disk must work without boto3
    from storages.backends.s3 import S3Storage
except ImportError:  # pragma: no cover
    S3Storage = None  # type: ignore[assignment,misc]


if S3Storage is not None:

    @deconstructible
    class PublicS3Storage(S3Storage):
        """Public files: unsigned URLs, cached for a year, names never reused."""

        def get_available_name(self, name: str, max_length: int | None = None) -> str:
            # No HEAD request per file: a fresh random name cannot be taken.
            return name_of_its_own(name.replace("\\", "/"), max_length)

    @deconstructible
    class PrivateS3Storage(PublicS3Storage):
        """Private files: only signed URLs that expire (querystring_auth)."""


@deconstructible
class MediaStorage(Storage):
    """Wagtail's one FileField storage on object storage: documents to the private side
    (Wagtail's document view checks access, then redirects to a signed URL), everything
    else to the public side."""

    def route(self, name: str) -> Storage:
        normalized = name.replace("\\", "/").lstrip("/")
        return (
            storages[PRIVATE_ALIAS]
            if normalized.startswith(PRIVATE_PREFIXES)
            else (storages[PUBLIC_ALIAS])
        )

    def _open(self, name: str, mode: str = "rb") -> Any:
        return self.route(name).open(name, mode)

    def _save(self, name: str, content: Any) -> str:
        return self.route(name)._save(name, content)

    def save(self, name: str | None, content: Any, max_length: int | None = None) -> str:
        if name is None:
            name = content.name
        return self.route(name).save(name, content, max_length=max_length)

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        return self.route(name).get_available_name(name, max_length=max_length)

    def generate_filename(self, filename: str) -> str:
        return self.route(filename).generate_filename(filename)

    def delete(self, name: str) -> None:
        self.route(name).delete(name)

    def exists(self, name: str) -> bool:
        return self.route(name).exists(name)

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        return self.route(path).listdir(path)

    def size(self, name: str) -> int:
        return self.route(name).size(name)

    def url(self, name: str) -> str:
        return self.route(name).url(name)

    def get_modified_time(self, name: str):
        return self.route(name).get_modified_time(name)

    def get_created_time(self, name: str):
        return self.route(name).get_created_time(name)

    def get_accessed_time(self, name: str):
        return self.route(name).get_accessed_time(name)
