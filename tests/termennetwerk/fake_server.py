"""A Termennetwerk on loopback: a real HTTP server that answers GraphQL from the pinned
upstream schema (schema.graphql beside this file) with fixture answers.

graphql-core executes every query against that schema, so a query our client sends
that upstream would refuse (an unknown field, a language the API has no enum value for)
fails here too, and so does a fixture answer that does not fit the schema.

The fixtures are written from the authorities' published records, not from what our
client does: Getty AAT's "bronze" (http://vocab.getty.edu/aat/300010957, Dutch "brons"),
RKD's and Wikidata's Rembrandt. The Termennetwerk gives AAT labels in Dutch and English
only (its AAT queries ask for those two), so no fixture has a French label.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graphql import build_schema, graphql_sync

SCHEMA = build_schema((Path(__file__).parent / "schema.graphql").read_text())

AAT = "http://vocab.getty.edu/aat"
RKD = "https://data.rkd.nl/rkdartists"
WIKIDATA = "https://www.wikidata.org#entities-all"
GEONAMES = "https://www.geonames.org"

SOURCES = {
    AAT: {
        "name": "Art & Architecture Thesaurus",
        "alternateName": "AAT",
        "prefix": "http://vocab.getty.edu/aat/",
    },
    RKD: {"name": "RKDartists", "alternateName": "RKD", "prefix": "https://data.rkd.nl/artists/"},
    WIKIDATA: {
        "name": "Wikidata",
        "alternateName": "Wikidata",
        "prefix": "http://www.wikidata.org/entity/",
    },
    GEONAMES: {
        "name": "GeoNames",
        "alternateName": "GeoNames",
        "prefix": "https://sws.geonames.org/",
    },
}

# Labels as (language, value); the server keeps the languages a query asks for.
TERMS = {
    AAT: [
        {
            "uri": "http://vocab.getty.edu/aat/300010957",
            "prefLabel": [("nl", "brons"), ("en", "bronze")],
            "altLabel": [("en", "bronze (metal)"), ("en", "bronze alloy")],
            "scopeNote": [
                ("en", "Alloy of copper and tin, sometimes with small amounts of other metals."),
                ("nl", "Legering van koper en tin, soms met kleine hoeveelheden andere metalen."),
            ],
            # AAT's record: bronze (metal) is under copper alloy (300010942).
            "broader": [
                {
                    "uri": "http://vocab.getty.edu/aat/300010942",
                    "prefLabel": [("nl", "koperlegering"), ("en", "copper alloy")],
                }
            ],
        },
        {
            "uri": "http://vocab.getty.edu/aat/300011020",
            "prefLabel": [("nl", "messing"), ("en", "brass")],
            "altLabel": [("nl", "geelkoper")],
            "scopeNote": [("en", "Alloy of copper and zinc.")],
            "broader": [],
        },
    ],
    RKD: [
        {
            "uri": "https://data.rkd.nl/artists/66219",
            "prefLabel": [("nl", "Rembrandt"), ("en", "Rembrandt")],
            "altLabel": [("nl", "Rembrandt Harmensz. van Rijn")],
            "scopeNote": [("nl", "Nederlands schilder, tekenaar en etser (1606-1669)")],
            "broader": [],
        }
    ],
    WIKIDATA: [
        {
            "uri": "http://www.wikidata.org/entity/Q5598",
            "prefLabel": [("nl", "Rembrandt van Rijn"), ("en", "Rembrandt")],
            "altLabel": [("en", "Rembrandt Harmenszoon van Rijn")],
            "scopeNote": [("en", "Dutch painter and printmaker (1606–1669)")],
            "broader": [],
        }
    ],
    GEONAMES: [],
}


def _strings(pairs, languages):
    if languages is None:
        return [value for _, value in pairs]
    return [
        {"language": language, "value": value} for language, value in pairs if language in languages
    ]


def _term(fixture: dict, languages):
    return {
        "__typename": "Term" if languages is None else "TranslatedTerm",
        "uri": fixture["uri"],
        "prefLabel": _strings(fixture["prefLabel"], languages),
        "altLabel": _strings(fixture["altLabel"], languages),
        "hiddenLabel": [],
        "definition": [],
        "scopeNote": _strings(fixture["scopeNote"], languages),
        "seeAlso": [],
        "broader": [
            {"uri": related["uri"], "prefLabel": _strings(related["prefLabel"], languages)}
            for related in fixture["broader"]
        ],
        "narrower": [],
        "related": [],
        "exactMatch": [],
    }


def _source(uri: str) -> dict:
    known = SOURCES[uri]
    return {
        "__typename": "Source",
        "uri": uri,
        "name": known["name"],
        "alternateName": known["alternateName"],
        "description": "",
        "creators": [],
        "features": [],
        "genres": [],
        "inLanguage": ["en", "nl"],
        "mainEntityOfPage": [],
        "status": None,
    }


class FakeTermennetwerk:
    """Start with `start()`, stop with `stop()`; `requests` lists what was asked."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.failing_sources: set[str] = set()
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with fake._lock:
                    fake.requests.append(body)
                result = graphql_sync(
                    SCHEMA,
                    body["query"],
                    root_value=fake._root(),
                    variable_values=body.get("variables"),
                )
                answer = {"data": result.data}
                if result.errors:
                    answer["errors"] = [error.formatted for error in result.errors]
                payload = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/graphql"

    def start(self) -> FakeTermennetwerk:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def _root(self) -> dict:
        return {"terms": self._terms, "lookup": self._lookup, "sources": lambda info, **_: []}

    def _terms(self, info, sources, query, languages=None, limit=100, **_):
        answers = []
        needle = query.casefold()
        for uri in sources:
            if uri not in SOURCES:
                continue
            if uri in self.failing_sources:
                result = {"__typename": "TimeoutError", "message": f"Source timed out: {uri}"}
            else:
                found = [
                    _term(fixture, languages)
                    for fixture in TERMS[uri]
                    if any(
                        needle in value.casefold()
                        for _, value in fixture["prefLabel"] + fixture["altLabel"]
                    )
                ][:limit]
                typename = "Terms" if languages is None else "TranslatedTerms"
                result = {"__typename": typename, "terms": found}
            answers.append(
                {"source": _source(uri), "result": result, "terms": [], "responseTimeMs": 12}
            )
        return answers

    def _lookup(self, info, uris, languages=None, **_):
        answers = []
        for uri in uris:
            source = next(
                (known for known, data in SOURCES.items() if uri.startswith(data["prefix"])), None
            )
            if source is None:
                answers.append(
                    {
                        "uri": uri,
                        "source": {"__typename": "SourceNotFoundError", "message": "No source"},
                        "result": {"__typename": "NotFoundError", "message": "Not found"},
                        "responseTimeMs": 1,
                    }
                )
                continue
            fixture = next((term for term in TERMS[source] if term["uri"] == uri), None)
            if source in self.failing_sources:
                result = {"__typename": "TimeoutError", "message": "Source timed out"}
            elif fixture is None:
                result = {"__typename": "NotFoundError", "message": "Not found"}
            else:
                result = _term(fixture, languages)
            answers.append(
                {"uri": uri, "source": _source(source), "result": result, "responseTimeMs": 9}
            )
        return answers
