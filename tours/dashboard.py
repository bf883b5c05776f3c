"""The tours' panel on the museum dashboard (museum_site.dashboard): tours whose
panorama tiling failed, so an editor replaces the file before visitors notice."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from museum_site.dashboard import DashboardEntry, DashboardPanel, edit_url
from tours.models import PanoramaTiles, TourPage


def tours_with_failed_tiling() -> QuerySet[TourPage]:
    return (
        TourPage.objects.filter(scenes__panorama__tiles__status=PanoramaTiles.Status.FAILED)
        .distinct()
        .order_by("title")
    )


class FailedTilingPanel(DashboardPanel):
    name = "failed_tiling"
    order = 80
    title = gettext_lazy("Tours with failed tiling")
    empty_text = gettext_lazy("Every panorama is tiled.")

    def entries(self):
        tours = tours_with_failed_tiling()
        rows = [
            DashboardEntry(tour.title, edit_url(tour), _("replace the damaged panorama"))
            for tour in tours[: self.limit]
        ]
        return tours.count(), rows


TOUR_PANELS = (FailedTilingPanel,)
