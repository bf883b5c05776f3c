"""The same search against a real Elasticsearch 8 cluster; skipped when there is none.

No Elasticsearch server can be installed on the project's machines, so these tests run
only where one is reachable:

    docker run -d -p 9200:9200 -e discovery.type=single-node \\
        -e xpack.security.enabled=false docker.elastic.co/elasticsearch/elasticsearch:8.15.0
    ELASTICSEARCH_URL=http://localhost:9200 .venv/bin/pytest tests/search -p no:warnings

They load the demo museum, index it into throw-away indexes (prefix `vitrine-test-…`,
deleted afterwards), and run the judged query set, the facet counts and the visibility
checks that test_relevance.py runs on the database backend.
"""

from __future__ import annotations

import os
import uuid

import pytest
from django.test.utils import override_settings

from museum_site import models
from search.backends import elasticsearch as es
from search.backends import get_backend
from search.indexing import rebuild
from search.services import search, suggest
from tests.search import judged
from tests.search.demo_museum import LANGUAGES, orm_facet_counts

URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not URL, reason="set ELASTICSEARCH_URL to run against Elasticsearch 8"),
]


@pytest.fixture(scope="module")
def cluster(demo, django_db_blocker):
    prefix = f"vitrine-test-{uuid.uuid4().hex[:8]}"
    with override_settings(ELASTICSEARCH_URL=URL, ELASTICSEARCH_INDEX_PREFIX=prefix):
        backend = get_backend()
        assert isinstance(backend, es.ElasticsearchBackend)
        with django_db_blocker.unblock():
            rebuild()
        backend.refresh()
        yield backend
        for language in es.LANGUAGES:
            backend.client.indices.delete(index=es.index_name(language), ignore_unavailable=True)


def test_judged_queries_on_elasticsearch(cluster, relevance_report):
    report = judged.run(lambda text, locale: search(text, locale)[0 : judged.PAGE])
    relevance_report.extend(report.lines("search relevance (Elasticsearch)"))
    assert report.mrr >= 0.85, "\n".join(report.lines("relevance"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_facet_counts_equal_direct_queries_on_elasticsearch(cluster, language):
    facets = search("", language).facets()
    answered = {
        facet: {value.value: value.count for value in values} for facet, values in facets.items()
    }
    assert answered == orm_facet_counts(language)


def test_drafts_are_not_found_and_unpublishing_removes_on_elasticsearch(cluster, committed):
    assert all(
        result.slug != "nieuwe-aanwinst-ivoren-christus"
        for result in search("aanwinst", "nl")[0:50]
    )
    obj = models.CollectionObject.objects.get(
        inventory_number="MAL.1923.010", locale__language_code="nl"
    )
    assert any(result.slug == obj.inventory_number for result in search("Memlinc", "nl")[0:20])
    with committed():
        obj.unpublish()
    cluster.refresh()
    assert search("Memlinc", "nl", kinds=["object"]).count() == 0
    with committed():
        obj.save_revision().publish()
    cluster.refresh()


def test_suggestions_on_elasticsearch(cluster):
    texts = [suggestion.text for suggestion in suggest("memli", "nl", 8)]
    assert texts[0] == "Hans Memling"
    assert "Portret van een jonge vrouw" not in texts  # titles must start a word with "memli"
