"""What every page of the museum shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
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


def seo_panels(*fields: str) -> list:
    """The "For search engines and sharing" fields with the share preview below them."""
    from museum_site.share_preview import SharePreviewPanel

    return [
        MultiFieldPanel(
            [FieldPanel(name) for name in fields]
            + [
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("share_image"),
            ],
            _("For search engines and sharing"),
        ),
        SharePreviewPanel(),
    ]


class MuseumPage(CopiesNestedRows, HeadlessPreviewMixin, Page):
    """A page served by the headless frontend: Wagtail's preview opens it with a token."""

    share_image = models.ForeignKey(
        "museum_site.MuseumImage",
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The picture of this page on social networks (cropped to 1200 × 630); "
            "empty: its hero image."
        ),
    )

    promote_panels = [
        *seo_panels("slug"),
        MultiFieldPanel([FieldPanel("show_in_menus")], _("For site menus")),
    ]

    def full_clean(self, *args, **kwargs) -> None:
        number_unordered_rows(self)
        super().full_clean(*args, **kwargs)

    class Meta:
        abstract = True
