"""The admin's chooser pop-ups, as a museum's staff open them: pages, images, documents
and snippets of another museum are neither listed nor taken by id; collection objects
another museum marked shareable are offered; the group role chooses from every museum."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff, museum_collection
from tests.museums import builders
from tests.shop import builders as shop_builders
from tests.site import builders as site_builders
from tests.visits import builders as visit_builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings, django_user_model):
    settings.ALLOWED_HOSTS = ["localhost", "design.localhost", "testserver"]
    fine_arts = Museum.objects.default()
    design = builders.museum("design", name="Design Museum")
    group = Group.objects.create(name="Fine arts editors")
    for app, codename in (
        ("wagtailadmin", "access_admin"),
        *[
            (app, f"{action}_{model}")
            for app, model in (
                ("shop", "voucher"),
                ("museum_site", "collectionobject"),
                ("shop_visits", "visitoffer"),
            )
            for action in ("add", "change", "view")
        ],
    ):
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app, codename=codename)
        )
    grant_staff(group, fine_arts)
    grant_staff(Group.objects.create(name="Design editors"), design)
    staff = django_user_model.objects.create_user("fien", "fien@example.org", "pw")
    staff.groups.add(group)
    office = django_user_model.objects.create_superuser("office", "office@example.org", "pw")
    return fine_arts, design, staff, office


def _html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_page_chooser_offers_only_the_museums_own_pages(world, client):
    fine_arts, design, staff, office = world
    design_home = Page.objects.get(pk=design.site.root_page_id)
    own_home = Page.objects.get(pk=fine_arts.site.root_page_id)
    product = builders.product(design, title="Stoel van het designmuseum")
    client.force_login(staff)

    top = _html(client.get(reverse("wagtailadmin_choose_page")))
    assert own_home.title in top and design_home.title not in top
    assert (
        client.get(reverse("wagtailadmin_choose_page_child", args=[own_home.pk])).status_code == 200
    )
    for page in (design_home, product):
        opened = client.get(reverse("wagtailadmin_choose_page_child", args=[page.pk]))
        assert opened.status_code == 403
    chosen = client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": [product.pk]})
    assert chosen.status_code == 403
    found = _html(client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Stoel"}))
    assert product.title not in found

    client.force_login(office)
    assert design_home.title in _html(client.get(reverse("wagtailadmin_choose_page")))
    opened = client.get(reverse("wagtailadmin_choose_page_child", args=[design_home.pk]))
    assert opened.status_code == 200


def _snippet_chooser(model: str) -> str:
    return f"wagtailsnippetchoosers_{model}"


@pytest.mark.parametrize(
    "model, build, text",
    [
        (
            "shop_voucher",
            lambda museum: shop_builders.voucher(museum=museum, code=f"KORTING{museum.pk}X"),
            lambda row: row.code,
        ),
        (
            "shop_visits_visitoffer",
            lambda museum: visit_builders.offer(
                museum=museum, title_nl=f"Rondleiding {museum.slug}"
            ),
            lambda row: row.title_nl,
        ),
    ],
)
def test_a_snippet_chooser_offers_only_the_museums_rows(world, client, model, build, text):
    fine_arts, design, staff, office = world
    own, other = build(fine_arts), build(design)
    namespace = _snippet_chooser(model)
    client.force_login(staff)
    for view in ("choose", "choose_results"):
        listing = _html(client.get(reverse(f"{namespace}:{view}")))
        assert text(own) in listing and text(other) not in listing, view
    assert client.get(reverse(f"{namespace}:chosen", args=[own.pk])).status_code == 200
    assert client.get(reverse(f"{namespace}:chosen", args=[other.pk])).status_code == 404
    several = client.get(reverse(f"{namespace}:chosen_multiple"), {"id": [own.pk, other.pk]})
    assert text(other) not in several.content.decode()

    client.force_login(office)
    assert text(other) in _html(client.get(reverse(f"{namespace}:choose")))
    assert client.get(reverse(f"{namespace}:chosen", args=[other.pk])).status_code == 200


def test_the_object_chooser_offers_shareable_objects_of_other_museums(world, client):
    fine_arts, design, staff, _office = world
    own = site_builders.collection_object(
        title="Zandloper", inventory_number="fa.1", with_image=False, museum=fine_arts
    )
    shared = site_builders.collection_object(
        title="Klokkenspel", inventory_number="dm.1", with_image=False, museum=design
    )
    shared.shareable = True
    shared.save()
    private = site_builders.collection_object(
        title="Bureaulamp", inventory_number="dm.2", with_image=False, museum=design
    )
    namespace = _snippet_chooser("museum_site_collectionobject")
    client.force_login(staff)
    listing = _html(client.get(reverse(f"{namespace}:choose")))
    assert own.title in listing and shared.title in listing and private.title not in listing
    assert client.get(reverse(f"{namespace}:chosen", args=[shared.pk])).status_code == 200
    assert client.get(reverse(f"{namespace}:chosen", args=[private.pk])).status_code == 404


def test_image_and_document_choosers_offer_only_the_museums_collection(world, client):
    fine_arts, design, staff, office = world
    own_image = site_builders.image("Eigen affiche")
    other_image = site_builders.image("Affiche van design")
    own_image.collection = museum_collection(fine_arts)
    own_image.save()
    other_image.collection = museum_collection(design)
    other_image.save()
    Document = get_document_model()
    own_doc = Document.objects.create(
        title="Eigen plattegrond",
        file=ContentFile(b"%PDF-1.4", name="eigen.pdf"),
        collection=museum_collection(fine_arts),
    )
    other_doc = Document.objects.create(
        title="Plattegrond van design",
        file=ContentFile(b"%PDF-1.4", name="design.pdf"),
        collection=museum_collection(design),
    )
    client.force_login(staff)
    for namespace, own, other in (
        ("wagtailimages_chooser", own_image, other_image),
        ("wagtaildocs_chooser", own_doc, other_doc),
    ):
        listing = _html(client.get(reverse(f"{namespace}:choose")))
        assert own.title in listing and other.title not in listing, namespace
        assert client.get(reverse(f"{namespace}:chosen", args=[own.pk])).status_code == 200
        refused = client.get(reverse(f"{namespace}:chosen", args=[other.pk]))
        # Wagtail answers a refused permission with a redirect to the dashboard.
        assert refused.status_code in (302, 403, 404), namespace
        assert other.title not in refused.content.decode(), namespace
    client.force_login(office)
    assert other_image.title in _html(client.get(reverse("wagtailimages_chooser:choose")))
