"""The scheduled refresh of stored terms' labels from their authority."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from museum_site import scheduler
from museum_site.models import Term
from museum_site.termennetwerk import services

pytestmark = pytest.mark.django_db

BRONZE = "http://vocab.getty.edu/aat/300010957"
BRASS = "http://vocab.getty.edu/aat/300011020"


def test_the_refresh_is_a_scheduled_job():
    assert "refresh_term_labels" in {job.command for job in scheduler.JOBS}


def test_labels_the_authority_changed_are_taken_over_and_typed_french_is_kept(
    fake_termennetwerk,
):
    bronze = Term.objects.create(
        kind="material", label_nl="bronslegering", label_fr="bronze", authority_uri=BRONZE
    )
    brass = Term.objects.create(
        kind="material", label_nl="messing", label_en="brass", authority_uri=BRASS
    )
    gone = Term.objects.create(
        kind="material", label_nl="verdwenen", authority_uri="http://vocab.getty.edu/aat/999999999"
    )
    by_hand = Term.objects.create(kind="material", label_nl="eigen term")
    out = io.StringIO()

    call_command("refresh_term_labels", stdout=out)

    bronze.refresh_from_db()
    assert (bronze.label_nl, bronze.label_en, bronze.label_fr) == ("brons", "bronze", "bronze")
    assert Term.objects.get(pk=brass.pk).label_nl == "messing"
    assert Term.objects.get(pk=gone.pk).label_nl == "verdwenen"
    assert Term.objects.get(pk=by_hand.pk).label_nl == "eigen term"
    assert out.getvalue().strip() == (
        "1 updated, 1 unchanged, 1 unknown to their authority, 0 not answered"
    )
    # One batch, asked fresh: not from the cache the admin's lookups fill.
    assert len(fake_termennetwerk.requests) == 1
    assert set(fake_termennetwerk.requests[0]["variables"]["uris"]) == {
        BRONZE,
        BRASS,
        "http://vocab.getty.edu/aat/999999999",
    }


def test_the_refresh_asks_the_api_even_for_cached_terms(fake_termennetwerk):
    services.lookup(BRONZE)  # cached for a month
    Term.objects.create(kind="material", label_nl="oud", authority_uri=BRONZE)

    services.refresh_term_labels(batch_size=10)

    assert len(fake_termennetwerk.requests) == 2
    assert Term.objects.get(authority_uri=BRONZE).label_nl == "brons"


def test_terms_whose_source_did_not_answer_are_left_alone(fake_termennetwerk):
    fake_termennetwerk.failing_sources.add("http://vocab.getty.edu/aat")
    Term.objects.create(kind="material", label_nl="oud", authority_uri=BRONZE)

    report = services.refresh_term_labels()

    assert report == services.RefreshReport(unanswered=1)
    assert Term.objects.get(authority_uri=BRONZE).label_nl == "oud"


def test_without_the_api_the_job_fails_so_the_scheduler_tries_again(settings, refused_url):
    settings.TERMENNETWERK_URL = refused_url
    Term.objects.create(kind="material", label_nl="oud", authority_uri=BRONZE)

    with pytest.raises(CommandError, match="could not be reached"):
        call_command("refresh_term_labels")
    assert Term.objects.get(authority_uri=BRONZE).label_nl == "oud"


def test_batches_of_uris(fake_termennetwerk):
    Term.objects.create(kind="material", label_nl="a", authority_uri=BRONZE)
    Term.objects.create(kind="material", label_nl="b", authority_uri=BRASS)

    report = services.refresh_term_labels(batch_size=1)

    assert report == services.RefreshReport(updated=2)
    assert [r["variables"]["uris"] for r in fake_termennetwerk.requests] == [[BRONZE], [BRASS]]
