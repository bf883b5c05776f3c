"""The collection-object picker: a thumbnail per object, and a search that finds part of
a word and ignores accents ("beker" finds "Drinkbeker", "eglise" finds "Église").

Words are folded with the search app's own ``fold`` (search.analysis), so the picker
matches text as the site's search does. Matching is done on the museum's object titles
and inventory numbers in Python: a picker searches one museum's collection (thousands
of short titles), where a database would need an accent-folding extension to do the same.
"""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
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


def objects_matching(query: str, objects: QuerySet) -> QuerySet:
    """Objects whose title or inventory number contains every word of the query."""
    wanted = words(query)
    if not wanted:
        return objects
    ids = [
        pk
        for pk, title, number in objects.values_list("pk", "title", "inventory_number")
        if all(word in fold(f"{title} {number}") for word in wanted)
    ]
    return objects.filter(pk__in=ids)


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
        return super().get_object_list().prefetch_related("images__image")

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
