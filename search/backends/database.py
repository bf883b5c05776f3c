"""The default backend: documents in the project's database, full text by the database.

Text is analysed in Python (search.analysis) and stored as terms; PostgreSQL matches and
ranks them with its full-text search (`tsvector` @@ `tsquery`, `ts_rank` with one weight
per field), SQLite with FTS5 (`MATCH`, `bm25` with one weight per column). Filters and
facets are ordinary SQL over SearchDocument and SearchFacetValue, with the match as a
subquery, so every answer costs a fixed number of queries whatever the page size. Very
many matches are counted, and their first pages ranked, on a fixed sample of the
documents (`summary`), so an answer costs about the same at 20,000 and 200,000 documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length
from django.utils import timezone

from search import registry, spelling
from search.analysis import analyzer, fold, suggest_words, words
from search.backends import (
    KIND_FACET,
    MAX_FACET_VALUES,
    SAMPLE_BUCKETS,
    Alternative,
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
from search.models import SearchDocument, SearchFacetValue, SearchWord
from search.registry import Document, Field, SearchKind

FTS_TABLE = "search_document_fts"
FACET_SEPARATOR = "\x1f"  # ASCII unit separator: never in a label
# Relative weight of a match in each field. PostgreSQL takes four weights, D to A.
POSTGRES_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # related, body, labels, title
SQLITE_WEIGHTS = (10.0, 4.0, 1.0, 0.4, 0.0)  # title, labels, body, related, suggest
# Above this many matches (setting SEARCH_EXACT_UP_TO) the count and the facets are
# estimated from a sample of the documents, and the first pages are ranked within it.
EXACT_UP_TO = 2_000
# The samples, as how many of SAMPLE_BUCKETS they take: 1/64, 1/16 and 1/4 of the
# documents, each with its partial index on PostgreSQL (migration 0006).
SAMPLE_LEVELS = (16, 64, 256)
# A sample is made big enough to hold, expectedly, the threshold's matches over this (250 of
# 2,000): counts within a few percent, and the fewest rows read.
SAMPLE_SHARE = 8
# Fewer results than this in a sample estimate nothing: they are counted exactly.
MIN_SAMPLED_RESULTS = 50
# Fibonacci hashing of the row id: its sample number, the same as PostgreSQL's column.
HASH_MULTIPLIER = 2654435761
HASH_RANGE = 2**32


def exact_up_to() -> int:
    return int(getattr(settings, "SEARCH_EXACT_UP_TO", EXACT_UP_TO))


# Added to the relevance of a document that matches as typed: above any guessed match.
STRONG_BONUS = 10.0
# SQL: the document matches a full-text query (PostgreSQL), the query as parameter.
MATCHES = "search_vector @@ to_tsquery('simple', %s)"


def _postgres_query(terms: Sequence[str], operator: str, prefix_last: bool = False) -> str:
    quoted = [f"'{term}'" for term in terms]  # terms are letters and digits only
    if prefix_last:
        quoted[-1] += ":*"
    return f" {operator} ".join(quoted)


def _sqlite_query(terms: Sequence[str], operator: str, prefix_last: bool = False) -> str:
    quoted = [f'"{term}"' for term in terms]
    if prefix_last:
        quoted[-1] += "*"
    return f" {operator} ".join(quoted)


def _alternative(alternative: Alternative, postgres: bool) -> str:
    if postgres:
        text = _postgres_query(alternative.terms, "&", alternative.prefix)
    else:
        text = _sqlite_query(alternative.terms, "AND", alternative.prefix)
    return f"({text})" if len(alternative.terms) > 1 else text


def _uncovered(alternatives: Sequence[Alternative]) -> list[Alternative]:
    """The alternatives less those a prefix alternative of the same word matches anyway:
    "restaureer" and "restaureer*" beside "restaure*" find no document it does not. The
    same documents for fewer index lookups: each prefix reads every posting list it
    covers (issue 20: a two-word query at 200,000 documents spent 12 ms in them)."""
    prefixes = [a.terms[0] for a in alternatives if a.prefix and len(a.terms) == 1]
    return [
        alternative
        for alternative in alternatives
        if not any(
            term.startswith(prefix) and (alternative.terms, alternative.prefix) != ((prefix,), True)
            for prefix in prefixes
            for term in alternative.terms
        )
    ]


def words_query(
    words: Sequence[QueryWord],
    postgres: bool,
    match_any: bool = False,
    strong: bool = False,
    matching: bool = False,
) -> str:
    """The full-text query of planned words: every word (any word when `match_any`) by one
    of its alternatives (only the strong ones when `strong`). Empty if a word has none.
    `matching`: for telling which documents match, not how well (`_uncovered`): a
    document's rank counts each alternative it holds."""
    groups = []
    for word in words:
        alternatives = word.strong if strong else word.alternatives
        if not alternatives:
            return ""
        if matching:
            alternatives = _uncovered(alternatives)
        either = (" | " if postgres else " OR ").join(
            _alternative(alternative, postgres) for alternative in alternatives
        )
        groups.append(f"({either})" if len(alternatives) > 1 else either)
    if postgres:
        return (" | " if match_any else " & ").join(groups)
    return (" OR " if match_any else " AND ").join(groups)


# What a result shows; the analysed terms and facets stay in the database.
HIT_FIELDS = (
    "kind",
    "source_locale",
    "title",
    "text",
    "slug",
    "anchor",
    "url_path",
    "locale",
    "image_id",
    "image_alt",
    "museum_id",
)


def _kind_weight(column: str) -> tuple[str, list]:
    """SQL for the relevance multiplier of a document's kind (search.registry weights)."""
    weights = registry.kind_weights()
    if not weights:
        return "1.0", []
    cases = " ".join(["WHEN %s THEN %s"] * len(weights))
    params = [part for kind, weight in sorted(weights.items()) for part in (kind, weight)]
    return f"(CASE {column} {cases} ELSE 1.0 END)", params


class DatabaseBackend(SearchBackend):
    def __init__(self) -> None:
        if connection.vendor not in ("postgresql", "sqlite"):
            raise ImproperlyConfigured(
                "The search app's database backend needs PostgreSQL or SQLite; "
                "set ELASTICSEARCH_URL to search with Elasticsearch instead."
            )

    @property
    def postgres(self) -> bool:
        return connection.vendor == "postgresql"

    # --- writing ---------------------------------------------------------------------

    def replace(self, source_label: str, source_ids: Sequence[int], documents: list[Document]):
        source_type = ContentType.objects.get_by_natural_key(*source_label.split("."))
        rows = [self._row(document, source_type) for document in documents]
        spelling_words: dict[str, set[tuple[str, str]]] = {}
        for document in documents:
            analysis = analyzer(document.locale)
            pairs = spelling_words.setdefault(document.locale, set())
            for texts in document.fields.values():
                for word in words(" ".join(texts)):
                    if not analysis.is_stopword(word):
                        pairs.add((word, analysis.stem(word)))
        with transaction.atomic():
            self._lock_sources(source_type.pk, source_ids)
            for locale, pairs in sorted(spelling_words.items()):
                spelling.remember(locale, pairs)
            SearchDocument.objects.filter(
                source_type=source_type, source_id__in=list(source_ids)
            ).delete()
            # Both databases return the new ids, which the facet rows need.
            SearchDocument.objects.bulk_create(rows)
            SearchFacetValue.objects.bulk_create(
                SearchFacetValue(
                    document=row,
                    name=facet.name,
                    value=facet.value,
                    label=facet.label[:255],
                    folded_label=" ".join(suggest_words(facet.label))[:255],
                )
                for row, document in zip(rows, documents, strict=True)
                for facet in document.facets
            )

    def _lock_sources(self, source_type_id: int, source_ids: Sequence[int]) -> None:
        """Two transactions rebuilding the same rows at once (two buyers changing one
        product's stock) would both delete, then both insert, and the second insert would
        break the unique source constraint (D12): on PostgreSQL the rebuilds of a row
        queue behind a transaction-scoped advisory lock per row, taken in id order so
        they cannot deadlock. SQLite has one writer at a time already."""
        if not self.postgres or not source_ids:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_advisory_xact_lock(%s, id)) FROM "
                "(SELECT DISTINCT unnest(%s::int[]) AS id ORDER BY id) AS ids",
                [source_type_id, sorted(int(pk) for pk in source_ids)],
            )

    @staticmethod
    def _row(document: Document, source_type: ContentType) -> SearchDocument:
        analysis = analyzer(document.locale)

        def terms(name: Field) -> str:
            return " ".join(analysis.terms(" ".join(document.fields.get(name, ()))))

        return SearchDocument(
            kind=document.kind.value,
            locale=document.locale,
            source_locale=document.source_locale,
            price=document.price,
            source_type=source_type,
            source_id=document.source.pk,
            museum_id=document.museum_id,
            anchor=document.anchor,
            title=document.title[:255],
            text=document.text,
            url_path=document.url_path or "",
            slug=document.slug,
            image_id=document.image_id,
            image_alt=document.image_alt[:400],
            visible_from=document.visible_from,
            expires_at=document.expires_at,
            facet_entries=[
                FACET_SEPARATOR.join(
                    (facet.name, facet.value, facet.label[:255].replace(FACET_SEPARATOR, " "))
                )
                for facet in document.facets
            ],
            title_terms=terms(Field.TITLE),
            labels_terms=terms(Field.LABELS),
            body_terms=terms(Field.BODY),
            related_terms=terms(Field.RELATED),
            suggest_terms=" ".join(suggest_words(document.title)),
        )

    def reset(self) -> None:
        SearchDocument.objects.all().delete()
        spelling.forget_all()

    # --- reading ---------------------------------------------------------------------

    def _filtered(self, request: SearchRequest) -> QuerySet:
        """Visible documents of the request's language, kinds and facet filters."""
        now = timezone.now()
        queryset = SearchDocument.objects.filter(
            Q(visible_from__isnull=True) | Q(visible_from__lte=now),
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
            locale=request.locale,
        )
        if request.museums:
            queryset = queryset.filter(museum_id__in=sorted(request.museums))
        if request.kinds:
            queryset = queryset.filter(kind__in=sorted(request.kinds))
        if request.max_price is not None:
            queryset = queryset.filter(price__lte=request.max_price)
        for name, values in sorted(request.filters.items()):
            sql, params = self._has_facet(name, values)
            queryset = queryset.filter(RawSQL(sql, params, output_field=BooleanField()))
        return queryset

    def _has_facet(self, name: str, values: frozenset[str]) -> tuple[str, list]:
        """SQL on a document row: it has one of these values of facet `name`.

        PostgreSQL tests the generated `facet_keys` array (GIN-indexed, migration 0002);
        SQLite the row's own JSON entries, which costs a little per row instead of a join
        per facet."""
        if self.postgres:
            keys = [f"{name}{FACET_SEPARATOR}{value}" for value in sorted(values)]
            return "facet_keys && %s::text[]", [keys]
        prefixes = [f"{name}{FACET_SEPARATOR}{value}{FACET_SEPARATOR}" for value in sorted(values)]
        test = " OR ".join(["substr(x.value, 1, %s) = %s"] * len(prefixes))
        params = [part for prefix in prefixes for part in (len(prefix), prefix)]
        return f"EXISTS (SELECT 1 FROM json_each(facet_entries) AS x WHERE {test})", params

    def _query(self, request: SearchRequest, strong: bool = False, matching: bool = False) -> str:
        return words_query(
            request.query_words(), self.postgres, request.match_any, strong, matching
        )

    @contextmanager
    def _index_first(self, request: SearchRequest) -> Iterator[None]:
        """Statements of a text search on PostgreSQL run with sequential scans off, so the
        match comes from the full-text GIN index. The planner prices `@@` like a cheap
        operator, but on each row it reads and tests the whole weighted vector: for a
        broad word (a third of the rows match) it chose to scan the table, 40-50 ms at
        20,000 documents against 15 ms from the index, and ten times that at 200,000.
        Set for the session and reset after the statement, so other queries are left be:
        two statements more, where a transaction with `SET LOCAL` took four (BEGIN, the
        setting, its undoing for an enclosing transaction, COMMIT)."""
        if not self.postgres or (not request.terms and not request.words):
            yield
            return
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
            try:
                yield
            finally:
                try:
                    cursor.execute("RESET enable_seqscan")
                except DatabaseError:
                    # The statement failed in a transaction, now aborted: rolling it back
                    # undoes the setting too. Outside one, the reset cannot fail this way.
                    if not connection.in_atomic_block:
                        raise

    def _matching(self, request: SearchRequest) -> QuerySet:
        queryset = self._filtered(request)
        if not request.terms and not request.words:
            return queryset
        if self.postgres:
            match = RawSQL(
                MATCHES,
                [self._query(request, matching=True)],
                output_field=BooleanField(),
            )
            return queryset.filter(match)
        return queryset.filter(
            pk__in=RawSQL(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [self._query(request, matching=True)],
            )
        )

    def hits(
        self, request: SearchRequest, offset: int, limit: int, sample: Sample | None = None
    ) -> list[Hit]:
        if not request.terms and not request.words:
            documents = list(
                self._filtered(request)
                .only(*HIT_FIELDS)
                .order_by("title", "pk")[offset : offset + limit]
            )
            return [self._hit(document, 0.0) for document in documents]
        if self.postgres:
            with self._index_first(request):
                documents = self._postgres_ranked(request, offset, limit, sample)
        else:
            documents = list(self._sqlite_ranked(request, offset, limit, sample))
        return [self._hit(document, float(document.score)) for document in documents]

    def _tiers(self, request: SearchRequest) -> tuple[str, str, str]:
        """The full query, the query of what was typed exactly, and of what was typed or
        its synonyms (empty when it is the same as the one before)."""
        full = self._query(request)
        words = request.query_words()
        exact_words = [
            replace(
                word, alternatives=tuple(a for a in word.alternatives if a.match == Match.EXACT)
            )
            for word in words
        ]
        exact = words_query(exact_words, self.postgres, request.match_any)
        strong = self._query(request, strong=True)
        return full, exact if exact != full else "", strong if strong not in (full, exact) else ""

    @staticmethod
    def _upper_tiers(exact: str, strong: str) -> list[str]:
        """The queries of the tiers above the guessed matches (of `_tiers`), first first."""
        return [query for query in (exact, strong) if query]

    def _postgres_ranked(
        self, request: SearchRequest, offset: int, limit: int, sample: Sample | None
    ) -> list:
        """Every match is ranked, in a subquery that reads only what ranking needs; the
        page's rows are read whole afterwards (ranking those few again costs nothing).

        Documents that match every word as typed come first, ranked as before any guess
        was made; then those that match with synonyms; then those that needed a
        correction, a completion or a piece of a compound. The rank of the first tier is
        computed on the typed words alone: a record that lists every synonym of a Term
        must not outrank the one that says the typed word most."""
        weight_sql, weight_params = _kind_weight("kind")
        full, exact, strong = self._tiers(request)
        rank_sql = f"ts_rank('{POSTGRES_WEIGHTS}', search_vector, to_tsquery('simple', %s), 1)"
        sql = f"{rank_sql} * {weight_sql}"
        params: list = [full, *weight_params]
        if strong:
            sql = f"CASE WHEN {MATCHES} THEN {STRONG_BONUS} + {sql} ELSE {sql} END"
            params = [strong, *params, *params]
        if exact:
            sql = (
                f"CASE WHEN {MATCHES} "
                f"THEN {2 * STRONG_BONUS} + {rank_sql} * {weight_sql} ELSE {sql} END"
            )
            params = [exact, exact, *weight_params, *params]
        rank = RawSQL(sql, params, output_field=FloatField())
        if sample is not None and sample.exact is not None:
            matching = SearchDocument.objects.filter(pk__in=sample.exact)
            sample = None  # every result is ranked: they are few
        else:
            matching = self._matching(request)
        order = ["-score", "title", "pk"]
        annotations: dict = {"score": rank}
        if sample is not None:
            tiers = self._upper_tiers(exact, strong)
            tier_sql, tier_params = self._tier(tiers)
            annotations["tier"] = RawSQL(tier_sql, tier_params, output_field=IntegerField())
            in_sample = self._in_sample(sample.below)
            annotations["in_sample"] = RawSQL(in_sample, [], output_field=BooleanField())
            order = ["-tier", "-in_sample", *order]
            candidates = self._candidates(tiers, sample.tiers, in_sample, offset + limit)
            if candidates is not None:
                matching = matching.filter(candidates)
        page = (
            matching.annotate(**annotations).order_by(*order).values("pk")[offset : offset + limit]
        )
        return list(
            SearchDocument.objects.filter(pk__in=page)
            .only(*HIT_FIELDS)
            .annotate(**annotations)
            .order_by(*order)
        )

    @staticmethod
    def _tier(tiers: Sequence[str]) -> tuple[str, list]:
        """SQL: a match's tier, from len(tiers) (the first tier query's) down to 0 (none)."""
        if not tiers:
            return "0", []
        cases = " ".join(f"WHEN {MATCHES} THEN {len(tiers) - index}" for index in range(len(tiers)))
        return f"CASE {cases} ELSE 0 END", list(tiers)

    @staticmethod
    def _disjoint_tiers(tiers: Sequence[str]) -> list[tuple[str, list]]:
        """SQL on a match: it is in tier 0 (the first query's), 1, ... or the rest (the
        last), each tier without the ones before it."""
        disjoint = []
        for index in range(len(tiers) + 1):
            conditions = [f"NOT {MATCHES}"] * index + ([MATCHES] if index < len(tiers) else [])
            disjoint.append((" AND ".join(conditions) or "1 = 1", list(tiers[: index + 1])))
        return disjoint

    def _candidates(
        self, tiers: Sequence[str], sampled: Sequence[int], in_sample: str, needed: int
    ) -> RawSQL | None:
        """The matches a sampled page is ranked among; None for all of them.

        With a sample the order is by tier (as typed, with synonyms, guessed), then the
        sample's matches before the others, then relevance: a tier whose matches are few
        comes whole, however few the sample holds. The first `needed` results lie within
        the whole tiers and the sample's part of the first tier it holds `needed` of, so
        only those are ranked; the sample's count of each tier (`sampled`, from
        `_disjoint_tiers`, counted with the summary) tells which. Few in every tier: every
        match is ranked (deep pages, narrow filters)."""
        parts, params = [], []
        sampled = [*sampled, *[0] * (len(tiers) + 1 - len(sampled))]  # none in the sample
        for index, query in enumerate([*tiers, ""]):
            if sampled[index] >= needed:
                if query:
                    parts.append(f"({MATCHES} AND {in_sample})")
                    params.append(query)
                else:
                    parts.append(in_sample)
                return RawSQL(" OR ".join(parts), params, output_field=BooleanField())
            if not query:
                return None
            parts.append(MATCHES)
            params.append(query)
        raise AssertionError("the rest tier always answers")

    def _sqlite_ranked(
        self, request: SearchRequest, offset: int, limit: int, sample: Sample | None
    ):
        """FTS5 ranks only inside its own query, so the filters go in as a subquery, and
        the tiers (as on PostgreSQL) are FTS5 queries of their own, joined by rowid."""
        filtered_sql, filtered_params = self._filtered(request).values("pk").query.sql_with_params()
        weights = ", ".join(str(weight) for weight in SQLITE_WEIGHTS)
        weight_sql, weight_params = _kind_weight("d.kind")
        full, exact, strong = self._tiers(request)
        joins, join_params = "", []
        score = f"-bm25({FTS_TABLE}, {weights}) * {weight_sql}"
        score_params = list(weight_params)
        if strong:
            joins += (
                f" LEFT JOIN (SELECT rowid AS id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
                " AS strong ON strong.id = d.id"
            )
            join_params.append(strong)
            score = (
                f"CASE WHEN strong.id IS NULL THEN {score} ELSE {STRONG_BONUS * 100} + {score} END"
            )
            score_params = [*score_params, *score_params]
        if exact:
            joins += (
                f" LEFT JOIN (SELECT rowid AS id, -bm25({FTS_TABLE}, {weights}) AS rank "
                f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) AS exact ON exact.id = d.id"
            )
            join_params.append(exact)
            score = (
                f"CASE WHEN exact.id IS NULL THEN {score} "
                f"ELSE {2 * STRONG_BONUS * 100} + exact.rank * {weight_sql} END"
            )
            score_params = [*score_params, *weight_params]
        order = "score DESC, d.title, d.id"
        if sample is not None:  # the order of PostgreSQL's `_candidates`, ranking them all
            tiers = [name for name, query in (("exact", exact), ("strong", strong)) if query]
            cases = " ".join(
                f"WHEN {name}.id IS NOT NULL THEN {len(tiers) - index}"
                for index, name in enumerate(tiers)
            )
            tier = f"CASE {cases} ELSE 0 END DESC, " if tiers else ""
            order = f"{tier}({self._in_sample(sample.below, column='d.id')}) DESC, {order}"
        sql = (
            f"SELECT d.*, {score} AS score "
            f"FROM {FTS_TABLE} JOIN {SearchDocument._meta.db_table} AS d "
            f"ON d.id = {FTS_TABLE}.rowid{joins} "
            f"WHERE {FTS_TABLE} MATCH %s AND d.id IN ({filtered_sql}) "
            f"ORDER BY {order} LIMIT %s OFFSET %s"
        )
        return SearchDocument.objects.raw(
            sql, [*score_params, *join_params, full, *filtered_params, limit, offset]
        )

    @staticmethod
    def _hit(document: SearchDocument, score: float) -> Hit:
        return Hit(
            kind=SearchKind(document.kind),
            title=document.title,
            text=document.text,
            slug=document.slug,
            anchor=document.anchor,
            url_path=document.url_path or None,
            locale=document.locale,
            image_id=document.image_id,
            image_alt=document.image_alt,
            score=score,
            source_locale=document.source_locale,
            museum_id=document.museum_id,
        )

    def summary(self, request: SearchRequest, names: Sequence[str]) -> Summary:
        """The count and the facets, exact up to SEARCH_EXACT_UP_TO matches, else estimated
        from a sample, so that the cost stays that of a few thousand matches however many
        there are (issue 20: 200,000 documents).

        The matches in the smallest sample (1/64 of the documents) are counted first, in
        the same statement as the exact counts, which the database skips when that
        estimate is above the threshold: a site of a few thousand documents pays one
        statement, as before. Above it, the answer comes from the smallest sample expected
        to hold an eighth of the threshold's matches, scaled up. The results themselves,
        when the sample holds too few of them to estimate (a narrow filter on a broad
        word), are counted exactly."""
        limit = exact_up_to()
        probed, rows = self._counts(request, gate=limit)
        estimate = probed * SAMPLE_BUCKETS / SAMPLE_LEVELS[0]
        if estimate <= limit:
            return self._summary(request, names, rows, None)
        below = next(
            (
                level
                for level in SAMPLE_LEVELS
                if estimate * level / SAMPLE_BUCKETS >= limit / SAMPLE_SHARE
            ),
            SAMPLE_LEVELS[-1],
        )
        _probed, rows = self._counts(request, below=below)
        return self._summary(request, names, rows, below)

    def _summary(
        self, request: SearchRequest, names: Sequence[str], rows: list, below: int | None
    ) -> Summary:
        """The answer from the rows of `_counts`, scaled up from the sample `below`."""
        filtered = {name: index for index, name in enumerate(sorted(request.filters))}
        facets: dict[str, list[FacetCount]] = {name: [] for name in [KIND_FACET, *names]}
        counted = []
        tiers: list[int] = []  # the sample's results per tier, if `_counts` read them
        for entry, *by_condition in rows:
            name, value, *label = entry.split(FACET_SEPARATOR, 2)
            if name == KIND_FACET:
                column = 0
                in_tiers = by_condition[2 + len(filtered) :]
                tiers = [a + b for a, b in zip(tiers or [0] * len(in_tiers), in_tiers, strict=True)]
            elif name in filtered:
                column = 2 + filtered[name]
            else:
                column = 1
            if by_condition[column] and name in facets:
                counted.append((name, value, label[0] if label else value, by_condition[column]))
        sample = None
        if below is not None:
            in_sample = [
                FacetCount(v, label, n) for name, v, label, n in counted if name == KIND_FACET
            ]
            sample = Sample(below, count_from_kinds(request, in_sample), tuple(tiers))
            scale = SAMPLE_BUCKETS / below
            counted = [(name, v, label, max(1, round(n * scale))) for name, v, label, n in counted]
            if sample.results < MIN_SAMPLED_RESULTS:
                counted = [row for row in counted if row[0] != KIND_FACET]
                found = self._results(request)
                counted += [
                    (KIND_FACET, kind, kind, n) for kind, n in Counter(found.values()).items()
                ]
                kinds = {str(kind) for kind in request.kinds}
                exact = tuple(pk for pk, kind in found.items() if not kinds or kind in kinds)
                sample = replace(sample, exact=exact)
        for name, value, label, count in sorted(counted, key=lambda r: (r[0], -r[3], r[2], r[1])):
            if len(facets[name]) < MAX_FACET_VALUES or name == KIND_FACET:
                facets[name].append(FacetCount(value, label, count))
        return Summary(count_from_kinds(request, facets[KIND_FACET]), facets, sample)

    def _results(self, request: SearchRequest) -> dict[int, str]:
        """Every result's kind by its id (every filter but the kinds): few, since the
        sample held few. Counted here, and the page ranks only these (`Sample.exact`):
        finding them again cost as much as finding them (on PostgreSQL, a bitmap of every
        match of the broad word anded with the filter's, 13 ms at 200,000 documents)."""
        queryset = self._matching(replace(request, kinds=frozenset()))
        with self._index_first(request):
            return dict(queryset.values_list("pk", "kind"))

    def _in_sample(self, below: int, column: str = "id", browsing: bool = False) -> str:
        """SQL: the row is in the sample of `below` buckets. On PostgreSQL the generated
        column, written as its partial indexes' predicate (text searches) or as the
        browsing index's expression; on SQLite the same hash of the row id (`column`)."""
        if not self.postgres:
            # "%%": the statement is run with parameters, where "%" starts a placeholder.
            bucket = HASH_RANGE // SAMPLE_BUCKETS
            return f"(({column} * {HASH_MULTIPLIER}) %% {HASH_RANGE}) / {bucket} < {int(below)}"
        return f"sample::integer < {int(below)}" if browsing else f"sample < {int(below)}"

    def _counts(
        self, request: SearchRequest, below: int | None = None, gate: int | None = None
    ) -> tuple[int, list]:
        """One statement, one pass over the matches (of the sample `below`, if given): per
        facet entry its counts under each condition. With a `gate`, the statement first
        counts the matches in the smallest sample (answered first) and counts nothing
        else when they estimate more than `gate` matches.

        The kind facet and every value facet are counted together, each with every
        filter but its own. Each matched document is read once with one boolean column
        per facet filter, and its facet entries, plus a "kind" entry, are unnested once; a
        facet entry is then counted by the `COUNT(*) FILTER (WHERE ...)` column of its
        facet's conditions: the kind facet's (the filters, not the kinds), a filtered
        facet's (the kinds and the other filters) or the shared one of the unfiltered
        facets (everything). Documents that fail two conditions count nowhere and are
        dropped before the unnesting; on PostgreSQL, when there are filters, only
        documents that have a filtered value or at least the filtered facet are read at
        all (the `facet_keys` index)."""
        filters = sorted(request.filters.items())
        tests = [self._has_facet(name, values) for name, values in filters]
        queryset = self._matching(replace(request, kinds=frozenset(), filters={}))
        if self.postgres and filters:
            needed = {name for name, _values in filters}
            needed |= {f"{name}{FACET_SEPARATOR}{v}" for name, values in filters for v in values}
            queryset = queryset.filter(
                RawSQL("facet_keys && %s::text[]", [sorted(needed)], output_field=BooleanField())
            )
        browsing = not request.terms and not request.words

        def sampled(queryset: QuerySet, below: int) -> QuerySet:
            condition = self._in_sample(below, browsing=browsing)
            return queryset.filter(RawSQL(condition, [], output_field=BooleanField()))

        probe, probe_params = "", []
        if gate is not None:
            probe_sql, probe_params = (
                sampled(queryset, SAMPLE_LEVELS[0]).values("id").query.sql_with_params()
            )
            probe = f"probe AS MATERIALIZED (SELECT COUNT(*) AS n FROM ({probe_sql}) AS p), "
        elif below is not None:
            queryset = sampled(queryset, below)
        columns = {
            f"filter_{index}": RawSQL(sql, params, output_field=BooleanField())
            for index, (sql, params) in enumerate(tests)
        }
        # A sample's results in each tier, for PostgreSQL's ranking (`_candidates`): read
        # here with the rest rather than by a statement of their own.
        tiers = []
        if below is not None and self.postgres and not browsing:
            _full, exact, strong = self._tiers(request)
            tiers = self._disjoint_tiers(self._upper_tiers(exact, strong))
        columns |= {
            f"tier_{index}": RawSQL(sql, params, output_field=BooleanField())
            for index, (sql, params) in enumerate(tiers)
        }
        entries_column = "facet_list" if self.postgres else "facet_entries"
        matched_sql, params = (
            queryset.annotate(entries=RawSQL(entries_column, []), **columns)
            .values("id", "kind", "entries", *columns)
            .query.sql_with_params()
        )
        kinds = sorted(str(kind) for kind in request.kinds)
        kind_ok = f"m.kind IN ({', '.join(['%s'] * len(kinds))})" if kinds else ""
        passes = [f"m.filter_{index}" for index in range(len(filters))]

        def all_of(conditions: list[str]) -> str:
            return " AND ".join(conditions) or "1 = 1"

        # Count columns: the kind facet, the unfiltered facets, then each filtered facet.
        conditions = [(all_of(passes), [])]
        conditions.append((all_of([kind_ok, *passes] if kinds else passes), kinds))
        for index in range(len(filters)):
            others = [test for position, test in enumerate(passes) if position != index]
            conditions.append((all_of([kind_ok, *others] if kinds else others), kinds))
        for index in range(len(tiers)):  # summed over the kind entries: one per result
            conditions.append((all_of([conditions[1][0], f"m.tier_{index}"]), kinds))
        counts = ", ".join(f"COUNT(*) FILTER (WHERE {sql})" for sql, _params in conditions)
        count_params = [param for _sql, condition in conditions for param in condition]
        failures = [f"CASE WHEN {test} THEN 0 ELSE 1 END" for test in passes]
        prune, prune_params = "", []
        if kinds:
            failures.append(f"CASE WHEN {kind_ok} THEN 0 ELSE 1 END")
            prune_params = kinds
        if len(failures) > 1:
            prune = f" WHERE {' + '.join(failures)} <= 1"
        else:
            prune_params = []
        kind_entry = f"'{KIND_FACET}{FACET_SEPARATOR}' || m.kind"
        # The gate is a condition on the probe alone: both databases test it once, before
        # reading any match, and read none when it fails.
        gated = (
            f"(SELECT n FROM probe) * {SAMPLE_BUCKETS} <= {int(gate) * SAMPLE_LEVELS[0]}"
            if gate is not None
            else "1 = 1"
        )
        kept = (
            f"WITH {probe}matched AS (SELECT * FROM ({matched_sql}) AS q WHERE {gated}), "
            f"kept AS MATERIALIZED (SELECT * FROM matched AS m{prune})"
        )
        if self.postgres:
            sql = (
                f"{kept} SELECT e.entry, {counts} FROM kept AS m, "
                f"unnest(array_prepend({kind_entry}, m.entries)) AS e(entry) GROUP BY e.entry"
            )
        else:
            sql = (
                f"{kept}, entries AS (SELECT {kind_entry} AS entry, m.* FROM kept AS m UNION ALL "
                "SELECT e.value AS entry, m.* FROM kept AS m, json_each(m.entries) AS e) "
                f"SELECT m.entry, {counts} FROM entries AS m GROUP BY m.entry"
            )
        if gate is not None:  # the probe's count, as a row of its own
            zeros = ", ".join(["0"] * (len(conditions) - 1))
            sql += f" UNION ALL SELECT NULL, n, {zeros} FROM probe"
        with self._index_first(request), connection.cursor() as cursor:
            cursor.execute(sql, [*probe_params, *params, *prune_params, *count_params])
            rows = cursor.fetchall()
        probed = next((row[1] for row in rows if row[0] is None), 0)
        return probed, [row for row in rows if row[0] is not None]

    def optimize(self) -> None:
        """PostgreSQL plans with table statistics: after a rebuild they describe an empty
        table until autovacuum gets round to it, and full-text matches turn into scans.
        Its GIN indexes hold the rebuild's last rows in pending lists that every lookup
        reads whole until a vacuum merges them (migration 0007): merged here (0.3 s at
        200,000 documents, where the lists had cost 9-14 ms a lookup)."""
        if self.postgres:
            with connection.cursor() as cursor:
                tables = [model._meta.db_table for model in (SearchDocument, SearchFacetValue)]
                for table in tables:
                    cursor.execute(f"ANALYZE {table}")
                cursor.execute(
                    "SELECT count(gin_clean_pending_list(i.indexrelid)) FROM pg_index i "
                    "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                    "JOIN pg_class t ON t.oid = i.indrelid "
                    "WHERE a.amname = 'gin' AND t.relname = ANY(%s)",
                    [[*tables, SearchWord._meta.db_table]],
                )

    def suggest(
        self,
        words: Sequence[str],
        locale: str,
        facets: Sequence[str],
        limit: int,
        museums: frozenset[int] = frozenset(),
    ) -> list[Suggestion]:
        visible = self._filtered(SearchRequest(terms=(), locale=locale, museums=museums))
        phrase = " ".join(words)
        suggestions: list[Suggestion] = []
        if facets:
            starts = Q(folded_label__startswith=phrase) | Q(folded_label__contains=f" {phrase}")
            rows = (
                SearchFacetValue.objects.filter(starts, name__in=facets, document__in=visible)
                .values("name", "value", "label")
                .annotate(count=Count("pk"))
                .order_by("-count", "label")[:limit]
            )
            suggestions += [
                Suggestion(text=row["label"], facet=row["name"], value=row["value"]) for row in rows
            ]
        if self.postgres:
            match = RawSQL(
                "suggest_vector @@ to_tsquery('simple', %s)",
                [_postgres_query(words, "&", prefix_last=True)],
                output_field=BooleanField(),
            )
            matching = visible.filter(match)
        else:
            query = f"suggest_terms : ({_sqlite_query(words, 'AND', prefix_last=True)})"
            matching = visible.filter(
                pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [query])
            )
        documents = matching.annotate(
            at_start=Case(
                When(suggest_terms__startswith=phrase, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("at_start", Length("title"), "title", "pk")[: limit * 2]
        for document in documents:
            suggestions.append(
                Suggestion(
                    text=document.title,
                    kind=SearchKind(document.kind),
                    slug=document.slug,
                    anchor=document.anchor,
                    url_path=document.url_path or None,
                )
            )
        unique: dict[str, Suggestion] = {}
        for suggestion in suggestions:
            unique.setdefault(fold(suggestion.text), suggestion)
        return list(unique.values())[:limit]
