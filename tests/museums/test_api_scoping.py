"""The API knows the museum: host, `museum` argument or `X-Museum` header, one answer."""

from __future__ import annotations

import pytest

from museum_site.museums.models import Museum
from shop.models import Checkout
from tests.museums import builders
from tests.shop import builders as shop_builders
from tests.site import builders as site_builders

pytestmark = pytest.mark.django_db

HOSTS = ["localhost", "design.localhost", "fine-arts.localhost", "testserver"]

HOME_AND_PRODUCTS = """query($museum: String) {
  homePage(museum: $museum) { title }
  products(museum: $museum, first: 10) { totalCount nodes { slug } }
}"""


@pytest.fixture
def two_museums(settings):
    settings.ALLOWED_HOSTS = HOSTS
    Museum.objects.default().site.root_page.specific.save_revision().publish()
    design = builders.museum("design", primary_colour="#112233", typeface="grotesque")
    fine_arts = Museum.objects.default()
    shop_builders.product(slug="fine-arts-mug")
    builders.product(design, slug="design-chair")
    return fine_arts, design


def test_two_hosts_get_their_own_home_page_and_products(graphql, two_museums):
    _fine_arts, _design = two_museums
    on_design = graphql(HOME_AND_PRODUCTS, HTTP_HOST="design.localhost")["data"]
    on_default = graphql(HOME_AND_PRODUCTS, HTTP_HOST="localhost")["data"]
    assert on_design["homePage"]["title"] == "Home of design"
    assert [node["slug"] for node in on_design["products"]["nodes"]] == ["design-chair"]
    assert on_default["homePage"]["title"] != "Home of design"
    assert [node["slug"] for node in on_default["products"]["nodes"]] == ["fine-arts-mug"]


def test_the_museum_argument_and_header_name_another_museum(graphql, two_museums):
    by_argument = graphql(HOME_AND_PRODUCTS, {"museum": "design"})["data"]
    assert [node["slug"] for node in by_argument["products"]["nodes"]] == ["design-chair"]
    by_header = graphql(HOME_AND_PRODUCTS, HTTP_X_MUSEUM="design")["data"]
    assert [node["slug"] for node in by_header["products"]["nodes"]] == ["design-chair"]


def test_an_unknown_museum_is_an_error_not_the_default_museum(graphql, two_museums):
    answer = graphql(HOME_AND_PRODUCTS, {"museum": "nowhere"})
    assert answer["data"] is None or answer["data"].get("products") is None
    assert answer["errors"][0]["extensions"]["code"] == "UNKNOWN_MUSEUM"
    answer = graphql("{ museum { slug } }", HTTP_X_MUSEUM="nowhere")
    assert answer["errors"][0]["extensions"]["code"] == "UNKNOWN_MUSEUM"


def test_a_product_of_another_museum_is_not_found_by_slug(graphql, two_museums):
    query = "query($slug: String!) { product(slug: $slug) { slug } }"
    assert graphql(query, {"slug": "design-chair"})["data"]["product"] is None
    answer = graphql(query, {"slug": "design-chair"}, HTTP_HOST="design.localhost")
    assert answer["data"]["product"]["slug"] == "design-chair"


def test_grapple_pages_answer_within_the_museum(graphql, two_museums):
    query = "{ pages(limit: 100, inSite: true) { title } }"
    titles = {
        page["title"] for page in graphql(query, HTTP_HOST="design.localhost")["data"]["pages"]
    }
    assert "Home of design" in titles
    assert not any("mug" in title.lower() for title in titles)
    default_titles = {page["title"] for page in graphql(query)["data"]["pages"]}
    assert "Home of design" not in default_titles


def test_collection_objects_are_the_museums_and_shareable_ones_can_be_opened(graphql, two_museums):
    _fine_arts, design = two_museums
    own = site_builders.collection_object(inventory_number="FA.1", with_image=False)
    shared = site_builders.collection_object(
        inventory_number="D.1", with_image=False, museum=design, shareable=True
    )
    site_builders.collection_object(inventory_number="D.2", with_image=False, museum=design)
    listed = graphql("{ collectionObjects(first: 10) { nodes { inventoryNumber } } }")
    assert [n["inventoryNumber"] for n in listed["data"]["collectionObjects"]["nodes"]] == [
        own.inventory_number
    ]
    one = "query($n: String!) { collectionObject(inventoryNumber: $n) { inventoryNumber } }"
    assert graphql(one, {"n": shared.inventory_number})["data"]["collectionObject"]
    assert graphql(one, {"n": "D.2"})["data"]["collectionObject"] is None


def test_museums_lists_the_public_museums_with_their_branding(graphql, two_museums):
    fine_arts, _design = two_museums
    Museum.objects.filter(pk=fine_arts.pk).update(is_public=False)
    query = """{ museums { slug hostname url branding { primaryColour typeface languages } }
                 museum { slug name contact { email } address { city } } }"""
    answer = graphql(query, HTTP_HOST="design.localhost")["data"]
    assert [m["slug"] for m in answer["museums"]] == ["design"]
    assert answer["museums"][0]["hostname"] == "design.localhost"
    assert answer["museums"][0]["branding"] == {
        "primaryColour": "#112233",
        "typeface": "GROTESQUE",
        "languages": ["nl", "en", "fr"],
    }
    assert answer["museum"]["slug"] == "design"


def test_the_response_cache_keeps_each_museums_answer_apart(graphql, two_museums, settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 60}
    query = "{ products(first: 10) { nodes { slug } } }"
    first = graphql(query)["data"]["products"]["nodes"]
    by_header = graphql(query, HTTP_X_MUSEUM="design")["data"]["products"]["nodes"]
    by_host = graphql(query, HTTP_HOST="design.localhost")["data"]["products"]["nodes"]
    assert first == [{"slug": "fine-arts-mug"}]
    assert by_header == by_host == [{"slug": "design-chair"}]
    assert graphql(query)["data"]["products"]["nodes"] == first


CREATE = """mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) { errors { field code message } checkout { token } }
}"""
EMAIL = """mutation($token: UUID!) {
  checkoutEmailUpdate(token: $token, email: "a@example.org") { errors { code } }
}"""
READ = "query($token: UUID!) { checkout(token: $token) { token } }"


def test_a_checkout_of_one_museum_is_unknown_on_another_museums_host(graphql, two_museums):
    answer = graphql(CREATE, {"input": {"lines": []}}, HTTP_HOST="design.localhost")
    token = answer["data"]["checkoutCreate"]["checkout"]["token"]
    assert Checkout.objects.get(token=token).museum.slug == "design"
    assert graphql(READ, {"token": token})["data"]["checkout"] is None
    assert graphql(EMAIL, {"token": token})["data"]["checkoutEmailUpdate"]["errors"] == [
        {"code": "NOT_FOUND"}
    ]
    assert Checkout.objects.get(token=token).email == ""
    on_design = graphql(READ, {"token": token}, HTTP_HOST="design.localhost")
    assert on_design["data"]["checkout"]["token"] == token
    assert (
        graphql(EMAIL, {"token": token}, HTTP_X_MUSEUM="design")["data"]["checkoutEmailUpdate"][
            "errors"
        ]
        == []
    )
