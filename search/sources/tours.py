"""Virtual tours as search documents: the tour, and each of its scenes.

A scene is where a visitor stands, so it is a result of its own (kind TOUR, anchored by
its key): a search for an object finds the scene whose hotspot points at it. The tour's
document has its intro and scene titles; a scene's has its title, the tour's title as a
label, its description, transcript and hotspot labels as body, and the titles and makers
of the objects its hotspots lead to as related text. Hotspot labels are plain text for
viewers (tours.text) and are indexed the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from django.db.models import Prefetch

from museum_site.models import CollectionObject, Term
from museum_site.visibility import indexable_pages, is_visible_now
from search import registry
from search.registry import Document, Field, SearchKind, SearchSource, Watch
from search.sources.museum import objects_with_term, page_tree_watches, page_url_path, term_names
from tours.models import Hotspot, Scene, TourPage
from tours.text import plain_text


def build_tours(ids: Sequence[int]) -> Iterator[Document]:
    hotspots = Hotspot.objects.select_related("target_object").prefetch_related(
        "target_object__makers"
    )
    tours = (
        indexable_pages(TourPage.objects.filter(pk__in=ids))
        .select_related("locale")
        .prefetch_related(
            Prefetch("scenes", queryset=Scene.objects.select_related("panorama")),
            Prefetch("scenes__hotspots", queryset=hotspots),
        )
    )
    for tour in tours:
        language = tour.locale.language_code
        url_path = page_url_path(tour)
        scenes = list(tour.scenes.all())
        first = scenes[0].panorama if scenes else None
        yield Document(
            kind=SearchKind.TOUR,
            source=tour,
            locale=language,
            title=tour.title,
            fields={
                Field.TITLE: [tour.title],
                Field.BODY: [tour.intro, *(scene.title for scene in scenes)],
            },
            text=tour.intro,
            slug=tour.slug,
            url_path=url_path,
            expires_at=tour.expire_at,
            visible_from=tour.go_live_at,
            image_id=first.pk if first else None,
            image_alt=first.default_alt_text if first else "",
        )
        for scene in scenes:
            labels = [plain_text(hotspot.label) for hotspot in scene.hotspots.all()]
            targets = [
                hotspot.target_object
                for hotspot in scene.hotspots.all()
                if is_visible_now(hotspot.target_object)
            ]
            related = []
            for obj in targets:
                related.append(obj.title)
                related += [name for term in obj.makers.all() for name in term_names(term)]
            yield Document(
                kind=SearchKind.TOUR,
                source=tour,
                anchor=scene.key,
                locale=language,
                title=f"{tour.title}: {scene.title}",
                fields={
                    Field.TITLE: [scene.title],
                    Field.LABELS: [tour.title],
                    Field.BODY: [scene.description, scene.audio_transcript, *labels],
                    Field.RELATED: related,
                },
                text=scene.description,
                slug=tour.slug,
                url_path=url_path,
                expires_at=tour.expire_at,
                visible_from=tour.go_live_at,
                image_id=scene.panorama_id,
                image_alt=scene.panorama.default_alt_text,
            )


def tours_pointing_at(object_ids: Iterable[int]) -> Iterable[int]:
    return (
        Hotspot.objects.filter(target_object_id__in=list(object_ids))
        .values_list("scene__tour_id", flat=True)
        .distinct()
    )


def register_sources() -> None:
    registry.register(
        SearchSource(
            kind=SearchKind.TOUR,
            model=TourPage,
            build=build_tours,
            watches=(
                *page_tree_watches(TourPage),
                Watch(CollectionObject, lambda obj: tours_pointing_at([obj.pk])),
                Watch(Term, lambda term: tours_pointing_at(objects_with_term(term))),
            ),
        )
    )
