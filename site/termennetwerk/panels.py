"""The lookup widget in the Term editor, as a Wagtail panel above the label fields."""

from __future__ import annotations

import json

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from museum_site.termennetwerk.services import MIN_QUERY_LENGTH


class TermennetwerkLookupPanel(Panel):
    """A search box whose choice fills the Term's URI, labels, alternative labels, scope
    note and broader term (ours for the authority's broader concept) from the
    authority; every field stays editable by hand, which is also what the editor does
    when the Termennetwerk cannot be reached."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Look up in the Termennetwerk"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "termennetwerk/lookup_panel.html"

        class Media:
            js = ["termennetwerk/lookup.js"]
            css = {"all": ["termennetwerk/lookup.css"]}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["min_length"] = MIN_QUERY_LENGTH
            # The JavaScript speaks the editor's language through these (one place for
            # every admin string, translated like the rest of the app).
            context["strings"] = json.dumps(
                {
                    "tooShort": str(
                        _("Type at least %(count)s letters.") % {"count": MIN_QUERY_LENGTH}
                    ),
                    "chooseKind": str(_("Choose the kind of term first.")),
                    "searching": str(_("Searching…")),
                    "noResults": str(_("No terms found.")),
                    "fetching": str(_("Fetching the term…")),
                    "filled": str(_("Filled in from the authority: %(label)s.")),
                    "missingLanguages": str(
                        _("The authority has no label in %(languages)s: type it by hand.")
                    ),
                    "failed": str(
                        _("The Termennetwerk could not be asked: fill in the fields by hand.")
                    ),
                    "choose": str(_("Use this term")),
                    "broaderSet": str(_("Broader term: %(label)s.")),
                    "broaderMissing": str(
                        _(
                            "The authority's broader term, %(label)s, is not among our "
                            "terms: add it first to link it."
                        )
                    ),
                    "languages": {
                        "nl": str(_("Dutch")),
                        "en": str(_("English")),
                        "fr": str(_("French")),
                    },
                }
            )
            return context
