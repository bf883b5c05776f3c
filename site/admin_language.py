"""Admin labels in the editor's language where Wagtail fixes them in the default one.

Wagtail's ``ChooserViewSet`` spells its labels with the eager ``gettext`` as class
attributes ("Choose", "Search", …), so they are translated once, when Wagtail is
imported, into LANGUAGE_CODE: with our Dutch default an English admin showed "Zoeken"
on the image chooser's tab and "Kies collection object" over the object chooser.
Making them lazy translates them per request. A new editor can choose the admin
language without first filling in a first and last name. Wagtail's login form leaves the password
field without a label, so Django shows its field name, "Password", in every language.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm

CHOOSER_LABELS = {
    "choose_one_text": "Choose",
    "choose_another_text": "Choose another",
    "edit_item_text": "Edit",
    "search_tab_label": "Search",
    "create_action_label": "Create",
}


def make_chooser_labels_lazy() -> None:
    """Called from the app's ready(), before Wagtail builds its chooser viewsets."""
    from wagtail.admin.viewsets import viewsets
    from wagtail.admin.viewsets.chooser import ChooserViewSet

    for attribute, text in CHOOSER_LABELS.items():
        setattr(ChooserViewSet, attribute, gettext_lazy(text))
    # Chooser viewsets registered before this ran (snippets registered while apps load)
    # copied the eager title into their own attribute: give them the lazy one.
    for viewset in viewsets.viewsets:
        eager = isinstance(viewset, ChooserViewSet) and isinstance(viewset.page_title, str)
        if eager and type(viewset).page_title is None:
            viewset.page_title = viewset.choose_one_text


def names_are_optional_in_the_account_form() -> None:
    """A new editor picks the admin language before (or without) giving a name.

    Wagtail's account page saves all its panels together, and its name form requires a
    first and last name: an editor without them could not change the language.
    """
    from wagtail.admin.forms.account import NameEmailForm

    for name in ("first_name", "last_name"):
        NameEmailForm.base_fields[name].required = False


class MuseumLoginForm(LoginForm):
    """Wagtail's login form with a translated label on the password field."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = gettext_lazy("Password")
