"""The admin's chooser pop-ups offer a museum's staff only what they may use.

Wagtail's choosers list every page and every snippet row, and their "chosen" endpoints
take any id: staff of museum A could pick museum B's product page, offer or voucher into
one of A's pages, or read B's titles. Here:

- pages: the page chooser's listings and search (`construct_page_chooser_queryset`) keep
  the pages of the user's museums' trees, and opening another museum's page in the
  chooser, or returning it as chosen, is refused (`ChooserGuardMiddleware`);
- snippets with a `museum`: `MuseumScopedViewSet` gives their chooser the scoped views
  below: the user's museums' rows, plus rows marked `shareable` (collection objects,
  which a museum may show in another's exhibitions); any other id is not found;
- images and documents: Wagtail's own collection permissions (each museum's staff may
  choose from their museum's collection: `permissions.grant_staff`), which its chooser
  lists and its chosen views already check per instance.

What the group shares by design (terms, product categories) has no `museum` and stays
shared. The group role chooses from every museum.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from wagtail.models import Page

from .permissions import museums_of, scope_by_pages, scope_queryset, sees_every_museum
from .scoping import page_roots


def choosable(user, queryset: QuerySet, museum_page_path: str | None = None) -> QuerySet:
    """The rows of `queryset` the user may choose: their museums' and shareable ones."""
    if sees_every_museum(user):
        return queryset
    if museum_page_path is not None:
        return scope_by_pages(user, queryset, museum_page_path)
    scoped = scope_queryset(user, queryset)
    if any(field.name == "shareable" for field in queryset.model._meta.fields):
        return queryset.filter(Q(pk__in=scoped.values("pk")) | Q(shareable=True))
    return scoped


def pages_choosable(user, pages: QuerySet) -> QuerySet:
    """Pages in the trees of the user's museums (every page for the group role).

    By path prefix of the museums' roots (and their translations), a filter Wagtail's
    search backends also apply to the chooser's search."""
    if sees_every_museum(user):
        return pages
    inside = Q(pk__in=[])
    for museum in museums_of(user).select_related("site"):
        for path in page_roots(museum).values_list("path", flat=True):
            inside |= Q(path__startswith=path)
    return pages.filter(inside)


def may_open_in_chooser(user, page: Page) -> bool:
    """A page the chooser may browse into: one of the user's museums' pages, or an
    ancestor of their roots (the tree's root, above every museum)."""
    if sees_every_museum(user):
        return True
    if pages_choosable(user, Page.objects.filter(pk=page.pk)).exists():
        return True
    for museum in museums_of(user).select_related("site"):
        if page_roots(museum).filter(path__startswith=page.path).exists():
            return True
    return False


class _ScopedChoose:
    museum_page_path: str | None = None

    def get_object_list(self):
        objects = super().get_object_list()  # type: ignore[misc]
        return choosable(self.request.user, objects, self.museum_page_path)  # type: ignore[attr-defined]


class _ScopedChosen:
    museum_page_path: str | None = None

    def get_object(self, pk):
        rows = choosable(
            self.request.user,  # type: ignore[attr-defined]
            self.model_class._default_manager.all(),  # type: ignore[attr-defined]
            self.museum_page_path,
        )
        return rows.get(pk=pk)


class _ScopedChosenMultiple:
    museum_page_path: str | None = None

    def get_objects(self, pks):
        objects = super().get_objects(pks)  # type: ignore[misc]
        return choosable(self.request.user, objects, self.museum_page_path)  # type: ignore[attr-defined]


def scoped_chooser_viewset(viewset_class: type, museum_page_path: str | None) -> type:
    """`viewset_class` (a SnippetChooserViewSet) with its choose, results and chosen
    views scoped by museum."""
    scoped = {"museum_page_path": museum_page_path}
    attributes: dict[str, object] = {"museum_scoped": True}
    for name, mixin in (
        ("choose_view_class", _ScopedChoose),
        ("choose_results_view_class", _ScopedChoose),
        ("chosen_view_class", _ScopedChosen),
        ("chosen_multiple_view_class", _ScopedChosenMultiple),
    ):
        view = getattr(viewset_class, name)
        attributes[name] = type(f"Museum{view.__name__}", (mixin, view), scoped)
    return type(f"Museum{viewset_class.__name__}", (viewset_class,), attributes)


PAGE_CHOOSER_VIEWS = {"wagtailadmin_choose_page_child", "wagtailadmin_choose_page_chosen_multiple"}


class ChooserGuardMiddleware:
    """Refuses the page chooser's views that take page ids when a page is another
    museum's: browsing into it (`choose-page/<id>/`) or returning it as chosen."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.url_name not in PAGE_CHOOSER_VIEWS:
            return None
        user = request.user
        if sees_every_museum(user):
            return None
        if match.url_name == "wagtailadmin_choose_page_child":
            page = Page.objects.filter(pk=view_kwargs.get("parent_page_id")).first()
            if page is None:
                raise Http404
            if not may_open_in_chooser(user, page):
                raise PermissionDenied
            return None
        ids = [pk for pk in request.GET.getlist("id") if str(pk).isdigit()]
        asked = Page.objects.filter(pk__in=ids)
        if pages_choosable(user, asked).count() != asked.count():
            raise PermissionDenied
        return None
