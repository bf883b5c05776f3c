"""Everything a tour answer needs, fetched in a constant number of queries."""

from django.db.models import Prefetch, QuerySet

from tours import models

HOTSPOT_TARGETS = (
    "target_object__locale",
    "target_story__locale",
    "target_exhibition__locale",
    "target_image",
    "target_media",
)


def tours(queryset: QuerySet) -> QuerySet:
    hotspots = models.Hotspot.objects.select_related(*HOTSPOT_TARGETS)
    scenes = models.Scene.objects.select_related("panorama__tiles", "audio")
    return queryset.select_related("locale").prefetch_related(
        Prefetch("scenes", queryset=scenes),
        "scenes__panorama__renditions",
        Prefetch("scenes__hotspots", queryset=hotspots),
        "scenes__hotspots__target_object__images__image__renditions",
        "scenes__hotspots__target_image__renditions",
        Prefetch("floor_plans", queryset=models.FloorPlan.objects.select_related("image")),
        "floor_plans__image__renditions",
        Prefetch("stops", queryset=models.GuidedStop.objects.select_related("audio")),
    )
