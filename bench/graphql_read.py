"""Requests per second for the exhibition page query, GraphQL against a hand-written view.

Both go through the full Django stack (Django's test client: middleware, URL routing,
JSON encoding) on the same database with the same exhibition of 50 objects. Printed:
GraphQL uncached / hand-written, and GraphQL served from its response cache /
hand-written. Goals: at least 0.5 uncached and 0.9 cached.

    .venv/bin/python bench/graphql_read.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable

import setup_django

HAND_URLCONF = "bench_hand_urls"


def hand_written_exhibition(request, slug: str):
    """What a developer would write without GraphQL: same data, same prefetches."""
    from django.http import JsonResponse

    from museum_site import image_presets, models
    from museum_site.graphql import loaders
    from museum_site.graphql.images import make_rendition
    from museum_site.graphql.rich_text import rich_text_html
    from museum_site.models import public_pages

    queryset = public_pages(
        models.ExhibitionPage.objects.filter(slug=slug, locale__language_code="nl")
    )
    exhibition = loaders.exhibitions(queryset).first()
    card, webp = image_presets.ImagePreset.CARD, image_presets.ImageFormat.WEBP

    def rendition(image, alt):
        result = make_rendition(image, card, webp, alt)
        return {
            "url": result.url,
            "width": result.width,
            "height": result.height,
            "alt": alt,
            "srcSet": result.src_set,
        }

    data = {
        "title": exhibition.title,
        "intro": exhibition.intro,
        "chapters": [
            {
                "heading": chapter.heading,
                "text": rich_text_html(chapter.text),
                "objects": [
                    {
                        "caption": item.caption,
                        "collectionObject": {
                            "title": item.collection_object.title,
                            "inventoryNumber": item.collection_object.inventory_number,
                            "dateText": item.collection_object.date_text,
                            "makers": [
                                {"label": t.label("nl"), "authorityUri": t.authority_uri or None}
                                for t in item.collection_object.makers.all()
                            ],
                            "materials": [
                                {"label": t.label("nl")}
                                for t in item.collection_object.materials.all()
                            ],
                            "images": [
                                {"rendition": rendition(i.image, i.alt)}
                                for i in item.collection_object.images.all()
                            ],
                        },
                    }
                    for item in chapter.exhibited_objects.all()
                ],
            }
            for chapter in exhibition.chapters.all()
        ],
    }
    return JsonResponse({"data": {"exhibition": data}})


QUERY = """query($slug: String!) { exhibition(slug: $slug) { title intro chapters { heading text
  objects { caption collectionObject { title inventoryNumber dateText
    makers { label authorityUri } materials { label }
    images { rendition(preset: CARD, format: WEBP) { url width height alt srcSet } } } } } } }"""


def install_hand_urlconf() -> None:
    import sys
    import types

    from django.urls import include, path

    module = types.ModuleType(HAND_URLCONF)
    module.urlpatterns = [
        path("hand/exhibition/<slug:slug>/", hand_written_exhibition),
        path("", include("museum_site.urls")),
    ]
    sys.modules[HAND_URLCONF] = module


def build_exhibition() -> None:
    from museum_site import models
    from tests.site import builders

    makers = [builders.term(label=f"Maker {i}") for i in range(5)]
    material = builders.term(kind=models.Term.Kind.MATERIAL, label="Olieverf")
    objects = [
        builders.collection_object(makers=makers[i % 5 : i % 5 + 2], materials=[material])
        for i in range(50)
    ]
    builders.exhibition(objects=objects, chapters=5, slug="bench")


def rate(request: Callable[[], object], seconds: float) -> float:
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        request()
        count += 1
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="per measurement round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    setup_django.start()
    install_hand_urlconf()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    settings.ROOT_URLCONF = HAND_URLCONF
    build_exhibition()
    client = Client()
    body = json.dumps({"query": QUERY, "variables": {"slug": "bench"}})
    params = {"query": QUERY, "variables": json.dumps({"slug": "bench"})}

    def hand():
        response = client.get("/hand/exhibition/bench/")
        assert response.status_code == 200

    def graphql_uncached():
        response = client.post("/graphql/", body, content_type="application/json")
        assert response.status_code == 200 and b'"errors"' not in response.content[:20]

    def graphql_cached():
        response = client.get("/graphql/", params)
        assert response.status_code == 200

    hand_data = json.loads(client.get("/hand/exhibition/bench/").content)
    graphql_uncached()  # makes the renditions
    gql_data = json.loads(client.post("/graphql/", body, content_type="application/json").content)
    if hand_data != gql_data:
        import pprint

        pprint.pprint(gql_data)
        pprint.pprint(hand_data)
        raise SystemExit("the hand-written view must answer the same JSON")

    results: dict[str, list[float]] = {"hand": [], "uncached": [], "cached": []}
    config = settings.VITRINE_GRAPHQL
    for _ in range(args.rounds):  # interleaved rounds: a noisy machine affects all alike
        results["hand"].append(rate(hand, args.seconds))
        settings.VITRINE_GRAPHQL = {**config, "RESPONSE_CACHE_SECONDS": 0}
        results["uncached"].append(rate(graphql_uncached, args.seconds))
        settings.VITRINE_GRAPHQL = config
        cache.clear()
        results["cached"].append(rate(graphql_cached, args.seconds))

    median = {name: statistics.median(values) for name, values in results.items()}
    print(f"exhibition with 50 objects, {args.rounds} rounds of {args.seconds:.1f}s, medians:")
    print(f"  hand-written view      {median['hand']:8.1f} req/s")
    print(f"  GraphQL, uncached      {median['uncached']:8.1f} req/s")
    print(f"  GraphQL, from cache    {median['cached']:8.1f} req/s")
    print(f"ratio uncached/hand: {median['uncached'] / median['hand']:.2f} (goal >= 0.50)")
    print(f"ratio cached/hand:   {median['cached'] / median['hand']:.2f} (goal >= 0.90)")


if __name__ == "__main__":
    main()
