"""Very many matches are counted, and their first pages ranked, on a sample; the answer
says so.

Above SEARCH_EXACT_UP_TO matches the count and the facets are estimated from a fixed
sample of the documents (a hash of the row id, indexed on PostgreSQL) and scaled up;
results too few in the sample to estimate are counted exactly; the pages the sample
fills are ranked within it, later ones after it. Below the threshold nothing changes.
Run on both databases (issue 20, point 7).
"""

import uuid

import pytest
from wagtail.models import Locale

from museum_site import models
from search import registry
from search.indexing import update
from search.services import search
from tests.site import builders

pytestmark = pytest.mark.django_db

CUPS = 1_600
FACETS = """query($query: String!) {
  search(query: $query, first: 5) {
    totalCount
    totalCountApproximate
    facets { approximate kinds { kind count } materials { label count } }
  }
}"""
NARROW = """query($query: String!, $material: ID!) {
  search(query: $query, first: 5, filters: {materials: [$material]}) {
    totalCount
    totalCountApproximate
    facets { approximate }
  }
}"""


@pytest.fixture
def cups():
    """1,600 cups, indexed: three in four of silver, the others of gold; 20 of copper."""
    silver = builders.term(kind=models.Term.Kind.MATERIAL, label="zilver")
    gold = builders.term(kind=models.Term.Kind.MATERIAL, label="goud")
    copper = builders.term(kind=models.Term.Kind.MATERIAL, label="koper")
    locale, _ = Locale.objects.get_or_create(language_code="nl")
    objects = models.CollectionObject.objects.bulk_create(
        models.CollectionObject(
            title=f"Beker {number}",
            inventory_number=f"CUP.{number:05d}",
            locale=locale,
            translation_key=uuid.uuid4(),
            live=True,
        )
        for number in range(CUPS)
    )
    through = models.CollectionObject.materials.through
    through.objects.bulk_create(
        through(collectionobject_id=obj.pk, term_id=(silver if number % 4 else gold).pk)
        for number, obj in enumerate(objects)
    )
    through.objects.bulk_create(
        through(collectionobject_id=obj.pk, term_id=copper.pk) for obj in objects[::80]
    )
    update(registry.source_for("museum_site.collectionobject"), [obj.pk for obj in objects])
    return {"silver": silver, "gold": gold, "copper": copper}


def _materials(results) -> dict[str, int]:
    return {value.label: value.count for value in results.facets()["material"]}


def test_below_the_threshold_every_count_is_exact(cups, settings):
    settings.SEARCH_EXACT_UP_TO = 100_000
    results = search("beker", "nl")
    assert results.count() == CUPS
    assert results.approximate is False
    assert results.count_approximate is False
    assert _materials(results) == {"zilver": 1200, "goud": 400, "koper": 20}


def test_above_the_threshold_the_counts_are_estimated(cups, settings):
    settings.SEARCH_EXACT_UP_TO = 400
    for query in ("beker", ""):  # a text query and browsing
        results = search(query, "nl")
        assert results.approximate is True
        assert results.count_approximate is True
        # A sixteenth of the cups is read: each estimate is near its true count.
        assert 1_400 <= results.count() <= 1_800, results.count()
        estimated = _materials(results)
        assert 1_000 <= estimated["zilver"] <= 1_400, estimated
        assert 250 <= estimated["goud"] <= 550, estimated
        assert estimated["zilver"] > estimated["goud"]


def test_results_too_few_in_the_sample_are_counted_exactly(cups, settings):
    settings.SEARCH_EXACT_UP_TO = 400
    results = search("beker", "nl", filters={"material": [str(cups["copper"].pk)]})
    assert results.count() == 20
    assert results.count_approximate is False  # a visitor reads "20 results", not "about"
    # The material facet is counted without its own filter (all the cups): estimated.
    assert results.approximate is True
    assert results.facets()["kind"][0].count == 20
    assert len(results[0:20]) == 20
    assert {result.slug for result in results[0:20]} == {
        f"CUP.{number:05d}" for number in range(0, CUPS, 80)
    }


def test_the_pages_of_a_sampled_answer_list_every_result_once(cups, settings):
    """The sample's results come first, then the others: no page repeats or skips one."""
    settings.SEARCH_EXACT_UP_TO = 400
    results = search("beker", "nl")
    assert results.approximate is True
    seen = []
    for offset in range(0, CUPS + 100, 100):
        seen += [result.slug for result in results[offset : offset + 100]]
    assert len(seen) == CUPS
    assert set(seen) == {f"CUP.{number:05d}" for number in range(CUPS)}


def test_what_was_typed_comes_first_however_few_of_it_the_sample_holds(cups, committed, settings):
    """ "bek" as typed is three records; as the start of a longer word ("beker") 1,600,
    counted on a sample. The three come first, though the sample holds none of them."""
    settings.SEARCH_EXACT_UP_TO = 400
    with committed():
        for number in range(3):
            builders.collection_object(title=f"Bek van een eend {number}", with_image=False)
    results = search("bek", "nl")
    assert results.approximate is True
    first = [result.title for result in results[0:5]]
    assert sorted(first[:3]) == [f"Bek van een eend {number}" for number in range(3)], first
    assert all(title.startswith("Beker") for title in first[3:]), first


def test_the_graphql_answer_says_whether_counts_are_estimated(cups, graphql, settings, uncached):
    settings.SEARCH_EXACT_UP_TO = 100_000
    exact = graphql(FACETS, {"query": "beker"})["data"]["search"]
    assert exact["totalCount"] == CUPS
    assert exact["totalCountApproximate"] is False
    assert exact["facets"]["approximate"] is False
    assert {m["label"]: m["count"] for m in exact["facets"]["materials"]} == {
        "zilver": 1200,
        "goud": 400,
        "koper": 20,
    }
    settings.SEARCH_EXACT_UP_TO = 400
    estimated = graphql(FACETS, {"query": "beker"})["data"]["search"]
    assert estimated["totalCountApproximate"] is True
    assert estimated["facets"]["approximate"] is True
    assert 1_400 <= estimated["totalCount"] <= 1_800
    assert estimated["facets"]["kinds"] == [{"kind": "OBJECT", "count": estimated["totalCount"]}]
    assert all(m["count"] > 0 for m in estimated["facets"]["materials"])
    # A narrow filter on a broad word: its few results are counted one by one.
    narrow = graphql(NARROW, {"query": "beker", "material": str(cups["copper"].pk)})
    answer = narrow["data"]["search"]
    assert (answer["totalCount"], answer["totalCountApproximate"]) == (20, False)
    assert answer["facets"]["approximate"] is True
