"""A member's IRI dereferences: its version answers its RDF (immutable), and the
entity's IRI answers 303 to its latest version, as linked data clients expect of the
IRIs they find in a stream or in a IIIF manifest's `seeAlso`."""

from __future__ import annotations

import datetime
import uuid
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from rdflib import Graph, URIRef

from museum_site.ldes.description import DCTERMS
from museum_site.ldes.models import Member, StreamKind
from museum_site.museums.models import Museum

pytestmark = pytest.mark.django_db


def _version(museum: Museum, entity: str, n: int, *, deleted: bool = False) -> Member:
    iri = f"{museum.site.root_url}/id/object/{entity}"
    version = f"{iri}/{'deleted' if deleted else 'version'}/{uuid.uuid4().hex}"
    return Member.objects.create(
        museum=museum,
        kind=StreamKind.OBJECTS,
        entity=entity,
        version_iri=version,
        is_version_of=iri,
        deleted=deleted,
        created=timezone.now() - datetime.timedelta(minutes=10 - n),
        ntriples=f"<{version}> <{DCTERMS.isVersionOf}> <{iri}> .\n",
    )


def test_a_version_iri_answers_its_rdf_immutably(client):
    museum = Museum.objects.default()
    entity = str(uuid.uuid4())
    member = _version(museum, entity, 1)
    response = client.get(urlsplit(member.version_iri).path, HTTP_ACCEPT="text/turtle")
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    graph = Graph().parse(data=response.content.decode(), format="turtle")
    assert (URIRef(member.version_iri), DCTERMS.isVersionOf, URIRef(member.is_version_of)) in graph
    again = client.get(
        urlsplit(member.version_iri).path,
        HTTP_ACCEPT="text/turtle",
        HTTP_IF_NONE_MATCH=response["ETag"],
    )
    assert again.status_code == 304


def test_an_entity_iri_sees_other_its_latest_version(client):
    museum = Museum.objects.default()
    entity = str(uuid.uuid4())
    _version(museum, entity, 1)
    latest = _version(museum, entity, 2)
    response = client.get(f"/id/object/{entity}")
    assert response.status_code == 303
    assert urlsplit(response["Location"]).path == urlsplit(latest.version_iri).path


def test_unknown_iris_are_not_found_and_formats_are_negotiated(client):
    museum = Museum.objects.default()
    entity = str(uuid.uuid4())
    member = _version(museum, entity, 1)
    path = urlsplit(member.version_iri).path
    assert client.get(path, HTTP_ACCEPT="image/png").status_code == 406
    assert client.get(path.replace("/version/", "/deleted/")).status_code == 404
    assert client.get(path[:-4] + "beef", HTTP_ACCEPT="text/turtle").status_code == 404
    assert client.get(f"/id/object/{uuid.uuid4()}").status_code == 404
    assert client.get(f"/id/painting/{entity}").status_code == 404
