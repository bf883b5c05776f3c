"""What the demo museum's facets must say, counted straight from the content models.

Used by the relevance tests of both backends: a facet count is right when it equals the
count of an ORM query for the same filter.
"""

from __future__ import annotations

from django.db.models import Max, Min, QuerySet
from django.db.models.functions import Coalesce

from museum_site import models
from museum_site.models import public_pages
from tours.models import Scene, TourPage

LANGUAGES = ("nl", "en", "fr")


def _century_objects(objects: QuerySet, number: int) -> QuerySet:
    start = (number - 1) * 100 if number > 0 else number * 100
    end = start + 99
    return objects.annotate(
        first=Coalesce("earliest_year", "latest_year"),
        last=Coalesce("latest_year", "earliest_year"),
    ).filter(first__lte=end, last__gte=start)


def orm_facet_counts(language: str) -> dict[str, dict[str, int]]:
    """What the facets must say for a blank query, counted straight from the content."""
    objects = models.CollectionObject.objects.filter(live=True, locale__language_code=language)
    tours = public_pages(TourPage.objects.filter(locale__language_code=language))
    kinds = {
        "story": public_pages(models.StoryPage.objects.filter(locale__language_code=language)),
        "exhibition": public_pages(
            models.ExhibitionPage.objects.filter(locale__language_code=language)
        ),
        "object": objects,
    }
    counts = {"kind": {kind: queryset.count() for kind, queryset in kinds.items()}}
    counts["kind"]["tour"] = tours.count() + Scene.objects.filter(tour__in=tours).count()
    for facet, relation, kind in (
        ("maker", "makers", models.Term.Kind.PERSON),
        ("material", "materials", models.Term.Kind.MATERIAL),
    ):
        counts[facet] = {
            str(term.pk): objects.filter(**{relation: term}).count()
            for term in models.Term.objects.filter(kind=kind)
        }
    years = objects.aggregate(
        low=Coalesce(Min("earliest_year"), Min("latest_year")),
        high=Coalesce(Max("latest_year"), Max("earliest_year")),
    )
    counts["century"] = {
        str(number): _century_objects(objects, number).count()
        for number in range(years["low"] // 100 + 1, years["high"] // 100 + 2)
    }
    return {
        facet: {value: count for value, count in values.items() if count}
        for facet, values in counts.items()
    }
