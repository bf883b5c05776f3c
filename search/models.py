"""The search documents of the database backend.

One row per document, holding what a result shows (title, text for the snippet, url path,
image) and the analysed terms of each weighted field as space-separated words. The
full-text index over those terms is made by the migration for each database: a weighted
`tsvector` column with a GIN index on PostgreSQL, an FTS5 table kept in step by triggers
on SQLite. Facet values are rows of their own, so a facet count is a GROUP BY.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.images import get_image_model_string


class SearchDocument(models.Model):
    kind = models.CharField(max_length=16)
    locale = models.CharField(max_length=8)
    # The language the record is shown in: the document's own, or for a record that has
    # no translation into `locale`, the language of the record it stands in for.
    source_locale = models.CharField(max_length=8, blank=True)
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.BigIntegerField()
    # Whose document it is: a visitor searches their museum's documents (or, with
    # `scope: GROUP`, every public museum's). Null only between the migration that added
    # it and the reindex; such rows are found by no search.
    museum = models.ForeignKey(
        "museums.Museum", null=True, on_delete=models.CASCADE, related_name="+"
    )
    anchor = models.CharField(max_length=64, blank=True)
    title = models.CharField(max_length=255)
    text = models.TextField(blank=True)
    url_path = models.CharField(max_length=500, blank=True)
    slug = models.CharField(max_length=255, blank=True)
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(max_length=400, blank=True)
    # The source's go_live_at and expire_at: every query applies the clock to them.
    visible_from = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    # Facet values again, as "name<US>value<US>label" strings, so that counting the facets
    # of a set of matches reads the matched rows only (SearchFacetValue serves filters).
    facet_entries = models.JSONField(default=list, blank=True)
    # The lowest price a product can be bought at (EUR, VAT included), for price wishes.
    price = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    # Analysed terms (search.analysis); the migration indexes these columns.
    title_terms = models.TextField(blank=True)
    labels_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    related_terms = models.TextField(blank=True)
    suggest_terms = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "anchor", "locale"],
                name="search_document_unique_source",
            )
        ]
        indexes = [
            models.Index(fields=["locale", "kind"], name="search_doc_locale_kind"),
            models.Index(fields=["museum", "locale"], name="search_doc_museum_locale"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.locale}: {self.title}"


class SearchFacetValue(models.Model):
    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=32)
    value = models.CharField(max_length=64)
    label = models.CharField(max_length=255)
    folded_label = models.CharField(max_length=255, help_text="For as-you-type suggestions.")

    class Meta:
        indexes = [
            models.Index(fields=["name", "value"], name="search_facet_name_value"),
            models.Index(fields=["document", "name"], name="search_facet_document_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name}={self.value} ({self.label})"


class SearchWord(models.Model):
    """The spelling list: every word the index holds, folded, with its index term.

    Built from the documents as they are written, never from a dictionary, so corrections
    and completions only ever lead to words that find something. Words are never removed
    when their last document goes: a stale word costs one alternative that matches nothing.
    A trigram index (pg_trgm on PostgreSQL, an FTS5 trigram table on SQLite, both made by
    the migration) finds the words that look like a typed one.
    """

    locale = models.CharField(max_length=8)
    word = models.CharField(max_length=64)
    term = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale", "word"], name="search_word_unique")
        ]

    def __str__(self) -> str:
        return f"{self.locale}: {self.word} -> {self.term}"
