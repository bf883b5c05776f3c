"""Staff of one museum never read or write another's data; the group role reads all.

The matrix is built from the app registry: every model with a `museum` foreign key must
have a row in CASES saying how it is reached (admin views, GraphQL) and is then tried
from both sides. A new model that belongs to a museum and is not listed fails
`test_every_model_of_a_museum_is_in_the_matrix`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Page

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff, museums_of
from search import registry
from search.indexing import update
from shop import models as shop_models
from shop.tickets import models as ticket_models
from shop.visits import models as visit_models
from tests.museums import builders
from tests.shop import builders as shop_builders
from tests.site import builders as site_builders
from tests.tickets import builders as ticket_builders
from tests.visits import builders as visit_builders

pytestmark = pytest.mark.django_db

HOSTS = ["localhost", "design.localhost", "testserver"]


def _museum_models() -> list[str]:
    return sorted(
        model._meta.label
        for model in apps.get_models()
        if any(
            field.name == "museum" and field.many_to_one and field.related_model is Museum
            for field in model._meta.get_fields()
        )
    )


@dataclass
class Case:
    build: Callable[[Museum], object]
    admin: str | None = None  # URL namespace of its admin views
    edit: str = "edit"  # the view that opens one row
    listing: str = "list"  # the view that lists rows (snippets: "list"; model viewsets: "index")
    delete: bool = True
    graphql: Callable[[object], tuple[str, dict, Callable[[dict], bool]]] | None = None
    # For a model the search indexes: the words that find the row (search, searchSuggest).
    search: Callable[[object], str] | None = None
    why_no_path: str = ""


def _order(museum: Museum) -> shop_models.Order:
    return shop_models.Order.objects.create(
        museum=museum,
        checkout_token=uuid.uuid4(),
        email=f"buyer@{museum.slug}.example",
        subtotal=Decimal("10.00"),
        shipping=Decimal("0.00"),
        total_gross=Decimal("10.00"),
        total_net=Decimal("8.26"),
        status=shop_models.Order.Status.PAID,
    )


def _return(museum: Museum) -> shop_models.ReturnRequest:
    return shop_models.ReturnRequest.objects.create(
        museum=museum, order=_order(museum), reason=f"Too large ({museum.slug})"
    )


def _checkout(museum: Museum) -> shop_models.Checkout:
    return shop_models.Checkout.objects.create(museum=museum)


def _payment(museum: Museum) -> shop_models.Payment:
    return shop_models.Payment.objects.create(
        museum=museum,
        checkout_token=uuid.uuid4(),
        attempt=1,
        intent_id=f"pi_{uuid.uuid4().hex}",
        amount=Decimal("1.00"),
    )


def _shipping(museum: Museum) -> shop_models.ShippingMethod:
    return shop_builders.shipping(museum=museum, name_nl=f"Post {museum.slug}")


def _voucher(museum: Museum) -> shop_models.Voucher:
    return shop_builders.voucher(museum=museum, code=f"CODE{museum.pk}X")


OBJECT_TITLES = {"design": "Klokkenspel"}


def _object(museum: Museum):
    return site_builders.collection_object(
        title=OBJECT_TITLES.get(museum.slug, "Zandloper"),
        inventory_number=f"{museum.slug}.1",
        with_image=False,
        museum=museum,
    )


def _checkout_read(checkout):
    return (
        "query($t: UUID!) { checkout(token: $t) { token } }",
        {"t": str(checkout.token)},
        lambda data: data["checkout"] is not None,
    )


def _object_read(obj):
    return (
        "{ collectionObjects(first: 50) { nodes { inventoryNumber } } }",
        {},
        lambda data: any(
            node["inventoryNumber"] == obj.inventory_number
            for node in data["collectionObjects"]["nodes"]
        ),
    )


def _details(museum: Museum):
    from museum_site.models import MuseumDetails

    return MuseumDetails.objects.create(
        museum=museum,
        locale=site_builders.locale("nl"),
        museum_name=f"Museum {museum.slug}",
        address=f"Straat 1, {museum.slug}",
    )


def _details_read(details):
    return (
        '{ museumDetails(locale: "nl") { museumName } }',
        {},
        lambda data: (data["museumDetails"] or {}).get("museumName") == details.museum_name,
    )


def _visit_offer(museum: Museum):
    return visit_builders.offer(museum=museum, title_nl=f"Rondleiding {museum.slug}")


def _visit_offer_read(offer):
    return (
        "{ visitOffers { title } }",
        {},
        lambda data: any(node["title"] == offer.title_nl for node in data["visitOffers"]),
    )


def _resource(museum: Museum):
    return visit_builders.guide(f"Gids {museum.slug}", ["nl"], museum=museum)


def _activity(museum: Museum):
    start = visit_builders.next_weekday(1)
    return visit_models.Activity.objects.create(
        museum=museum,
        kind=visit_models.Activity.Kind.MAINTENANCE,
        title=f"Onderhoud {museum.slug}",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )


def _booking(museum: Museum):
    return visit_models.Booking.objects.create(
        museum=museum,
        offer=_visit_offer(museum),
        organisation=f"School {museum.slug}",
        organisation_kind="school",
        contact_name="An",
        email="an@example.org",
        pupils=20,
        adults=2,
        language="nl",
        preferred_start=visit_builders.next_weekday(1),
    )


def _booking_read(booking):
    return (
        "query($t: String!) { visitBooking(token: $t) { organisation } }",
        {"t": booking.token},
        lambda data: data["visitBooking"] is not None,
    )


def _admission_offer(museum: Museum):
    return ticket_builders.offer(museum=museum, slug=f"vast-{museum.slug}")


def _admission_offer_read(offer):
    return (
        "{ admissionOffers { slug } }",
        {},
        lambda data: any(node["slug"] == offer.slug for node in data["admissionOffers"]),
    )


def _time_slot(museum: Museum):
    return ticket_builders.slot(_admission_offer(museum))


def _ticket(museum: Museum):
    return ticket_builders.ticket(_time_slot(museum))


def _category(museum: Museum):
    return _admission_offer(museum).categories.first()


def _weekly_opening(museum: Museum):
    return ticket_models.WeeklyOpening.objects.create(
        museum=museum,
        offer=_admission_offer(museum),
        weekday=1,
        opens=time(10, 0),
        closes=time(17, 0),
        interval_minutes=30,
        capacity=20,
    )


def _schedule_exception(museum: Museum):
    return ticket_models.ScheduleException.objects.create(
        museum=museum, date=visit_builders.next_weekday(1).date(), closed=True
    )


def _member(museum: Museum):
    from museum_site.ldes.models import Member, StreamKind

    iri = f"{museum.site.root_url}/id/object/{uuid.uuid4()}"
    return Member.objects.create(
        museum=museum,
        kind=StreamKind.OBJECTS,
        entity=iri.rsplit("/", 1)[1],
        version_iri=f"{iri}/version/1",
        is_version_of=iri,
        ntriples=f"<{iri}/version/1> <http://purl.org/dc/terms/isVersionOf> <{iri}> .\n",
    )


def _subscription(museum: Museum):
    from shop.accounts.models import NewsletterSubscription

    return NewsletterSubscription.objects.create(
        museum=museum, email=f"reader@{museum.slug}.example", status="CONFIRMED"
    )


VISITS_STAFF = "read and changed only in its museum's admin lists (MuseumScopedViewSet)"
TICKETS_NO_ADMIN = (
    "no admin or API view of its own yet (issue 13, step 5); it shapes the slots, which "
    "are read only through ticketAvailability of the museum's own offers"
)

CASES: dict[str, Case] = {
    "shop_visits.VisitOffer": Case(
        _visit_offer, admin="wagtailsnippets_shop_visits_visitoffer", graphql=_visit_offer_read
    ),
    "shop_visits.Resource": Case(_resource, admin="wagtailsnippets_shop_visits_resource"),
    "shop_visits.Activity": Case(_activity, admin="wagtailsnippets_shop_visits_activity"),
    "shop_visits.Booking": Case(
        _booking, admin="wagtailsnippets_shop_visits_booking", graphql=_booking_read
    ),
    "shop_tickets.AdmissionOffer": Case(_admission_offer, graphql=_admission_offer_read),
    "shop_tickets.VisitorCategory": Case(
        _category, why_no_path="read only within its offer (admissionOffers, scoped)"
    ),
    "shop_tickets.TimeSlot": Case(
        _time_slot,
        why_no_path="read through ticketAvailability of a scoped offer and the admin's "
        "ticket calendar, slot page and attendance export, which answer only the host "
        "museum's slots to its own staff (tests/tickets/test_slot_admin.py::"
        "test_staff_of_another_museum_see_neither_its_calendar_nor_its_slots)",
    ),
    "shop_tickets.Quota": Case(
        lambda museum: ticket_models.Quota.objects.create(
            museum=museum, name=f"Dag {museum.slug}", capacity=10
        ),
        why_no_path=TICKETS_NO_ADMIN,
    ),
    "shop_tickets.WeeklyOpening": Case(_weekly_opening, why_no_path=TICKETS_NO_ADMIN),
    "shop_tickets.ScheduleException": Case(_schedule_exception, why_no_path=TICKETS_NO_ADMIN),
    "shop_tickets.Ticket": Case(
        _ticket,
        why_no_path="read through its order (Order.tickets) and the check-in page, which "
        "refuses another museum's ticket (tests/tickets/test_checkin.py)",
    ),
    "shop.Invoice": Case(
        lambda museum: None,
        why_no_path="read through its order (Order.invoices, me.orders, orderByLink) and "
        "the museum's accounting export",
    ),
    "shop.DocumentSequence": Case(lambda museum: None, why_no_path="a counter, never shown"),
    "shop.Order": Case(_order, admin="wagtailsnippets_shop_order", edit="inspect", delete=False),
    "shop.ReturnRequest": Case(
        _return, admin="wagtailsnippets_shop_returnrequest", edit="inspect", delete=False
    ),
    "shop.Checkout": Case(_checkout, graphql=_checkout_read),
    "shop.Payment": Case(
        _payment, why_no_path="read only through its order (admin) and Stripe webhooks"
    ),
    "shop.ShippingMethod": Case(_shipping, admin="wagtailsnippets_shop_shippingmethod"),
    "shop.Voucher": Case(_voucher, admin="wagtailsnippets_shop_voucher"),
    "museum_site.MuseumDetails": Case(
        _details, admin="wagtailsnippets_museum_site_museumdetails", graphql=_details_read
    ),
    "ldes.Member": Case(
        _member,
        why_no_path="read only through its museum's /ldes/<museum>/<kind> pages, which list "
        "that museum's members alone and answer only on its host (tests/ldes/test_streams.py"
        "::test_a_museums_stream_shows_only_its_own_members, ::test_a_museums_stream_is_"
        "served_on_its_own_host_only), and its IRIs, served on the host of the museum that "
        "minted them (tests/ldes/test_museum_iris.py::test_each_museums_iris_dereference_on_"
        "its_own_host); no admin view",
    ),
    "museum_site.CollectionObject": Case(
        _object,
        admin="wagtailsnippets_museum_site_collectionobject",
        graphql=_object_read,
        search=lambda obj: obj.title,
    ),
    "shop_accounts.NewsletterSubscription": Case(
        _subscription,
        admin="newsletter_subscribers",
        listing="index",
        edit="inspect",
        delete=False,
    ),
    "shop_accounts.ConsentRecord": Case(
        lambda museum: None,
        why_no_path="read only as a visitor's own current consent (the consent query "
        "answers the request's museum's: tests/museums/test_contact_register.py::"
        "test_consent_is_given_and_kept_per_museum) and in their own data export",
    ),
    "search.SearchDocument": Case(
        lambda museum: None,
        why_no_path="the index of what museums publish: read only through search and "
        "searchSuggest, which the `search` path of every indexed model above tries (pages "
        "and products: tests/search/test_museum_scope.py)",
    ),
}


def test_every_model_of_a_museum_is_in_the_matrix():
    missing = set(_museum_models()) - set(CASES)
    assert not missing, f"Models of a museum with no isolation case: {sorted(missing)}"


STAFF_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("shop", "view_order"),
    ("shop", "change_order"),
    ("shop_accounts", "view_newslettersubscription"),
    *[
        (app, f"{action}_{model}")
        for app, model in (
            ("shop", "shippingmethod"),
            ("shop", "voucher"),
            ("museum_site", "collectionobject"),
            ("museum_site", "museumdetails"),
            ("museums", "museum"),
            ("shop_visits", "visitoffer"),
            ("shop_visits", "resource"),
            ("shop_visits", "activity"),
            ("shop_visits", "booking"),
        )
        for action in ("add", "change", "delete", "view")
    ],
]


def _group(name: str, *extra: tuple[str, str]) -> Group:
    group = Group.objects.create(name=name)
    for app, codename in (*STAFF_PERMISSIONS, *extra):
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app, codename=codename)
        )
    return group


@pytest.fixture
def world(settings, django_user_model):
    settings.ALLOWED_HOSTS = HOSTS
    fine_arts = Museum.objects.default()
    design = builders.museum("design")
    staff = _group("Fine arts staff")
    grant_staff(staff, fine_arts)
    group_office = _group("Group office", ("museums", "see_all_museums"))
    people = {}
    for name, group in (("staff", staff), ("office", group_office)):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
        user.groups.add(group)
        people[name] = user
    return fine_arts, design, people


def test_museums_of_gives_staff_their_museum_and_the_group_role_all(world):
    fine_arts, design, people = world
    assert list(museums_of(people["staff"])) == [fine_arts]
    assert set(museums_of(people["office"])) == {fine_arts, design}


@pytest.mark.parametrize("label", sorted(CASES))
def test_a_museums_rows_stay_its_own_on_every_path(label, world, client, graphql):
    fine_arts, design, people = world
    case = CASES[label]
    own, other = case.build(fine_arts), case.build(design)
    assert case.admin or case.graphql or case.why_no_path, label

    if case.admin:
        for who, sees_other in (("staff", False), ("office", True)):
            client.force_login(people[who])
            listing = client.get(reverse(f"{case.admin}:{case.listing}")).content.decode()
            own_url = reverse(f"{case.admin}:{case.edit}", args=[own.pk])
            other_url = reverse(f"{case.admin}:{case.edit}", args=[other.pk])
            assert own_url in listing, (label, who)
            assert (other_url in listing) is sees_other, (label, who)
            assert client.get(own_url).status_code == 200, (label, who)
            opened = client.get(other_url).status_code
            assert (opened == 200) is sees_other, (label, who, opened)
        client.force_login(people["staff"])
        if case.delete:
            delete_url = reverse(f"{case.admin}:delete", args=[other.pk])
            assert client.get(delete_url).status_code in (302, 403, 404), label
            client.post(delete_url)
            assert type(other).objects.filter(pk=other.pk).exists(), label

    if case.graphql:
        query, variables, found = case.graphql(other)
        assert not found(graphql(query, variables)["data"]), label
        assert found(graphql(query, variables, HTTP_HOST="design.localhost")["data"]), label
        assert found(graphql(query, variables, HTTP_X_MUSEUM="design")["data"]), label

    if case.search:
        _search_path(case, own, other, graphql)


SEARCH = """query($q: String!, $scope: SearchScope) {
  search(query: $q, first: 20, scope: $scope) { nodes { title } }
  searchSuggest(prefix: $q, scope: $scope) { text }
}"""


def _searched(graphql, words: str, scope: str = "MUSEUM", **headers) -> set[str]:
    answer = graphql(SEARCH, {"q": words, "scope": scope}, **headers)["data"]
    return {node["title"] for node in answer["search"]["nodes"]} | {
        row["text"] for row in answer["searchSuggest"]
    }


def _search_path(case: Case, own, other, graphql) -> None:
    """Search and suggestions find another museum's row only from that museum, or in a
    search of the whole group (both museums are listed)."""
    source = registry.source_for(type(other)._meta.label_lower)
    update(source, [own.pk, other.pk])
    words = case.search(other)
    assert words not in _searched(graphql, words)
    assert words in _searched(graphql, words, HTTP_HOST="design.localhost")
    assert words in _searched(graphql, words, HTTP_X_MUSEUM="design")
    assert words in _searched(graphql, words, scope="GROUP")


def test_order_actions_refuse_another_museums_order(world, client):
    _fine_arts, design, people = world
    other = _order(design)
    client.force_login(people["staff"])
    for name in ("shop_order_fulfil", "shop_order_refund"):
        assert client.get(reverse(name, args=[other.pk])).status_code == 404
        client.post(reverse(name, args=[other.pk]), {"confirm": "on", "amount": "1.00"})
    other.refresh_from_db()
    assert other.status == shop_models.Order.Status.PAID


def test_return_actions_refuse_another_museums_return(world, client):
    _fine_arts, design, people = world
    other = _return(design)
    client.force_login(people["staff"])
    for name in ("shop_return_decide", "shop_return_receive", "shop_return_refund"):
        assert client.get(reverse(name, args=[other.pk])).status_code == 404
        client.post(reverse(name, args=[other.pk]), {"decision": "approve", "confirm": "on"})
    other.refresh_from_db()
    assert other.status == shop_models.ReturnRequest.Status.REQUESTED


def test_museum_settings_are_edited_only_by_their_own_staff(world, client):
    fine_arts, design, people = world
    client.force_login(people["staff"])
    assert client.get(reverse("museums:edit", args=[fine_arts.pk])).status_code == 200
    assert client.get(reverse("museums:edit", args=[design.pk])).status_code in (302, 403, 404)
    listing = client.get(reverse("museums:index")).content.decode()
    assert reverse("museums:edit", args=[design.pk]) not in listing
    client.force_login(people["office"])
    assert client.get(reverse("museums:edit", args=[design.pk])).status_code == 200


def test_pages_of_another_museum_cannot_be_edited(world, client):
    _fine_arts, design, people = world
    client.force_login(people["staff"])
    design_home = Page.objects.get(pk=design.site.root_page_id)
    own_home = Museum.objects.default().site.root_page
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own_home.pk])).status_code == 200
    other = client.get(reverse("wagtailadmin_pages:edit", args=[design_home.pk]))
    assert other.status_code in (302, 403)
