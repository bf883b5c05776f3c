"""The streams over HTTP: `/ldes/<museum>/<kind>` and its pages, and the SKOS scheme.

Following the LDES server primer (SEMICeu) and CoGhent's event-stream API: the stream
document is an `ldes:EventStream` whose `tree:view` is page 0; page N holds members
N*PAGE_SIZE.. in (created, id) order and points to page N+1 with a
`tree:GreaterThanOrEqualToRelation` on `dcterms:created` whose value is the first member
of page N+1, and (from page 1 on) back to page N-1 with a `tree:LessThanRelation` whose
value is just past the last member of page N-1, so a client may enter at any page and
still find every member. A page whose successor is settled (museum_site.ldes.services.SETTLED) will
never change: it is served immutable for a year. The open page answers for a minute.
Pages read the stored members only; nothing is described again at read time.

Each museum's streams, pages and member IRIs are served on that museum's own host (the
museum the request's host names, museum_site.museums.current): asked on another
museum's host, they answer 301 to the same path on the right origin, so a link or IRI
someone stored keeps working and museum A's host never shows museum B's stream. Stream
and page URLs are built on the host that asked (a harvester walks them from there,
loopback included); member IRIs are names minted on the museum's public origin
(museum_site.ldes.description) and are looked up by their path.
"""

from __future__ import annotations

import datetime
import hashlib

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from museum_site.museums.current import UnknownMuseum, museum_by_slug, museum_for_request
from museum_site.museums.links import museum_url
from museum_site.museums.models import Museum

from . import description
from .description import DCTERMS, LDES, TREE
from .models import Member, StreamKind
from .services import SETTLED, timestamp_literal

PAGE_SIZE = 100
# The smallest step of a stored timestamp: the backward relation's bound is this past the
# previous page's last member.
BACKWARD_MARGIN = datetime.timedelta(microseconds=1)
FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
}
IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=60"


def _format(request: HttpRequest) -> str | None:
    return request.get_preferred_type(list(FORMATS))


def _museum(slug: str) -> Museum:
    """The museum `slug` names, from the shared cache (museum_site.museums.current)."""
    try:
        return museum_by_slug(slug)
    except UnknownMuseum:
        raise Http404("No such museum.") from None


def _elsewhere(request: HttpRequest, museum: Museum | int | None) -> HttpResponse | None:
    """301 to this path on `museum`'s origin (a museum, its pk, or None for the default
    museum) when the request's host is another museum's; None when this host serves it."""
    here = museum_for_request(request)
    if museum is None:
        served = here.is_default
    else:
        served = here.pk == (museum if isinstance(museum, int) else museum.pk)
    if served:
        return None
    response = HttpResponsePermanentRedirect(museum_url(museum, request.get_full_path()))
    return _open(response)


def _minted_by(member: Member) -> int | None:
    """The museum whose origin a member's IRI is on: its own, or for the group's terms
    the default museum's (None) (museum_site.ldes.description)."""
    return None if member.kind == StreamKind.TERMS else member.museum_id


def _kind(kind: str) -> str:
    if kind not in StreamKind.values:
        raise Http404("No such stream.")
    return kind


def _not_acceptable() -> HttpResponse:
    message = _("Ask for one of: %(formats)s") % {"formats": ", ".join(FORMATS)}
    response = HttpResponse(message, status=406, content_type="text/plain; charset=utf-8")
    return _open(response)


def _open(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag"
    patch_vary_headers(response, ["Accept"])
    return response


def _etag(*parts) -> str:
    return '"' + hashlib.sha256(repr(parts).encode()).hexdigest()[:32] + '"'


def _answer(request, etag: str, cache_control: str, media_type: str, render) -> HttpResponse:
    """304 when the client has `etag`, else the rendered graph."""
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponse(status=304)
    else:
        graph = render()
        context = {prefix: str(ns) for prefix, ns in description.PREFIXES.items()}
        options = {"context": context} if FORMATS[media_type] == "json-ld" else {}
        body = graph.serialize(format=FORMATS[media_type], **options)
        response = HttpResponse(body, content_type=f"{media_type}; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    return _open(response)


def served_url(request: HttpRequest, museum: Museum, path: str) -> str:
    """`path` on the host that asked when it serves `museum` (a harvester, loopback
    included, walks on from there), else on the museum's own origin."""
    if museum_for_request(request).pk == museum.pk:
        return request.build_absolute_uri(path)
    return museum_url(museum, path)


def stream_url(request, museum: Museum, kind: str) -> str:
    return served_url(request, museum, reverse("ldes-stream", args=[museum.slug, kind]))


def page_url(request, museum: Museum, kind: str, number: int) -> str:
    return served_url(request, museum, reverse("ldes-page", args=[museum.slug, kind, number]))


def _describe_stream(graph: Graph, stream: URIRef) -> None:
    graph.add((stream, RDF.type, LDES.EventStream))
    graph.add((stream, LDES.timestampPath, DCTERMS.created))
    graph.add((stream, LDES.versionOfPath, DCTERMS.isVersionOf))


@require_safe
def stream(request: HttpRequest, museum: str, kind: str) -> HttpResponse:
    media_type = _format(request)
    if media_type is None:
        return _not_acceptable()
    found, kind = _museum(museum), _kind(kind)
    if (moved := _elsewhere(request, found)) is not None:
        return moved
    here = URIRef(stream_url(request, found, kind))

    def render() -> Graph:
        graph = description.new_graph()
        _describe_stream(graph, here)
        graph.add((here, TREE.view, URIRef(page_url(request, found, kind, 0))))
        return graph

    return _answer(request, _etag("stream", str(here), media_type), SHORT, media_type, render)


@require_safe
def page(request: HttpRequest, museum: str, kind: str, number: int) -> HttpResponse:
    media_type = _format(request)
    if media_type is None:
        return _not_acceptable()
    found, kind = _museum(museum), _kind(kind)
    if (moved := _elsewhere(request, found)) is not None:
        return moved
    start = number * PAGE_SIZE
    # One row past the page (the first member of the next page, if there is one) and,
    # after page 0, one row before it (the last member of the previous page).
    before = 1 if number > 0 else 0
    rows = list(
        Member.objects.of_stream(found, kind).only("pk", "created", "version_iri", "ntriples")[
            start - before : start + PAGE_SIZE + 1
        ]
    )
    previous_last, rows = (rows[0], rows[1:]) if before and rows else (None, rows)
    if not rows and number > 0:
        raise Http404("No such page.")
    members, following = rows[:PAGE_SIZE], rows[PAGE_SIZE:]
    next_first = following[0] if following else None
    settled = next_first is not None and next_first.created <= timezone.now() - SETTLED
    here = URIRef(page_url(request, found, kind, number))
    the_stream = URIRef(stream_url(request, found, kind))
    etag = _etag(
        "page",
        str(here),
        media_type,
        [member.pk for member in members],
        next_first.pk if next_first else None,
        previous_last.pk if previous_last else None,
    )

    def render() -> Graph:
        graph = description.new_graph()
        _describe_stream(graph, the_stream)
        graph.add((here, RDF.type, TREE.Node))
        if next_first is not None:
            relation = URIRef(f"{here}#next")
            graph.add((here, TREE.relation, relation))
            graph.add((relation, RDF.type, TREE.GreaterThanOrEqualToRelation))
            graph.add((relation, TREE.path, DCTERMS.created))
            graph.add((relation, TREE.value, timestamp_literal(next_first.created)))
            graph.add((relation, TREE.node, URIRef(page_url(request, found, kind, number + 1))))
        if previous_last is not None:
            # Members of one moment may straddle two pages, so the bound is just past the
            # previous page's last member: every member there is strictly earlier.
            relation = URIRef(f"{here}#previous")
            bound = previous_last.created + BACKWARD_MARGIN
            graph.add((here, TREE.relation, relation))
            graph.add((relation, RDF.type, TREE.LessThanRelation))
            graph.add((relation, TREE.path, DCTERMS.created))
            graph.add((relation, TREE.value, timestamp_literal(bound)))
            graph.add((relation, TREE.node, URIRef(page_url(request, found, kind, number - 1))))
        graph.parse(data="".join(member.ntriples for member in members), format="nt")
        for member in members:
            graph.add((the_stream, TREE.member, URIRef(member.version_iri)))
        return graph

    return _answer(request, etag, IMMUTABLE if settled else SHORT, media_type, render)


@require_safe
def scheme(request: HttpRequest, museum: str) -> HttpResponse:
    """The group's vocabulary as one `skos:ConceptScheme`, as it is now (the `terms`
    stream keeps its history)."""
    from museum_site.models import Term

    media_type = _format(request)
    if media_type is None:
        return _not_acceptable()
    if (moved := _elsewhere(request, _museum(museum))) is not None:
        return moved
    terms = list(Term.objects.order_by("pk"))
    base, scheme_iri = description.term_base(), description.scheme_iri()
    fields = ("label_nl", "label_en", "label_fr", "alt_labels", "scope_note", "broader_id")
    fields += ("authority_uri", "kind")
    etag = _etag(
        "scheme", media_type, [[t.pk, *(getattr(t, name) for name in fields)] for t in terms]
    )

    def render() -> Graph:
        graph = description.new_graph()
        subject = URIRef(scheme_iri)
        graph.add((subject, RDF.type, SKOS.ConceptScheme))
        graph.add((subject, SKOS.prefLabel, Literal("Vitrine terms", lang="en")))
        for term in terms:
            description.describe_term(graph, f"{base}/{term.pk}", term, base, scheme_iri)
            if term.broader_id is None:
                graph.add((subject, SKOS.hasTopConcept, URIRef(f"{base}/{term.pk}")))
        return graph

    return _answer(request, etag, SHORT, media_type, render)


@require_safe
def scheme_iri(request: HttpRequest) -> HttpResponse:
    """The scheme's IRI (`/id/terms`, on the default museum's origin): 303 See Other to
    the document that describes it, like an entity's IRI to its latest version."""
    default = Museum.objects.default()
    response = HttpResponse(status=303)
    response["Location"] = museum_url(default, reverse("ldes-scheme", args=[default.slug]))
    response["Cache-Control"] = SHORT
    return _open(response)


# The IRI path segment of each kind (museum_site.ldes.description: `/id/object/<key>`…).
IRI_KINDS = {
    "object": StreamKind.OBJECTS,
    "exhibition": StreamKind.EXHIBITIONS,
    "term": StreamKind.TERMS,
}
VERSION_STATES = {"version": False, "deleted": True}


@require_safe
def version(request: HttpRequest, kind: str, entity: str, state: str, key: str) -> HttpResponse:
    """One member by its own IRI (`/id/object/<key>/version/<hex>`): what the stream
    page says of it, so the IRIs in the streams and the IIIF manifests' `seeAlso`
    dereference. A version never changes: immutable."""
    if kind not in IRI_KINDS or state not in VERSION_STATES:
        raise Http404("No such resource.")
    media_type = _format(request)
    if media_type is None:
        return _not_acceptable()
    member = (
        Member.objects.filter(
            kind=IRI_KINDS[kind],
            entity=entity,
            deleted=VERSION_STATES[state],
            version_iri__endswith=f"/id/{kind}/{entity}/{state}/{key}",
        )
        .only("pk", "ntriples", "kind", "museum_id")
        .first()
    )
    if member is None:
        raise Http404("No such version.")
    if (moved := _elsewhere(request, _minted_by(member))) is not None:
        return moved

    def render() -> Graph:
        graph = description.new_graph()
        graph.parse(data=member.ntriples, format="nt")
        return graph

    return _answer(request, _etag("member", member.pk, media_type), IMMUTABLE, media_type, render)


@require_safe
def entity(request: HttpRequest, kind: str, entity: str) -> HttpResponse:
    """An object, exhibition or term by its IRI: 303 See Other to its latest version
    (the thing is not a document; its latest description is)."""
    if kind not in IRI_KINDS:
        raise Http404("No such resource.")
    latest = (
        Member.objects.filter(kind=IRI_KINDS[kind], entity=entity)
        .order_by("-created", "-pk")
        .only("version_iri", "kind", "museum_id")
        .first()
    )
    if latest is None:
        raise Http404("No such resource.")
    # The version's path on the origin that serves it now (an IRI minted on an older
    # origin of the museum is found by its path there too).
    path = "/" + latest.version_iri.split("/", 3)[3]
    response = HttpResponse(status=303)
    response["Location"] = museum_url(_minted_by(latest), path)
    response["Cache-Control"] = SHORT
    return _open(response)
