"""The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE): a file the shop sells
cannot be moved to a public collection (see shop.services.paid_files)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from shop.services import paid_files


class DocumentForm(BaseDocumentForm):
    def clean_collection(self):
        collection = self.cleaned_data.get("collection")
        if (
            collection is not None
            and self.instance.pk
            and paid_files.is_paid(self.instance)
            and not paid_files.is_private(collection)
        ):
            raise ValidationError(
                _(
                    "The shop sells this file: keep it in a private collection, so that "
                    "only buyers get it, through the link in their order."
                ),
                code="paid_file_public",
            )
        return collection
