"""What every page of the museum shares."""

from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import Orderable, Page
from wagtail_headless_preview.models import HeadlessPreviewMixin

from museum_site.visibility import public_pages

from .copying import CopiesNestedRows

__all__ = ["MuseumPage", "number_unordered_rows", "public_pages"]


def number_unordered_rows(instance: ClusterableModel) -> None:
    """Give child rows without a sort order the next numbers, in their current order.

    Rows made in code (the demo, imports) have none, and Wagtail's editor numbers only
    the forms that changed; with several unnumbered rows, which comes first depended on
    the database (NULLs sort first on SQLite, last on PostgreSQL) - and the first scene
    is where a tour starts.
    """
    for relation in get_all_child_relations(instance):
        rows = list(getattr(instance, relation.get_accessor_name()).all())
        if rows and isinstance(rows[0], Orderable):
            following = (
                max((row.sort_order for row in rows if row.sort_order is not None), default=-1) + 1
            )
            for row in rows:
                if row.sort_order is None:
                    row.sort_order, following = following, following + 1
        for row in rows:
            if isinstance(row, ClusterableModel):
                number_unordered_rows(row)


class MuseumPage(CopiesNestedRows, HeadlessPreviewMixin, Page):
    """A page served by the headless frontend: Wagtail's preview opens it with a token."""

    def full_clean(self, *args, **kwargs) -> None:
        number_unordered_rows(self)
        super().full_clean(*args, **kwargs)

    class Meta:
        abstract = True
