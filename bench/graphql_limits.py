"""How fast hostile queries are refused, and how long the costliest accepted one runs.

1. The median time to reject a query nested 30 levels deep and one with 500 aliases,
   next to `{ __typename }` (the goal for the rejections is well under 100 ms).
2. On the demo data (`load_demo`), queries generated from the schema and the limits
   (not written by hand) that cost as much as the budget (VITRINE_GRAPHQL["MAX_COST"])
   allows, each timed against the exhibition page query: the goal is within 20x.
   Two families: for every root list, the chain of nested lists the cost model prices
   highest, and the widest fan-out of per-object reads (every relation of the items,
   `limit: 1`); both sized to the budget, then repeated under aliases to fill it.

    .venv/bin/python bench/graphql_limits.py            # fresh database, loads the demo
    .venv/bin/python bench/graphql_limits.py --existing # DATABASE_URL already holds it

DATABASE_URL selects the database as in the other benchmarks (PostgreSQL: a throw-away
test database; otherwise a fresh SQLite file).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass

import setup_django


def nested(depth: int) -> str:
    query = "id"
    for _ in range(depth):
        query = f"children {{ {query} }}"
    return f"{{ pages {{ {query} }} }}"


def refusals(client) -> None:
    from museum_site.graphql import view

    queries = {
        "trivial { __typename }": "{ __typename }",
        "nested 30 levels": nested(30),
        "500 aliases": "{ "
        + " ".join(f"a{i}: stories {{ totalCount }}" for i in range(500))
        + " }",
    }
    print("refusals: median of 50 requests, memoised parse/validation cleared before each:")
    baseline = None
    for name, query in queries.items():
        body = json.dumps({"query": query})
        timings = []
        for _ in range(50):
            view._parse.cache_clear()
            view._validate.cache_clear()
            view._refused_unparsed.cache_clear()
            view._document_limits.cache_clear()
            view._cost_refusal.cache_clear()
            started = time.perf_counter()
            response = client.post("/graphql/", body, content_type="application/json")
            timings.append(time.perf_counter() - started)
        answer = json.loads(response.content)
        median = statistics.median(timings) * 1000
        baseline = baseline or median
        outcome = (
            answer["errors"][0]["extensions"].get("code") if "errors" in answer else "answered"
        )
        print(f"  {name:24s} {median:7.2f} ms  ({median / baseline:5.1f} x trivial)  -> {outcome}")


# --- Generating the costliest accepted queries from the schema ----------------------------


@dataclass
class Candidate:
    family: str
    query: str
    cost: int


def _leaf(type_) -> str:
    """The cheapest selection on a composite type: `id` where there is one."""
    from graphql import get_named_type, is_interface_type, is_leaf_type, is_object_type

    if is_object_type(type_) or is_interface_type(type_):
        fields = type_.fields
        if "id" in fields and not _required_arguments(fields["id"]):
            return "id"
        for name, field in fields.items():
            if is_leaf_type(get_named_type(field.type)) and not _required_arguments(field):
                return name
    return "__typename"


def _required_arguments(field) -> bool:
    from graphql import is_non_null_type

    return any(
        is_non_null_type(argument.type) and argument.default_value is None
        for argument in field.args.values()
    )


def _is_list(field) -> bool:
    from museum_site.graphql import limits

    return limits.is_list_type(limits._unwrap(field.type))


def _size_call(field, size: int) -> str:
    from museum_site.graphql import limits

    argument = limits._size_argument(field)
    return f"({argument}: {size})" if argument else ""


def _list_children(type_):
    """Fields of a type that answer lists (or connections) and need no arguments."""
    from graphql import get_named_type, is_composite_type

    from museum_site.graphql import limits

    for name, field in getattr(type_, "fields", {}).items():
        if name.startswith("__") or _required_arguments(field):
            continue
        named = get_named_type(field.type)
        if not is_composite_type(named):
            continue
        if _is_list(field) or limits._is_connection(named):
            yield name, field


def _wrap(name: str, field, size: int, inner: str) -> str:
    from graphql import get_named_type

    from museum_site.graphql import limits

    named = get_named_type(field.type)
    if limits._is_connection(named) and not _is_list(field):
        return f"{name}{_size_call(field, size)} {{ nodes {{ {inner} }} }}"
    return f"{name}{_size_call(field, size)} {{ {inner} }}"


def _item_type(field):
    from graphql import get_named_type

    from museum_site.graphql import limits

    named = get_named_type(field.type)
    if limits._is_connection(named) and not _is_list(field):
        return get_named_type(named.fields["nodes"].type)
    return named


def _chains(type_, depth: int):
    """Every chain of nested lists below `type_`, up to `depth` lists: (fields, leaf type)."""
    if depth == 0:
        return
    for name, field in _list_children(type_):
        item = _item_type(field)
        yield [(name, field)], item
        for rest, leaf in _chains(item, depth - 1):
            yield [(name, field), *rest], leaf


def _chain_query(chain, leaf_type, sizes) -> str:
    inner = _leaf(leaf_type)
    for (name, field), size in reversed(list(zip(chain, sizes, strict=True))):
        inner = _wrap(name, field, size, inner)
    return inner


def _fill(body: str, cost_of, budget: int, config: dict) -> tuple[str, int] | None:
    """Repeat `body` under aliases as often as the budget and the alias limit allow."""
    from museum_site.graphql import limits

    single = cost_of("{ " + body + " }")
    if single is None or single > budget or single == 0:
        return None
    copies = max(1, min(config["MAX_ALIASES"], budget // single))
    while copies >= 1:
        if copies == 1:
            query = "{ " + body + " }"
        else:
            query = "{ " + " ".join(f"a{i}: {body}" for i in range(copies)) + " }"
        cost = cost_of(query)
        accepted = cost is not None and cost <= budget
        if accepted and not limits.check_size(query) and not limits.prescan(query):
            return query, cost
        copies -= 1
    return None


def generate(schema, budget: int) -> list[Candidate]:
    """The costliest accepted query of each family and root field, by the cost model."""
    from graphql import parse

    from museum_site.graphql import limits

    config = limits.limits()
    maximum = limits.max_page_size()

    def cost_of(query: str) -> int | None:
        try:
            document = parse(query)
        except Exception:
            return None
        if limits.check_document(document):
            return None
        return limits.query_cost(schema, document)

    candidates: list[Candidate] = []
    query_type = schema.query_type
    # Family 1: nested lists, the chain priced highest per root field.
    for root_name, root_field in _list_children(query_type):
        best: Candidate | None = None
        for chain, leaf in _chains(_item_type(root_field), 3):
            chain = [(root_name, root_field), *chain]
            sizes = [maximum] * len(chain)
            # Shrink the innermost lists first until one copy fits the budget.
            for position in reversed(range(len(chain))):
                low, high = 1, maximum
                while low < high:
                    middle = (low + high + 1) // 2
                    sizes[position] = middle
                    cost = cost_of("{ " + _chain_query(chain, leaf, sizes) + " }")
                    if cost is not None and cost <= budget:
                        low = middle
                    else:
                        high = middle - 1
                sizes[position] = low
                cost = cost_of("{ " + _chain_query(chain, leaf, sizes) + " }")
                if cost is not None and cost <= budget:
                    break
            filled = _fill(_chain_query(chain, leaf, sizes), cost_of, budget, config)
            if filled and (best is None or filled[1] > best.cost):
                best = Candidate(f"nested lists from {root_name}", *filled)
        if best:
            candidates.append(best)
    # Family 2: the widest fan-out of reads per item of each root list.
    for root_name, root_field in _list_children(query_type):
        item = _item_type(root_field)
        types = [item] if not hasattr(item, "types") else list(item.types)
        if limits.is_abstract_type(item):
            types = list(schema.get_possible_types(item))
        best = None
        for concrete in types:
            parts = []
            for name, field in concrete.fields.items():
                if name.startswith("__") or _required_arguments(field):
                    continue
                if not limits._reads_per_parent(concrete, name, field, True):
                    continue
                named = limits.get_named_type(field.type)
                selection = _leaf(named) if limits.is_composite_type(named) else ""
                call = _size_call(field, 1)
                parts.append(f"{name}{call} {{ {selection} }}" if selection else name)
            if not parts:
                continue
            inner = " ".join(parts)
            if concrete is not item:
                inner = f"... on {concrete.name} {{ {inner} }}"
            for size in (maximum, maximum // 2, maximum // 4, 10, 1):
                body = _wrap(root_name, root_field, size, inner)
                filled = _fill(body, cost_of, budget, config)
                if filled:
                    if best is None or filled[1] > best.cost:
                        best = Candidate(f"reads per item of {root_name}", *filled)
                    break
        if best:
            candidates.append(best)
    return candidates


def costliest(client, schema, rounds: int) -> None:
    from graphql import parse, validate

    from museum_site.graphql import limits
    from museum_site.models import ExhibitionPage

    sys.path.insert(0, os.path.dirname(__file__))
    from graphql_read import QUERY

    exhibitions = ExhibitionPage.objects.live().filter(locale__language_code="nl")
    exhibition = max(
        exhibitions,
        key=lambda page: sum(chapter.exhibited_objects.count() for chapter in page.chapters.all()),
    )
    budget = limits.cost_budget()

    def timed(query: str, variables: dict | None = None) -> tuple[float, dict, int]:
        body = json.dumps({"query": query, "variables": variables or {}})
        client.post("/graphql/", body, content_type="application/json")  # warm: renditions
        timings = []
        for _ in range(rounds):
            started = time.perf_counter()
            response = client.post("/graphql/", body, content_type="application/json")
            timings.append(time.perf_counter() - started)
        return statistics.median(timings), json.loads(response.content), len(response.content)

    base, answer, size = timed(QUERY, {"slug": exhibition.slug})
    assert "errors" not in answer, answer
    print(
        f"\ncostliest accepted queries on the demo data (budget {budget:,}), "
        f"median of {rounds} runs after one warm-up, response cache off:"
    )
    print(
        f"  exhibition page query ('{exhibition.slug}'): {base * 1000:.1f} ms, "
        f"{size:,} bytes, cost {limits.query_cost(schema, limits_parse(QUERY)):,}"
    )
    started = time.perf_counter()
    candidates = [
        candidate
        for candidate in generate(schema, budget)
        if not validate(schema, parse(candidate.query))
    ]
    print(f"  generated {len(candidates)} queries in {time.perf_counter() - started:.1f} s")
    worst = 0.0
    for candidate in sorted(candidates, key=lambda c: -c.cost):
        elapsed, answer, size = timed(candidate.query)
        codes = {e.get("extensions", {}).get("code") for e in answer.get("errors", [])}
        ratio = elapsed / base
        worst = max(worst, ratio)
        outcome = f"errors {sorted(map(str, codes))}" if codes else "answered"
        print(
            f"  {ratio:6.1f}x {elapsed * 1000:8.1f} ms {size:>10,} B cost {candidate.cost:>10,}"
            f"  {candidate.family}: {outcome}"
        )
        if os.environ.get("BENCH_SHOW_QUERIES"):
            print("         " + candidate.query[:400])
    print(f"worst ratio: {worst:.1f}x the exhibition page query (goal <= 20x)")


def limits_parse(query: str):
    from graphql import parse

    return parse(query)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--existing", action="store_true", help="use DATABASE_URL as it is")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ["GRAPHQL_RESPONSE_CACHE_SECONDS"] = "0"
    if args.existing:
        sys.path.insert(0, str(setup_django.ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "museum_site.settings")
        os.environ.setdefault("DEBUG", "false")
        os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
        os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
        import django

        django.setup()
        from django.conf import settings

        settings.ALLOWED_HOSTS = ["*"]
        databases = None
    else:
        databases = setup_django.start()
        from django.core.management import call_command

        print("loading the demo (load_demo)...", flush=True)
        with open(os.devnull, "w") as quiet:
            call_command("load_demo", stdout=quiet)
    import logging

    logging.disable(logging.ERROR)  # resolver failures are counted, not printed
    from django.test import Client
    from graphene_django.settings import graphene_settings

    client = Client()
    refusals(client)
    costliest(client, graphene_settings.SCHEMA.graphql_schema, args.rounds)
    setup_django.stop(databases)


if __name__ == "__main__":
    main()
