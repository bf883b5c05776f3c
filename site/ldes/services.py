"""Writing members: one new version when published content changes, a tombstone when it goes.

Called after the content's transaction commits (museum_site.ldes.signals), so a rolled
back publish writes nothing and the member's own write is short. A version is written
only when the entity's description differs from its latest member's (the content hash):
republishing without a change adds nothing, so a stream never fills with identical
versions and `record_everything` (the demo, a backfill) can run any number of times.

`created` is the moment of writing. Pages are cut by (created, id); a page counts as
full (and immutable) only once its newest member is older than `SETTLED`, so a member
another process was still committing cannot land inside a page already cached forever.
"""

from __future__ import annotations

import datetime
import uuid

from django.utils import timezone
from rdflib import OWL, RDF, XSD, Graph, Literal, URIRef

from museum_site.museums.models import Museum

from . import description
from .models import Member, StreamKind

SETTLED = datetime.timedelta(minutes=5)
LANGUAGE_ORDER = ("nl", "en", "fr")


def _language_rank(copy) -> int:
    code = copy.locale.language_code
    return LANGUAGE_ORDER.index(code) if code in LANGUAGE_ORDER else len(LANGUAGE_ORDER)


def museum_of_page(page) -> Museum | None:
    """The museum whose site holds `page` (in any language: a translated tree's root
    shares the site root's translation key)."""
    keys = page.get_ancestors(inclusive=True).values("translation_key")
    return (
        Museum.objects.select_related("site")
        .filter(site__root_page__translation_key__in=keys)
        .first()
    )


def _latest(museum: Museum, kind: str, entity: str) -> Member | None:
    return (
        Member.objects.filter(museum=museum, kind=kind, entity=entity)
        .order_by("-created", "-pk")
        .first()
    )


def _write(museum: Museum, kind: str, entity: str, iri: str, build) -> Member | None:
    """A new version of `iri` described by `build(graph, subject)`, unless the latest
    version already says the same of the same IRI.

    When the entity's IRI changed (its museum's origin moved: a new hostname, or IRIs
    minted before they were on the museum's own origin), the old IRI is retired first
    (`_retire`) and the new version says `owl:sameAs` the old one, even if its
    description did not change."""
    hashed = description.new_graph()
    build(hashed, description.HASH_SUBJECT)
    digest = description.content_hash(hashed)
    latest = _latest(museum, kind, entity)
    current = latest is not None and not latest.deleted
    renamed = latest.is_version_of if current and latest.is_version_of != iri else None
    if current and renamed is None and latest.content_hash == digest:
        return None
    if renamed is not None:
        _retire(latest, iri)
    created = timezone.now()
    version = f"{iri}/version/{uuid.uuid4().hex}"
    graph = description.new_graph()
    build(graph, version)
    graph.add((URIRef(version), description.DCTERMS.isVersionOf, URIRef(iri)))
    if renamed is not None:
        graph.add((URIRef(iri), OWL.sameAs, URIRef(renamed)))
    graph.add((URIRef(version), description.DCTERMS.created, timestamp_literal(created)))
    return Member.objects.create(
        museum=museum,
        kind=kind,
        entity=entity,
        version_iri=version,
        is_version_of=iri,
        created=created,
        content_hash=digest,
        ntriples=description.canonical(graph),
    )


def _tombstone(latest: Member | None, replaced_by: str | None = None) -> Member | None:
    """A deletion marker after `latest`, the entity's last version in a stream; with
    `replaced_by`, the IRI that names the entity from now on."""
    if latest is None or latest.deleted:
        return None
    created = timezone.now()
    version = f"{latest.is_version_of}/deleted/{uuid.uuid4().hex}"
    graph = Graph()
    subject = URIRef(version)
    graph.add((subject, RDF.type, description.AS.Delete))
    graph.add((subject, description.AS.object, URIRef(latest.is_version_of)))
    graph.add((subject, description.DCTERMS.isVersionOf, URIRef(latest.is_version_of)))
    graph.add((subject, description.DCTERMS.created, timestamp_literal(created)))
    if replaced_by is not None:
        graph.add((subject, description.DCTERMS.isReplacedBy, URIRef(replaced_by)))
    return Member.objects.create(
        museum_id=latest.museum_id,
        kind=latest.kind,
        entity=latest.entity,
        version_iri=version,
        is_version_of=latest.is_version_of,
        created=created,
        deleted=True,
        ntriples=description.canonical(graph),
    )


def _retire(latest: Member, iri: str) -> Member | None:
    """The entity's old IRI ends in its stream: members are immutable, so a harvester
    holding versions of the old IRI keeps them as they are; this tombstone tells it that
    the old IRI is done and `dcterms:isReplacedBy` names the new one, whose versions
    follow. The old IRIs still dereference (museum_site.ldes.views: by path, on any host
    of the museum)."""
    return _tombstone(latest, replaced_by=iri)


def timestamp_literal(moment: datetime.datetime) -> Literal:
    return Literal(moment.astimezone(datetime.UTC).isoformat(), datatype=XSD.dateTime)


def _tombstones_elsewhere(kind: str, entity: str, keep: Museum | None) -> None:
    """Deletion markers in every stream of another museum that still shows the entity
    (the object moved to another museum, or is gone)."""
    museum_ids = (
        Member.objects.filter(kind=kind, entity=entity)
        .exclude(museum=keep)
        .values_list("museum_id", flat=True)
        .distinct()
    )
    for museum in Museum.objects.filter(pk__in=list(museum_ids)):
        _tombstone(_latest(museum, kind, entity))


def record_object(translation_key) -> Member | None:
    """The object's current state as a member of its museum's `objects` stream."""
    from museum_site.models import CollectionObject
    from museum_site.visibility import public_objects

    entity = str(translation_key)
    copies = sorted(
        public_objects(CollectionObject.objects.filter(translation_key=translation_key))
        .select_related("locale", "museum__site", "object_type")
        .prefetch_related("makers", "materials", "periods"),
        key=_language_rank,
    )
    museum = copies[0].museum if copies else None
    _tombstones_elsewhere(StreamKind.OBJECTS, entity, museum)
    if museum is None:
        return None
    term_base = description.term_base()

    def build(graph, subject):
        description.describe_object(graph, subject, copies, term_base)

    iri = description.object_iri(museum, translation_key)
    return _write(museum, StreamKind.OBJECTS, entity, iri, build)


def record_exhibition(translation_key, museum: Museum | None = None) -> Member | None:
    """The exhibition's current state in its museum's `exhibitions` stream; with no
    `museum` (a copy was deleted), the museum of a copy that is left, if any."""
    from museum_site.models import ChapterObject, ExhibitionPage
    from museum_site.visibility import public_pages

    entity = str(translation_key)
    if museum is None:
        left = ExhibitionPage.objects.filter(translation_key=translation_key).first()
        museum = museum_of_page(left) if left is not None else None
    copies = (
        sorted(
            public_pages(ExhibitionPage.objects.filter(translation_key=translation_key))
            .select_related("locale")
            .specific(),
            key=_language_rank,
        )
        if museum is not None
        else []
    )
    keep = museum if copies else None
    _tombstones_elsewhere(StreamKind.EXHIBITIONS, entity, keep)
    if keep is None:
        return None
    shown = (
        ChapterObject.objects.filter(chapter__page__in=[copy.pk for copy in copies])
        .select_related("collection_object__museum__site")
        .only(
            "collection_object__translation_key",
            "collection_object__museum__site__hostname",
            "collection_object__museum__site__port",
            "collection_object__museum__site__is_default_site",
        )
    )
    objects = [
        description.object_iri(row.collection_object.museum, row.collection_object.translation_key)
        for row in shown
    ]

    def build(graph, subject):
        description.describe_exhibition(graph, subject, museum, copies, objects)

    iri = description.exhibition_iri(museum, translation_key)
    return _write(museum, StreamKind.EXHIBITIONS, entity, iri, build)


def record_term(term_id: int) -> list[Member]:
    """The term's current state in every museum's `terms` stream (terms are the group's:
    each museum's stream is whole on its own), or tombstones when it was deleted."""
    from museum_site.models import Term

    entity = str(term_id)
    term = Term.objects.filter(pk=term_id).first()
    written = []
    for museum in Museum.objects.select_related("site").order_by("pk"):
        if term is None:
            member = _tombstone(_latest(museum, StreamKind.TERMS, entity))
        else:
            term_base = description.term_base()
            iri = f"{term_base}/{term_id}"
            scheme = description.scheme_iri()

            def build(graph, subject, term=term, term_base=term_base, scheme=scheme):
                description.describe_term(graph, subject, term, term_base, scheme)

            member = _write(museum, StreamKind.TERMS, entity, iri, build)
        if member is not None:
            written.append(member)
    return written


def objects_using_term(term_id: int) -> list[str]:
    """The translation keys of the published objects whose description names the term
    (as maker, material, period or object type): a new label or authority URI of the
    term changes what their members say."""
    from django.db.models import Q

    from museum_site.models import CollectionObject
    from museum_site.visibility import public_objects

    uses = Q(makers=term_id) | Q(materials=term_id) | Q(periods=term_id) | Q(object_type=term_id)
    keys = (
        public_objects(CollectionObject.objects.filter(uses))
        .order_by("translation_key")
        .values_list("translation_key", flat=True)
        .distinct()
    )
    return [str(key) for key in keys]


def record_objects(keys: list[str]) -> int:
    """A new version of each object whose description changed (the content hash decides:
    an object whose description is the same writes nothing). Returns how many were written."""
    return sum(record_object(uuid.UUID(key)) is not None for key in keys)


def record_everything() -> int:
    """A version of everything published that its stream does not show as it is now:
    for content published before this app existed, and for the demo (which saves its
    objects live rather than through the publish action). Returns how many were written."""
    from museum_site.models import CollectionObject, ExhibitionPage, Term
    from museum_site.visibility import public_objects, public_pages

    # No transaction around the whole: each member commits as it is written, so its
    # `created` stays within SETTLED of its commit however long a backfill takes.
    count = 0
    for term_id in Term.objects.order_by("pk").values_list("pk", flat=True):
        count += len(record_term(term_id))
    keys = (
        public_objects(CollectionObject.objects.all())
        .order_by("translation_key")
        .values_list("translation_key", flat=True)
        .distinct()
    )
    for key in keys:
        count += record_object(key) is not None
    seen = set()
    for page in public_pages(ExhibitionPage.objects.all()).order_by("pk"):
        if page.translation_key in seen:
            continue
        seen.add(page.translation_key)
        count += record_exhibition(page.translation_key, museum_of_page(page)) is not None
    return count
