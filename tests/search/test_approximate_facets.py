"""Facet counts of very many matches are estimated from a sample, and the answer says so.

Above SEARCH_EXACT_FACETS_UP_TO matches the value facets are counted on a fixed sample of
the matches (a hash of the row id) and scaled up; the kinds, and so the number of results,
stay exact. Below it nothing changes. Run on both databases (issue 20, point 7).
"""

import pytest

from museum_site import models
from search.services import search
from tests.site import builders

pytestmark = pytest.mark.django_db

FACETS = """query($query: String!) {
  search(query: $query, first: 5) {
    totalCount
    facets { approximate kinds { kind count } materials { label count } }
  }
}"""


@pytest.fixture
def cups(committed):
    """60 silver cups and 20 gold ones, each with one material."""
    silver = builders.term(kind=models.Term.Kind.MATERIAL, label="zilver")
    gold = builders.term(kind=models.Term.Kind.MATERIAL, label="goud")
    with committed():
        for number in range(80):
            builders.collection_object(
                title=f"Beker {number}",
                materials=[silver if number % 4 else gold],
                with_image=False,
            )
    return {"silver": silver, "gold": gold}


def _materials(results) -> dict[str, int]:
    return {value.label: value.count for value in results.facets()["material"]}


def test_below_the_threshold_every_count_is_exact(cups, settings):
    settings.SEARCH_EXACT_FACETS_UP_TO = 80
    results = search("beker", "nl")
    assert results.count() == 80
    assert results.approximate is False
    assert _materials(results) == {"zilver": 60, "goud": 20}


def test_above_the_threshold_value_counts_are_estimated_and_the_count_is_not(cups, settings):
    settings.SEARCH_EXACT_FACETS_UP_TO = 40
    for query in ("beker", ""):  # a text query and browsing
        results = search(query, "nl")
        assert results.approximate is True
        assert results.count() == 80
        assert [(kind.value, kind.count) for kind in results.facets()["kind"]] == [("object", 80)]
        estimated = _materials(results)
        assert set(estimated) == {"zilver", "goud"}
        # About half of the matches are read: each estimate is near its true count.
        assert 45 <= estimated["zilver"] <= 75, estimated
        assert 10 <= estimated["goud"] <= 30, estimated
        assert estimated["zilver"] > estimated["goud"]


def test_a_filter_that_narrows_below_the_threshold_counts_exactly(cups, settings):
    settings.SEARCH_EXACT_FACETS_UP_TO = 40
    results = search("beker", "nl", filters={"material": [str(cups["gold"].pk)]})
    assert results.count() == 20
    # The material facet is counted without its own filter (all 80 cups): still estimated.
    assert results.approximate is True
    assert results.facets()["kind"][0].count == 20


def test_the_graphql_answer_says_whether_counts_are_estimated(cups, graphql, settings, uncached):
    settings.SEARCH_EXACT_FACETS_UP_TO = 1000
    exact = graphql(FACETS, {"query": "beker"})["data"]["search"]
    assert exact["facets"]["approximate"] is False
    assert {m["label"]: m["count"] for m in exact["facets"]["materials"]} == {
        "zilver": 60,
        "goud": 20,
    }
    settings.SEARCH_EXACT_FACETS_UP_TO = 10
    estimated = graphql(FACETS, {"query": "beker"})["data"]["search"]
    assert estimated["totalCount"] == 80
    assert estimated["facets"]["approximate"] is True
    assert estimated["facets"]["kinds"] == [{"kind": "OBJECT", "count": 80}]
    assert all(m["count"] > 0 for m in estimated["facets"]["materials"])
