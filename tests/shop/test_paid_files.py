"""Paid files stay paid: a document sold as a digital product is served only through the
signed order link, wherever an editor files it, and never listed by GraphQL."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from shop.services import downloads, paid_files
from tests.shop import builders
from tests.shop.test_demo_shop import demo_shop  # noqa: F401 (fixture)
from tests.shop.test_orders import place, shop  # noqa: F401 (fixtures)
from tests.site import builders as site_builders

pytestmark = pytest.mark.django_db


def _pdf(title: str = "Catalogue (PDF)"):
    document = get_document_model()(title=title, file=ContentFile(b"%PDF-1.4 ...", name="c.pdf"))
    document.save()
    return document


def _sell(document):
    variant = builders.digital()
    variant.digital_file = document
    product = builders.product(variants=[variant])
    document.refresh_from_db()
    return product


def _public(document) -> bool:
    return not document.collection.get_view_restrictions().exists()


def test_a_public_file_is_served_while_nothing_sells_it(client):
    document = _pdf("Press kit")
    assert client.get(document.url).status_code == 200


def test_selling_a_file_moves_it_into_a_private_collection():
    document = _pdf()
    assert _public(document)

    _sell(document)

    assert not _public(document)
    assert paid_files.is_paid(document)


def test_the_document_view_refuses_a_sold_file_wherever_it_is_filed(client, admin_client):
    document = _pdf()
    _sell(document)
    # Put back in the public root collection behind the form's back.
    get_document_model().objects.filter(pk=document.pk).update(
        collection=Collection.get_first_root_node()
    )

    for visitor, url in (
        (client, document.url),
        (admin_client, document.url),
        (client, document.file.url),
    ):
        response = visitor.get(url)
        assert response.status_code == 404, response
        assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_a_sold_file_cannot_be_moved_to_a_public_collection_in_the_admin(admin_client):
    document = _pdf()
    _sell(document)
    document.refresh_from_db()

    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": document.title, "collection": Collection.get_first_root_node().pk, "tags": ""},
    )

    assert response.status_code == 200
    assert "collection" in response.context["form"].errors
    document.refresh_from_db()
    assert not _public(document)


def test_a_sold_file_is_never_listed(graphql):
    document = _pdf()
    product = _sell(document)
    # Even when published content also uses it, e.g. as a story's audio.
    site_builders.story(
        body=[("audio", {"audio": document, "title": "Listen", "transcript": "Words."})]
    )
    product.refresh_from_db()
    assert product.live

    listed = graphql("{ documents(limit: 100) { id url } }")
    one = graphql("query($id: ID) { document(id: $id) { url } }", {"id": document.pk})

    assert "errors" not in listed, listed["errors"]
    assert str(document.pk) not in {item["id"] for item in listed["data"]["documents"]}
    assert one["data"]["document"] is None


@pytest.mark.usefixtures("shop")
def test_the_signed_order_link_serves_what_the_document_view_refuses(place, client):  # noqa: F811
    line = place(("EBOOK", 1)).lines.get()
    document = line.variant.digital_file

    assert client.get(document.url).status_code == 404
    response = client.get(downloads.path(line))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.usefixtures("demo_shop")
def test_the_demo_ebook_is_sold_not_given_away(client, graphql):
    from shop.models import ProductVariant

    variant = ProductVariant.objects.exclude(digital_file=None).select_related("digital_file").get()
    document = variant.digital_file

    assert not _public(document)
    assert client.get(document.url).status_code == 404
    listed = graphql("{ documents(limit: 100) { id } }")
    assert str(document.pk) not in {item["id"] for item in listed["data"]["documents"]}
