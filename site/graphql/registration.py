"""Put our hand-written types into grapple's registry.

grapple answers `page`, `pages` and `snippets` by looking up the type registered for a
model; registering ours (instead of letting grapple generate its own from the models)
keeps one type per model in the schema. Runs in AppConfig.ready(), after grapple's own
ready() has built its registry and before the schema is first imported.
"""

from grapple.registry import registry

from museum_site import models


def register_types() -> None:
    from museum_site.graphql.images import Image
    from museum_site.graphql.types import PAGE_TYPES, SETTINGS_TYPES, SNIPPET_TYPES

    registry.pages.update(PAGE_TYPES)
    registry.snippets.update(SNIPPET_TYPES)
    registry.settings.update(SETTINGS_TYPES)
    registry.images[models.MuseumImage] = Image
