"""A client for the NDE Termennetwerk (Network of Terms) GraphQL API.

The Termennetwerk asks many authorities (Getty AAT, RKD, Wikidata, GeoNames, ...) at
once and answers per source: the terms it found, or an error when that source timed out
or failed. We keep that shape, so the editor sees which authority did not answer instead
of an empty list that looks like "no such term".

It caches nothing itself, so we do: a search for a day, a lookup for a month (a term's
labels change rarely; the scheduler's refresh asks again). Answers in which a source
failed are not cached, or the failure would be kept for a day.

Every call has one deadline for the whole exchange (TERMENNETWERK_TIMEOUT seconds, DNS
included), because an editor is waiting in the admin: without a network the widget must
say so at once, and the label fields stay open for typing by hand. After a failure to
reach the API we say so without trying again for a short while, so a word typed letter
by letter does not wait out the deadline for each letter.

The scheduler's `refresh_term_labels` (weekly) asks again for every stored term with an
authority URI and takes over the labels the authority changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field

import requests
from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

DEFAULT_URL = "https://termennetwerk-api.netwerkdigitaalerfgoed.nl/graphql"
AAT = "http://vocab.getty.edu/aat"
DEFAULT_SOURCES = {
    "material": [AAT],
    "concept": [AAT],
    "object_type": [AAT],
    "period": [AAT],
    "person": ["https://data.rkd.nl/rkdartists", "https://www.wikidata.org#entities-all"],
    "place": ["https://www.geonames.org", "https://www.wikidata.org#entities-places"],
}
# Never empty: we always ask for labels with their languages (TranslatedTerm), never
# the untagged strings the API gives without `languages`.
# The languages the public Termennetwerk serves (its `Language` enum is made from its
# catalogue: nl, en, fy today). Asking for one it does not know is a query error, so
# French is not asked for by default; a Term's French label is typed by hand.
DEFAULT_LANGUAGES = ("nl", "en")
SEARCH_SECONDS = 24 * 60 * 60
LOOKUP_SECONDS = 30 * 24 * 60 * 60
UNREACHABLE_SECONDS = 30
MIN_QUERY_LENGTH = 3
MAX_TERMS_PER_SOURCE = 20

SEARCH_QUERY = """
query Search($sources: [ID]!, $query: String!, $languages: [Language], $limit: Int, $timeoutMs: Int) {
  terms(sources: $sources, query: $query, languages: $languages, limit: $limit, timeoutMs: $timeoutMs) {
    source { uri name alternateName }
    result {
      __typename
      ... on TranslatedTerms { terms { ...TranslatedTermFields } }
      ... on Error { message }
    }
  }
}
"""

LOOKUP_QUERY = """
query Lookup($uris: [ID]!, $languages: [Language], $timeoutMs: Int) {
  lookup(uris: $uris, languages: $languages, timeoutMs: $timeoutMs) {
    uri
    source {
      __typename
      ... on Source { uri name alternateName }
      ... on Error { message }
    }
    result {
      __typename
      ... on TranslatedTerm { ...TranslatedTermFields }
      ... on Error { message }
    }
  }
}
"""

FRAGMENTS = """
fragment TranslatedTermFields on TranslatedTerm {
  uri
  prefLabel { language value }
  altLabel { language value }
  hiddenLabel { language value }
  scopeNote { language value }
  definition { language value }
  seeAlso
  broader { uri prefLabel { language value } }
}
"""


class TermennetwerkUnavailable(Exception):
    """The API could not be reached or gave no usable answer: nothing to show but that."""


@dataclass(frozen=True)
class FoundTerm:
    """One SKOS concept as an authority describes it, labels by language."""

    uri: str
    labels: dict[str, str]
    alt_labels: list[str]
    scope_note: str
    broader: list[dict[str, str]] = field(default_factory=list)

    def label(self, languages: tuple[str, ...] = ()) -> str:
        """The preferred label in the first of `languages` it has, else any it has."""
        for language in (*languages, *DEFAULT_LANGUAGES):
            if self.labels.get(language):
                return self.labels[language]
        return next(iter(self.labels.values()), self.uri)

    def term_fields(self) -> dict[str, str]:
        """The values for a Term's fields. Dutch is required on a Term, so a term the
        authority has no Dutch label for gets its label in another language there; a
        language it has no label in stays empty (the editor types it; today the
        Termennetwerk serves no French labels at all)."""
        return {
            "authority_uri": self.uri,
            "label_nl": self.labels.get("nl") or self.label(),
            "label_en": self.labels.get("en", ""),
            "label_fr": self.labels.get("fr", ""),
            "alt_labels": "\n".join(self.alt_labels),
            "scope_note": self.scope_note,
        }

    def as_dict(self, languages: tuple[str, ...] = ()) -> dict:
        return {
            "uri": self.uri,
            "label": self.label(languages),
            "labels": self.labels,
            "alt_labels": self.alt_labels,
            "scope_note": self.scope_note,
            "broader": self.broader,
            "fields": self.term_fields(),
        }


@dataclass(frozen=True)
class SourceAnswer:
    """What one source answered to a search: terms, or why it gave none."""

    uri: str
    name: str
    terms: list[FoundTerm]
    error: str = ""  # the API's type name: TimeoutError or ServerError

    @property
    def answered(self) -> bool:
        return not self.error


def _setting(name: str, default):
    return getattr(settings, name, default)


def api_url() -> str:
    return _setting("TERMENNETWERK_URL", DEFAULT_URL)


def languages() -> tuple[str, ...]:
    return tuple(_setting("TERMENNETWERK_LANGUAGES", DEFAULT_LANGUAGES)) or DEFAULT_LANGUAGES


def sources_for(kind: str) -> list[str]:
    return list(_setting("TERMENNETWERK_SOURCES", DEFAULT_SOURCES).get(kind, []))


def _timeout() -> float:
    return float(_setting("TERMENNETWERK_TIMEOUT", 3.0))


_executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="termennetwerk")


def _post(query: str, variables: dict, deadline: float | None = None) -> dict:
    """POST one GraphQL query and return its `data`, within one overall deadline."""
    url = api_url()
    unreachable_key = "termennetwerk:unreachable:" + _digest(url)
    if cache.get(unreachable_key):
        raise TermennetwerkUnavailable("recently unreachable")
    deadline = deadline or _timeout()
    body = {"query": query + FRAGMENTS, "variables": variables}

    def send() -> requests.Response:
        # requests' own timeouts bound each phase; the future below bounds the whole.
        return requests.post(
            url, json=body, timeout=(deadline, deadline), headers={"Accept": "application/json"}
        )

    try:
        response = _executor.submit(send).result(timeout=deadline)
        response.raise_for_status()
        payload = response.json()
    except (requests.RequestException, FutureTimeout, ValueError) as error:
        logger.warning("Termennetwerk at %s did not answer: %r", url, error)
        cache.set(unreachable_key, True, UNREACHABLE_SECONDS)
        raise TermennetwerkUnavailable(str(error) or type(error).__name__) from error
    if not isinstance(payload, dict) or payload.get("errors") or "data" not in payload:
        logger.warning("Termennetwerk answered with errors: %s", payload.get("errors"))
        raise TermennetwerkUnavailable("the API answered with errors")
    return payload["data"]


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _by_language(values: list, language_order: tuple[str, ...]) -> dict[str, list[str]]:
    """LanguageString lists to {language: [values]}; untagged strings count as Dutch, as
    the API itself treats untagged literals."""
    found: dict[str, list[str]] = {}
    for item in values or []:
        if item is None:
            continue
        if isinstance(item, dict):
            language, value = item.get("language") or "nl", item.get("value") or ""
        else:
            language, value = "nl", str(item)
        if value.strip():
            found.setdefault(language, []).append(value.strip())
    return found


def _parse_term(data: dict, language_order: tuple[str, ...]) -> FoundTerm:
    pref = _by_language(data.get("prefLabel"), language_order)
    labels = {language: values[0] for language, values in pref.items()}
    alt: list[str] = []
    alt_by_language = _by_language(data.get("altLabel"), language_order)
    ordered = [*language_order, *sorted(set(alt_by_language) - set(language_order))]
    chosen = set(labels.values())
    for language in ordered:
        for value in alt_by_language.get(language, []):
            if value not in alt and value not in chosen:
                alt.append(value)
    notes = _by_language(data.get("scopeNote"), language_order) or _by_language(
        data.get("definition"), language_order
    )
    scope_note = next(
        (
            notes[language][0]
            for language in (*language_order, *sorted(notes))
            if notes.get(language)
        ),
        "",
    )
    broader = []
    for related in data.get("broader") or []:
        if related and related.get("uri"):
            related_labels = _by_language(related.get("prefLabel"), language_order)
            label = next(
                (
                    related_labels[lang][0]
                    for lang in (*language_order, *sorted(related_labels))
                    if related_labels.get(lang)
                ),
                related["uri"],
            )
            broader.append({"uri": related["uri"], "label": label})
    return FoundTerm(
        uri=data["uri"], labels=labels, alt_labels=alt, scope_note=scope_note, broader=broader
    )


def _parse_terms(result: dict, language_order: tuple[str, ...]) -> list[FoundTerm]:
    return [_parse_term(item, language_order) for item in result.get("terms") or [] if item]


def search(query: str, kind: str) -> list[SourceAnswer]:
    """The terms each of `kind`'s sources has for `query`, grouped by source.

    Raises TermennetwerkUnavailable when the API itself cannot be reached; a single
    source that fails is an answer with `error` set.
    """
    query = " ".join(query.split())
    sources = sources_for(kind)
    if len(query) < MIN_QUERY_LENGTH or not sources:
        return []
    language_order = languages()
    key = "termennetwerk:search:" + _digest(api_url(), sources, query.casefold(), language_order)
    data = cache.get(key)
    if data is None:
        data = _post(
            SEARCH_QUERY,
            {
                "sources": sources,
                "query": query,
                "languages": list(language_order),
                "limit": MAX_TERMS_PER_SOURCE,
                # The API reports a slow source as TimeoutError before our own deadline.
                "timeoutMs": int(_timeout() * 1000 * 0.8),
            },
        )
        if all(
            (item or {}).get("result", {}).get("__typename") in ("Terms", "TranslatedTerms")
            for item in data.get("terms") or []
        ):
            cache.set(key, data, SEARCH_SECONDS)
    answers = []
    for item in data.get("terms") or []:
        if not item:
            continue
        source = item.get("source") or {}
        result = item.get("result") or {}
        typename = result.get("__typename", "")
        name = source.get("name") or source.get("alternateName") or source.get("uri", "")
        if typename in ("Terms", "TranslatedTerms"):
            answers.append(
                SourceAnswer(source.get("uri", ""), name, _parse_terms(result, language_order))
            )
        else:
            answers.append(
                SourceAnswer(source.get("uri", ""), name, [], error=typename or "ServerError")
            )
    return answers


def _lookup_key(uri: str, language_order: tuple[str, ...]) -> str:
    return "termennetwerk:lookup:" + _digest(api_url(), uri, language_order)


def lookup_many(
    uris: list[str], *, fresh: bool = False, deadline: float | None = None
) -> dict[str, FoundTerm | None]:
    """Each URI's term as its authority describes it, None for a URI its authority does
    not know; a URI whose source did not answer is left out.

    `fresh` asks the API even for what the cache has (the scheduled refresh: a month-old
    cached answer would refresh nothing). Raises TermennetwerkUnavailable when the API
    itself cannot be reached.
    """
    language_order = languages()
    found: dict[str, FoundTerm | None] = {}
    items = []
    to_ask = []
    for uri in dict.fromkeys(uris):
        item = None if fresh else cache.get(_lookup_key(uri, language_order))
        if item is None:
            to_ask.append(uri)
        else:
            items.append(item)
    if to_ask:
        deadline = deadline or _timeout()
        data = _post(
            LOOKUP_QUERY,
            {"uris": to_ask, "languages": list(language_order), "timeoutMs": int(deadline * 800)},
            deadline=deadline,
        )
        for item in data.get("lookup") or []:
            if item and (item.get("result") or {}).get("__typename") == "TranslatedTerm":
                cache.set(_lookup_key(item["uri"], language_order), item, LOOKUP_SECONDS)
            items.append(item)
    for item in items:
        if not item or not item.get("uri"):
            continue
        result = item.get("result") or {}
        typename = result.get("__typename")
        if typename in ("Term", "TranslatedTerm"):
            found[item["uri"]] = _parse_term(result, language_order)
        elif (
            typename == "NotFoundError"
            or (item.get("source") or {}).get("__typename") == "SourceNotFoundError"
        ):
            found[item["uri"]] = None
    return found


def lookup(uri: str) -> FoundTerm | None:
    """The term at `uri` as its authority describes it now, or None if it has none.

    Raises TermennetwerkUnavailable when neither the API nor the term's source answered.
    """
    found = lookup_many([uri])
    if uri not in found:
        raise TermennetwerkUnavailable("the term's source did not answer")
    return found[uri]


@dataclass
class RefreshReport:
    updated: int = 0
    unchanged: int = 0
    not_found: int = 0
    unanswered: int = 0


def refresh_term_labels(*, batch_size: int = 25, deadline: float = 30.0) -> RefreshReport:
    """Bring stored terms' preferred labels in step with their authority.

    Only a label the authority has is written: a language it has none in (French, on
    the public Termennetwerk) keeps what the editor typed. Alternative labels and scope
    notes are the editor's to keep. The API is asked outside any transaction, a batch of
    URIs at a time; each term is then updated under its row lock.
    """
    from museum_site.models import Term

    report = RefreshReport()
    uris = list(
        Term.objects.exclude(authority_uri="")
        .order_by("pk")
        .values_list("authority_uri", flat=True)
    )
    for start in range(0, len(uris), batch_size):
        batch = uris[start : start + batch_size]
        found = lookup_many(batch, fresh=True, deadline=deadline)
        for uri in batch:
            if uri not in found:
                report.unanswered += 1
            elif found[uri] is None:
                report.not_found += 1
            elif _apply_labels(Term, uri, found[uri]):
                report.updated += 1
            else:
                report.unchanged += 1
    return report


def _apply_labels(term_model, uri: str, found: FoundTerm) -> bool:
    with transaction.atomic():
        term = term_model.objects.select_for_update().filter(authority_uri=uri).first()
        if term is None:
            return False
        changed = []
        for language in ("nl", "en", "fr"):
            value = found.labels.get(language, "")[:255]
            if value and getattr(term, f"label_{language}") != value:
                setattr(term, f"label_{language}", value)
                changed.append(f"label_{language}")
        if changed:
            term.save(update_fields=changed)
        return bool(changed)
