"""The collection-object picker: a thumbnail per object, and a search that finds what
the site's search finds (typos, synonyms, other languages' names: search.services'
``search_objects``), part of a word and without accents ("beker" finds "Drinkbeker",
"eglise" finds "Église"), the admin language's objects first.

The search app ranks the published objects it indexed; an object it does not hold (a
draft, one saved a moment ago) or a part of a compound word it does not split is still
found by the folded text of its title and inventory number (the search app's ``fold``),
after the ranked ones. A picker searches one museum's collection (thousands of short
titles), small enough to match in Python, where a database would need an accent-folding
extension to do the same.
"""

from __future__ import annotations

from django import forms
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)

from search.analysis import fold, words
from search.services import SearchInputError, search_objects

SEARCH_LANGUAGES = ("nl", "en", "fr")
RANKED_RESULTS = 200  # a picker shows the first page; ranks beyond this add nothing


def admin_language() -> str:
    language = (translation.get_language() or "nl").split("-")[0]
    return language if language in SEARCH_LANGUAGES else "nl"


def _ranked_inventory_numbers(query: str, language: str) -> list[str]:
    """The search app's answer, best first, as inventory numbers: in the admin language,
    then in the others (a Dutch title's typo is corrected by the Dutch spelling list
    also when the admin speaks English)."""
    ranked: list[str] = []
    others = [code for code in SEARCH_LANGUAGES if code != language]
    for code in (language, *others):
        try:
            results = search_objects(query, code)[0:RANKED_RESULTS]
        except SearchInputError:
            return ranked
        ranked.extend(result.slug for result in results if result.slug not in ranked)
    return ranked


def objects_matching(query: str, objects: QuerySet, language: str | None = None) -> QuerySet:
    """The objects the search app finds for the query, then those whose title or
    inventory number contains every word of it; the admin language's first."""
    wanted = words(query)
    if not wanted:
        return objects
    language = language or admin_language()
    rank = {
        number: place for place, number in enumerate(_ranked_inventory_numbers(query, language))
    }
    found: list[tuple[int, int, str, int]] = []
    rows = objects.values_list("pk", "title", "inventory_number", "locale__language_code")
    for pk, title, number, code in rows:
        place = rank.get(number)
        if place is None:
            if not all(word in fold(f"{title} {number}") for word in wanted):
                continue
            place = len(rank)
        found.append((0 if code == language else 1, place, fold(title), pk))
    order = [pk for *_key, pk in sorted(found)]
    return objects.filter(pk__in=order).order_by(
        Case(
            *(When(pk=pk, then=Value(place)) for place, pk in enumerate(order)),
            output_field=IntegerField(),
        )
    )


class ObjectSearchForm(LocaleFilterMixin, BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            objects = objects_matching(query, objects)
            self.is_searching = True
            self.search_query = query
        return objects


class ThumbnailColumn(Column):
    def get_value(self, instance):
        image = next(iter(instance.images.all()), None)
        if image is None:
            return ""
        rendition = image.image.get_rendition("fill-60x60")
        return format_html('<img src="{}" width="60" height="60" alt="">', rendition.url)


class _ObjectChooseMixin:
    filter_form_class = ObjectSearchForm

    def get_object_list(self):
        """The admin language's objects first, also before anything is typed."""
        objects = super().get_object_list().prefetch_related("images__image")
        other_language = Case(
            When(locale__language_code=admin_language(), then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return objects.order_by(other_language, *(objects.query.order_by or ["title"]))

    @property
    def columns(self):
        return [ThumbnailColumn("thumbnail", label=_("Image")), *super().columns]


class ObjectChooseView(_ObjectChooseMixin, ChooseView):
    pass


class ObjectChooseResultsView(_ObjectChooseMixin, ChooseResultsView):
    pass


class CollectionObjectChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ObjectChooseView
    choose_results_view_class = ObjectChooseResultsView
