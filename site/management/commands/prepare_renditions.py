"""`manage.py prepare_renditions`: make the prepared renditions of every image that
public content uses.

Publishing queues them one image at a time; content that arrived without publishing
(the demo loader, an import, a restored database) has none, and its pages would be drawn
and cached with stand-ins (the original files) until each request's small budget made
them. `make demo` runs it after `load_demo`.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from museum_site.renditions import prepare_all


class Command(BaseCommand):
    help = "Make the prepared renditions of every image that public content uses."

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        images, made = prepare_all()
        self.stdout.write(
            f"Renditions: {made} made for {images} images in {time.monotonic() - started:.1f} s"
        )
