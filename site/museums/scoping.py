"""What belongs to a museum, as query filters: the one place pages and rows are scoped.

A museum's pages are its site's root page and everything under it, in every language:
with wagtail-localize a translation of the root is a sibling tree of its own, sharing the
root's `translation_key`. The filter is one `EXISTS` subquery (a root of that key whose
path starts the page's path), so scoping a list costs no extra query.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from .models import Museum


def page_roots(museum: Museum) -> QuerySet:
    """The museum's root page and its translations."""
    key = Page.objects.filter(pk=museum.site.root_page_id).values("translation_key")[:1]
    return Page.objects.filter(translation_key=Subquery(key))


def in_museum_pages(museum: Museum, prefix: str = "") -> Q:
    """Filter for pages (or rows whose page is at `prefix`) under the museum's roots."""
    roots = page_roots(museum).filter(path=Substr(OuterRef(f"{prefix}path"), 1, Length("path")))
    return Q(Exists(roots))


def pages_of(museum: Museum, queryset: QuerySet) -> QuerySet:
    return queryset.filter(in_museum_pages(museum))


def rows_of(museum: Museum, queryset: QuerySet) -> QuerySet:
    """Rows with a `museum` foreign key that are this museum's."""
    return queryset.filter(museum=museum)
