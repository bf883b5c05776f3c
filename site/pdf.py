"""WeasyPrint, the one way our PDFs (invoices, credit notes, e-tickets) are laid out.

Importing WeasyPrint sets Pillow's process-wide `ImageFile.LOAD_TRUNCATED_IMAGES` to
True (weasyprint/images.py), after which a photo cut off halfway uploads in the admin as
if whole (museum_site.image_forms refuses it only because Pillow raises). Every PDF goes
through `html_document`, which imports WeasyPrint with the flag put back as it was; the
import is deferred because it loads Pango, which only rendering needs.
"""

from __future__ import annotations

from PIL import ImageFile


def html_document(html: str):
    """A `weasyprint.HTML` for `html`: `.render()` it or `.write_pdf()` it."""
    loading_truncated = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        from weasyprint import HTML
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = loading_truncated
    return HTML(string=html)
