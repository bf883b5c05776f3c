"""Where panorama tiles are written and served from.

``STORAGES["tours_tiles"]`` when a deployment names one (a public bucket behind a CDN,
say), the default storage otherwise. Only the storage API is used, so the file system
and object storage (django-storages) work alike.
"""

from django.core.files.storage import Storage, default_storage, storages

TILES_STORAGE_ALIAS = "tours_tiles"


def tiles_storage() -> Storage:
    if TILES_STORAGE_ALIAS in storages.backends:
        return storages[TILES_STORAGE_ALIAS]
    return default_storage
