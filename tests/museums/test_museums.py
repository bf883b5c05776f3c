"""Every Wagtail site is a museum; a request's host names it; what it sells is its own."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from museum_site.museums.current import museum_for_request
from museum_site.museums.models import Museum
from shop.models import Checkout
from tests.shop import builders

pytestmark = pytest.mark.django_db

CREATE = """mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) { errors { field code message } checkout { token } }
}"""


def second_site(hostname: str = "design.localhost") -> Site:
    root = Page.objects.get(depth=1)
    home = root.add_child(instance=Page(title="Design museum", slug=hostname.split(".")[0]))
    return Site.objects.create(hostname=hostname, port=80, root_page=home, site_name="Design")


def test_the_migrated_install_has_one_museum_for_localhost():
    museum = Museum.objects.get()
    assert museum.site.is_default_site
    assert museum.site.hostname == "localhost"
    assert Museum.objects.default() == museum


def test_a_new_site_is_a_new_museum_with_a_free_slug():
    Museum.objects.update(slug="design")
    site = second_site()
    assert site.museum.name == "Design"
    assert site.museum.slug == "design-2"


def test_the_host_of_a_request_names_its_museum():
    design = second_site().museum
    factory = RequestFactory()
    assert museum_for_request(factory.get("/", HTTP_HOST="design.localhost")) == design
    assert museum_for_request(factory.get("/", HTTP_HOST="localhost")) == Museum.objects.default()
    # An unknown host falls back to the default site, as Wagtail does.
    assert museum_for_request(factory.get("/", HTTP_HOST="elsewhere.localhost")) == (
        Museum.objects.default()
    )


def test_a_checkout_belongs_to_the_museum_its_host_names(graphql, settings):
    settings.ALLOWED_HOSTS = ["localhost", "design.localhost", "testserver"]
    design = second_site().museum
    builders.set_stock(builders.product().variants.get().sku, 5)
    answer = graphql(CREATE, {"input": {"lines": []}}, HTTP_HOST="design.localhost")
    assert answer["data"]["checkoutCreate"]["errors"] == []
    token = answer["data"]["checkoutCreate"]["checkout"]["token"]
    assert Checkout.objects.get(token=token).museum == design
    answer = graphql(CREATE, {"input": {"lines": []}})
    token = answer["data"]["checkoutCreate"]["checkout"]["token"]
    assert Checkout.objects.get(token=token).museum == Museum.objects.default()
