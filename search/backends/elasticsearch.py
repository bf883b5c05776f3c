"""The Elasticsearch 8 backend: one index per language, queries built with elasticsearch-dsl.

Each language's index analyses text the way search.analysis does in Python: split on
anything that is not a letter, mark or digit, lower case, fold accents (asciifolding),
drop the same stop words (and single letters), and stem with the Snowball stemmer of the
language. So a query matches the same documents on either backend; only the scoring
formula differs (BM25 here, ts_rank or FTS5's bm25 on the database).

Matching: every word of the planned query (search.query) must match, each as typed
(boosted, so exact matches rank first), with the typos its length allows (`fuzziness`
AUTO:5,9: none under 5 letters, 1 up to 8, 2 beyond), by the synonyms the museum's Terms
give it, and, for the last word, as a beginning (edge n-grams of the `prefixes` field).
A request without planned words uses a `cross_fields` multi_match with `operator: and`. Kinds and facet filters go into `post_filter`, and each facet is
a `filter` aggregation holding every filter but its own, which is how Elasticsearch does
the disjunctive facets the database backend does with subqueries. Facet values are stored
twice: `facet_<name>` (the value, for filters) and `facet_label_<name>` ("value|label",
aggregated so the label comes back with the count).

The functions that build mappings and request bodies do not need a server; tests compare
their output with what Elasticsearch expects. Only `ElasticsearchBackend` talks to one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.helpers import bulk
from elasticsearch_dsl import (
    Date,
    Index,
    Integer,
    Keyword,
    Mapping,
    Q,
    ScaledFloat,
    Search,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
    tokenizer,
)

from search import registry
from search.analysis import SNOWBALL_LANGUAGES, STOPWORDS, fold, suggest_words
from search.backends import (
    KIND_FACET,
    MAX_FACET_VALUES,
    FacetCount,
    Hit,
    Match,
    QueryWord,
    Sample,
    SearchBackend,
    SearchRequest,
    Suggestion,
    Summary,
    count_from_kinds,
)
from search.registry import Document, Field, SearchKind

LANGUAGES = tuple(SNOWBALL_LANGUAGES)
# Boost per field; the same order of importance as the database backend's weights.
FIELD_BOOSTS = {Field.TITLE: 10, Field.LABELS: 4, Field.BODY: 1, Field.RELATED: 0.4}
SNOWBALL_NAMES = {"nl": "Dutch", "en": "English", "fr": "French"}
SINGLE_LETTERS = [chr(code) for code in range(ord("a"), ord("z") + 1)]
SEPARATOR = "|"

WORDS = tokenizer("vitrine_words", "pattern", pattern=r"[^\p{L}\p{M}\p{N}]+")


def index_prefix() -> str:
    return getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", "vitrine-search")


def index_name(language: str) -> str:
    return f"{index_prefix()}-{language}"


def text_analyzer(language: str):
    stop = token_filter(
        f"vitrine_stop_{language}",
        "stop",
        stopwords=sorted(STOPWORDS[language] | set(SINGLE_LETTERS)),
    )
    stem = token_filter(f"vitrine_stem_{language}", "snowball", language=SNOWBALL_NAMES[language])
    return analyzer(
        f"vitrine_{language}", tokenizer=WORDS, filter=["lowercase", "asciifolding", stop, stem]
    )


SUGGEST_ANALYZER = analyzer(
    "vitrine_suggest", tokenizer=WORDS, filter=["lowercase", "asciifolding"]
)


def mapping(language: str, facet_names: Sequence[str]) -> Mapping:
    language_analyzer = text_analyzer(language)
    fields = Mapping()
    for name in ("kind", "locale", "source", "source_id", "anchor", "museum"):
        fields.field(name, Keyword())
    fields.field("display_title", Keyword())  # shown and sorted on, not searched
    for name in Field:
        fields.field(name.value, Text(analyzer=language_analyzer))
    fields.field("suggest", SearchAsYouType(analyzer=SUGGEST_ANALYZER))
    fields.field("prefixes", Text(analyzer=prefix_analyzer(), search_analyzer=SUGGEST_ANALYZER))
    fields.field("source_locale", Keyword())
    fields.field("price", ScaledFloat(scaling_factor=100))
    fields.field("text", Text(index=False))
    fields.field("slug", Keyword(index=False))
    fields.field("url_path", Keyword(index=False))
    fields.field("image_id", Integer(index=False))
    fields.field("image_alt", Keyword(index=False))
    fields.field("visible_from", Date())
    fields.field("expires_at", Date())
    for name in facet_names:
        fields.field(f"facet_{name}", Keyword())
        fields.field(f"facet_label_{name}", Keyword())
    fields.field("suggest_entries", Keyword())  # "facet|value|folded label|label"
    return fields


def index_definition(language: str, facet_names: Sequence[str]) -> Index:
    index = Index(index_name(language))
    index.settings(number_of_shards=1)
    index.mapping(mapping(language, facet_names))
    return index


def document_id(source_label: str, document: Document) -> str:
    stand_in = f":{document.locale}" if document.source_locale else ""
    return f"{source_label}:{document.source.pk}:{document.anchor}{stand_in}"


def document_body(source_label: str, document: Document, suggested: Sequence[str]) -> dict:
    body: dict[str, Any] = {
        "kind": document.kind.value,
        "locale": document.locale,
        "source": source_label,
        "source_id": str(document.source.pk),
        "museum": str(document.museum_id) if document.museum_id is not None else None,
        "anchor": document.anchor,
        "display_title": document.title,
        "suggest": document.title,
        "text": document.text,
        "slug": document.slug,
        "url_path": document.url_path or "",
        "image_id": document.image_id,
        "image_alt": document.image_alt,
        "visible_from": document.visible_from.isoformat() if document.visible_from else None,
        "expires_at": document.expires_at.isoformat() if document.expires_at else None,
        "suggest_entries": [],
        "source_locale": document.source_locale,
        "price": float(document.price) if document.price is not None else None,
    }
    for name in Field:
        body[name.value] = " ".join(document.fields.get(name, ()))
    body["prefixes"] = " ".join(
        text for name in (Field.TITLE, Field.LABELS) for text in document.fields.get(name, ())
    )
    for facet in document.facets:
        body.setdefault(f"facet_{facet.name}", []).append(facet.value)
        label = facet.label.replace(SEPARATOR, "/")  # the separator stays unambiguous
        body.setdefault(f"facet_label_{facet.name}", []).append(f"{facet.value}{SEPARATOR}{label}")
        if facet.name in suggested:
            folded = " ".join(suggest_words(label))
            body["suggest_entries"].append(SEPARATOR.join((facet.name, facet.value, folded, label)))
    return body


# --- request bodies -----------------------------------------------------------------------


def in_museums(museums: frozenset[int]) -> list[Q]:
    """The filter to the museums searched (search.museums); none when every museum is."""
    if not museums:
        return []
    return [Q("terms", museum=[str(pk) for pk in sorted(museums)])]


def visible() -> Q:
    """Live by the clock: past its `go_live_at` (`visible_from`), not past its
    `expire_at` (`expires_at`)."""
    return Q(
        "bool",
        filter=[
            Q(
                "bool",
                should=[
                    ~Q("exists", field="visible_from"),
                    Q("range", visible_from={"lte": "now"}),
                ],
            ),
            Q(
                "bool",
                should=[~Q("exists", field="expires_at"), Q("range", expires_at={"gt": "now"})],
            ),
        ],
    )


# Typos a word may have, as Meilisearch allows them and the database backend counts them:
# none under 5 letters, 1 up to 8, 2 from 9.
FUZZINESS = "AUTO:5,9"
EXACT_BOOST = 10  # a match as typed ranks above a corrected or completed one
FIELDS = [f"{name.value}^{boost}" for name, boost in FIELD_BOOSTS.items()]


def word_query(word: QueryWord, last: bool) -> Q:
    """One planned word (search.query): as typed (boosted), by its synonyms, with the
    typos its length allows, and as the beginning of a word when it is the last one
    (edge n-grams of the `prefixes` field)."""
    should = [
        Q("multi_match", query=word.typed, type="best_fields", fields=FIELDS, boost=EXACT_BOOST),
        Q(
            "multi_match",
            query=word.typed,
            type="best_fields",
            fields=FIELDS,
            fuzziness=FUZZINESS,
            prefix_length=1,
        ),
    ]
    for alternative in word.alternatives:
        if alternative.match == Match.SYNONYM:
            should.append(
                Q(
                    "multi_match",
                    query=" ".join(alternative.terms),
                    type="phrase",
                    fields=FIELDS,
                    boost=EXACT_BOOST / 2,
                )
            )
    if last and any(a.match == Match.PREFIX and a.prefix for a in word.alternatives):
        should.append(Q("match", prefixes={"query": word.typed, "operator": "and"}))
    return Q("bool", should=should, minimum_should_match=1)


def text_query(request: SearchRequest) -> Q:
    if not request.terms and not request.words:
        return Q("match_all")
    if request.words:
        words = [
            word_query(word, last=index == len(request.words) - 1)
            for index, word in enumerate(request.words)
        ]
        if request.match_any:
            return Q("bool", should=words, minimum_should_match=1)
        return Q("bool", must=words)
    return Q(
        "multi_match",
        query=request.query,
        type="cross_fields",
        operator="or" if request.match_any else "and",
        fields=[f"{name.value}^{boost}" for name, boost in FIELD_BOOSTS.items()],
    )


def facet_filters(request: SearchRequest) -> dict[str, Q]:
    filters = {}
    if request.max_price is not None:
        filters["max_price"] = Q("range", price={"lte": float(request.max_price)})
    if request.kinds:
        filters[KIND_FACET] = Q("terms", kind=sorted(str(kind) for kind in request.kinds))
    for name, values in sorted(request.filters.items()):
        filters[name] = Q("terms", **{f"facet_{name}": sorted(values)})
    return filters


def prefix_analyzer():
    """Edge n-grams (2 to 20 letters) of folded words: the index side of completing the
    last word as it is typed."""
    edges = token_filter("vitrine_edges", "edge_ngram", min_gram=2, max_gram=20)
    return analyzer(
        "vitrine_prefixes", tokenizer=WORDS, filter=["lowercase", "asciifolding", edges]
    )


def base_search(request: SearchRequest, ranked: bool = False) -> Search:
    query = Q("bool", must=[text_query(request)], filter=[visible(), *in_museums(request.museums)])
    if ranked and request.terms:
        query = weighted(query)
    search = Search(index=index_name(request.locale)).query(query)
    filters = facet_filters(request)
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    return search


def weighted(query: Q) -> Q:
    """The relevance of kinds with a weight (search.registry) multiplied by it, as the
    database backend does."""
    weights = registry.kind_weights()
    if not weights:
        return query
    return Q(
        "function_score",
        query=query,
        functions=[
            {"filter": Q("term", kind=kind).to_dict(), "weight": weight}
            for kind, weight in sorted(weights.items())
        ],
        score_mode="multiply",
        boost_mode="multiply",
    )


def hits_body(request: SearchRequest, offset: int, limit: int) -> dict:
    search = base_search(request, ranked=True)
    if request.terms:
        search = search.sort({"_score": "desc"}, {"display_title": "asc"}, {"source_id": "asc"})
    else:
        search = search.sort({"display_title": "asc"}, {"source_id": "asc"})
    return search.extra(track_total_hits=False)[offset : offset + limit].to_dict()


def summary_body(request: SearchRequest, names: Sequence[str]) -> dict:
    """No hits, one `filter` aggregation per facet (the kind facet first); the number of
    results is the sum of the kind facet's requested kinds."""
    search = Search(index=index_name(request.locale)).query(
        Q("bool", must=[text_query(request)], filter=[visible(), *in_museums(request.museums)])
    )
    filters = facet_filters(request)
    for name in [KIND_FACET, *names]:
        others = [query for facet, query in filters.items() if facet != name]
        field = "kind" if name == KIND_FACET else f"facet_label_{name}"
        search.aggs.bucket(name, "filter", Q("bool", filter=others)).bucket(
            "values",
            "terms",
            field=field,
            size=MAX_FACET_VALUES,
            order=[{"_count": "desc"}, {"_key": "asc"}],
        )
    return search.extra(size=0).to_dict()


def suggest_body(
    words: Sequence[str],
    locale: str,
    facets: Sequence[str],
    limit: int,
    museums: frozenset[int] = frozenset(),
) -> dict:
    phrase = " ".join(words)
    shown = [visible(), *in_museums(museums)]
    search = Search(index=index_name(locale)).query(
        Q(
            "bool",
            must=[
                Q(
                    "multi_match",
                    query=phrase,
                    type="bool_prefix",
                    operator="and",
                    fields=["suggest", "suggest._2gram", "suggest._3gram"],
                )
            ],
            filter=shown,
        )
    )
    if facets:
        names = "|".join(re.escape(name) for name in facets)
        # A label word starts with the phrase; folded labels are letters, digits, spaces.
        pattern = rf"({names})\|[^|]*\|(.* )?{re.escape(phrase)}[^|]*\|.*"
        # `global`: the names come from every visible document of the language (of the
        # museums searched), not only from the documents whose titles match the prefix.
        names_of = Q("bool", filter=shown) if museums else visible()
        search.aggs.bucket("terms", "global").bucket("visible", "filter", names_of).bucket(
            "values",
            "terms",
            field="suggest_entries",
            include=pattern,
            size=limit,
            order=[{"_count": "desc"}, {"_key": "asc"}],
        )
    body = search.extra(size=limit * 2).source(
        ["display_title", "kind", "slug", "anchor", "url_path"]
    )
    return body.to_dict()


class ElasticsearchBackend(SearchBackend):
    # Elasticsearch corrects typos (fuzziness) and completes words (edge n-grams) itself.
    uses_spelling_list = False

    def __init__(self, url: str, client: Elasticsearch | None = None) -> None:
        self.url = url
        self._client = client
        self._indexes_ready = False

    @property
    def client(self) -> Elasticsearch:
        if self._client is None:
            self._client = Elasticsearch(self.url)
        return self._client

    # --- writing ---------------------------------------------------------------------

    def ensure_indexes(self) -> None:
        """Create missing indexes, once per process (a rebuild recreates them anyway)."""
        if self._indexes_ready:
            return
        for language in LANGUAGES:
            index = index_definition(language, registry.facet_names())
            if not index.exists(using=self.client):
                index.create(using=self.client)
        self._indexes_ready = True

    def replace(self, source_label: str, source_ids: Sequence[int], documents: list[Document]):
        self.ensure_indexes()
        self.client.delete_by_query(
            index=",".join(index_name(language) for language in LANGUAGES),
            query=Q(
                "bool",
                filter=[
                    Q("term", source=source_label),
                    Q("terms", source_id=[str(pk) for pk in source_ids]),
                ],
            ).to_dict(),
            refresh=True,
            conflicts="proceed",
        )
        bulk(self.client, self._actions(source_label, documents), refresh="wait_for")

    def _actions(self, source_label: str, documents: list[Document]) -> Iterator[dict]:
        suggested = registry.suggested_facet_names()
        for document in documents:
            yield {
                "_index": index_name(document.locale),
                "_id": document_id(source_label, document),
                "_source": document_body(source_label, document, suggested),
            }

    def reset(self) -> None:
        for language in LANGUAGES:
            index = index_definition(language, registry.facet_names())
            index.delete(using=self.client, ignore_unavailable=True)
            index.create(using=self.client)
        self._indexes_ready = True

    # --- reading ---------------------------------------------------------------------

    def _search(self, locale: str, body: dict) -> dict:
        return self.client.search(index=index_name(locale), body=body).body

    def hits(
        self, request: SearchRequest, offset: int, limit: int, sample: Sample | None = None
    ) -> list[Hit]:
        answer = self._search(request.locale, hits_body(request, offset, limit))
        return [
            Hit(
                kind=SearchKind(hit["_source"]["kind"]),
                title=hit["_source"]["display_title"],
                text=hit["_source"]["text"],
                slug=hit["_source"]["slug"],
                anchor=hit["_source"]["anchor"],
                url_path=hit["_source"]["url_path"] or None,
                locale=hit["_source"]["locale"],
                image_id=hit["_source"]["image_id"],
                image_alt=hit["_source"]["image_alt"],
                score=float(hit["_score"] or 0.0) if request.terms else 0.0,
                source_locale=hit["_source"].get("source_locale", ""),
                museum_id=int(hit["_source"]["museum"]) if hit["_source"].get("museum") else None,
            )
            for hit in answer["hits"]["hits"]
        ]

    def summary(self, request: SearchRequest, names: Sequence[str]) -> Summary:
        answer = self._search(request.locale, summary_body(request, names))
        facets: dict[str, list[FacetCount]] = {}
        for name in [KIND_FACET, *names]:
            buckets = answer["aggregations"][name]["values"]["buckets"]
            if name == KIND_FACET:
                facets[name] = [
                    FacetCount(bucket["key"], bucket["key"], bucket["doc_count"])
                    for bucket in buckets
                ]
            else:
                facets[name] = []
                for bucket in buckets:
                    value, _, label = bucket["key"].partition(SEPARATOR)
                    facets[name].append(FacetCount(value, label, bucket["doc_count"]))
        return Summary(count_from_kinds(request, facets[KIND_FACET]), facets)

    def suggest(
        self,
        words: Sequence[str],
        locale: str,
        facets: Sequence[str],
        limit: int,
        museums: frozenset[int] = frozenset(),
    ) -> list[Suggestion]:
        answer = self._search(locale, suggest_body(words, locale, facets, limit, museums))
        suggestions = []
        names = answer.get("aggregations", {}).get("terms", {}).get("visible", {})
        for bucket in names.get("values", {}).get("buckets", []):
            name, value, _folded, label = bucket["key"].split(SEPARATOR, 3)
            suggestions.append(Suggestion(text=label, facet=name, value=value))
        for hit in answer["hits"]["hits"]:
            source = hit["_source"]
            suggestions.append(
                Suggestion(
                    text=source["display_title"],
                    kind=SearchKind(source["kind"]),
                    slug=source["slug"],
                    anchor=source["anchor"],
                    url_path=source["url_path"] or None,
                )
            )
        unique: dict[str, Suggestion] = {}
        for suggestion in suggestions:
            unique.setdefault(fold(suggestion.text), suggestion)
        return list(unique.values())[:limit]

    def refresh(self) -> None:
        self.client.indices.refresh(index=",".join(index_name(code) for code in LANGUAGES))

    def optimize(self) -> None:
        self.refresh()
