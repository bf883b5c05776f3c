"""What a member says: Linked Art descriptions of objects and exhibitions, SKOS for terms.

The model follows Linked Art (https://linked.art/ns/v1/linked-art.json), written as
explicit CIDOC-CRM triples with rdflib so that every RDF format (Turtle, N-Triples,
JSON-LD) says the same thing without a remote context:

Collection object (`crm:E22_Human-Made_Object`), subject S:
- `rdfs:label` its title in each published language (`@nl`, `@en`, `@fr`);
- `crm:P102_has_title` <S#title-LANG> (`crm:E35_Title`, `crm:P190_has_symbolic_content`
  the title with its language tag);
- `crm:P1_is_identified_by` <S#inventory-number> (`crm:E42_Identifier`, typed AAT
  300312355 accession number, content the inventory number);
- `crm:P108i_was_produced_by` <S#production> (`crm:E12_Production`):
  `crm:P14_carried_out_by` each maker (its authority URI when the term has one, else the
  term's own IRI), `crm:P10_falls_within` each period, `crm:P4_has_time-span`
  <S#timespan> (`crm:E52_Time-Span`, `rdfs:label` the date as shown,
  `crm:P82a_begin_of_the_begin` / `crm:P82b_end_of_the_end` from the years, xsd:dateTime);
- `crm:P45_consists_of` each material (`crm:E57_Material`), `crm:P2_has_type` the object
  type (`crm:E55_Type`); every term referred to carries its `rdfs:label`s;
- `crm:P67i_is_referred_to_by` <S#description-LANG> (`crm:E33_Linguistic_Object`, typed
  AAT 300435416 description, the description's text per language);
- `crm:P50_has_current_keeper` the museum (`crm:E74_Group`, its site's URL).

Exhibition (`crm:E7_Activity` typed AAT 300054766 exhibitions): `rdfs:label` per
language, `crm:P67i_is_referred_to_by` its introduction per language, `crm:P4_has_time-span`
from its opening and closing dates, `crm:P14_carried_out_by` the museum and
`crm:P16_used_specific_object` the objects its chapters show (their entity IRIs).

Term: `skos:Concept` with `skos:prefLabel` nl/en/fr, `skos:altLabel`, `skos:scopeNote`,
`skos:broader`, `skos:exactMatch` its authority URI, `skos:inScheme` the group's scheme.

Entity IRIs are `<museum origin>/id/object/<translation key>`, `/id/exhibition/<translation
key>` (one entity for all languages of a thing) and `<default museum origin>/id/term/<id>`
(terms are the group's), the origin being the museum's public one
(museum_site.museums.links.museum_url: where its visitors reach it, on its own hostname),
so an IRI dereferences on the site of the museum that minted it and does not depend on
the host that asked. Each description is built twice: once with a fixed subject to hash
(a publish that changes nothing writes no version), once with the version's IRI.
"""

from __future__ import annotations

import hashlib
import re
from html import unescape

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from museum_site.museums.links import museum_url

CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
AAT = Namespace("http://vocab.getty.edu/aat/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
LDES = Namespace("https://w3id.org/ldes#")
TREE = Namespace("https://w3id.org/tree#")
AS = Namespace("https://www.w3.org/ns/activitystreams#")

HASH_SUBJECT = "urn:vitrine:description"
PREFIXES = {
    "crm": CRM,
    "aat": AAT,
    "dcterms": DCTERMS,
    "ldes": LDES,
    "tree": TREE,
    "skos": SKOS,
    "as": AS,
    "rdfs": RDFS,
    "xsd": XSD,
}
_TAGS = re.compile(r"<[^>]+>")


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def plain_text(html: str) -> str:
    return " ".join(unescape(_TAGS.sub(" ", html or "")).split())


def object_iri(museum, translation_key) -> str:
    return museum_url(museum, f"/id/object/{translation_key}")


def exhibition_iri(museum, translation_key) -> str:
    return museum_url(museum, f"/id/exhibition/{translation_key}")


def term_base() -> str:
    """The group's terms live on the default museum's origin."""
    return museum_url(None, "/id/term")


def term_iri(term_id: int) -> str:
    return f"{term_base()}/{term_id}"


def scheme_iri() -> str:
    return museum_url(None, "/id/terms")


def keeper_iri(museum) -> str:
    """The museum as a group (`crm:E74_Group`): its site's public origin."""
    return museum.public_origin


def term_reference(term, term_base: str) -> URIRef:
    """How a member points at a term: its authority's URI when known (shared with the
    rest of the linked-data world), else the group's own IRI for it."""
    return URIRef(term.authority_uri or f"{term_base}/{term.pk}")


def _term_labels(graph: Graph, node: URIRef, term, crm_class) -> None:
    graph.add((node, RDF.type, crm_class))
    for language in ("nl", "en", "fr"):
        label = getattr(term, f"label_{language}")
        if label:
            graph.add((node, RDFS.label, Literal(label, lang=language)))


def _year(year: int, end: bool) -> Literal:
    stamp = f"{year:04d}-12-31T23:59:59" if end else f"{year:04d}-01-01T00:00:00"
    return Literal(stamp, datatype=XSD.dateTime)


def describe_object(graph: Graph, subject: str, copies: list, term_base: str) -> None:
    """`copies`: the live language copies of one object, the source language first."""
    s = URIRef(subject)
    main = copies[0]
    graph.add((s, RDF.type, CRM["E22_Human-Made_Object"]))
    for copy in copies:
        language = copy.locale.language_code
        graph.add((s, RDFS.label, Literal(copy.title, lang=language)))
        title = URIRef(f"{subject}#title-{language}")
        graph.add((s, CRM.P102_has_title, title))
        graph.add((title, RDF.type, CRM.E35_Title))
        graph.add((title, CRM.P190_has_symbolic_content, Literal(copy.title, lang=language)))
        text = plain_text(copy.description)
        if text:
            note = URIRef(f"{subject}#description-{language}")
            graph.add((s, CRM.P67i_is_referred_to_by, note))
            graph.add((note, RDF.type, CRM.E33_Linguistic_Object))
            graph.add((note, CRM.P2_has_type, AAT["300435416"]))
            graph.add((note, CRM.P190_has_symbolic_content, Literal(text, lang=language)))
    identifier = URIRef(f"{subject}#inventory-number")
    graph.add((s, CRM.P1_is_identified_by, identifier))
    graph.add((identifier, RDF.type, CRM.E42_Identifier))
    graph.add((identifier, CRM.P2_has_type, AAT["300312355"]))
    graph.add((identifier, CRM.P190_has_symbolic_content, Literal(main.inventory_number)))

    production = URIRef(f"{subject}#production")
    graph.add((s, CRM.P108i_was_produced_by, production))
    graph.add((production, RDF.type, CRM.E12_Production))
    for maker in sorted(main.makers.all(), key=lambda term: term.pk):
        node = term_reference(maker, term_base)
        graph.add((production, CRM.P14_carried_out_by, node))
        _term_labels(graph, node, maker, CRM.E39_Actor)
    for period in sorted(main.periods.all(), key=lambda term: term.pk):
        node = term_reference(period, term_base)
        graph.add((production, CRM.P10_falls_within, node))
        _term_labels(graph, node, period, CRM.E4_Period)
    if main.date_text or main.earliest_year is not None or main.latest_year is not None:
        span = URIRef(f"{subject}#timespan")
        graph.add((production, CRM["P4_has_time-span"], span))
        graph.add((span, RDF.type, CRM["E52_Time-Span"]))
        if main.date_text:
            graph.add((span, RDFS.label, Literal(main.date_text)))
        if main.earliest_year is not None:
            graph.add((span, CRM.P82a_begin_of_the_begin, _year(main.earliest_year, False)))
        if main.latest_year is not None:
            graph.add((span, CRM.P82b_end_of_the_end, _year(main.latest_year, True)))
    for material in sorted(main.materials.all(), key=lambda term: term.pk):
        node = term_reference(material, term_base)
        graph.add((s, CRM.P45_consists_of, node))
        _term_labels(graph, node, material, CRM.E57_Material)
    if main.object_type is not None:
        node = term_reference(main.object_type, term_base)
        graph.add((s, CRM.P2_has_type, node))
        _term_labels(graph, node, main.object_type, CRM.E55_Type)
    museum = URIRef(keeper_iri(main.museum))
    graph.add((s, CRM.P50_has_current_keeper, museum))
    graph.add((museum, RDF.type, CRM.E74_Group))
    graph.add((museum, RDFS.label, Literal(main.museum.name)))


def describe_exhibition(graph: Graph, subject: str, museum, copies: list, objects: list) -> None:
    """`copies`: the live language copies of one exhibition page; `objects`: the IRIs of
    the objects its chapters show."""
    s = URIRef(subject)
    main = copies[0]
    graph.add((s, RDF.type, CRM.E7_Activity))
    graph.add((s, CRM.P2_has_type, AAT["300054766"]))
    for copy in copies:
        language = copy.locale.language_code
        graph.add((s, RDFS.label, Literal(copy.title, lang=language)))
        if copy.intro:
            note = URIRef(f"{subject}#intro-{language}")
            graph.add((s, CRM.P67i_is_referred_to_by, note))
            graph.add((note, RDF.type, CRM.E33_Linguistic_Object))
            graph.add((note, CRM.P190_has_symbolic_content, Literal(copy.intro, lang=language)))
    if main.start_date or main.end_date:
        span = URIRef(f"{subject}#timespan")
        graph.add((s, CRM["P4_has_time-span"], span))
        graph.add((span, RDF.type, CRM["E52_Time-Span"]))
        if main.start_date:
            stamp = Literal(f"{main.start_date.isoformat()}T00:00:00", datatype=XSD.dateTime)
            graph.add((span, CRM.P82a_begin_of_the_begin, stamp))
        if main.end_date:
            stamp = Literal(f"{main.end_date.isoformat()}T23:59:59", datatype=XSD.dateTime)
            graph.add((span, CRM.P82b_end_of_the_end, stamp))
    keeper = URIRef(keeper_iri(museum))
    graph.add((s, CRM.P14_carried_out_by, keeper))
    graph.add((keeper, RDF.type, CRM.E74_Group))
    graph.add((keeper, RDFS.label, Literal(museum.name)))
    for iri in sorted(set(objects)):
        graph.add((s, CRM.P16_used_specific_object, URIRef(iri)))


def describe_term(graph: Graph, subject: str, term, term_base: str, scheme: str) -> None:
    s = URIRef(subject)
    graph.add((s, RDF.type, SKOS.Concept))
    graph.add((s, SKOS.inScheme, URIRef(scheme)))
    for language in ("nl", "en", "fr"):
        label = getattr(term, f"label_{language}")
        if label:
            graph.add((s, SKOS.prefLabel, Literal(label, lang=language)))
    for label in term.alternative_labels:
        graph.add((s, SKOS.altLabel, Literal(label)))
    if term.scope_note:
        graph.add((s, SKOS.scopeNote, Literal(term.scope_note)))
    if term.broader_id:
        graph.add((s, SKOS.broader, URIRef(f"{term_base}/{term.broader_id}")))
    else:
        graph.add((s, SKOS.topConceptOf, URIRef(scheme)))
    if term.authority_uri:
        graph.add((s, SKOS.exactMatch, URIRef(term.authority_uri)))
    graph.add((s, DCTERMS.type, Literal(term.kind)))


def canonical(graph: Graph) -> str:
    """N-Triples, one line per triple, sorted: the same graph gives the same text."""
    text = graph.serialize(format="nt")
    return "".join(sorted(line + "\n" for line in text.splitlines() if line.strip()))


def content_hash(graph: Graph) -> str:
    return hashlib.sha256(canonical(graph).encode()).hexdigest()
