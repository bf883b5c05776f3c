"""Members of the LDES event streams: immutable versions, written once, never changed.

A member is one version of a published thing (an object, an exhibition, a term) as RDF,
serialized when it was published: pages of a stream read these rows and never describe
content again, so a page once full says the same thing forever and can be cached for a
year. A deletion (unpublished, deleted) is a member too, a tombstone with `deleted` set,
so a client replaying the stream learns that the thing is gone.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from museum_site.museums.models import museum_foreign_key


class StreamKind(models.TextChoices):
    OBJECTS = "objects", _("Collection objects")
    EXHIBITIONS = "exhibitions", _("Exhibitions")
    TERMS = "terms", _("Terms")


class MemberQuerySet(models.QuerySet["Member"]):
    def of_stream(self, museum, kind: str) -> MemberQuerySet:
        return self.filter(museum=museum, kind=kind).order_by("created", "pk")


class Member(models.Model):
    museum = museum_foreign_key("ldes_members")
    kind = models.CharField(_("stream"), max_length=16, choices=StreamKind.choices)
    # What the version is of, as this app knows it (an object's or exhibition's
    # translation key, a term's id): finds the latest version without parsing IRIs.
    entity = models.CharField(_("entity"), max_length=64)
    version_iri = models.CharField(_("version IRI"), max_length=500, unique=True)
    is_version_of = models.CharField(_("is version of"), max_length=500)
    created = models.DateTimeField(_("created"), default=timezone.now)
    deleted = models.BooleanField(
        _("deletion"), default=False, help_text=_("A tombstone: the entity is gone.")
    )
    # sha256 of the entity's description (not of this version's own triples): a publish
    # that changes nothing writes no new version.
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True)
    ntriples = models.TextField(_("RDF (N-Triples)"))

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("stream member")
        verbose_name_plural = _("stream members")
        indexes = [
            models.Index(fields=["museum", "kind", "created", "id"], name="ldes_member_page"),
            models.Index(fields=["museum", "kind", "entity", "created"], name="ldes_member_entity"),
        ]

    def __str__(self) -> str:
        return self.version_iri

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise ValueError("A stream member is immutable: write a new version instead.")
        super().save(*args, **kwargs)
