"""The shared authority vocabulary.

A Term is one concept with a preferred label in each language (like SKOS prefLabel@nl,
@en, @fr), not one row per language: makers and materials are the same person or
material whatever language an object is described in, and they link to one authority
record (Getty AAT, Wikidata, RKD, ...).
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from museum_site.termennetwerk.panels import TermennetwerkLookupPanel


class Term(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        PLACE = "place", _("Place")
        CONCEPT = "concept", _("Concept")
        MATERIAL = "material", _("Material")
        PERIOD = "period", _("Period")
        OBJECT_TYPE = "object_type", _("Object type")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    label_nl = models.CharField(_("preferred label (Dutch)"), max_length=255)
    label_en = models.CharField(_("preferred label (English)"), max_length=255, blank=True)
    label_fr = models.CharField(_("preferred label (French)"), max_length=255, blank=True)
    alt_labels = models.TextField(
        _("alternative labels"),
        blank=True,
        help_text=_("Other spellings and names, one per line."),
    )
    authority_uri = models.URLField(
        _("authority URI"),
        blank=True,
        help_text=_("The matching record in Getty AAT/ULAN/TGN, Wikidata, RKD, ..."),
    )
    scope_note = models.TextField(_("scope note"), blank=True)
    broader = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="narrower",
        verbose_name=_("broader term"),
        help_text=_(
            "The wider concept this term belongs to, as in its authority: silverware for "
            "a chalice. A search for the broader term finds the narrower ones."
        ),
    )

    panels = [
        FieldPanel("kind"),
        TermennetwerkLookupPanel(),
        FieldRowPanel([FieldPanel("label_nl"), FieldPanel("label_en"), FieldPanel("label_fr")]),
        FieldPanel("alt_labels"),
        MultiFieldPanel(
            [FieldPanel("authority_uri"), FieldPanel("broader"), FieldPanel("scope_note")],
            _("Authority"),
        ),
    ]

    search_fields = [
        index.SearchField("label_nl", boost=3),
        index.SearchField("label_en", boost=3),
        index.SearchField("label_fr", boost=3),
        index.SearchField("alt_labels", boost=2),
        index.AutocompleteField("label_nl"),
        index.AutocompleteField("label_en"),
        index.AutocompleteField("label_fr"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["label_nl"]
        verbose_name = _("term")
        constraints = [
            models.UniqueConstraint(
                fields=["authority_uri"],
                condition=~models.Q(authority_uri=""),
                name="term_unique_authority_uri",
            )
        ]

    def __str__(self) -> str:
        return f"{self.label()} ({self.get_kind_display()})"

    def label(self, language: str | None = None) -> str:
        """The preferred label in `language`, falling back to Dutch, the vocabulary's base."""
        language = (language or translation.get_language() or "nl")[:2]
        return getattr(self, f"label_{language}", "") or self.label_nl

    def ancestors(self) -> list["Term"]:
        """Broader terms, nearest first; a cycle an editor made stops at the repeat."""
        found: list[Term] = []
        seen = {self.pk}
        term = self.broader
        while term is not None and term.pk not in seen:
            found.append(term)
            seen.add(term.pk)
            term = term.broader
        return found

    @property
    def alternative_labels(self) -> list[str]:
        return [line.strip() for line in self.alt_labels.splitlines() if line.strip()]
