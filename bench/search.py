"""Search latency on 20,000 collection objects, against a plain icontains query, same run.

Generates 20,000 objects (Dutch titles from a museum vocabulary, descriptions drawn from
the words of the demo museum's texts with their Zipf frequencies, 300 makers, 40
materials, dates from 1300 to 1900), indexes them with the search app, and
times typical visitor queries: count, first page of 20 with snippets, and every facet,
as the GraphQL `search` field asks for them. The baseline is what one would write without
a search app: `icontains` on title and description for every word, its count and first
page, on the same rows in the same run. It is printed twice: plain, and with the same
facet counts done by the ORM.

Products are not generated: the shop does not register products with the search yet.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vitrine_bench .venv/bin/python bench/search.py

Goals (issue 5): p95 under 50 ms for the facet queries, and faster than the baseline.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Callable

import setup_django


def words(text: str) -> list[str]:
    return text.split()


NOUNS = words(
    "portret vaas kom beker schotel kan kandelaar bokaal miskelk kazuifel wandtapijt "
    "landschap stilleven altaarstuk drieluik paneel tekening prent studie buste beeld "
    "kruis reliekhouder schaal lepel theepot koffiekan tegel bord fles roemer spiegel "
    "kist kast stoel klok medaille munt zegel boek handschrift kaart gezicht interieur"
)
ADJECTIVES = words(
    "zilveren gouden koperen houten glazen blauwe rode groene witte kleine grote oude "
    "vergulde beschilderde gegraveerde geborduurde Gentse Brugse Antwerpse Vlaamse"
)
MATERIALS = words(
    "olieverf paneel eikenhout doek zilver goud koper brons messing glas porselein "
    "aardewerk ivoor marmer hout wol zijde linnen papier inkt krijt perkament leder "
    "tin lood ijzer email parelmoer barnsteen albast terracotta gips was koraal "
    "schildpad been hoorn git lapis kristal"
)
FIRST_NAMES = words(
    "Jan Pieter Joos Hendrik Gillis Lieven Frans Adriaen Cornelis Maarten Anna Clara Maria "
    "Catharina Johanna Lucas Jacob Willem Simon Gerard"
)
SURNAMES = words(
    "Claeys De Smet Peeters Janssens Maes Jacobs Mertens Willems Goossens Wouters De Vos "
    "Verhaeghe Van Damme Baert Coppens"
)
SUBJECTS = (
    "een jonge vrouw",
    "een man met hoed",
    "de heilige Hiëronymus",
    "de Madonna",
    "schaatsers",
    "een boerenbruiloft",
    "de aanbidding der koningen",
    "een jachttafereel",
    "bloemen en vruchten",
    "de Leie",
    "een stadsgezicht",
    "een gildemaaltijd",
    "de kruisafneming",
)


def vocabulary() -> tuple[list[str], list[float]]:
    """The Dutch words of the demo museum's texts, with Zipf weights by frequency rank, so
    that generated descriptions have the word frequencies of real ones."""
    from museum_site.demo.objects import OBJECTS
    from museum_site.demo.records import Text
    from museum_site.demo.stories import STORIES

    counts: Counter[str] = Counter()

    def walk(value: object) -> None:
        if isinstance(value, Text):
            counts.update(re.findall(r"[^\W\d_]+", re.sub(r"<[^>]+>", " ", value.nl).lower()))
        elif dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name))
        elif isinstance(value, tuple):
            for item in value:
                walk(item)

    walk((OBJECTS, STORIES))
    ranked = [word for word, _count in counts.most_common()]
    return ranked, [1 / rank for rank in range(1, len(ranked) + 1)]


# What visitors type: an object type, two words, a rare word, a maker, words from the
# descriptions, and searches narrowed by a facet.
QUERIES = [
    ("portret", {}),
    ("zilveren beker", {}),
    ("gildemaaltijd", {}),
    ("Claeys", {}),
    ("restauratie vernis", {}),
    ("schilderij", {}),
    ("porselein", {"century": ["17"]}),
    ("landschap", {"maker": ["MAKER"]}),
]


def generate(count: int, seed: int = 5) -> None:
    """`count` live Dutch objects with makers, materials and dates, written in bulk."""
    from django.db import transaction
    from wagtail.models import Locale

    from museum_site.models import CollectionObject, Term

    rng = random.Random(seed)
    locale, _ = Locale.objects.get_or_create(language_code="nl")
    with transaction.atomic():
        names = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
        makers = Term.objects.bulk_create(
            Term(kind=Term.Kind.PERSON, label_nl=name, label_en=name)
            for name in rng.sample(names, 300)
        )
        vocabulary_words, weights = vocabulary()
        materials = Term.objects.bulk_create(
            Term(kind=Term.Kind.MATERIAL, label_nl=name, label_en=name) for name in MATERIALS
        )
        objects = []
        for index in range(count):
            earliest = rng.randint(1300, 1880)
            title = (
                f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} met "
                f"{rng.choice(SUBJECTS)}"
            )
            description = " ".join(rng.choices(vocabulary_words, weights, k=rng.randint(25, 60)))
            objects.append(
                CollectionObject(
                    title=title[:255],
                    inventory_number=f"B.{index:06d}",
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    live=True,
                    description=f"<p>{description}.</p>",
                    date_text=str(earliest),
                    earliest_year=earliest,
                    latest_year=earliest + rng.randint(0, 40),
                )
            )
        objects = CollectionObject.objects.bulk_create(objects, batch_size=2000)
        maker_rows = [
            CollectionObject.makers.through(
                collectionobject_id=obj.pk, term_id=rng.choice(makers).pk
            )
            for obj in objects
            if rng.random() < 0.8
        ]
        material_rows = [
            CollectionObject.materials.through(collectionobject_id=obj.pk, term_id=term.pk)
            for obj in objects
            for term in rng.sample(materials, rng.randint(1, 3))
        ]
        CollectionObject.makers.through.objects.bulk_create(maker_rows, batch_size=5000)
        CollectionObject.materials.through.objects.bulk_create(material_rows, batch_size=5000)


def search_with_facets(text: str, filters: dict) -> None:
    from search.services import search

    results = search(text, "nl", filters=filters)
    results.count()
    results[0:20]
    results.facets()


def icontains(text: str, filters: dict, *, facets: bool) -> None:
    """The baseline: every word somewhere in the title or description, no ranking."""
    from django.db.models import Count, Q

    from museum_site.models import CollectionObject

    queryset = CollectionObject.objects.filter(live=True, locale__language_code="nl")
    for word in text.split():
        queryset = queryset.filter(Q(title__icontains=word) | Q(description__icontains=word))
    if "maker" in filters:
        queryset = queryset.filter(makers__in=filters["maker"])
    if "century" in filters:
        start = (int(filters["century"][0]) - 1) * 100
        queryset = queryset.filter(earliest_year__lte=start + 99, latest_year__gte=start)
    queryset.count()
    list(queryset.order_by("title", "pk")[:20])
    if facets:
        ids = queryset.values("pk")
        for relation in ("makers", "materials"):
            list(
                CollectionObject.objects.filter(pk__in=ids)
                .values(f"{relation}__pk")
                .annotate(count=Count("pk"))
                .order_by("-count")[:50]
            )


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def measure(run: Callable[[str, dict], None], queries: list, rounds: int) -> list[float]:
    for text, filters in queries:  # warm the caches and the planner
        run(text, filters)
    samples = []
    for _ in range(rounds):
        for text, filters in queries:
            started = time.perf_counter()
            run(text, filters)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=20)
    options = parser.parse_args()

    setup_django.start()
    from django.db import connection

    from museum_site.models import Term
    from search.indexing import rebuild

    started = time.perf_counter()
    generate(options.objects)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    written = rebuild()
    indexed = time.perf_counter() - started
    maker = str(Term.objects.filter(kind=Term.Kind.PERSON).order_by("pk").first().pk)
    queries = [
        (text, {name: [maker if v == "MAKER" else v for v in values] for name, values in f.items()})
        for text, f in QUERIES
    ]
    print(
        f"{connection.vendor}: {options.objects} objects generated in {generated:.1f} s, "
        f"{sum(written.values())} documents indexed in {indexed:.1f} s"
    )
    measured = {
        "search (count, page, facets)": measure(search_with_facets, queries, options.rounds),
        "icontains (count, page)": measure(
            lambda t, f: icontains(t, f, facets=False), queries, options.rounds
        ),
        "icontains + ORM facets": measure(
            lambda t, f: icontains(t, f, facets=True), queries, options.rounds
        ),
    }
    for label, samples in measured.items():
        p50, p95 = percentiles(samples)
        print(f"{label:30} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   ({len(samples)} queries)")
    search_p50, search_p95 = percentiles(measured["search (count, page, facets)"])
    for baseline in ("icontains (count, page)", "icontains + ORM facets"):
        base_p50, base_p95 = percentiles(measured[baseline])
        print(
            f"search / {baseline}: p50 {search_p50 / base_p50:.2f}, p95 {search_p95 / base_p95:.2f}"
        )
    from search.services import search

    print("per query: results, search p95 / icontains (count, page) p95")
    for text, filters in queries:
        ours = percentiles(measure(search_with_facets, [(text, filters)], options.rounds))[1]
        plain = percentiles(
            measure(lambda t, f: icontains(t, f, facets=False), [(text, filters)], options.rounds)
        )[1]
        found = search(text, "nl", filters=filters).count()
        print(f"  {text!r:22} {filters!s:20} {found:6} results {ours:6.1f} ms / {plain:6.1f} ms")


if __name__ == "__main__":
    main()
