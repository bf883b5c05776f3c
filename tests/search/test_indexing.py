"""The index follows publishing: what a visitor may not see is never found or suggested."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from museum_site import models
from search.indexing import rebuild
from search.models import SearchDocument
from search.services import search, suggest
from tests.site import builders
from tests.tours import builders as tour_builders

pytestmark = pytest.mark.django_db


def suggested(prefix: str, locale: str = "nl") -> list[str]:
    return [suggestion.text for suggestion in suggest(prefix, locale, 20)]


def test_a_published_story_is_found_after_commit_and_not_before(committed, titles):
    with committed():
        builders.story(title="De restauratie van het altaarstuk", intro="Vernis en verf.")
    assert titles("altaarstuk") == ["De restauratie van het altaarstuk"]

    builders.story(title="Een tweede altaarstuk")  # not committed: not indexed yet
    assert titles("altaarstuk") == ["De restauratie van het altaarstuk"]


def test_a_draft_story_is_never_found_nor_suggested(committed, titles):
    with committed():
        builders.story(title="Geheim altaarstuk", publish=False)
        builders.story(title="Openbaar altaarstuk")
    assert titles("altaarstuk") == ["Openbaar altaarstuk"]
    assert suggested("geheim") == []
    assert "Openbaar altaarstuk" in suggested("openb")


def test_unpublishing_and_deleting_remove_the_story(committed, titles):
    with committed():
        story = builders.story(title="Kantwerk uit Brugge")
        other = builders.story(title="Kantwerk uit Gent")
    with committed():
        story.unpublish()
    assert titles("kantwerk") == ["Kantwerk uit Gent"]
    with committed():
        other.delete()
    assert titles("kantwerk") == []
    assert not SearchDocument.objects.exists()


def test_a_draft_of_a_published_story_does_not_change_what_is_found(committed, titles):
    with committed():
        story = builders.story(title="Zilver aan tafel")
    story.title = "Goud aan tafel"
    with committed():
        story.save_revision()
    assert titles("zilver") == ["Zilver aan tafel"]
    assert titles("goud") == []
    with committed():
        story.get_latest_revision().publish()
    assert titles("goud") == ["Goud aan tafel"]


def test_a_private_section_hides_every_page_under_it(committed, titles):
    with committed():
        builders.story(title="Borduurwerk")
    index = builders.story_index()
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    assert titles("borduurwerk") == []
    with committed():
        restriction.delete()
    assert titles("borduurwerk") == ["Borduurwerk"]


def test_an_expired_story_is_not_found_before_the_scheduler_unpublishes_it(committed, titles):
    with committed():
        story = builders.story(title="Tijdelijk tapijt")
    with committed():
        story.expire_at = timezone.now() + datetime.timedelta(hours=1)
        story.save_revision().publish()
    assert titles("tapijt") == ["Tijdelijk tapijt"]
    models.StoryPage.objects.filter(pk=story.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    SearchDocument.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert titles("tapijt") == []


def test_an_unpublished_object_is_neither_found_nor_suggested(committed, titles):
    with committed():
        builders.collection_object(title="Verborgen vaas", live=False)
        builders.collection_object(title="Zichtbare vaas")
    assert titles("vaas") == ["Zichtbare vaas"]
    assert suggested("verbor") == []


def test_each_language_finds_its_own_documents_and_others_only_where_untranslated(
    committed, titles
):
    with committed():
        builders.collection_object("nl", title="Vaas met bloemen")
        builders.collection_object("en", title="Vase with flowers")
    assert titles("vaas", "nl") == ["Vaas met bloemen"]
    assert titles("vase", "en") == ["Vase with flowers"]
    # Two records, neither translated: each stands in for the other language, shown as
    # it is (issue 20: every record findable in every language).
    [stand_in] = search("vase", "nl")[0:5]
    assert (stand_in.title, stand_in.locale, stand_in.translated) == (
        "Vase with flowers",
        "en",
        False,
    )


def test_a_maker_is_found_by_any_label_and_alternative_spelling(committed, titles):
    with committed():
        memling = builders.term(label="Hans Memling", alt_labels="Memlinc\nJan van Mimmelynghe")
        builders.collection_object(title="Portret van een vrouw", makers=[memling])
    for query in ("Memling", "memlinc", "Mimmelynghe"):
        assert titles(query) == ["Portret van een vrouw"], query


def test_renaming_a_term_reindexes_its_objects(committed, titles):
    with committed():
        maker = builders.term(label="Meester van de Legende")
        builders.collection_object(title="Paneel", makers=[maker])
    maker.alt_labels = "Meester van Sint-Goedele"
    with committed():
        maker.save()
    assert titles("Goedele") == ["Paneel"]


def test_an_exhibition_is_found_by_the_makers_of_what_it_shows(committed, titles):
    with committed():
        bosch = builders.term(label="Jheronimus Bosch", alt_labels="Jeroen Bosch")
        obj = builders.collection_object(title="De heilige Hiëronymus", makers=[bosch])
        builders.exhibition(title="Monsters en heiligen", objects=[obj])
    assert set(titles("Jeroen Bosch")) == {"De heilige Hiëronymus", "Monsters en heiligen"}


def test_unpublishing_an_object_removes_it_from_the_exhibitions_text(committed, titles):
    with committed():
        obj = builders.collection_object(title="Wandtapijt met eenhoorn")
        builders.exhibition(title="Geweven", objects=[obj])
    assert "Geweven" in titles("eenhoorn")
    with committed():
        obj.unpublish()
    assert titles("eenhoorn") == []


def test_a_tour_scene_is_found_by_the_object_its_hotspot_leads_to(committed, titles):
    obj = builders.collection_object(title="Roemer met noppen")
    hotspot = tour_builders.go_to("zaal-2", label="Bekijk het glas")
    hotspot.target_kind, hotspot.target_scene_key, hotspot.target_object = "object", "", obj
    with committed():
        tour_builders.tour(
            [
                tour_builders.scene("zaal-1", title="De glaskamer", hotspots=[hotspot]),
                tour_builders.scene("zaal-2", title="Het prentenkabinet"),
            ],
            title="Rondgang",
        )
    results = search("roemer", "nl")[0:10]
    scene = next(result for result in results if result.scene_key)
    assert (scene.kind, scene.title, scene.scene_key) == (
        "tour",
        "Rondgang: De glaskamer",
        "zaal-1",
    )
    assert titles("prentenkabinet") == ["Rondgang: Het prentenkabinet", "Rondgang"]


def test_a_stopword_only_query_finds_nothing_and_a_blank_one_browses(committed, titles):
    with committed():
        builders.collection_object(title="Kom")
        builders.story(title="Bord")
    assert titles("de het") == []
    assert titles("") == ["Bord", "Kom"]


def test_when_no_document_has_every_word_documents_with_some_are_found(committed, titles):
    with committed():
        builders.collection_object(title="Zilveren kan")
        builders.collection_object(title="Zilveren kandelaar")
    # The last word may be unfinished: "kan" also begins "kandelaar", ranked after the
    # word as typed; followed by a space it is a whole word.
    assert titles("zilveren kan") == ["Zilveren kan", "Zilveren kandelaar"]
    assert titles("zilveren kan ") == ["Zilveren kan"]
    assert set(titles("zilveren schotel")) == {"Zilveren kan", "Zilveren kandelaar"}


def test_update_index_rebuilds_the_documents(settings, titles):
    builders.collection_object(title="Vergeten vaas")  # never committed: not indexed
    assert titles("vaas") == []
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database"},
        "vitrine": {"BACKEND": "search.wagtail_backend"},
    }
    call_command("update_index", backend_name="vitrine", verbosity=0)
    assert titles("vaas") == ["Vergeten vaas"]


def test_rebuild_counts_the_documents_of_each_source(committed):
    builders.collection_object(title="Een")
    builders.story(title="Twee")
    builders.story(title="Drie", publish=False)
    written = rebuild()
    assert written["museum_site.collectionobject"] == 1
    assert written["museum_site.storypage"] == 1


@pytest.mark.postgres_only
def test_a_rebuild_leaves_no_pending_list_for_searches_to_read(db):
    """GIN indexes hold new rows in a pending list that every lookup reads whole
    (migration 0007, `DatabaseBackend.optimize`): a rebuild merges them."""
    from django.db import connection

    for number in range(30):
        builders.collection_object(title=f"Schaal {number}", description="Zilver en goud.")
    rebuild()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.reloptions, gin_clean_pending_list(i.indexrelid) "
            "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'gin' "
            "AND i.indrelid = 'search_searchdocument'::regclass"
        )
        indexes = cursor.fetchall()
    assert len(indexes) >= 5  # full text, its three samples, facet keys, suggestions
    for name, options, pending_pages in indexes:
        assert pending_pages == 0, name
        assert "gin_pending_list_limit=256" in options, name
