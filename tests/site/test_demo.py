"""`manage.py load_demo` builds a believable bilingual museum, and running it again adds nothing.

Loading takes seconds, so one test loads twice and checks everything that needs the
database; the checks on the data records themselves need no database at all.
"""

import dataclasses
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page

from museum_site import models
from museum_site.demo import images
from museum_site.demo.exhibitions import EXHIBITIONS, FEATURED
from museum_site.demo.objects import BY_INVENTORY_NUMBER, OBJECTS
from museum_site.demo.pages import site_homes
from museum_site.demo.stories import DRAFT_STORIES, STORIES
from museum_site.demo.terms import TERMS
from museum_site.ldes.models import Member, StreamKind
from museum_site.museums.models import Museum

pytestmark = pytest.mark.django_db

COUNTED = {
    "terms": models.Term.objects,
    "objects": models.CollectionObject.objects,
    "object images": models.CollectionObjectImage.objects,
    "images": models.MuseumImage.objects,
    "documents": get_document_model().objects,
    "pages": Page.objects,
    "chapters": models.ExhibitionChapter.objects,
    "chapter objects": models.ChapterObject.objects,
    "related stories": models.ExhibitionRelatedStory.objects,
    "users": get_user_model().objects,
    "stream members": Member.objects,
}


def _counts() -> dict[str, int]:
    return {name: manager.count() for name, manager in COUNTED.items()}


def _in(queryset, language: str) -> int:
    return queryset.filter(locale__language_code=language).count()


def _load(capture) -> str:
    out = io.StringIO()
    with capture(execute=True):
        call_command("load_demo", stdout=out)
    return out.getvalue()


def test_loading_the_demo_twice_builds_one_bilingual_museum(
    settings, graphql, django_capture_on_commit_callbacks, monkeypatch
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for name in ("DEMO_ADMIN_PASSWORD", "DEMO_HOST", "PORT"):
        monkeypatch.delenv(name, raising=False)

    first_output = _load(django_capture_on_commit_callbacks)
    after_first = _counts()
    second_output = _load(django_capture_on_commit_callbacks)

    assert _counts() == after_first, "a second run must not add or remove anything"
    assert "(0 new)" in second_output
    for output in (first_output, second_output):
        assert "http://127.0.0.1:8000/admin/" in output and "user: admin" in output
    [password] = re.findall(r"password: (\S+)$", first_output, re.MULTILINE)
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert "password: unchanged" in second_output and password not in second_output

    # The linked-data streams show what the demo published in every museum, once (a
    # second load adds no version: nothing changed); the group's terms are in each
    # museum's terms stream.
    live_keys = {obj.translation_key for obj in models.CollectionObject.objects.filter(live=True)}
    streams = {kind: Member.objects.filter(kind=kind, deleted=False) for kind in StreamKind}
    assert streams[StreamKind.OBJECTS].count() == len(live_keys)
    assert streams[StreamKind.EXHIBITIONS].count() == len(EXHIBITIONS)
    assert streams[StreamKind.TERMS].count() == models.Term.objects.count() * Museum.objects.count()

    # Museum aan de Leie, the default site's museum (the other demo museums are
    # tests/museums/test_demo_museums.py's).
    first = Museum.objects.default()
    objects = models.CollectionObject.objects.filter(live=True, museum=first)
    french_objects = sum(1 for record in OBJECTS if record.title.fr)
    assert (_in(objects, "nl"), _in(objects, "en"), _in(objects, "fr")) == (
        len(OBJECTS),
        len(OBJECTS),
        french_objects,
    )
    assert len(OBJECTS) >= 40
    for obj in models.CollectionObject.objects.prefetch_related("makers", "materials", "images"):
        assert obj.makers.exists() or obj.materials.exists(), obj
        assert obj.images.count() == 1 and obj.images.get().alt_text, obj

    stories = models.StoryPage.objects.live()
    assert _in(stories, "nl") == _in(stories, "en") == len(STORIES) >= 8
    assert _in(stories, "fr") == sum(1 for story in STORIES if "fr" in story.languages)
    assert models.StoryPage.objects.not_live().count() == len(DRAFT_STORIES) == 1
    videos = 0
    for story in models.StoryPage.objects.all():
        for block in story.body:
            if block.block_type == "collection_object":
                assert block.value["collection_object"].locale_id == story.locale_id, story
            if block.block_type == "video":
                # Shown until the visitor allows the host's player: never an empty box.
                assert block.value["poster"] is not None, story
                videos += 1
    assert videos >= 3

    exhibitions = models.ExhibitionPage.objects.live()
    assert [_in(exhibitions, language) for language in ("nl", "en", "fr")] == [3, 3, 3]
    assert len(EXHIBITIONS) == 3
    assert exhibitions.filter(format="physical", start_date__isnull=False).count() == 3
    assert {page.translation_key for page in exhibitions} == {
        page.translation_key for page in exhibitions.filter(locale__language_code="nl")
    }
    for home in site_homes().values():
        assert home.featured_exhibition.locale_id == home.locale_id, home
    for chapter_object in models.ChapterObject.objects.select_related(
        "chapter__page", "collection_object"
    ):
        assert chapter_object.collection_object.locale_id == chapter_object.chapter.page.locale_id
    for link in models.ExhibitionRelatedStory.objects.select_related("page", "story"):
        assert link.story.locale_id == link.page.locale_id, link

    # Every language has its privacy policy: consent and the newsletter need one.
    for language in ("nl", "en", "fr"):
        policy = models.PrivacyPolicyPage.objects.live().get(locale__language_code=language)
        assert policy.version == "2026-1" and policy.effective_date
        kinds = set(
            models.LegalPage.objects.live()
            .filter(locale__language_code=language)
            .values_list("kind", flat=True)
        )
        assert kinds == {"terms-of-sale", "imprint", "cookie-policy"}

    assert models.Term.objects.count() == len(TERMS) >= 30
    assert all(
        uri.startswith("http")
        for uri in models.Term.objects.values_list("authority_uri", flat=True)
    )
    assert models.MuseumSettings.load().contact_email == "info@museumaandeleie.example"
    details = {
        row.locale.language_code: row
        for row in models.MuseumDetails.objects.filter(museum=first).select_related("locale")
    }
    assert sorted(details) == ["en", "fr", "nl"]
    assert len({row.translation_key for row in details.values()}) == 1
    assert details["nl"].museum_name == "Museum aan de Leie"
    assert "Tuesday to Sunday" in details["en"].opening_hours
    assert "Belgique" in details["fr"].address
    homes = {language: home for language, home in site_homes().items() if home.live}
    assert sorted(homes) == ["en", "fr", "nl"]
    assert len({home.translation_key for home in homes.values()}) == 1
    assert len({(home.title, home.intro) for home in homes.values()}) == 3
    assert get_user_model().objects.get(username="admin").is_superuser

    result = graphql('{ exhibitions { totalCount } stories(locale: "en") { totalCount } }')
    assert "errors" not in result, result
    assert result["data"]["exhibitions"]["totalCount"] == 3
    assert result["data"]["stories"]["totalCount"] >= 8
    _assert_french_visitors_see_the_featured_exhibition(graphql)
    # The shop's part of load_demo (shop/demo.py; its own tests are tests/shop/test_demo_shop.py).
    for language in ("nl", "en"):
        shop = graphql(
            "query($l: String) { products(locale: $l, inStock: true) { totalCount } }",
            {"l": language},
        )
        assert shop["data"]["products"]["totalCount"] >= 12, language


FRENCH_HOME = """{
  homePage(locale: "fr") {
    locale
    featuredExhibition {
      locale slug title venue
      chapters { heading objects { caption collectionObject { locale title } } }
      relatedStories { locale slug }
    }
  }
  exhibitions(locale: "fr") { totalCount nodes { locale slug } }
}"""


def _assert_french_visitors_see_the_featured_exhibition(graphql) -> None:
    """What the French home and exhibitions list show: all of it in French."""
    result = graphql(FRENCH_HOME)
    assert "errors" not in result, result
    home = result["data"]["homePage"]
    assert home["locale"] == "fr"
    featured = home["featuredExhibition"]
    assert featured["locale"] == "fr"
    assert (featured["slug"], featured["title"]) == (FEATURED.slug.fr, FEATURED.title.fr)
    assert featured["venue"] == "Salles 1–4, bâtiment principal"
    shown = [item for chapter in featured["chapters"] for item in chapter["objects"]]
    assert len(shown) == sum(len(chapter.objects) for chapter in FEATURED.chapters)
    assert {item["collectionObject"]["locale"] for item in shown} == {"fr"}
    assert "Après deux ans de restauration." in {item["caption"] for item in shown}
    assert "La Vierge dans une église" in {item["collectionObject"]["title"] for item in shown}
    # The related stories, all three published in French.
    assert [story["slug"] for story in featured["relatedStories"]] == [
        "restauration-madone",
        "durer-a-gand",
        "bruegel-sur-la-glace",
    ]
    listed = result["data"]["exhibitions"]
    assert listed["totalCount"] == 3
    assert {node["slug"] for node in listed["nodes"]} == {record.slug.fr for record in EXHIBITIONS}
    assert {node["locale"] for node in listed["nodes"]} == {"fr"}


@pytest.mark.django_db(False)
def test_french_exhibitions_show_nothing_in_english():
    """A French page falls back to English where a text has no French: an exhibition that
    is published in French must have French for every text it shows, its objects' too."""
    french = [record for record in EXHIBITIONS if record.title.fr]
    assert FEATURED in french and len(french) == 3
    for record in french:
        texts = [record.slug, record.title, record.intro]
        texts += [record.venue] if record.venue.nl else []
        for chapter in record.chapters:
            texts += [chapter.heading, chapter.text, *(caption for _, caption in chapter.objects)]
            for number, _caption in chapter.objects:
                shown = BY_INVENTORY_NUMBER[number]
                texts += [shown.title, shown.description, shown.alt, shown.date, shown.credit]
        assert [text.en for text in texts if not text.fr] == [], record.slug.nl


@pytest.mark.django_db(False)
def test_every_demo_record_points_at_data_that_exists():
    """Typos in keys would only surface halfway through a load; catch them here instead."""
    terms = {term.key: term for term in TERMS}
    assert len(terms) == len(TERMS)
    assert len({term.uri for term in TERMS}) == len(TERMS)
    for record in OBJECTS:
        assert record.motif in images.MOTIFS, record.inventory_number
        assert all(terms[key].kind == "person" for key in record.makers)
        assert all(terms[key].kind == "material" for key in record.materials)
        assert record.periods and all(terms[key].kind == "period" for key in record.periods)
        assert record.years[0] <= record.years[1]
    assert len(BY_INVENTORY_NUMBER) == len(OBJECTS)
    for exhibition in EXHIBITIONS:
        for chapter in exhibition.chapters:
            assert all(number in BY_INVENTORY_NUMBER for number, _caption in chapter.objects)


def _texts(record) -> list:
    """Every `Text`/`Words` reachable from a demo record (dataclasses, tuples)."""
    if hasattr(record, "nl") and hasattr(record, "en") and hasattr(record, "fr"):
        return [record]
    if isinstance(record, tuple | list):
        return [text for item in record for text in _texts(item)]
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        # Slugs are addresses, not text: some product slugs stay as search judgements
        # name them.
        return [
            text
            for field in dataclasses.fields(record)
            if field.name != "slug"
            for text in _texts(getattr(record, field.name))
        ]
    return []


@pytest.mark.django_db(False)
def test_everything_the_demo_shows_in_french_is_written_in_french():
    """Issue 18: French had no tour, 3 of 8 stories and English product texts. Every
    text of what the demo publishes in French has its French, and no sentence of four
    words or more is the English one copied (names and dates may be the same)."""
    from shop.demo_products import PRODUCTS
    from tours import demo as tour_demo

    french_stories = [story for story in STORIES if "fr" in story.languages]
    assert len(french_stories) == len(STORIES) == 8
    roots = [
        *french_stories,
        *OBJECTS,
        *[record for record in EXHIBITIONS if record.title.fr],
        *PRODUCTS,
        tour_demo.SCENES,
        tour_demo.STOPS,
        (tour_demo.TOUR_TITLE, tour_demo.TOUR_INTRO, tour_demo.INDEX_TITLE),
        (tour_demo.INDEX_INTRO, tour_demo.PLAN_TITLE),
        images.CREDIT_SENTENCE,
    ]
    texts = [text for root in roots for text in _texts(root) if text.en]
    assert len(texts) > 400
    missing = [text.en for text in texts if not text.fr]
    assert missing == []
    copied = [text.en for text in texts if text.fr == text.en and len(text.en.split()) >= 4]
    assert copied == []
    assert "fr" in tour_demo.TRANSLATIONS
    # The river: Leie in English (as in the museum's English name), Lys in French.
    english = " ".join(text.en for text in texts)
    assert "Lys" not in english and "Leie" in english
