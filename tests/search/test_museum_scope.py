"""Search within one museum, or across the group's public museums (`scope: GROUP`).

Each museum has an object and a product whose words are its own; a third museum is not
listed in the group (`is_public` off). A visitor of one museum finds only its documents,
by host, `X-Museum` header or `museum` argument; the group search finds the listed
museums' documents and never the unlisted one's (unless asked from that museum itself).
"""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from museum_site.museums.models import Museum
from search import registry
from search.backends import SearchRequest
from search.backends.elasticsearch import (
    document_body,
    hits_body,
    suggest_body,
    summary_body,
)
from search.indexing import rebuild
from search.models import SearchDocument
from search.museums import PageMuseums
from tests.museums import builders as museum_builders
from tests.site import builders

pytestmark = pytest.mark.django_db

SEARCH = """query($q: String!, $scope: SearchScope, $museum: String) {
  search(query: $q, first: 20, scope: $scope, museum: $museum) {
    totalCount nodes { title kind museum { slug } }
    facets { kinds { kind count } }
  }
}"""
SUGGEST = """query($p: String!, $scope: SearchScope) {
  searchSuggest(prefix: $p, scope: $scope) { text }
}"""


@pytest.fixture
def group(settings, committed):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "design.localhost", "depot.localhost"]
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 0}
    fine_arts = Museum.objects.default()
    design = museum_builders.museum("design")
    depot = museum_builders.museum("depot", is_public=False)
    with committed():
        for museum, word in ((fine_arts, "Zonnewijzer"), (design, "Klapstoel"), (depot, "Kist")):
            builders.collection_object(
                title=f"{word} uit de collectie",
                inventory_number=f"{museum.slug}.1",
                with_image=False,
                museum=museum,
            )
        museum_builders.product(design, title="Klapstoel, heruitgave", images=0)
    return fine_arts, design, depot


def _search(graphql, query: str, **variables) -> dict:
    answer = graphql(SEARCH, {"q": query, **variables})
    assert "errors" not in answer, answer["errors"]
    return answer["data"]["search"]


def _titles(answer: dict) -> set[str]:
    return {node["title"] for node in answer["nodes"]}


def test_a_visitor_finds_only_their_museums_documents(group, graphql):
    assert _titles(_search(graphql, "klapstoel")) == set()
    assert _titles(_search(graphql, "zonnewijzer")) == {"Zonnewijzer uit de collectie"}
    design = graphql(SEARCH, {"q": "klapstoel"}, HTTP_HOST="design.localhost")["data"]["search"]
    assert _titles(design) == {"Klapstoel uit de collectie", "Klapstoel, heruitgave"}
    assert {node["museum"]["slug"] for node in design["nodes"]} == {"design"}
    assert _titles(_search(graphql, "zonnewijzer", museum="design")) == set()
    by_header = graphql(SEARCH, {"q": "klapstoel"}, HTTP_X_MUSEUM="design")["data"]["search"]
    assert by_header["totalCount"] == 2


def test_browsing_counts_and_facets_hold_only_the_museums_documents(group, graphql):
    answer = _search(graphql, "")
    assert _titles(answer) == {"Zonnewijzer uit de collectie"}
    assert answer["totalCount"] == 1
    assert answer["facets"]["kinds"] == [{"kind": "OBJECT", "count": 1}]


def test_the_group_search_finds_every_listed_museum_and_not_an_unlisted_one(group, graphql):
    fine_arts = group[0]
    everywhere = _search(graphql, "uit de collectie", scope="GROUP")
    assert _titles(everywhere) >= {"Zonnewijzer uit de collectie", "Klapstoel uit de collectie"}
    assert "Kist uit de collectie" not in _titles(everywhere)
    assert {node["museum"]["slug"] for node in everywhere["nodes"]} == {fine_arts.slug, "design"}
    # The unlisted museum's own visitors search its documents, and the group's with them.
    from_depot = graphql(
        SEARCH, {"q": "uit de collectie", "scope": "GROUP"}, HTTP_HOST="depot.localhost"
    )
    assert "Kist uit de collectie" in _titles(from_depot["data"]["search"])
    assert "Zonnewijzer uit de collectie" in _titles(from_depot["data"]["search"])


def test_suggestions_come_from_the_museum_searched(group, graphql):
    def suggested(prefix: str, **headers) -> set[str]:
        answer = graphql(SUGGEST, {"p": prefix}, **headers)
        return {row["text"] for row in answer["data"]["searchSuggest"]}

    assert suggested("klaps") == set()
    assert "Klapstoel uit de collectie" in suggested("klaps", HTTP_HOST="design.localhost")
    grouped = graphql(SUGGEST, {"p": "klaps", "scope": "GROUP"})["data"]["searchSuggest"]
    assert "Klapstoel uit de collectie" in {row["text"] for row in grouped}
    assert suggested("kist", HTTP_HOST="design.localhost") == set()


def test_every_document_belongs_to_the_museum_of_its_source(group):
    fine_arts, design, depot = group
    rebuild()
    owners = dict(SearchDocument.objects.filter(locale="nl").values_list("title", "museum_id"))
    assert owners["Zonnewijzer uit de collectie"] == fine_arts.pk
    assert owners["Klapstoel uit de collectie"] == design.pk
    assert owners["Kist uit de collectie"] == depot.pk
    assert owners["Klapstoel, heruitgave"] == design.pk  # a page: by its museum's tree
    assert not SearchDocument.objects.filter(museum__isnull=True).exists()
    kinds = set(SearchDocument.objects.values_list("kind", flat=True))
    assert {"object", "product"} <= kinds


def test_a_page_outside_every_museums_tree_belongs_to_the_default_museum(group):
    pages = PageMuseums()
    assert pages.for_path("0001") == Museum.objects.default().pk
    design = group[1]
    assert pages.for_path(design.site.root_page.path + "0001") == design.pk


def test_the_museum_of_a_search_costs_no_query_for_one_museum(group, graphql):
    _search(graphql, "zonnewijzer")
    with CaptureQueriesContext(connection) as once:
        _search(graphql, "zonnewijzer")
    with CaptureQueriesContext(connection) as grouped:
        _search(graphql, "zonnewijzer", scope="GROUP")
    # The group search reads the listed museums once; nothing else changes.
    assert len(grouped) == len(once) + 1


def test_elasticsearch_requests_filter_on_the_museums_searched(group):
    _fine_arts, design, _depot = group
    request = SearchRequest(terms=("stoel",), locale="nl", museums=frozenset({design.pk}))
    wanted = json.dumps({"terms": {"museum": [str(design.pk)]}})
    assert wanted in json.dumps(hits_body(request, 0, 10)["query"])
    assert wanted in json.dumps(summary_body(request, ["maker"])["query"])
    suggest = suggest_body(["stoel"], "nl", ["maker"], 5, frozenset({design.pk}))
    assert wanted in json.dumps(suggest["query"])
    # The names suggested come from the museum's documents too (a `global` aggregation).
    assert wanted in json.dumps(suggest["aggs"]["terms"])
    # Without museums (callers inside the install) there is no museum filter at all.
    everywhere = SearchRequest(terms=("stoel",), locale="nl")
    assert "museum" not in str(hits_body(everywhere, 0, 10)["query"])
    source = registry.source_for("museum_site.collectionobject")
    obj = source.model.objects.get(inventory_number="design.1")
    (document,) = [d for d in source.build([obj.pk]) if d.locale == "nl"]
    document.museum_id = design.pk
    assert document_body(source.label(), document, [])["museum"] == str(design.pk)
