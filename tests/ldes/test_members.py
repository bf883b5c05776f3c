"""Publishing writes stream members: one version per change, a tombstone when content goes."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from museum_site.ldes import services
from museum_site.ldes.description import AS, CRM, DCTERMS
from museum_site.ldes.models import Member, StreamKind
from museum_site.museums.models import Museum
from tests.museums import builders as museum_builders
from tests.site import builders

pytestmark = pytest.mark.django_db


def _graph(member: Member) -> Graph:
    return Graph().parse(data=member.ntriples, format="nt")


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish (or unpublish) as an editor does, then run what waits for the commit."""

    def run(thing, *, unpublish: bool = False):
        with django_capture_on_commit_callbacks(execute=True):
            if unpublish:
                thing.refresh_from_db()  # publishing saved a copy made from the revision
                thing.unpublish()
            else:
                thing.save_revision().publish()

    return run


def _object(**fields):
    maker = builders.term(
        label="Pieter Bruegel", authority_uri="https://rkd.nl/explore/artists/13309"
    )
    material = builders.term(builders.models.Term.Kind.MATERIAL, label="eikenhout")
    kind = builders.term(builders.models.Term.Kind.OBJECT_TYPE, label="schilderij")
    return builders.collection_object(
        makers=[maker],
        materials=[material],
        object_type=kind,
        live=False,
        with_image=False,
        earliest_year=1565,
        latest_year=1566,
        date_text="1565-1566",
        **fields,
    )


def test_publishing_an_object_writes_exactly_one_member_in_linked_art(publish):
    obj = _object(title="De jagers in de sneeuw", inventory_number="1565.1")
    translation = obj.copy_for_translation(builders.locale("en"))
    translation.title = "Hunters in the Snow"
    translation.save()
    assert not Member.objects.exists()

    publish(obj)
    publish(translation)

    members = list(Member.objects.filter(kind=StreamKind.OBJECTS))
    assert len(members) == 2  # the English copy added a language: a new version
    member = members[-1]
    assert member.museum == Museum.objects.default()
    assert member.is_version_of.endswith(f"/id/object/{obj.translation_key}")
    graph = _graph(member)
    version = URIRef(member.version_iri)
    assert (version, DCTERMS.isVersionOf, URIRef(member.is_version_of)) in graph
    assert (version, RDF.type, CRM["E22_Human-Made_Object"]) in graph
    assert set(graph.objects(version, RDFS.label)) == {
        Literal("De jagers in de sneeuw", lang="nl"),
        Literal("Hunters in the Snow", lang="en"),
    }
    production = graph.value(version, CRM.P108i_was_produced_by)
    assert graph.value(production, CRM.P14_carried_out_by) == URIRef(
        "https://rkd.nl/explore/artists/13309"
    )
    [material] = graph.objects(version, CRM.P45_consists_of)
    assert (material, RDFS.label, Literal("eikenhout", lang="nl")) in graph
    assert graph.value(version, CRM.P2_has_type) is not None
    identifier = graph.value(version, CRM.P1_is_identified_by)
    assert graph.value(identifier, CRM.P190_has_symbolic_content) == Literal("1565.1")


def test_republishing_unchanged_writes_nothing_and_a_change_writes_a_version(publish):
    obj = _object()
    publish(obj)
    publish(obj)
    assert Member.objects.count() == 1

    obj.title = "A new title"
    publish(obj)
    first, second = Member.objects.order_by("created", "pk")
    assert first.is_version_of == second.is_version_of
    assert first.version_iri != second.version_iri
    assert Literal("A new title", lang="nl") in set(_graph(second).objects())


def test_unpublishing_writes_a_deletion_marker_once(publish):
    obj = _object()
    publish(obj)
    publish(obj, unpublish=True)
    publish(obj, unpublish=True)

    live, gone = Member.objects.order_by("created", "pk")
    assert gone.deleted and not live.deleted
    graph = _graph(gone)
    assert (URIRef(gone.version_iri), RDF.type, AS.Delete) in graph
    assert (URIRef(gone.version_iri), DCTERMS.isVersionOf, URIRef(live.is_version_of)) in graph

    publish(obj)  # back again: a new version after the tombstone
    assert not Member.objects.order_by("created", "pk").last().deleted


def test_deleting_an_object_ends_its_stream(publish, django_capture_on_commit_callbacks):
    obj = _object()
    publish(obj)
    with django_capture_on_commit_callbacks(execute=True):
        obj.delete()
    assert Member.objects.order_by("created", "pk").last().deleted


def test_an_exhibition_is_a_member_of_its_museums_stream(publish):
    obj = _object()
    publish(obj)
    page = builders.exhibition(objects=[obj], publish=False)
    publish(page)

    [member] = Member.objects.filter(kind=StreamKind.EXHIBITIONS)
    graph = _graph(member)
    version = URIRef(member.version_iri)
    assert (version, RDF.type, CRM.E7_Activity) in graph
    shown = Member.objects.get(kind=StreamKind.OBJECTS).is_version_of
    assert (version, CRM.P16_used_specific_object, URIRef(shown)) in graph

    publish(page, unpublish=True)
    assert Member.objects.filter(kind=StreamKind.EXHIBITIONS).latest("created").deleted


def test_an_exhibition_of_another_museum_goes_to_that_museums_stream(publish):
    design = museum_builders.museum("design")
    index = design.site.root_page.add_child(
        instance=builders.models.ExhibitionIndexPage(title="Expo", slug="expo")
    )
    page = index.add_child(
        instance=builders.models.ExhibitionPage(title="Stoelen", slug="stoelen", intro="Zitten.")
    )
    publish(page)
    [member] = Member.objects.filter(kind=StreamKind.EXHIBITIONS)
    assert member.museum == design
    assert member.is_version_of.startswith(design.site.root_url)


def test_a_term_is_a_skos_concept_in_every_museums_terms_stream(django_capture_on_commit_callbacks):
    design = museum_builders.museum("design")
    with django_capture_on_commit_callbacks(execute=True):
        broader = builders.term(builders.models.Term.Kind.MATERIAL, label="hout")
        term = builders.term(
            builders.models.Term.Kind.MATERIAL,
            label="eik",
            label_fr="chêne",
            broader=broader,
            authority_uri="http://vocab.getty.edu/aat/300012264",
            alt_labels="eikenhout",
        )
    members = Member.objects.filter(kind=StreamKind.TERMS, entity=str(term.pk))
    assert {member.museum for member in members} == {Museum.objects.default(), design}
    graph = _graph(members[0])
    version = URIRef(members[0].version_iri)
    assert (version, RDF.type, SKOS.Concept) in graph
    assert (version, SKOS.prefLabel, Literal("chêne", lang="fr")) in graph
    assert (version, SKOS.exactMatch, URIRef("http://vocab.getty.edu/aat/300012264")) in graph
    assert graph.value(version, SKOS.broader).endswith(f"/id/term/{broader.pk}")

    term_id = term.pk
    with django_capture_on_commit_callbacks(execute=True):
        term.delete()
    gone = Member.objects.filter(kind=StreamKind.TERMS, entity=str(term_id), deleted=True)
    assert gone.count() == 2


def test_a_member_cannot_be_changed():
    services.record_term(builders.term().pk)
    member = Member.objects.first()
    member.ntriples = ""
    with pytest.raises(ValueError):
        member.save()


def test_recording_everything_twice_writes_each_thing_once():
    obj = builders.collection_object(with_image=False)  # saved live, never "published"
    builders.exhibition(objects=[obj])
    out = io.StringIO()
    call_command("record_ldes_members", stdout=out)
    assert out.getvalue().strip() == "2 new stream members"  # the object, the exhibition
    assert services.record_everything() == 0


def test_a_terms_new_label_gives_the_objects_that_name_it_a_new_version(
    publish, django_capture_on_commit_callbacks
):
    obj = _object(title="De oogst")
    publish(obj)
    material = obj.materials.get()
    other = builders.collection_object(with_image=False, live=False)  # names other terms
    publish(other)
    stream = Member.objects.filter(kind=StreamKind.OBJECTS)
    before = {member.entity: member.pk for member in stream.all()}
    assert len(before) == 2

    with django_capture_on_commit_callbacks(execute=True):
        material.label_en = "oak"
        material.save()

    new = list(stream.exclude(pk__in=before.values()))
    assert [member.entity for member in new] == [str(obj.translation_key)]
    assert (URIRef(new[0].version_iri), None, None) in _graph(new[0])
    assert Literal("oak", lang="en") in set(_graph(new[0]).objects(None, RDFS.label))

    # A change the objects do not show (the scope note) writes no object version.
    with django_capture_on_commit_callbacks(execute=True):
        material.scope_note = "Hout van de eik."
        material.save()
    assert stream.all().count() == 3

    # Deleting the term takes it out of the object's description.
    with django_capture_on_commit_callbacks(execute=True):
        material.delete()
    latest = stream.filter(entity=str(obj.translation_key)).order_by("-created", "-pk").first()
    assert latest.pk != new[0].pk and not latest.deleted
    assert Literal("oak", lang="en") not in set(_graph(latest).objects(None, RDFS.label))
