"""Every absolute URL made for a museum's visitor is on that museum's own public origin
(museum_site.museums.links.museum_url): e-mail links of a second museum open its site,
and the IIIF ids of its objects are named on it, whichever host asked."""

from __future__ import annotations

import uuid
from decimal import Decimal
from urllib.parse import urlsplit

import pytest

from museum_site.museums.links import museum_url
from museum_site.museums.models import Museum
from shop.accounts import services as account_services
from shop.models import Order, OrderLine
from shop.services import downloads
from shop.visits import emails as visit_emails
from tests.accounts.test_guest_data_requests import REQUEST
from tests.museums import builders
from tests.museums.test_contact_register import booking
from tests.site import builders as site_builders

pytestmark = pytest.mark.django_db

DESIGN_ORIGIN = "http://design.localhost"


@pytest.fixture
def design(settings):
    settings.ALLOWED_HOSTS = ["localhost", "design.localhost", "testserver"]
    settings.FRONTEND_URL = "https://fine-arts.example"
    return builders.museum("design", name="Design Museum")


def _order(museum: Museum) -> Order:
    return Order.objects.create(
        museum=museum,
        checkout_token=uuid.uuid4(),
        email="anna@example.be",
        subtotal=Decimal("10.00"),
        shipping=Decimal("0.00"),
        total_gross=Decimal("10.00"),
        total_net=Decimal("8.26"),
        status=Order.Status.PAID,
    )


def test_one_function_names_each_museums_origin(design):
    assert museum_url(design, "/nl/winkel") == f"{DESIGN_ORIGIN}/nl/winkel"
    assert museum_url(design.pk, "nl") == f"{DESIGN_ORIGIN}/nl"
    assert museum_url(None, "/nl") == "https://fine-arts.example/nl"
    assert museum_url(Museum.objects.default(), "/nl") == "https://fine-arts.example/nl"


def test_the_api_names_each_museums_public_origin(design, graphql):
    answer = graphql("{ museums { slug url } }")["data"]["museums"]
    urls = {museum["slug"]: museum["url"] for museum in answer}
    assert urls["design"] == DESIGN_ORIGIN
    assert urls[Museum.objects.default().slug] == "https://fine-arts.example"


def test_a_second_museums_emails_link_to_its_own_site(design, mailing_graphql, mailoutbox):
    # An order's download link, a group visit's page, a data request asked there.
    line = OrderLine(order=_order(design), pk=1)
    assert downloads.absolute_link(line).startswith(f"{DESIGN_ORIGIN}/")
    visit = booking(design)
    body = visit_emails._with_link(visit, "confirmed", "")
    assert f"{DESIGN_ORIGIN}/nl/groepen/booking?token=" in body

    mails = len(mailoutbox)
    answer = mailing_graphql(
        REQUEST, {"email": "anna@example.be", "kind": "EXPORT"}, HTTP_HOST="design.localhost"
    )
    assert answer["data"]["dataRequestCreate"]["errors"] == []
    assert len(mailoutbox) == mails + 1
    url = next(word for word in mailoutbox[-1].body.split() if word.startswith("http"))
    assert urlsplit(url).netloc == "design.localhost"
    # A password reset link may point at the museum's own site.
    assert account_services.check_redirect_url(f"{DESIGN_ORIGIN}/nl/account/reset")


def test_a_second_museums_manifest_is_named_on_its_origin(design, client, graphql):
    obj = site_builders.collection_object(title="Klokkenspel", museum=design)
    path = f"/iiif/object/{obj.translation_key}/manifest.json"
    for host in ("localhost", "design.localhost"):
        manifest = client.get(path, HTTP_HOST=host).json()
        assert manifest["id"] == f"{DESIGN_ORIGIN}{path}", host
        assert all(item["id"].startswith(f"{DESIGN_ORIGIN}/") for item in manifest["items"])
        assert manifest["homepage"][0]["id"].startswith(f"{DESIGN_ORIGIN}/")
    answer = graphql(
        "{ collectionObjects(first: 5) { nodes { iiifManifestUrl } } }",
        HTTP_HOST="design.localhost",
    )
    urls = [node["iiifManifestUrl"] for node in answer["data"]["collectionObjects"]["nodes"]]
    assert urls == [f"{DESIGN_ORIGIN}{path}"]
