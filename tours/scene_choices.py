"""The tour editor without technical keys: scenes are chosen by title, keys made for them.

A hotspot (or a guided stop) refers to a scene by its key, because the rows live in one
page's cluster, unsaved while the editor works (tours.models). The editor never sees
the key: each scene's key is a hidden field, filled from its title by
``tours/js/scene-choices.js`` (and by ``Scene.clean`` when the script did not run), and
a hotspot's target is a list of the tour's scenes by title, including scenes added in
the same session, which only the page in the browser knows; the script fills it.
"""

from __future__ import annotations

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

SCENE_KEY_MAX_LENGTH = 64


def key_from_title(title: str, taken: set[str]) -> str:
    """A slug of the title, unique among ``taken``: "Grote zaal" -> "grote-zaal"."""
    base = slugify(title)[: SCENE_KEY_MAX_LENGTH - 4] or "scene"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


class SceneKeyInput(forms.HiddenInput):
    """The scene's key, kept out of sight; the script fills it from the title."""

    def __init__(self) -> None:
        super().__init__(attrs={"data-scene-key": ""})


class SceneChoiceSelect(forms.Select):
    """A list of the tour's scenes by title, filled in the browser from the scene forms.

    Rendered with the present value only, so a saved choice survives even before the
    script runs; the page's clean() checks the key belongs to the tour.
    """

    def __init__(self) -> None:
        super().__init__(attrs={"data-scene-choice": ""})

    def get_context(self, name, value, attrs):
        self.choices = [("", _("Choose a scene"))] + ([(value, value)] if value else [])
        return super().get_context(name, value, attrs)


class TourPageForm(WagtailAdminPageForm):
    """Scene keys are not required in the form: an empty one is made from the title."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scenes = self.formsets.get("scenes")
        if scenes is not None:
            for form in [*scenes.forms, scenes.empty_form]:
                if "key" in form.fields:
                    form.fields["key"].required = False
