"""The streams over HTTP: LDES pages a client can walk, cache and trust per museum."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.conf import settings
from django.utils import timezone
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from museum_site.ldes import views
from museum_site.ldes.description import DCTERMS, LDES, TREE
from museum_site.ldes.models import Member, StreamKind
from museum_site.museums.models import Museum
from tests.museums import builders as museum_builders
from tests.site import builders

pytestmark = pytest.mark.django_db

FORMATS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt"}
OLD = timezone.now() - datetime.timedelta(days=30)


def _members(museum: Museum, count: int, *, kind=StreamKind.OBJECTS, start=OLD) -> list[Member]:
    made = []
    for n in range(count):
        entity = uuid.uuid4().hex
        iri = f"{museum.site.root_url}/id/object/{entity}"
        version = f"{iri}/version/{n}"
        made.append(
            Member.objects.create(
                museum=museum,
                kind=kind,
                entity=entity,
                version_iri=version,
                is_version_of=iri,
                created=start + datetime.timedelta(seconds=n // 2),  # pairs share a time
                ntriples=f"<{version}> <{DCTERMS.isVersionOf}> <{iri}> .\n",
            )
        )
    return made


def _get(client, url: str, accept: str = "text/turtle", **headers):
    return client.get(url, HTTP_ACCEPT=accept, **headers)


def _parse(response) -> Graph:
    media_type = response["Content-Type"].split(";")[0]
    return Graph().parse(data=response.content.decode(), format=FORMATS[media_type])


def _walk(client, root: str, host: str = "testserver") -> tuple[list[str], list[str]]:
    """Follow the stream as a client does on `host`: tree:view, then every
    tree:relation's node. Returns the members seen (with repeats) and the pages visited."""
    stream = _parse(_get(client, root, HTTP_HOST=host))
    [view] = stream.objects(URIRef(f"http://{host}{root}"), TREE.view)
    seen, pages, queue = [], [], [str(view)]
    while queue:
        url = queue.pop(0)
        if url in pages:
            continue
        pages.append(url)
        assert url.startswith(f"http://{host}/"), url
        response = _get(client, url, HTTP_HOST=host)
        assert response.status_code == 200, url
        graph = _parse(response)
        seen += [str(member) for member in graph.objects(None, TREE.member)]
        for relation in graph.objects(URIRef(url), TREE.relation):
            assert graph.value(relation, RDF.type) in (
                TREE.GreaterThanOrEqualToRelation,
                TREE.LessThanRelation,
            )
            assert graph.value(relation, TREE.path) == DCTERMS.created
            queue.append(str(graph.value(relation, TREE.node)))
    return seen, pages


def test_the_stream_is_an_event_stream_with_its_first_page_as_view(client, default_slug):
    response = _get(client, "/ldes/default/objects")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Accept" in response["Vary"]
    graph = _parse(response)
    stream = URIRef("http://testserver/ldes/default/objects")
    assert (stream, RDF.type, LDES.EventStream) in graph
    assert (stream, LDES.timestampPath, DCTERMS.created) in graph
    assert (stream, LDES.versionOfPath, DCTERMS.isVersionOf) in graph
    assert graph.value(stream, TREE.view) == URIRef("http://testserver/ldes/default/objects/0")


@pytest.fixture
def default_slug():
    museum = Museum.objects.default()
    Museum.objects.filter(pk=museum.pk).update(slug="default")
    museum.refresh_from_db()
    return museum


def test_a_client_walking_from_the_root_collects_every_member_once(
    client, default_slug, monkeypatch
):
    monkeypatch.setattr(views, "PAGE_SIZE", 4)
    made = _members(default_slug, 11)
    seen, pages = _walk(client, "/ldes/default/objects")
    assert sorted(seen) == sorted(member.version_iri for member in made)
    assert len(pages) == 3


def test_pages_point_forward_and_back_with_bounds_that_hold_for_their_members(
    client, default_slug, monkeypatch
):
    """Page N points to N+1 (every member there at or after the value) and to N-1 (every
    member there strictly before it), also where two members of one moment straddle
    the pages (`_members` gives pairs the same time; page size 3 splits pairs)."""
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    made = _members(default_slug, 8)
    created = {member.version_iri: member.created for member in made}

    def page(number: int) -> tuple[Graph, URIRef]:
        url = f"http://testserver/ldes/default/objects/{number}"
        return _parse(_get(client, url)), URIRef(url)

    def relations(graph: Graph, here: URIRef) -> dict:
        return {
            graph.value(relation, RDF.type): (
                graph.value(relation, TREE.node),
                graph.value(relation, TREE.value).toPython(),
            )
            for relation in graph.objects(here, TREE.relation)
        }

    def members(number: int) -> list[datetime.datetime]:
        graph, _ = page(number)
        return [created[str(member)] for member in graph.objects(None, TREE.member)]

    first, here = page(0)
    assert set(relations(first, here)) == {TREE.GreaterThanOrEqualToRelation}
    for number in (1, 2):
        graph, here = page(number)
        found = relations(graph, here)
        back_node, back_value = found[TREE.LessThanRelation]
        assert back_node == URIRef(f"http://testserver/ldes/default/objects/{number - 1}")
        assert all(moment < back_value for moment in members(number - 1))
        # ... and no looser than this page's own first moment (plus the margin).
        assert back_value <= min(members(number)) + views.BACKWARD_MARGIN
        if number == 1:
            forward_node, forward_value = found[TREE.GreaterThanOrEqualToRelation]
            assert forward_node == URIRef("http://testserver/ldes/default/objects/2")
            assert all(moment >= forward_value for moment in members(2))
        else:
            assert TREE.GreaterThanOrEqualToRelation not in found  # the last page


@pytest.mark.parametrize("accept", sorted(FORMATS))
def test_pages_parse_as_rdf_in_every_format(client, default_slug, monkeypatch, accept):
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    made = _members(default_slug, 5)
    response = _get(client, "/ldes/default/objects/0", accept)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(accept)
    graph = _parse(response)
    stream = URIRef("http://testserver/ldes/default/objects")
    assert {str(m) for m in graph.objects(stream, TREE.member)} == {m.version_iri for m in made[:3]}
    page = URIRef("http://testserver/ldes/default/objects/0")
    relation = graph.value(page, TREE.relation)
    assert graph.value(relation, TREE.node) == URIRef("http://testserver/ldes/default/objects/1")
    # The relation's value is the first member of the next page: every member there is
    # at or after it.
    value = graph.value(relation, TREE.value)
    assert value.toPython() == made[3].created
    assert _get(client, "/ldes/default/objects/1", accept).status_code == 200


def test_an_unknown_format_is_not_acceptable(client, default_slug):
    assert _get(client, "/ldes/default/objects/0", "image/png").status_code == 406
    assert _get(client, "/ldes/default/objects", "text/html").status_code == 406
    assert _get(client, "/ldes/default/terms/scheme", "image/png").status_code == 406
    assert _get(client, "/ldes/default/objects/0", "*/*")["Content-Type"].startswith("text/turtle")


def test_unknown_museums_kinds_and_pages_are_not_found(client, default_slug):
    assert _get(client, "/ldes/nowhere/objects").status_code == 404
    assert _get(client, "/ldes/nowhere/objects/0").status_code == 404
    assert _get(client, "/ldes/nowhere/terms/scheme").status_code == 404
    assert _get(client, "/ldes/default/orders").status_code == 404
    assert _get(client, "/ldes/default/objects/0").status_code == 200  # empty, not missing
    assert _get(client, "/ldes/default/objects/1").status_code == 404


def test_full_pages_are_immutable_and_answer_304_to_their_etag(client, default_slug, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    _members(default_slug, 4)
    full = _get(client, "/ldes/default/objects/0")
    assert full["Cache-Control"] == "public, max-age=31536000, immutable"
    etag = full["ETag"]
    again = _get(client, "/ldes/default/objects/0", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    # Another format is another representation: another tag.
    assert _get(client, "/ldes/default/objects/0", "application/n-triples")["ETag"] != etag

    last = _get(client, "/ldes/default/objects/1")
    assert last["Cache-Control"] == "public, max-age=60"
    tag = last["ETag"]
    assert _get(client, "/ldes/default/objects/1", HTTP_IF_NONE_MATCH=tag).status_code == 304
    _members(default_slug, 1)
    grown = _get(client, "/ldes/default/objects/1", HTTP_IF_NONE_MATCH=tag)
    assert grown.status_code == 200 and grown["ETag"] != tag


def test_a_page_whose_successor_is_not_settled_is_not_yet_immutable(
    client, default_slug, monkeypatch
):
    """A member still being committed elsewhere may land at the start of the next page:
    until that page's first member is older than SETTLED, the relation may change."""
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    _members(default_slug, 3)
    _members(default_slug, 1, start=timezone.now())
    assert _get(client, "/ldes/default/objects/0")["Cache-Control"] == "public, max-age=60"


def test_a_museums_stream_shows_only_its_own_members(client, default_slug):
    design = museum_builders.museum("design")
    own, other = _members(default_slug, 2), _members(design, 2)
    seen, _pages = _walk(client, "/ldes/default/objects")
    assert sorted(seen) == sorted(m.version_iri for m in own)
    seen, _pages = _walk(client, "/ldes/design/objects", host="design.localhost")
    assert sorted(seen) == sorted(m.version_iri for m in other)
    # Another stream of the same museum is another stream.
    _members(design, 1, kind=StreamKind.EXHIBITIONS)
    seen, _pages = _walk(client, "/ldes/design/objects", host="design.localhost")
    assert len(seen) == 2


def test_a_museums_stream_is_served_on_its_own_host_only(client, default_slug):
    """Asked on another museum's host, a stream, its pages and the scheme answer 301 to
    the same path on their museum's origin (a stored link keeps working; museum A's
    host never shows museum B's stream)."""
    design = museum_builders.museum("design")
    _members(design, 1)
    for path in ("/ldes/design/objects", "/ldes/design/objects/0", "/ldes/design/terms/scheme"):
        response = _get(client, path)  # the default museum's host
        assert response.status_code == 301, path
        assert response["Location"] == f"http://design.localhost{path}"
        assert _get(client, path, HTTP_HOST="design.localhost").status_code == 200
    response = _get(client, "/ldes/default/objects?x=1", HTTP_HOST="design.localhost")
    assert response.status_code == 301
    assert response["Location"] == f"{settings.FRONTEND_URL}/ldes/default/objects?x=1"


def test_a_page_costs_a_fixed_number_of_queries(
    client, default_slug, django_assert_max_num_queries, monkeypatch
):
    monkeypatch.setattr(views, "PAGE_SIZE", 50)
    _members(default_slug, 120)
    _get(client, "/ldes/default/objects")  # the host's and the slug's museum, now cached
    for number in (0, 1, 2):
        with django_assert_max_num_queries(2):
            assert _get(client, f"/ldes/default/objects/{number}").status_code == 200


def test_the_scheme_is_a_skos_concept_scheme_of_the_groups_terms(client, default_slug):
    wood = builders.term(builders.models.Term.Kind.MATERIAL, label="hout")
    oak = builders.term(
        builders.models.Term.Kind.MATERIAL,
        label="eik",
        label_fr="chêne",
        broader=wood,
        authority_uri="http://vocab.getty.edu/aat/300012264",
        alt_labels="eikenhout\nquercus",
        scope_note="Hout van de eik.",
    )
    museum_builders.museum("design")
    for accept in FORMATS:
        # The group's one scheme, on every museum's host.
        for slug, host in (("default", "testserver"), ("design", "design.localhost")):
            response = _get(client, f"/ldes/{slug}/terms/scheme", accept, HTTP_HOST=host)
            assert response.status_code == 200
            graph = _parse(response)
            [scheme] = graph.subjects(RDF.type, SKOS.ConceptScheme)
            concepts = set(graph.subjects(RDF.type, SKOS.Concept))
            assert len(concepts) == 2
            [concept] = graph.subjects(SKOS.exactMatch, URIRef(oak.authority_uri))
            assert (concept, SKOS.inScheme, scheme) in graph
            assert set(graph.objects(concept, SKOS.prefLabel)) == {
                Literal("eik", lang="nl"),
                Literal("eik", lang="en"),
                Literal("chêne", lang="fr"),
            }
            assert set(graph.objects(concept, SKOS.altLabel)) == {
                Literal("eikenhout"),
                Literal("quercus"),
            }
            assert graph.value(concept, SKOS.scopeNote) == Literal("Hout van de eik.")
            broader = graph.value(concept, SKOS.broader)
            assert (broader, SKOS.prefLabel, Literal("hout", lang="nl")) in graph
            assert (scheme, SKOS.hasTopConcept, broader) in graph


def test_ldes_streams_names_the_museums_stream_urls(graphql, default_slug):
    museum_builders.museum("design")
    data = graphql('{ ldesStreams(museum: "design") { kind url } }')["data"]
    assert data["ldesStreams"] == [
        {"kind": "OBJECTS", "url": "http://design.localhost/ldes/design/objects"},
        {"kind": "EXHIBITIONS", "url": "http://design.localhost/ldes/design/exhibitions"},
        {"kind": "TERMS", "url": "http://design.localhost/ldes/design/terms"},
    ]
    # Asked on the museum's own host, on the host that asked (loopback harvesters too).
    data = graphql("{ ldesStreams { url } }", HTTP_HOST="design.localhost")["data"]
    assert data["ldesStreams"][0]["url"] == "http://design.localhost/ldes/design/objects"
    data = graphql("{ ldesStreams { url } }")["data"]
    assert data["ldesStreams"][0]["url"] == "http://testserver/ldes/default/objects"
    errors = graphql('{ ldesStreams(museum: "nowhere") { url } }')["errors"]
    assert errors
