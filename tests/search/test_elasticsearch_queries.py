"""The Elasticsearch backend without a server: mappings, analysers and request bodies.

No Elasticsearch can be installed on these machines, so what elasticsearch-dsl builds is
compared with what Elasticsearch 8 expects, structure by structure, and the backend's
reading of answers is checked on answers shaped like Elasticsearch's. The same questions
against a real cluster are in test_elasticsearch_integration.py.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest

from search.analysis import SNOWBALL_LANGUAGES, STOPWORDS
from search.backends import Alternative, Match, QueryWord, SearchRequest
from search.backends import elasticsearch as es
from search.registry import Document, FacetValue, Field, SearchKind

pytestmark = pytest.mark.database_neutral

# Live by the clock: past the source's go_live_at, not past its expire_at.
VISIBLE = {
    "bool": {
        "filter": [
            {
                "bool": {
                    "should": [
                        {"bool": {"must_not": [{"exists": {"field": "visible_from"}}]}},
                        {"range": {"visible_from": {"lte": "now"}}},
                    ]
                }
            },
            {
                "bool": {
                    "should": [
                        {"bool": {"must_not": [{"exists": {"field": "expires_at"}}]}},
                        {"range": {"expires_at": {"gt": "now"}}},
                    ]
                }
            },
        ]
    }
}
WEIGHTED_FIELDS = ["title^10", "labels^4", "body^1", "related^0.4"]


def request(**fields) -> SearchRequest:
    defaults = {"terms": ("vaas",), "locale": "nl", "query": "vaas"}
    return SearchRequest(**{**defaults, **fields})


@pytest.mark.parametrize("language", ["nl", "en", "fr"])
def test_each_language_has_its_own_index_and_analyser(language, settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "museum"
    body = es.index_definition(language, ["century", "maker", "material"]).to_dict()
    analysis = body["settings"]["analysis"]
    assert es.index_name(language) == f"museum-{language}"
    assert analysis["tokenizer"]["vitrine_words"] == {
        "type": "pattern",
        "pattern": r"[^\p{L}\p{M}\p{N}]+",
    }
    assert analysis["analyzer"][f"vitrine_{language}"] == {
        "type": "custom",
        "tokenizer": "vitrine_words",
        "filter": [
            "lowercase",
            "asciifolding",
            f"vitrine_stop_{language}",
            f"vitrine_stem_{language}",
        ],
    }
    stop = analysis["filter"][f"vitrine_stop_{language}"]
    assert stop["type"] == "stop"
    assert set(stop["stopwords"]) == STOPWORDS[language] | set("abcdefghijklmnopqrstuvwxyz")
    stem = analysis["filter"][f"vitrine_stem_{language}"]
    # The same Snowball algorithm as the Python analysis of the database backend.
    assert stem == {"type": "snowball", "language": es.SNOWBALL_NAMES[language]}
    assert stem["language"].lower() == SNOWBALL_LANGUAGES[language]
    assert analysis["analyzer"]["vitrine_suggest"]["filter"] == ["lowercase", "asciifolding"]


def test_the_mapping_types_every_field():
    properties = es.mapping("fr", ["maker", "material"]).to_dict()["properties"]
    for field in ("title", "labels", "body", "related"):
        assert properties[field] == {"type": "text", "analyzer": "vitrine_fr"}
    assert properties["suggest"] == {"type": "search_as_you_type", "analyzer": "vitrine_suggest"}
    for field in ("kind", "locale", "source", "source_id", "display_title", "suggest_entries"):
        assert properties[field] == {"type": "keyword"}
    assert properties["facet_maker"] == properties["facet_label_material"] == {"type": "keyword"}
    assert properties["text"] == {"type": "text", "index": False}
    assert properties["expires_at"] == {"type": "date"}
    assert properties["visible_from"] == {"type": "date"}
    assert properties["image_id"] == {"type": "integer", "index": False}


def test_a_search_requires_every_term_in_the_weighted_fields():
    body = es.hits_body(request(), offset=20, limit=10)
    match = {
        "bool": {
            "must": [
                {
                    "multi_match": {
                        "query": "vaas",
                        "type": "cross_fields",
                        "operator": "and",
                        "fields": WEIGHTED_FIELDS,
                    }
                }
            ],
            "filter": [VISIBLE],
        }
    }
    # Products rank below museum content that matches as well, as on the database.
    assert body["query"] == {
        "function_score": {
            "query": match,
            "functions": [{"filter": {"term": {"kind": "product"}}, "weight": 0.5}],
            "score_mode": "multiply",
            "boost_mode": "multiply",
        }
    }
    assert es.summary_body(request(), [])["query"] == match
    assert body["sort"] == [{"_score": "desc"}, {"display_title": "asc"}, {"source_id": "asc"}]
    assert (body["from"], body["size"]) == (20, 10)
    assert "post_filter" not in body and "aggs" not in body


def test_the_second_try_accepts_any_term():
    body = es.summary_body(
        request(terms=("zilver", "schotel"), query="zilver schotel", match_any=True), []
    )
    assert body["query"]["bool"]["must"][0]["multi_match"]["operator"] == "or"
    assert body["size"] == 0 and list(body["aggs"]) == ["kind"]


def test_browsing_matches_everything_in_title_order():
    body = es.hits_body(request(terms=(), query=""), offset=0, limit=5)
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["sort"] == [{"display_title": "asc"}, {"source_id": "asc"}]


def test_kinds_and_facet_filters_are_post_filters():
    body = es.hits_body(
        request(
            kinds=frozenset({SearchKind.OBJECT, SearchKind.STORY}),
            filters={"maker": frozenset({"7", "3"}), "century": frozenset({"17"})},
        ),
        offset=0,
        limit=20,
    )
    assert body["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"kind": ["object", "story"]}},
                {"terms": {"facet_century": ["17"]}},
                {"terms": {"facet_maker": ["3", "7"]}},
            ]
        }
    }


def test_each_facet_is_counted_with_every_filter_but_its_own():
    body = es.summary_body(
        request(kinds=frozenset({SearchKind.OBJECT}), filters={"maker": frozenset({"3"})}),
        ["maker", "material"],
    )
    assert body["size"] == 0
    aggs = body["aggs"]
    terms = {"order": [{"_count": "desc"}, {"_key": "asc"}], "size": es.MAX_FACET_VALUES}
    assert aggs["kind"] == {
        "filter": {"bool": {"filter": [{"terms": {"facet_maker": ["3"]}}]}},
        "aggs": {"values": {"terms": {"field": "kind", **terms}}},
    }
    assert aggs["maker"] == {
        "filter": {"bool": {"filter": [{"terms": {"kind": ["object"]}}]}},
        "aggs": {"values": {"terms": {"field": "facet_label_maker", **terms}}},
    }
    assert aggs["material"]["filter"] == {
        "bool": {"filter": [{"terms": {"kind": ["object"]}}, {"terms": {"facet_maker": ["3"]}}]}
    }


def test_suggestions_complete_titles_and_term_labels():
    body = es.suggest_body(["jan", "van", "e"], "nl", ["maker", "material"], 8)
    match = body["query"]["bool"]["must"][0]["multi_match"]
    assert match == {
        "query": "jan van e",
        "type": "bool_prefix",
        "operator": "and",
        "fields": ["suggest", "suggest._2gram", "suggest._3gram"],
    }
    assert body["query"]["bool"]["filter"] == [VISIBLE]
    names = body["aggs"]["terms"]
    assert names["global"] == {} and names["aggs"]["visible"]["filter"] == VISIBLE
    values = names["aggs"]["visible"]["aggs"]["values"]["terms"]
    assert values["field"] == "suggest_entries" and values["size"] == 8
    pattern = re.compile(values["include"])  # Lucene regexps match the whole string
    assert pattern.fullmatch("maker|1|jan van eyck|Jan van Eyck")
    assert pattern.fullmatch("maker|1|johannes jan van eyck|Johannes Jan van Eyck")
    assert not pattern.fullmatch("maker|2|hans memling|Hans Memling")
    assert not pattern.fullmatch("place|9|jan van eyckplein|Jan van Eyckplein")
    assert body["size"] == 16


def test_a_document_carries_its_fields_facets_and_suggestion_entries(db):
    from tests.site import builders

    obj = builders.collection_object(title="Vaas", with_image=False)
    document = Document(
        kind=SearchKind.OBJECT,
        source=obj,
        locale="nl",
        title="Vaas met blauw bladwerk",
        fields={Field.TITLE: ["Vaas met blauw bladwerk"], Field.LABELS: ["MAL.1", "porselein"]},
        text="Blauw op wit.",
        slug="MAL.1",
        expires_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
        facets=[
            FacetValue("material", "4", "porselein"),
            FacetValue("century", "17", "17de eeuw"),
            FacetValue("maker", "9", "A|B Kocks"),
        ],
    )
    body = es.document_body("museum_site.collectionobject", document, ["maker", "material"])
    assert es.document_id("museum_site.collectionobject", document) == (
        f"museum_site.collectionobject:{obj.pk}:"
    )
    assert body["title"] == "Vaas met blauw bladwerk" and body["labels"] == "MAL.1 porselein"
    assert body["body"] == body["related"] == ""
    assert body["facet_material"] == ["4"] and body["facet_century"] == ["17"]
    assert body["facet_label_century"] == ["17|17de eeuw"]
    assert body["facet_label_maker"] == ["9|A/B Kocks"]
    assert body["suggest_entries"] == [
        "material|4|porselein|porselein",
        "maker|9|a b kocks|A/B Kocks",
    ]
    assert body["expires_at"] == "2030-01-01T00:00:00+00:00"
    assert body["source"] == "museum_site.collectionobject" and body["source_id"] == str(obj.pk)


class FakeClient:
    """Answers like Elasticsearch 8's client: `.search(...).body` is the JSON answer."""

    def __init__(self, answer: dict) -> None:
        self.answer = answer
        self.requests: list[tuple[str, dict]] = []

    def search(self, index: str, body: dict):
        self.requests.append((index, body))
        return type("Response", (), {"body": self.answer})()


def test_answers_are_read_into_hits_counts_and_facets():
    # The count is the kind facet's total for the requested kinds (every other filter on).
    answer = {
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "hits": [
                {
                    "_score": 3.5,
                    "_source": {
                        "kind": "tour",
                        "display_title": "Rondleiding: Zilverkamer",
                        "text": "Een kleine kamer.",
                        "slug": "rondleiding",
                        "anchor": "zilverkamer",
                        "url_path": "/home/rondleidingen/rondleiding/",
                        "locale": "nl",
                        "image_id": 5,
                        "image_alt": "Panorama",
                    },
                }
            ],
        },
        "aggregations": {
            "kind": {
                "values": {
                    "buckets": [{"key": "tour", "doc_count": 2}, {"key": "story", "doc_count": 1}]
                }
            },
            "maker": {"values": {"buckets": [{"key": "9|A/B Kocks", "doc_count": 1}]}},
        },
    }
    client = FakeClient(answer)
    backend = es.ElasticsearchBackend("http://localhost:9200", client=client)  # type: ignore[arg-type]
    [hit] = backend.hits(request(), 0, 10)
    assert (hit.kind, hit.anchor, hit.score, hit.image_id) == ("tour", "zilverkamer", 3.5, 5)
    summary = backend.summary(request(), ["maker"])
    assert summary.count == 3
    assert backend.summary(request(kinds=frozenset({SearchKind.TOUR})), ["maker"]).count == 2
    assert [(f.value, f.label, f.count) for f in summary.facets["maker"]] == [("9", "A/B Kocks", 1)]
    assert [(f.value, f.count) for f in summary.facets["kind"]] == [("tour", 2), ("story", 1)]
    assert {index for index, _body in client.requests} == {es.index_name("nl")}


def test_suggestion_answers_list_terms_first_and_each_text_once():
    answer = {
        "hits": {
            "hits": [
                {
                    "_source": {
                        "display_title": "Zilver",
                        "kind": "story",
                        "slug": "zilver",
                        "anchor": "",
                        "url_path": "/z/",
                    }
                },
                {
                    "_source": {
                        "display_title": "Zilverkamer",
                        "kind": "tour",
                        "slug": "r",
                        "anchor": "zk",
                        "url_path": "",
                    }
                },
            ]
        },
        "aggregations": {
            "terms": {
                "visible": {
                    "values": {"buckets": [{"key": "material|4|zilver|zilver", "doc_count": 6}]}
                }
            }
        },
    }
    backend = es.ElasticsearchBackend("http://x", client=FakeClient(answer))  # type: ignore[arg-type]
    suggestions = backend.suggest(["zil"], "nl", ["material"], 8)
    assert [(s.text, s.facet, s.value, s.kind) for s in suggestions] == [
        ("zilver", "material", "4", None),
        ("Zilverkamer", None, None, SearchKind.TOUR),
    ]


# --- products --------------------------------------------------------------------------


def test_every_registered_facet_has_its_keyword_fields_including_the_shops():
    from search import registry

    names = registry.facet_names()
    assert {"category", "price_band", "in_stock", "period"} <= set(names)
    properties = es.index_definition("nl", names).to_dict()["mappings"]["properties"]
    for name in names:
        assert properties[f"facet_{name}"] == {"type": "keyword"}
        assert properties[f"facet_label_{name}"] == {"type": "keyword"}


def test_product_filters_and_facets_are_post_filters_and_filtered_aggregations():
    product_request = request(
        kinds=frozenset({SearchKind.PRODUCT}),
        filters={
            "category": frozenset({"boeken"}),
            "price_band": frozenset({"25-50", "0-10"}),
            "in_stock": frozenset({"true"}),
        },
    )
    hits = es.hits_body(product_request, offset=0, limit=20)
    assert hits["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"kind": ["product"]}},
                {"terms": {"facet_category": ["boeken"]}},
                {"terms": {"facet_in_stock": ["true"]}},
                {"terms": {"facet_price_band": ["0-10", "25-50"]}},
            ]
        }
    }
    aggs = es.summary_body(product_request, ["category", "in_stock", "price_band"])["aggs"]
    assert list(aggs) == ["kind", "category", "in_stock", "price_band"]
    assert aggs["in_stock"]["filter"] == {
        "bool": {
            "filter": [
                {"terms": {"kind": ["product"]}},
                {"terms": {"facet_category": ["boeken"]}},
                {"terms": {"facet_price_band": ["0-10", "25-50"]}},
            ]
        }
    }
    assert aggs["price_band"]["aggs"]["values"]["terms"]["field"] == "facet_label_price_band"
    assert aggs["category"]["aggs"]["values"]["terms"]["field"] == "facet_label_category"


def test_a_product_document_carries_its_shop_facets(db, committed):
    from search.sources.products import build_products
    from tests.shop import builders as shop

    books = shop.category("boeken", name_nl="Boeken", name_en="Books")
    with committed():
        product = shop.product(
            title="Catalogus",
            category=books,
            variants=[shop.variant(price="9.50"), shop.variant(price="49.00")],
            stock=0,
        )
    [document] = build_products([product.pk])
    body = es.document_body("shop.productpage", document, [])
    assert body["kind"] == "product" and body["display_title"] == "Catalogus"
    assert body["facet_category"] == ["boeken"]
    assert body["facet_label_category"] == ["boeken|Boeken"]
    assert body["facet_price_band"] == ["0-10", "25-50"]
    assert body["facet_label_in_stock"] == ["false|uitverkocht"]
    assert "Boeken" in body["labels"] and "Books" in body["labels"]


# --- issue 20: typos, completion, synonyms, price wishes ---------------------------------


def planned(*words: QueryWord, **fields) -> SearchRequest:
    terms = tuple(word.alternatives[0].terms[0] for word in words)
    return request(terms=terms, query=" ".join(w.typed for w in words), words=words, **fields)


@pytest.mark.parametrize(
    ("typed", "language"), [("memlimg", "nl"), ("bruegle", "en"), ("tapiserie", "fr")]
)
def test_every_planned_word_matches_as_typed_first_then_with_the_typos_its_length_allows(
    typed, language
):
    word = QueryWord(typed, (Alternative((typed,)),))
    body = es.hits_body(planned(word, locale=language), offset=0, limit=20)
    [must] = body["query"]["function_score"]["query"]["bool"]["must"]
    should = must["bool"]["must"][0]["bool"]["should"]
    exact, fuzzy = should[0]["multi_match"], should[1]["multi_match"]
    assert exact["query"] == fuzzy["query"] == typed
    assert exact["boost"] == es.EXACT_BOOST and "fuzziness" not in exact
    # None under 5 letters, 1 up to 8, 2 beyond: Elasticsearch's AUTO with those bounds.
    assert fuzzy["fuzziness"] == "AUTO:5,9" and "boost" not in fuzzy


def test_the_unfinished_last_word_matches_the_edge_ngrams_and_synonyms_match_as_phrases():
    first = QueryWord(
        "zilverwerk",
        (Alternative(("zilverwerk",)), Alternative(("silver", "plate"), Match.SYNONYM)),
    )
    last = QueryWord(
        "bek", (Alternative(("bek",)), Alternative(("bek",), Match.PREFIX, prefix=True))
    )
    query = es.text_query(planned(first, last)).to_dict()
    first_should, last_should = (w["bool"]["should"] for w in query["bool"]["must"])
    assert {"multi_match": {"query": "silver plate", "type": "phrase", "fields": WEIGHTED_FIELDS,
                            "boost": es.EXACT_BOOST / 2}} in first_should  # fmt: skip
    assert not any("match" in clause for clause in first_should)
    assert {"match": {"prefixes": {"query": "bek", "operator": "and"}}} in last_should


def test_edge_ngrams_of_titles_and_labels_are_indexed_for_completion():
    properties = es.mapping("nl", []).to_dict()["properties"]
    assert properties["prefixes"] == {
        "type": "text",
        "analyzer": "vitrine_prefixes",
        "search_analyzer": "vitrine_suggest",
    }
    analysis = es.index_definition("nl", []).to_dict()["settings"]["analysis"]
    assert analysis["filter"]["vitrine_edges"] == {
        "type": "edge_ngram",
        "min_gram": 2,
        "max_gram": 20,
    }


def test_a_price_wish_is_a_range_filter_on_the_price():
    body = es.summary_body(request(terms=(), query="", max_price=Decimal("20")), [])
    kind_filter = body["aggs"]["kind"]["filter"]["bool"]["filter"]
    assert {"range": {"price": {"lte": 20.0}}} in kind_filter
