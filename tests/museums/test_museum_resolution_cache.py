"""The museum of a request is resolved without a query once its host is cached, and read
again as soon as a Museum or Site row changes."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from wagtail.models import Site

from museum_site.museums.current import museum_for_request
from museum_site.museums.models import Museum
from tests.museums import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def design(settings):
    settings.ALLOWED_HOSTS = ["localhost", "design.localhost", "shop.design.localhost"]
    return builders.museum("design")


def _resolve(host: str = "design.localhost", **headers) -> Museum:
    return museum_for_request(RequestFactory().get("/graphql/", HTTP_HOST=host, **headers))


def test_a_cached_host_costs_no_query(design, django_assert_num_queries):
    with django_assert_num_queries(2):  # its site, then its museum: once
        assert _resolve() == design
    with django_assert_num_queries(0):
        museum = _resolve()
        assert museum == design
        assert museum.site.hostname == "design.localhost"


def test_an_unknown_host_is_cached_as_the_default_museum(design, django_assert_num_queries):
    default = Museum.objects.default()
    assert _resolve("elsewhere.example") == default
    with django_assert_num_queries(0):
        assert _resolve("elsewhere.example") == default


def test_a_museum_named_by_header_is_cached_by_slug(design, django_assert_num_queries):
    assert _resolve("localhost", HTTP_X_MUSEUM="design") == design
    with django_assert_num_queries(0):
        assert _resolve("localhost", HTTP_X_MUSEUM="design") == design


def test_the_request_keeps_the_site_for_wagtail(design, django_assert_num_queries):
    request = RequestFactory().get("/", HTTP_HOST="design.localhost")
    museum_for_request(request)
    request = RequestFactory().get("/", HTTP_HOST="design.localhost")
    museum_for_request(request)
    site = design.site
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) == site


def test_a_changed_museum_is_read_again(design, django_assert_num_queries):
    assert _resolve().name == "design"
    design.name = "Designmuseum"
    design.save()
    assert _resolve().name == "Designmuseum"


def test_a_changed_hostname_moves_the_museum(design):
    assert _resolve() == design
    site = design.site
    site.hostname = "shop.design.localhost"
    site.save()
    assert _resolve("shop.design.localhost") == design
    assert _resolve() == Museum.objects.default()  # the old host now falls back


def test_a_deleted_museum_is_not_served_from_the_cache(design):
    assert _resolve() == design
    design.site.delete()
    assert _resolve() == Museum.objects.default()
