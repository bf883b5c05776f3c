"""The Termennetwerk client against a fake API on loopback that speaks the pinned
upstream schema (fake_server.py)."""

from __future__ import annotations

import time

import pytest
from graphql import parse, validate

from museum_site.termennetwerk import services
from tests.termennetwerk.fake_server import RKD, SCHEMA, WIKIDATA

pytestmark = [pytest.mark.django_db, pytest.mark.database_neutral]

BRONZE = "http://vocab.getty.edu/aat/300010957"


@pytest.mark.parametrize("query", [services.SEARCH_QUERY, services.LOOKUP_QUERY])
def test_our_queries_are_valid_against_the_pinned_schema(query):
    assert validate(SCHEMA, parse(query + services.FRAGMENTS)) == []


def test_a_material_is_searched_in_aat_with_dutch_and_english_labels(fake_termennetwerk):
    answers = services.search("brons", "material")

    assert [(answer.uri, answer.answered) for answer in answers] == [
        ("http://vocab.getty.edu/aat", True)
    ]
    (bronze,) = answers[0].terms
    assert bronze.uri == BRONZE
    assert bronze.labels == {"nl": "brons", "en": "bronze"}
    assert bronze.alt_labels == ["bronze (metal)", "bronze alloy"]
    assert bronze.scope_note.startswith("Legering van koper en tin")  # Dutch first
    sent = fake_termennetwerk.requests[0]["variables"]
    assert sent["sources"] == ["http://vocab.getty.edu/aat"]
    assert sent["languages"] == ["nl", "en"]


def test_a_person_is_searched_in_each_of_its_sources_grouped_by_source(fake_termennetwerk):
    answers = services.search("Rembrandt", "person")

    assert [answer.name for answer in answers] == ["RKDartists", "Wikidata"]
    assert [term.uri for term in answers[0].terms] == ["https://data.rkd.nl/artists/66219"]
    assert [term.uri for term in answers[1].terms] == ["http://www.wikidata.org/entity/Q5598"]
    assert answers[1].terms[0].label(("en",)) == "Rembrandt"
    assert answers[1].terms[0].label(("nl",)) == "Rembrandt van Rijn"


def test_a_source_that_fails_is_reported_beside_the_others(fake_termennetwerk):
    fake_termennetwerk.failing_sources.add(WIKIDATA)

    rkd, wikidata = services.search("Rembrandt", "person")

    assert rkd.uri == RKD and rkd.answered and len(rkd.terms) == 1
    assert wikidata.uri == WIKIDATA
    assert not wikidata.answered
    assert wikidata.error == "TimeoutError"
    assert wikidata.terms == []


def test_a_second_search_is_answered_from_the_cache(fake_termennetwerk):
    services.search("brons", "material")
    again = services.search("  BRONS ", "material")

    assert len(fake_termennetwerk.requests) == 1
    assert again[0].terms[0].uri == BRONZE


def test_an_answer_with_a_failed_source_is_not_cached(fake_termennetwerk):
    fake_termennetwerk.failing_sources.add(WIKIDATA)
    services.search("Rembrandt", "person")
    fake_termennetwerk.failing_sources.clear()

    _rkd, wikidata = services.search("Rembrandt", "person")

    assert len(fake_termennetwerk.requests) == 2
    assert wikidata.answered and len(wikidata.terms) == 1


def test_fewer_than_three_letters_ask_nothing(fake_termennetwerk):
    assert services.search("br", "material") == []
    assert fake_termennetwerk.requests == []


def test_lookup_gives_the_fields_of_a_term(fake_termennetwerk):
    bronze = services.lookup(BRONZE)

    assert bronze.term_fields() == {
        "authority_uri": BRONZE,
        "label_nl": "brons",
        "label_en": "bronze",
        "label_fr": "",  # the Termennetwerk has no French labels: typed by hand
        "alt_labels": "bronze (metal)\nbronze alloy",
        "scope_note": "Legering van koper en tin, soms met kleine hoeveelheden andere metalen.",
    }
    assert services.lookup(BRONZE) == bronze
    assert len(fake_termennetwerk.requests) == 1  # the second from the cache


def test_a_term_without_a_dutch_label_gets_another_language_as_its_dutch_label(
    fake_termennetwerk, settings
):
    settings.TERMENNETWERK_LANGUAGES = ["en"]

    bronze = services.lookup(BRONZE)

    assert bronze.term_fields()["label_nl"] == "bronze"
    assert bronze.term_fields()["label_en"] == "bronze"


def test_an_unknown_term_is_none(fake_termennetwerk):
    assert services.lookup("http://vocab.getty.edu/aat/999999999") is None
    assert services.lookup("https://example.org/not-an-authority/1") is None


def test_a_lookup_whose_source_fails_is_unavailable_and_not_cached(fake_termennetwerk):
    fake_termennetwerk.failing_sources.add("http://vocab.getty.edu/aat")
    with pytest.raises(services.TermennetwerkUnavailable):
        services.lookup(BRONZE)
    fake_termennetwerk.failing_sources.clear()

    assert services.lookup(BRONZE).uri == BRONZE


def test_a_language_the_api_does_not_know_is_refused_by_it(fake_termennetwerk, settings):
    """Why French is not asked for: the API's Language enum has no `fr`, and a query
    with it fails as a whole."""
    settings.TERMENNETWERK_LANGUAGES = ["nl", "en", "fr"]

    with pytest.raises(services.TermennetwerkUnavailable):
        services.search("brons", "material")


def test_a_refused_connection_is_unavailable_and_not_retried_at_once(settings, refused_url):
    settings.TERMENNETWERK_URL = refused_url
    with pytest.raises(services.TermennetwerkUnavailable):
        services.search("brons", "material")
    with pytest.raises(services.TermennetwerkUnavailable, match="recently unreachable"):
        services.lookup(BRONZE)


def test_an_api_that_never_answers_is_given_up_at_the_deadline(settings, silent_url):
    settings.TERMENNETWERK_URL = silent_url
    settings.TERMENNETWERK_TIMEOUT = 0.2
    started = time.monotonic()

    with pytest.raises(services.TermennetwerkUnavailable):
        services.search("brons", "material")

    # Without the deadline this would wait forever; the bound is generous on purpose.
    assert time.monotonic() - started < 5
