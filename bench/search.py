"""Search latency at 20,000 and 200,000 documents (objects and products), against plain
icontains queries, same run.

At each size (`--sizes`, default 20000,200000; one run grows the collection from one to
the next and rebuilds the index) it generates objects up to the size (Dutch titles from a museum vocabulary, descriptions drawn from
the words of the demo museum's texts with their Zipf frequencies, 300 makers, 40
materials, 6 periods, dates from 1300 to 1900) and 1,000 shop products (replicas,
posters, books... of those objects, in 6 categories, 1 to 3 variants priced from 2 to
250 EUR, one in eight sold out), indexes them with the search app, and times typical
visitor queries: count, first page of 20 with snippets, and every facet, as the GraphQL
`search` field asks for them. The baseline is what one would write without a search app:
`icontains` on title and description for every word, over objects and over products,
each with its filters, count and first page, on the same rows in the same run. It is
printed twice: plain, and with the same facet counts done by the ORM.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vitrine_bench .venv/bin/python bench/search.py

Goals (issue 5): p95 under 50 ms for the facet queries, and faster than the baseline.
Issue 20: the same at 200,000 documents, growth under x3 for 10x the data, indexing that
grows linearly.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
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
    """The Dutch words of the demo museum's texts, with cumulative Zipf weights by frequency
    rank, so that generated descriptions have the word frequencies of real ones."""
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
    # Cumulative weights: `choices` would add up plain weights again at every call, which
    # at 200,000 descriptions took minutes.
    return ranked, list(itertools.accumulate(1 / rank for rank in range(1, len(ranked) + 1)))


PERIODS = words("gotiek renaissance maniërisme barok rococo classicisme")
PRODUCT_KINDS = (
    ("replica", "Replica van", (35, 250)),
    ("poster", "Poster", (8, 30)),
    ("boeken", "Catalogus", (20, 60)),
    ("postkaarten", "Postkaart", (1, 4)),
    ("textiel", "Sjaal met", (25, 90)),
    ("juwelen", "Broche naar", (15, 140)),
)

# What visitors type: an object type, two words, a rare word, a maker, words from the
# descriptions, searches narrowed by a facet, and shop searches by category, price and
# stock.
QUERIES = [
    ("portret", {}),
    ("zilveren beker", {}),
    ("gildemaaltijd", {}),
    ("Claeys", {}),
    ("restauratie vernis", {}),
    ("schilderij", {}),
    ("porselein", {"century": ["17"]}),
    ("landschap", {"maker": ["MAKER"]}),
    ("beker", {"period": ["PERIOD"]}),
    ("replica", {"in_stock": ["true"]}),
    ("poster", {"price_band": ["10-25"]}),
    ("", {"category": ["boeken"], "in_stock": ["true"]}),
]


def generate(count: int, products: int, seed: int = 5, start: int = 0) -> None:
    """`count` live Dutch objects with makers, materials, periods and dates, and
    `products` published products of them, written in bulk where Django allows it.
    Inventory numbers start at `start`, so a second call adds to the first."""
    from decimal import Decimal

    from django.db import transaction
    from wagtail.models import Locale

    from museum_site.models import CollectionObject, HomePage, Term
    from shop.models import ProductCategory, ProductIndexPage, ProductPage, ProductVariant, Stock

    rng = random.Random(seed + start)
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
        periods = Term.objects.bulk_create(
            Term(kind=Term.Kind.PERIOD, label_nl=name, label_en=name) for name in PERIODS
        )
        objects = []
        for index in range(count):
            earliest = rng.randint(1300, 1880)
            title = (
                f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} met "
                f"{rng.choice(SUBJECTS)}"
            )
            description = " ".join(
                rng.choices(vocabulary_words, cum_weights=weights, k=rng.randint(25, 60))
            )
            objects.append(
                CollectionObject(
                    title=title[:255],
                    inventory_number=f"B.{start + index:06d}",
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
        # Periods follow the dating: roughly one per object, as a register would have it.
        period_rows = [
            CollectionObject.periods.through(
                collectionobject_id=obj.pk,
                term_id=periods[min(len(periods) - 1, max(0, (obj.earliest_year - 1400) // 80))].pk,
            )
            for obj in objects
        ]
        CollectionObject.makers.through.objects.bulk_create(maker_rows, batch_size=5000)
        CollectionObject.materials.through.objects.bulk_create(material_rows, batch_size=5000)
        CollectionObject.periods.through.objects.bulk_create(period_rows, batch_size=5000)

        if not products:
            return
        categories = {
            slug: ProductCategory.objects.create(slug=slug, name_nl=slug.capitalize())
            for slug, _title, _prices in PRODUCT_KINDS
        }
        home = HomePage.objects.filter(locale=locale).first()
        shelf = home.add_child(instance=ProductIndexPage(title="Winkel", slug="winkel"))
        variant_rows = []
        for index in range(products):
            slug, prefix, (low, high) = rng.choice(PRODUCT_KINDS)
            obj = rng.choice(objects)
            page = shelf.add_child(
                instance=ProductPage(
                    title=f"{prefix} {obj.title[0].lower()}{obj.title[1:]}"[:255],
                    slug=f"product-{index}",
                    intro=f"Naar {obj.title.lower()} uit de collectie.",
                    description=f"<p>{' '.join(rng.choices(vocabulary_words, cum_weights=weights, k=20))}</p>",
                    category=categories[slug],
                    reproduces=obj,
                    live=True,
                    locale=locale,
                )
            )
            for number in range(rng.randint(1, 3)):
                price = Decimal(round(low * (high / low) ** rng.random(), 2))
                variant_rows.append(
                    ProductVariant(
                        product=page,
                        sku=f"B-{index}-{number}",
                        gross_price=price,
                        sort_order=number,
                    )
                )
        variants = ProductVariant.objects.bulk_create(variant_rows, batch_size=2000)
        Stock.objects.bulk_create(
            Stock(variant=variant, quantity=0 if rng.random() < 0.125 else rng.randint(1, 20))
            for variant in variants
        )


def search_with_facets(text: str, filters: dict) -> None:
    from search.services import search

    results = search(text, "nl", filters=filters)
    results.count()
    results[0:20]
    results.facets()


def icontains(text: str, filters: dict, *, facets: bool) -> None:
    """The baseline: every word somewhere in the title or description, no ranking, over
    objects (with the object filters) and over products (with the shop's filters)."""
    from django.db.models import Count, Exists, F, OuterRef, Q

    from museum_site.models import CollectionObject, public_pages
    from shop.models import ProductPage, ProductVariant

    shop_filters = {"category", "price_band", "in_stock"}
    if not set(filters) & shop_filters:
        queryset = CollectionObject.objects.filter(live=True, locale__language_code="nl")
        for word in text.split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(description__icontains=word))
        if "maker" in filters:
            queryset = queryset.filter(makers__in=filters["maker"])
        if "period" in filters:
            queryset = queryset.filter(periods__in=filters["period"])
        if "century" in filters:
            start = (int(filters["century"][0]) - 1) * 100
            queryset = queryset.filter(earliest_year__lte=start + 99, latest_year__gte=start)
        queryset.count()
        list(queryset.order_by("title", "pk")[:20])
        if facets:
            ids = queryset.values("pk")
            for relation in ("makers", "materials", "periods"):
                list(
                    CollectionObject.objects.filter(pk__in=ids)
                    .values(f"{relation}__pk")
                    .annotate(count=Count("pk"))
                    .order_by("-count")[:50]
                )
    if set(filters) - shop_filters:
        return  # object facets: no product has them
    products = public_pages(ProductPage.objects.filter(locale__language_code="nl"))
    for word in text.split():
        products = products.filter(Q(title__icontains=word) | Q(intro__icontains=word))
    if "category" in filters:
        products = products.filter(category__slug__in=filters["category"])
    variants = ProductVariant.objects.filter(product_id=OuterRef("pk"))
    if "in_stock" in filters:
        available = Exists(variants.filter(stock__quantity__gt=F("stock__allocated")))
        products = products.filter(available if filters["in_stock"] == ["true"] else ~available)
    if "price_band" in filters:
        low, _, high = filters["price_band"][0].partition("-")
        priced = variants.filter(gross_price__gte=low)
        products = products.filter(Exists(priced.filter(gross_price__lt=high) if high else priced))
    products.count()
    list(products.order_by("title", "pk")[:20])
    if facets:
        list(products.values("category").annotate(count=Count("pk")).order_by("-count"))


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


def run_size(size: int, products: int, generated_before: int, rounds: int) -> dict:
    """Grow the collection to `size` documents, rebuild the index, measure; the figures."""
    from django.db import connection

    from museum_site.models import Term
    from search.indexing import rebuild
    from search.services import search

    started = time.perf_counter()
    new_products = 0 if generated_before else products
    generate(size - generated_before - new_products, new_products, start=generated_before)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    written = rebuild()
    indexed = time.perf_counter() - started
    chosen = {
        placeholder: str(Term.objects.filter(kind=kind).order_by("pk").first().pk)
        for placeholder, kind in (("MAKER", Term.Kind.PERSON), ("PERIOD", Term.Kind.PERIOD))
    }
    queries = [
        (text, {name: [chosen.get(v, v) for v in values] for name, values in f.items()})
        for text, f in QUERIES
    ]
    documents = sum(written.values())
    print(
        f"\n{connection.vendor}, {documents} documents: generated in {generated:.1f} s, "
        f"indexed in {indexed:.1f} s ({indexed / documents * 1000:.2f} ms per document)"
    )
    measured = {
        "search (count, page, facets)": measure(search_with_facets, queries, rounds),
        "icontains (count, page)": measure(
            lambda t, f: icontains(t, f, facets=False), queries, rounds
        ),
        "icontains + ORM facets": measure(
            lambda t, f: icontains(t, f, facets=True), queries, rounds
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
    print("per query: results (~: estimated from a sample), search p95 / icontains p95")
    for text, filters in queries:
        ours = percentiles(measure(search_with_facets, [(text, filters)], rounds))[1]
        plain = percentiles(
            measure(lambda t, f: icontains(t, f, facets=False), [(text, filters)], rounds)
        )[1]
        results = search(text, "nl", filters=filters)
        found = f"{'~' if results.approximate else ' '}{results.count()}"
        print(f"  {text!r:22} {filters!s:20} {found:>7} results {ours:6.1f} ms / {plain:6.1f} ms")
    return {"documents": documents, "indexed": indexed, "p50": search_p50, "p95": search_p95}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="20000,200000",
        help="Documents to measure at, smallest first, comma-separated (one run grows "
        "the collection from one size to the next).",
    )
    parser.add_argument("--products", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=20)
    options = parser.parse_args()
    sizes = sorted(int(size) for size in options.sizes.split(","))

    created = setup_django.start()
    figures = []
    generated = 0
    try:
        for size in sizes:
            figures.append(run_size(size, options.products, generated, options.rounds))
            generated = size
    finally:
        setup_django.stop(created)  # 450 MB at 200,000 documents
    if len(figures) > 1:
        first, last = figures[0], figures[-1]
        growth = last["documents"] / first["documents"]
        print(
            f"\n{last['documents']} / {first['documents']} documents (x{growth:.1f}): "
            f"search p95 x{last['p95'] / first['p95']:.2f} "
            f"({first['p95']:.1f} -> {last['p95']:.1f} ms), "
            f"indexing x{last['indexed'] / first['indexed']:.2f} "
            f"({first['indexed']:.0f} -> {last['indexed']:.0f} s)"
        )


if __name__ == "__main__":
    main()
