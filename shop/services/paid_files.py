"""Files the shop sells: served only through the signed order link (services/downloads).

A document is paid as soon as a variant offers it (`ProductVariant.digital_file`),
whatever collection it sits in and whether the product is published yet. Three guards,
each enough on its own for what it covers:

- selling a file moves it into the private "Shop downloads" collection (created on
  first use, visible to signed-in staff only), and the document form refuses to move it
  out to a public one (shop.document_forms);
- Wagtail's document view (`/documents/<id>/<name>`) answers 404 for it, to everyone,
  staff included (the `before_serve_document` hook in shop/wagtail_hooks.py);
- GraphQL's `documents` and `document` never list it (`vitrine_private_documents`).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from shop.models import ProductVariant

PRIVATE_COLLECTION_NAME = "Shop downloads"


def paid_document_ids() -> QuerySet:
    """Ids of every document a variant sells (a subquery; no query of its own)."""
    return ProductVariant.objects.filter(digital_file__isnull=False).values("digital_file_id")


def is_paid(document) -> bool:
    return ProductVariant.objects.filter(digital_file_id=document.pk).exists()


def is_private(collection: Collection) -> bool:
    """A view restriction on the collection or any collection above it."""
    return collection.get_view_restrictions().exists()


def private_collection() -> Collection:
    """The collection sold files live in: restricted to signed-in users (staff)."""
    with transaction.atomic():
        root = Collection.get_first_root_node()
        found = root.get_children().filter(name=PRIVATE_COLLECTION_NAME).first()
        if found is None:
            found = root.add_child(name=PRIVATE_COLLECTION_NAME)
        if not is_private(found):
            CollectionViewRestriction.objects.create(
                collection=found, restriction_type=CollectionViewRestriction.LOGIN
            )
        return found


def keep_private(document_id: int) -> None:
    """Move a sold file out of a public collection (the editor's choice of private
    collection is kept)."""
    document = (
        get_document_model().objects.select_related("collection").filter(pk=document_id).first()
    )
    if document is None or is_private(document.collection):
        return
    document.collection = private_collection()
    document.save(update_fields=["collection"])
