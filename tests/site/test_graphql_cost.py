"""Query cost: refused before it runs when nested lists could multiply past the budget;
every list answers at most its maximum; the frontend's own operations fit easily."""

import glob
import time
from pathlib import Path

import pytest
from graphene_django.settings import graphene_settings
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    NamedTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    parse,
)

from museum_site.graphql import limits, view
from tests.site import builders

pytestmark = pytest.mark.django_db

FOUR_LEVELS = (
    "{ pages(limit:100){ descendants(limit:100){ siblings(limit:100){ "
    "descendants(limit:100){ id } } } } }"
)
TWO_LEVELS = "pages(limit:100){ descendants(limit:100){ id title slug } }"
ROOT = Path(__file__).resolve().parents[2]


def schema():
    return graphene_settings.SCHEMA.graphql_schema


def codes(result: dict) -> list[str]:
    return [error.get("extensions", {}).get("code") for error in result.get("errors", [])]


@pytest.fixture
def no_execution(monkeypatch):
    """Fail if the query runs: the cost must refuse it before execution."""

    def refuse(*args, **kwargs):
        raise AssertionError("the query was executed")

    view._cost_refusal.cache_clear()
    monkeypatch.setattr(view, "execute", refuse)
    yield
    view._cost_refusal.cache_clear()


def test_four_nested_lists_of_a_hundred_are_refused_quickly(graphql, no_execution):
    graphql("{ __typename }")  # the first request of a process builds the schema's caches
    started = time.perf_counter()
    result = graphql(FOUR_LEVELS)
    elapsed = time.perf_counter() - started
    assert codes(result) == ["QUERY_TOO_COSTLY"]
    error = result["errors"][0]
    assert error["extensions"]["cost"] > 100**4
    assert error["extensions"]["maximumCost"] == limits.cost_budget()
    assert "data" not in result or result["data"] is None
    assert elapsed < 1.0


def test_29_aliases_of_a_two_level_form_are_refused(graphql, no_execution):
    query = "{ " + " ".join(f"a{i}: {TWO_LEVELS}" for i in range(29)) + " }"
    assert codes(graphql(query)) == ["QUERY_TOO_COSTLY"]


def test_the_cost_is_refused_before_standard_validation(graphql, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("standard validation ran before the cost refused the query")

    view._validate.cache_clear()
    view._cost_refusal.cache_clear()
    monkeypatch.setattr(view, "validate", refuse)
    assert codes(graphql(FOUR_LEVELS)) == ["QUERY_TOO_COSTLY"]
    view._cost_refusal.cache_clear()


def test_variables_size_the_lists_they_are_passed_to(graphql, no_execution):
    query = (
        "query($n: PositiveInt, $m: PositiveInt) { pages(limit: $n) { "
        "descendants(limit: $m) { siblings(limit: $m) { id } } } }"
    )
    assert codes(graphql(query, {"n": 100, "m": 100})) == ["QUERY_TOO_COSTLY"]


def test_small_variables_keep_the_same_query_under_budget(graphql):
    query = "query($n: PositiveInt) { pages(limit: $n) { descendants(limit: $n) { id } } }"
    result = graphql(query, {"n": 2})
    assert "errors" not in result, result


def test_a_variable_default_sizes_the_list(graphql, no_execution):
    query = (
        "query($m: PositiveInt = 100) { pages(limit: 100) { "
        "descendants(limit: $m) { siblings(limit: $m) { id } } } }"
    )
    assert codes(graphql(query)) == ["QUERY_TOO_COSTLY"]


def cost(query: str, variables: dict | None = None) -> int:
    return limits.query_cost(schema(), parse(query), variables)


def test_aliases_and_fragments_count_every_copy():
    one = cost("{ stories(first: 10) { nodes { title } } }")
    aliased = cost(
        "{ a: stories(first: 10) { nodes { title } } b: stories(first: 10) { nodes { title } } }"
    )
    assert aliased == 2 * one
    spread = cost(
        "{ stories(first: 10) { nodes { ...F ...F } } } fragment F on Story { title intro }"
    )
    inline = cost("{ stories(first: 10) { nodes { title intro title intro } } }")
    assert spread == inline


def test_a_fragment_bomb_is_costed_without_expanding_it():
    fragments = ["fragment F0 on Story { title }"]
    for level in range(1, 40):
        fragments.append(f"fragment F{level} on Story {{ ...F{level - 1} ...F{level - 1} }}")
    query = "{ stories(first: 100) { nodes { ...F39 } } } " + " ".join(fragments)
    started = time.perf_counter()
    assert cost(query) > 2**39
    assert time.perf_counter() - started < 0.5


def test_list_sizes_multiply_along_a_path():
    inner = cost("{ exhibitions(first: 10) { nodes { chapters { heading } } } }")
    outer = cost("{ exhibitions(first: 20) { nodes { chapters { heading } } } }")
    chapters = limits.PLAIN_LIST_MAXIMUMS["Exhibition.chapters"]
    # 10 more exhibitions: their chapters (with a heading each), themselves, their rows.
    assert outer - inner == 10 * (1 + chapters * 2) + 10 * limits.ROW_WEIGHT


def test_a_union_costs_its_costliest_member():
    cheap = cost('{ search(query: "a", first: 10) { nodes { title } } }')
    assert cheap > 0


def test_every_frontend_operation_costs_under_half_the_budget():
    definitions = []
    for path in sorted(glob.glob(str(ROOT / "frontend/src/**/*.graphql"), recursive=True)):
        definitions += parse(Path(path).read_text()).definitions
    fragments = [d for d in definitions if isinstance(d, FragmentDefinitionNode)]
    operations = [d for d in definitions if isinstance(d, OperationDefinitionNode)]
    assert len(operations) > 40
    costs = {}
    for operation in operations:
        # Worst case: every Int variable (page sizes) at the largest page.
        variables = {}
        for definition in operation.variable_definitions:
            type_node = definition.type
            while isinstance(type_node, NonNullTypeNode):
                type_node = type_node.type
            if isinstance(type_node, NamedTypeNode) and type_node.name.value == "Int":
                variables[definition.variable.name.value] = limits.max_page_size()
        document = DocumentNode(definitions=[operation, *fragments])
        costs[operation.name.value] = limits.query_cost(schema(), document, variables)
    over = {name: c for name, c in costs.items() if c >= limits.cost_budget() / 2}
    assert not over, over


def test_grapple_limits_are_clamped_to_the_page_size_when_resolving(graphql, settings):
    for index in range(4):
        builders.story(title=f"S{index}")
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "MAX_PAGE_SIZE": 2}
    view._cost_refusal.cache_clear()
    result = graphql('{ pages(limit: 50, contentType: "museum_site.StoryPage") { id } }')
    assert "errors" not in result, result
    assert len(result["data"]["pages"]) == 2
    view._cost_refusal.cache_clear()


def test_a_plain_list_answers_at_most_its_maximum(graphql, monkeypatch):
    makers = [builders.term(label=f"Maker {i}") for i in range(5)]
    builders.collection_object(makers=makers, inventory_number="INV-1")
    monkeypatch.setitem(limits.PLAIN_LIST_MAXIMUMS, "CollectionObject.makers", 3)
    view._cost_refusal.cache_clear()
    result = graphql('{ collectionObject(inventoryNumber: "INV-1") { makers { label } } }')
    assert "errors" not in result, result
    assert len(result["data"]["collectionObject"]["makers"]) == 3
    view._cost_refusal.cache_clear()


def test_the_budget_is_a_setting(graphql, settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "MAX_COST": 10}
    view._cost_refusal.cache_clear()
    result = graphql("{ stories(first: 5) { nodes { title } } }")
    assert codes(result) == ["QUERY_TOO_COSTLY"]
    view._cost_refusal.cache_clear()
