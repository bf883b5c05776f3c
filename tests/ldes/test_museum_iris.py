"""Member IRIs per museum: minted on the museum's own origin, dereferenced on its own
host, and continuous when an entity's IRI moves (an IRI minted on the install's root URL
before IRIs were on the museum's origin, or a museum that changed hostname).

A harvester already holding members of an old IRI keeps them (members are immutable);
the stream tells it, with a tombstone `dcterms:isReplacedBy` the new IRI, that the old
name is done, and the old IRIs keep dereferencing."""

from __future__ import annotations

import datetime
import uuid
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils import timezone
from rdflib import OWL, Graph, URIRef
from wagtail.models import Site

from museum_site.ldes import description, services
from museum_site.ldes.description import AS, CRM, DCTERMS
from museum_site.ldes.models import Member, StreamKind
from museum_site.museums.current import forget_museums
from museum_site.museums.models import Museum
from tests.museums import builders as museum_builders
from tests.site import builders

pytestmark = pytest.mark.django_db

TURTLE = {"HTTP_ACCEPT": "text/turtle"}


def _graph(member: Member) -> Graph:
    return Graph().parse(data=member.ntriples, format="nt")


def _path(iri: str) -> str:
    return urlsplit(iri).path


@pytest.fixture
def design() -> Museum:
    """A second museum on its own hostname and port, as the demo's are."""
    museum = museum_builders.museum("design")
    Site.objects.filter(pk=museum.site_id).update(port=8000)
    museum.site.refresh_from_db()
    return museum


def _live_object(museum: Museum, title: str, **fields):
    return builders.collection_object(title=title, with_image=False, museum=museum, **fields)


def test_new_iris_are_minted_on_each_museums_own_origin(design):
    default = Museum.objects.default()
    term = builders.term(label="eikenhout")
    here = _live_object(default, "Hier")
    there = _live_object(design, "Daar", materials=[term])
    mine, theirs = (
        services.record_object(here.translation_key),
        services.record_object(there.translation_key),
    )
    assert mine.is_version_of == f"{settings.FRONTEND_URL}/id/object/{here.translation_key}"
    assert mine.version_iri.startswith(mine.is_version_of + "/version/")
    assert theirs.is_version_of == (
        f"http://design.localhost:8000/id/object/{there.translation_key}"
    )
    graph = _graph(theirs)
    version = URIRef(theirs.version_iri)
    assert graph.value(version, CRM.P50_has_current_keeper) == URIRef(
        "http://design.localhost:8000"
    )
    # The group's terms are named on the default museum's origin, in every stream.
    assert (version, CRM.P45_consists_of, URIRef(f"{settings.FRONTEND_URL}/id/term/{term.pk}")) in (
        graph
    )
    for member in services.record_term(term.pk):
        assert member.is_version_of == f"{settings.FRONTEND_URL}/id/term/{term.pk}"


def test_each_museums_iris_dereference_on_its_own_host(client, design):
    default = Museum.objects.default()
    mine = services.record_object(_live_object(default, "Hier").translation_key)
    theirs = services.record_object(_live_object(design, "Daar").translation_key)
    for member, host, other in (
        (mine, "localhost:8000", "design.localhost:8000"),
        (theirs, "design.localhost:8000", "localhost:8000"),
    ):
        path = _path(member.version_iri)
        response = client.get(path, HTTP_HOST=host, **TURTLE)
        assert response.status_code == 200
        graph = Graph().parse(data=response.content.decode(), format="turtle")
        assert (
            URIRef(member.version_iri),
            DCTERMS.isVersionOf,
            URIRef(member.is_version_of),
        ) in graph
        # On the other museum's host: sent to the IRI itself, never served there.
        moved = client.get(path, HTTP_HOST=other, **TURTLE)
        assert moved.status_code == 301
        assert moved["Location"] == member.version_iri
        # The entity, on either host, sees other its latest version on its own origin.
        for asked in (host, other):
            seen = client.get(_path(member.is_version_of), HTTP_HOST=asked)
            assert seen.status_code == 303
            assert seen["Location"] == member.version_iri


def test_a_term_version_dereferences_on_the_default_museums_host_from_any_stream(client, design):
    term = builders.term(label="glas")
    members = services.record_term(term.pk)
    ours = [member for member in members if member.museum_id == design.pk]
    assert ours
    path = _path(ours[0].version_iri)
    assert client.get(path, HTTP_HOST="localhost:8000", **TURTLE).status_code == 200
    moved = client.get(path, HTTP_HOST="design.localhost:8000", **TURTLE)
    assert moved.status_code == 301
    assert moved["Location"] == ours[0].version_iri


def _old_member(museum: Museum, translation_key, origin: str) -> Member:
    """A version minted before IRIs were on the museum's origin (on `origin`)."""
    iri = f"{origin}/id/object/{translation_key}"
    version = f"{iri}/version/{uuid.uuid4().hex}"
    return Member.objects.create(
        museum=museum,
        kind=StreamKind.OBJECTS,
        entity=str(translation_key),
        version_iri=version,
        is_version_of=iri,
        created=timezone.now() - datetime.timedelta(days=3),
        content_hash="old",
        ntriples=f"<{version}> <{DCTERMS.isVersionOf}> <{iri}> .\n",
    )


def test_an_iri_minted_on_the_install_root_is_retired_and_replaced_not_rewritten(client):
    default = Museum.objects.default()
    obj = _live_object(default, "Oud stuk")
    old = _old_member(default, obj.translation_key, "http://localhost")
    old_text = old.ntriples
    new_iri = f"{settings.FRONTEND_URL}/id/object/{obj.translation_key}"

    services.record_everything()  # what `manage.py record_ldes_members` runs

    tombstone, version = Member.objects.filter(entity=old.entity).order_by("created", "pk")[1:]
    # The old member is as it was: a harvester holding it holds what we serve.
    old.refresh_from_db()
    assert old.ntriples == old_text
    # The old IRI ends with a tombstone naming its successor...
    assert tombstone.deleted and tombstone.is_version_of == old.is_version_of
    stone = _graph(tombstone)
    subject = URIRef(tombstone.version_iri)
    assert stone.value(subject, AS.object) == URIRef(old.is_version_of)
    assert stone.value(subject, DCTERMS.isReplacedBy) == URIRef(new_iri)
    # ...and the new IRI's first version says it is the same thing.
    assert not version.deleted and version.is_version_of == new_iri
    assert (URIRef(new_iri), OWL.sameAs, URIRef(old.is_version_of)) in _graph(version)
    assert services.record_everything() == 0  # settled: nothing more to write

    # Both the old version IRI and the old entity IRI still dereference.
    assert client.get(_path(old.version_iri), HTTP_HOST="localhost", **TURTLE).status_code == 200
    seen = client.get(_path(old.is_version_of), HTTP_HOST="localhost")
    assert seen.status_code == 303
    assert seen["Location"] == version.version_iri

    # The stream shows all three in order: old version, its tombstone, the new version.
    page = client.get("/ldes/" + default.slug + "/objects/0", HTTP_HOST="localhost", **TURTLE)
    graph = Graph().parse(data=page.content.decode(), format="turtle")
    shown = {str(member) for member in graph.objects(None, URIRef("https://w3id.org/tree#member"))}
    assert {old.version_iri, tombstone.version_iri, version.version_iri} <= shown


def test_a_museum_that_changes_hostname_moves_its_iris_with_a_tombstone(design):
    obj = _live_object(design, "Stoel")
    first = services.record_object(obj.translation_key)
    Site.objects.filter(pk=design.site_id).update(hostname="design.gent.example", port=443)
    forget_museums()
    second = services.record_object(obj.translation_key)
    assert second.is_version_of == f"https://design.gent.example/id/object/{obj.translation_key}"
    tombstone = Member.objects.get(entity=first.entity, deleted=True)
    assert tombstone.is_version_of == first.is_version_of
    assert _graph(tombstone).value(URIRef(tombstone.version_iri), DCTERMS.isReplacedBy) == URIRef(
        second.is_version_of
    )


def test_the_schemes_iri_dereferences_to_the_scheme_on_the_default_museums_host(client, design):
    iri = description.scheme_iri()
    for host in ("localhost:8000", "design.localhost:8000"):
        seen = client.get(_path(iri), HTTP_HOST=host)
        assert seen.status_code == 303
        location = seen["Location"]
        assert location.startswith(Museum.objects.default().public_origin + "/ldes/")
    scheme = client.get(_path(location), HTTP_HOST="localhost:8000", **TURTLE)
    assert scheme.status_code == 200
    graph = Graph().parse(data=scheme.content.decode(), format="turtle")
    assert (URIRef(iri), None, None) in graph
