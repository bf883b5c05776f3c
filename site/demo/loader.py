"""Load the whole demo museum, idempotently, in one transaction.

The order follows the dependencies: locales and terms first, then images and objects,
then the pages that point at them, and the home pages' featured exhibition last. One
transaction means a failure halfway leaves the database as it was, not half a museum.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from museum_site import models
from museum_site.demo import museum
from museum_site.demo.collection import MediaLibrary, load_objects, load_terms
from museum_site.demo.exhibitions import EXHIBITIONS, FEATURED
from museum_site.demo.legal import LEGAL_PAGES
from museum_site.demo.objects import OBJECTS
from museum_site.demo.pages import PageTree
from museum_site.demo.stories import DRAFT_STORIES, STORIES
from museum_site.demo.terms import TERMS
from museum_site.museums.models import Museum

LANGUAGES = ("nl", "en", "fr")
ADMIN_USERNAME = "admin"


@dataclass(frozen=True)
class Summary:
    """What the database holds after loading, counted from the database itself."""

    terms: int
    objects: dict[str, int]
    stories: dict[str, int]
    drafts: int
    exhibitions: dict[str, int]
    legal_pages: dict[str, int]
    images: int
    created_images: int
    # The admin's password when this run chose it (first load, or DEMO_ADMIN_PASSWORD).
    new_admin_password: str | None = None

    def line(self) -> str:
        def per_language(counts: dict[str, int]) -> str:
            return "/".join(f"{counts.get(code, 0)} {code}" for code in LANGUAGES)

        return (
            f"{self.terms} terms, objects {per_language(self.objects)}, "
            f"stories {per_language(self.stories)} (+{self.drafts} draft), "
            f"exhibitions {per_language(self.exhibitions)}, "
            f"legal pages {per_language(self.legal_pages)}, "
            f"{self.images} images ({self.created_images} new)"
        )


def load_demo(admin_password: str | None = None) -> Summary:
    with transaction.atomic(), _reference_index_updated_once():
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
        _museum_settings(locales)
        terms = load_terms(TERMS)
        media = MediaLibrary()
        objects = load_objects(OBJECTS, terms, media, locales, LANGUAGES)

        tree = PageTree(locales, media, objects)
        homes = tree.homes(LANGUAGES)
        story_indexes = tree.index(homes, models.StoryIndexPage, museum.STORY_INDEX, LANGUAGES)
        exhibition_indexes = tree.index(
            homes, models.ExhibitionIndexPage, museum.EXHIBITION_INDEX, LANGUAGES
        )
        for record in (*STORIES, *DRAFT_STORIES):
            tree.story(story_indexes, record)
        featured = {}
        for record in EXHIBITIONS:
            pages = tree.exhibition(exhibition_indexes, record)
            if record is FEATURED:
                featured = pages
        tree.feature(homes, featured)
        for record in LEGAL_PAGES:
            tree.legal(homes, record)
        new_password = ensure_admin(admin_password)
        return replace(_count(media), new_admin_password=new_password)


@contextmanager
def _reference_index_updated_once() -> Iterator[None]:
    """Index each saved object's references once, at the end, instead of on every save.

    A page is saved three or four times while it is created, translated and published;
    Wagtail would rebuild its references each time, which was a third of the load time.
    """
    saved: dict[type[Model], set[object]] = {}
    # Child rows (chapters, object images) are indexed through their parent, which is
    # saved whenever they are, and may be gone again by the end (replaced in a translation).
    tracked = tuple(
        model
        for model in ReferenceIndex.tracked_models
        if not any(isinstance(field, ParentalKey) for field in model._meta.get_fields())
    )

    def remember(sender, instance, raw=False, **kwargs) -> None:
        if not raw and isinstance(instance, tracked):
            saved.setdefault(type(instance), set()).add(instance.pk)

    post_save.connect(remember, weak=False, dispatch_uid="vitrine-demo-references")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="vitrine-demo-references")
    for model, pks in saved.items():
        for instance in model._default_manager.filter(pk__in=pks):
            ReferenceIndex.create_or_update_for_object(instance)


def _museum_settings(locales: dict[str, Locale]) -> None:
    """Fill the footer facts: contact once, name, address and hours per language (the
    Dutch details translated as the admin's "Translate" does, sharing a translation key);
    name the default site after the museum, and fill its museum record (who sells)."""
    first = _museum_record()
    settings = models.MuseumSettings.load()
    if any(getattr(settings, name) != value for name, value in museum.CONTACT.items()):
        for name, value in museum.CONTACT.items():
            setattr(settings, name, value)
        settings.save()
    source_language, *translations = LANGUAGES
    source = models.MuseumDetails.objects.filter(
        museum=first, locale=locales[source_language]
    ).first()
    if source is None:
        source = models.MuseumDetails(museum=first, locale=locales[source_language])
    rows = {source_language: source}
    for language in translations:
        translated = source.pk and source.get_translation_or_none(locales[language])
        rows[language] = translated or None
    for language, row in rows.items():
        texts = {name: text.get(language) for name, text in museum.DETAILS.items()}
        if row is None:
            row = source.copy_for_translation(locales[language])
        elif row.pk and all(getattr(row, name) == value for name, value in texts.items()):
            continue
        for name, value in texts.items():
            setattr(row, name, value)
        row.save()
    Site.objects.filter(is_default_site=True).exclude(site_name=museum.NAME).update(
        site_name=museum.NAME
    )


def _museum_record() -> Museum:
    """The default site's museum as a seller: legal name, VAT number, address, branding.
    Its slug is left as the migration made it (links and tests use it)."""
    first = Museum.objects.default()
    changed = [name for name, value in museum.RECORD.items() if getattr(first, name) != value]
    if changed:
        for name in changed:
            setattr(first, name, museum.RECORD[name])
        first.save(update_fields=changed)
    return first


def ensure_admin(password: str | None) -> str | None:
    """A superuser to explore the admin with, and its password if this run chose it.

    A demo reachable by others must not share a published password: the first load
    makes a random one (shown once), and a later load leaves the password alone unless
    one is given (DEMO_ADMIN_PASSWORD), which is then set.
    """
    user_model = get_user_model()
    user = user_model.objects.filter(username=ADMIN_USERNAME).first()
    if user is None:
        password = password or secrets.token_urlsafe(12)
        user_model.objects.create_superuser(
            ADMIN_USERNAME, "admin@museumaandeleie.example", password
        )
        return password
    if not (user.is_superuser and user.is_staff and user.is_active):
        user.is_superuser = user.is_staff = user.is_active = True
        user.save(update_fields=["is_superuser", "is_staff", "is_active"])
    if password and not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    return password


def _per_language(queryset) -> dict[str, int]:
    counts: dict[str, int] = {}
    for code in queryset.values_list("locale__language_code", flat=True):
        counts[code] = counts.get(code, 0) + 1
    return counts


def _count(media: MediaLibrary) -> Summary:
    return Summary(
        terms=models.Term.objects.count(),
        objects=_per_language(models.CollectionObject.objects.all()),
        stories=_per_language(models.StoryPage.objects.live()),
        drafts=models.StoryPage.objects.not_live().count(),
        exhibitions=_per_language(models.ExhibitionPage.objects.live()),
        legal_pages=_per_language(
            Page.objects.live().type(models.LegalPage, models.PrivacyPolicyPage)
        ),
        images=models.MuseumImage.objects.count(),
        created_images=media.created_images,
    )
