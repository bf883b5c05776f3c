"""The default backend: documents in the project's database, full text by the database.

Text is analysed in Python (search.analysis) and stored as terms; PostgreSQL matches and
ranks them with its full-text search (`tsvector` @@ `tsquery`, `ts_rank` with one weight
per field), SQLite with FTS5 (`MATCH`, `bm25` with one weight per column). Filters and
facets are ordinary SQL over SearchDocument and SearchFacetValue, with the match as a
subquery, so every answer costs a fixed number of queries whatever the page size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
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

from search.analysis import analyzer, fold, suggest_words
from search.backends import (
    KIND_FACET,
    MAX_FACET_VALUES,
    FacetCount,
    Hit,
    SearchBackend,
    SearchRequest,
    Suggestion,
    Summary,
    count_from_kinds,
)
from search.models import SearchDocument, SearchFacetValue
from search.registry import Document, Field, SearchKind

FTS_TABLE = "search_document_fts"
FACET_SEPARATOR = "\x1f"  # ASCII unit separator: never in a label
# Relative weight of a match in each field. PostgreSQL takes four weights, D to A.
POSTGRES_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # related, body, labels, title
SQLITE_WEIGHTS = (10.0, 4.0, 1.0, 0.4, 0.0)  # title, labels, body, related, suggest


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
        with transaction.atomic():
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

    @staticmethod
    def _row(document: Document, source_type: ContentType) -> SearchDocument:
        analysis = analyzer(document.locale)

        def terms(name: Field) -> str:
            return " ".join(analysis.terms(" ".join(document.fields.get(name, ()))))

        return SearchDocument(
            kind=document.kind.value,
            locale=document.locale,
            source_type=source_type,
            source_id=document.source.pk,
            anchor=document.anchor,
            title=document.title[:255],
            text=document.text,
            url_path=document.url_path or "",
            slug=document.slug,
            image_id=document.image_id,
            image_alt=document.image_alt[:400],
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

    # --- reading ---------------------------------------------------------------------

    def _filtered(self, request: SearchRequest) -> QuerySet:
        """Visible documents of the request's language, kinds and facet filters."""
        queryset = SearchDocument.objects.filter(locale=request.locale).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
        )
        if request.kinds:
            queryset = queryset.filter(kind__in=sorted(request.kinds))
        for name, values in sorted(request.filters.items()):
            sql, params = self._has_facet("facet_entries", name, values)
            queryset = queryset.filter(RawSQL(sql, params, output_field=BooleanField()))
        return queryset

    def _has_facet(self, column: str, name: str, values: frozenset[str]) -> tuple[str, list]:
        """SQL: the document whose `facet_entries` is `column` has one of these values.

        Tested on the row's own entries rather than joined with SearchFacetValue: the
        filter then costs a little per matched row instead of a join per facet."""
        prefixes = [f"{name}{FACET_SEPARATOR}{value}{FACET_SEPARATOR}" for value in sorted(values)]
        entry = "x.entry" if self.postgres else "x.value"
        test = " OR ".join([f"substr({entry}, 1, %s) = %s"] * len(prefixes))
        params = [part for prefix in prefixes for part in (len(prefix), prefix)]
        if self.postgres:
            source = f"jsonb_array_elements_text({column}) AS x(entry)"
        else:
            source = f"json_each({column}) AS x"
        return f"EXISTS (SELECT 1 FROM {source} WHERE {test})", params

    def _operator(self, request: SearchRequest) -> str:
        if self.postgres:
            return "|" if request.match_any else "&"
        return "OR" if request.match_any else "AND"

    def _matching(self, request: SearchRequest) -> QuerySet:
        queryset = self._filtered(request)
        if not request.terms:
            return queryset
        operator = self._operator(request)
        if self.postgres:
            match = RawSQL(
                "search_vector @@ to_tsquery('simple', %s)",
                [_postgres_query(request.terms, operator)],
                output_field=BooleanField(),
            )
            return queryset.filter(match)
        return queryset.filter(
            pk__in=RawSQL(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [_sqlite_query(request.terms, operator)],
            )
        )

    def hits(self, request: SearchRequest, offset: int, limit: int) -> list[Hit]:
        if not request.terms:
            documents = list(
                self._filtered(request).order_by("title", "pk")[offset : offset + limit]
            )
            return [self._hit(document, 0.0) for document in documents]
        if self.postgres:
            rank = RawSQL(
                f"ts_rank('{POSTGRES_WEIGHTS}', search_vector, to_tsquery('simple', %s), 1)",
                [_postgres_query(request.terms, self._operator(request))],
                output_field=FloatField(),
            )
            documents = list(
                self._matching(request)
                .annotate(score=rank)
                .order_by("-score", "title", "pk")[offset : offset + limit]
            )
        else:
            documents = list(self._sqlite_ranked(request, offset, limit))
        return [self._hit(document, float(document.score)) for document in documents]

    def _sqlite_ranked(self, request: SearchRequest, offset: int, limit: int):
        """FTS5 ranks only inside its own query, so the filters go in as a subquery."""
        filtered_sql, filtered_params = self._filtered(request).values("pk").query.sql_with_params()
        weights = ", ".join(str(weight) for weight in SQLITE_WEIGHTS)
        sql = (
            f"SELECT d.*, -bm25({FTS_TABLE}, {weights}) AS score "
            f"FROM {FTS_TABLE} JOIN {SearchDocument._meta.db_table} AS d "
            f"ON d.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND d.id IN ({filtered_sql}) "
            "ORDER BY score DESC, d.title, d.id LIMIT %s OFFSET %s"
        )
        query = _sqlite_query(request.terms, self._operator(request))
        return SearchDocument.objects.raw(sql, [query, *filtered_params, limit, offset])

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
        )

    def summary(self, request: SearchRequest, names: Sequence[str]) -> Summary:
        """One statement: the match is evaluated once (a CTE), then the kind facet and the
        value facets are grouped from the matched rows, each with every filter but its own.
        Facet values are read from each matched row's `facet_entries`, so the cost follows
        the number of matches, not the size of the facet table."""
        unfiltered = replace(request, kinds=frozenset(), filters={})
        matched_sql, params = (
            self._matching(unfiltered).values("pk", "kind", "facet_entries").query.sql_with_params()
        )
        # Each facet filter is tested once per matched row, as a column of the CTE.
        filters = sorted(request.filters.items())
        tests = [self._has_facet("facets", name, values) for name, values in filters]
        filter_columns = "".join(f", {sql} AS filter_{i}" for i, (sql, _) in enumerate(tests))
        params = [*params, *(param for _sql, test_params in tests for param in test_params)]
        materialized = "MATERIALIZED " if self.postgres else ""
        entries = (
            "jsonb_array_elements_text(m.facets) AS e(entry)"
            if self.postgres
            else "json_each(m.facets) AS e"
        )
        entry = "e.entry" if self.postgres else "e.value"
        parts, part_params = [], []
        condition, condition_params = self._conditions(request, skip=KIND_FACET)
        parts.append(
            f"SELECT %s, m.kind, COUNT(*) FROM matched AS m WHERE 1 = 1{condition} GROUP BY m.kind"
        )
        part_params += [KIND_FACET, *condition_params]
        # Facets without a filter of their own share one grouping; a filtered facet is
        # grouped with its own filter lifted (and keeps only its own values, below).
        groups = [(name,) for name in names if name in request.filters]
        shared = tuple(name for name in names if name not in request.filters)
        if shared:
            groups.append(shared)
        for index, group in enumerate(groups):
            skip = group[0] if group[0] in request.filters else None
            condition, condition_params = self._conditions(request, skip=skip)
            parts.append(
                f"SELECT %s, {entry}, COUNT(*) FROM matched AS m, {entries} "
                f"WHERE 1 = 1{condition} GROUP BY {entry}"
            )
            part_params += [str(index), *condition_params]
        sql = (
            f"WITH found(id, kind, facets) AS ({matched_sql}), "
            f"matched AS {materialized}(SELECT id, kind, facets{filter_columns} FROM found) "
            + " UNION ALL ".join(parts)
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *part_params])
            rows = cursor.fetchall()
        facets: dict[str, list[FacetCount]] = {name: [] for name in [KIND_FACET, *names]}
        counted = []
        for group, key, count in rows:
            if group == KIND_FACET:
                counted.append((KIND_FACET, key, key, count))
                continue
            name, value, label = key.split(FACET_SEPARATOR, 2)
            if name in groups[int(group)]:
                counted.append((name, value, label, count))
        for name, value, label, count in sorted(counted, key=lambda r: (r[0], -r[3], r[2], r[1])):
            if len(facets[name]) < MAX_FACET_VALUES or name == KIND_FACET:
                facets[name].append(FacetCount(value, label, count))
        return Summary(count_from_kinds(request, facets[KIND_FACET]), facets)

    def _conditions(self, request: SearchRequest, skip: str | None) -> tuple[str, list]:
        """SQL (on `m`, a matched row of `summary`'s CTE) for the kinds and the facet
        filters (its `filter_<i>` columns, in name order) but `skip`."""
        sql, params = "", []
        if request.kinds and skip != KIND_FACET:
            kinds = sorted(str(kind) for kind in request.kinds)
            sql += f" AND m.kind IN ({', '.join(['%s'] * len(kinds))})"
            params += kinds
        for index, name in enumerate(sorted(request.filters)):
            if name != skip:
                sql += f" AND m.filter_{index}"
        return sql, params

    def optimize(self) -> None:
        """PostgreSQL plans with table statistics: after a rebuild they describe an empty
        table until autovacuum gets round to it, and full-text matches turn into scans."""
        if self.postgres:
            with connection.cursor() as cursor:
                for model in (SearchDocument, SearchFacetValue):
                    cursor.execute(f"ANALYZE {model._meta.db_table}")

    def suggest(
        self, words: Sequence[str], locale: str, facets: Sequence[str], limit: int
    ) -> list[Suggestion]:
        visible = self._filtered(SearchRequest(terms=(), locale=locale))
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
