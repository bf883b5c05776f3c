"""The slots in the admin: the week calendar with sold and checked-in counts, changing a
slot's capacity, closing it (refund or move its tickets, e-mail the buyers), the
attendance export; only for staff of the admin host's museum."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from shop.models import Order, Refund
from shop.tickets.models import Ticket, TimeSlot
from tests.museums import builders as museum_builders
from tests.tickets import builders
from tests.tickets.test_ticket_purchase import ORDER_TICKETS, _with_tickets

pytestmark = pytest.mark.django_db


def _staff(museum: Museum, *codenames: str, name: str = "kassa", language: str = "en"):
    user = get_user_model().objects.create_user(name, password="x", is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    group = Group.objects.create(name=f"Staff {name}")
    group.permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    grant_staff(group, museum)
    user.groups.add(group)
    return user


@pytest.fixture
def cashier(client):
    user = _staff(Museum.objects.default(), "view_timeslot", "change_timeslot")
    client.force_login(user)
    return user


def _paid_order(graphql, pay_api, browser_pays, slot, quantity: int) -> Order:
    checkout = _with_tickets(slot, (builders.category(slot.offer, "adult"), quantity))
    started = pay_api("checkoutPaymentCreate", checkout.token)["payment"]
    browser_pays(started["intentId"])
    payload = graphql(ORDER_TICKETS, {"token": str(checkout.token)})["data"]["checkoutComplete"]
    assert payload["errors"] == []
    return Order.objects.get(checkout_token=checkout.token)


def test_the_calendar_shows_the_weeks_slots_with_sold_and_checked_in(client, cashier):
    offer = builders.offer(name_nl="Vaste collectie")
    slot = builders.slot(offer, builders.tomorrow_at(10), capacity=20)
    builders.ticket(slot, checked_in_at=timezone.now())
    builders.ticket(slot)
    builders.ticket(builders.slot(offer, builders.tomorrow_at(11)), status="canceled")
    week = builders.tomorrow_at(10).date().isoformat()
    page = client.get(f"/admin/tickets/calendar/?week={week}")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'href="/admin/tickets/slots/{slot.pk}/"' in html
    assert "2/20 sold" in html and "1 in" in html
    assert "0/20" in html  # the canceled ticket counts for nothing


def test_the_calendar_speaks_dutch_and_french(client, cashier):
    builders.slot(builders.offer(), builders.tomorrow_at(10))
    week = builders.tomorrow_at(10).date().isoformat()
    profile = UserProfile.get_for_user(cashier)
    for language, words in (("nl", "Volgende week"), ("fr", "Semaine suivante")):
        profile.preferred_language = language
        profile.save()
        page = client.get(f"/admin/tickets/calendar/?week={week}")
        assert words in page.content.decode(), language


def test_staff_of_another_museum_see_neither_its_calendar_nor_its_slots(client):
    design = museum_builders.museum("design")
    theirs = builders.slot(builders.offer(museum=design, slug="design"), builders.tomorrow_at(10))
    ours = builders.slot(builders.offer(), builders.tomorrow_at(11))
    client.force_login(_staff(design, "view_timeslot", "change_timeslot", name="design"))
    # On the default museum's host: not their museum.
    assert client.get("/admin/tickets/calendar/").status_code in (302, 403)
    assert client.get(f"/admin/tickets/slots/{ours.pk}/").status_code in (302, 403)
    # On their own host: their slot, and ours is unknown.
    host = {"HTTP_HOST": "design.localhost"}
    week = builders.tomorrow_at(10).date().isoformat()
    page = client.get(f"/admin/tickets/calendar/?week={week}", **host)
    assert page.status_code == 200
    assert f"/admin/tickets/slots/{theirs.pk}/" in page.content.decode()
    assert f"/admin/tickets/slots/{ours.pk}/" not in page.content.decode()
    assert client.get(f"/admin/tickets/slots/{ours.pk}/", **host).status_code == 404
    refused = client.post(f"/admin/tickets/slots/{ours.pk}/", {"capacity": 1}, **host)
    assert refused.status_code == 404
    assert TimeSlot.objects.get(pk=ours.pk).capacity == 20


def test_viewing_staff_cannot_change_a_slot(client):
    client.force_login(_staff(Museum.objects.default(), "view_timeslot"))
    slot = builders.slot(builders.offer(), capacity=20)
    assert client.get(f"/admin/tickets/slots/{slot.pk}/").status_code == 200
    assert client.post(f"/admin/tickets/slots/{slot.pk}/", {"capacity": 5}).status_code in (
        302,
        403,
    )
    assert TimeSlot.objects.get(pk=slot.pk).capacity == 20


def test_capacity_changes_but_never_below_what_is_sold(client, cashier):
    slot = builders.slot(builders.offer(), capacity=20)
    for _ in range(3):
        builders.ticket(slot)
    changed = client.post(f"/admin/tickets/slots/{slot.pk}/", {"capacity": 25})
    assert changed.status_code == 302
    assert TimeSlot.objects.get(pk=slot.pk).capacity == 25
    refused = client.post(f"/admin/tickets/slots/{slot.pk}/", {"capacity": 2})
    assert refused.status_code == 200
    assert "3 places are sold" in refused.content.decode()
    assert TimeSlot.objects.get(pk=slot.pk).capacity == 25


def test_closing_a_slot_refunds_its_tickets_and_mails_the_buyers(
    client,
    cashier,
    graphql,
    pay_api,
    browser_pays,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    slot = builders.slot(builders.offer(), capacity=10)
    order = _paid_order(graphql, pay_api, browser_pays, slot, 2)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        closed = client.post(f"/admin/tickets/slots/{slot.pk}/", {"what": "refund"})
    assert closed.status_code == 302
    slot.refresh_from_db()
    assert (slot.status, slot.sold) == (TimeSlot.Status.CLOSED, 0)
    assert set(order.tickets.values_list("status", flat=True)) == {Ticket.Status.CANCELED}
    order.refresh_from_db()
    assert order.status == Order.Status.REFUNDED
    assert Refund.objects.get(order=order).amount == 30
    # In the order's language (Dutch here).
    [message] = [m for m in mail.outbox if m.subject.startswith("Uw tijdslot is geannuleerd")]
    assert message.to == [order.email] and "terugbetaald" in message.body


def test_closing_a_slot_can_move_its_tickets_to_another_with_room(
    client, cashier, django_capture_on_commit_callbacks, mailoutbox
):
    offer = builders.offer()
    closing = builders.slot(offer, builders.tomorrow_at(10), capacity=10)
    small = builders.slot(offer, builders.tomorrow_at(11), capacity=1)
    roomy = builders.slot(offer, builders.tomorrow_at(12), capacity=10)
    tickets = [builders.ticket(closing), builders.ticket(closing)]

    refused = client.post(
        f"/admin/tickets/slots/{closing.pk}/", {"what": "move", "target": small.pk}
    )
    assert refused.status_code == 200 and "no room for 2 tickets" in refused.content.decode()
    assert TimeSlot.objects.get(pk=closing.pk).status == TimeSlot.Status.OPEN

    with django_capture_on_commit_callbacks(execute=True):
        moved = client.post(
            f"/admin/tickets/slots/{closing.pk}/", {"what": "move", "target": roomy.pk}
        )
    assert moved.status_code == 302
    closing.refresh_from_db()
    roomy.refresh_from_db()
    assert (closing.status, closing.sold, roomy.sold) == (TimeSlot.Status.CLOSED, 0, 2)
    for ticket in tickets:
        ticket.refresh_from_db()
        assert (ticket.slot_id, ticket.status) == (roomy.pk, Ticket.Status.VALID)
    assert len(mail.outbox) == 2  # one per order
    assert mail.outbox[0].subject.startswith("Uw tickets hebben een nieuw tijdstip")


def test_attendance_exports_as_csv_and_xlsx(client, cashier):
    offer = builders.offer(name_nl="Vaste collectie")
    slot = builders.slot(offer, builders.tomorrow_at(10), capacity=20)
    builders.ticket(slot, checked_in_at=timezone.now())
    builders.ticket(slot)
    design = museum_builders.museum("design")
    builders.slot(builders.offer(museum=design, slug="design"), builders.tomorrow_at(10))
    day = builders.tomorrow_at(10).date()
    query = {"start": day.isoformat(), "end": (day + datetime.timedelta(days=1)).isoformat()}

    answer = client.get("/admin/tickets/attendance/", {**query, "format": "csv"})
    assert answer.status_code == 200 and answer["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert len(rows) == 2  # the header and our slot; not the other museum's
    assert rows[1][0] == day.isoformat() and rows[1][1] == "10:00"
    assert rows[1][5:] == ["20", "2", "1", "1"]

    answer = client.get("/admin/tickets/attendance/", {**query, "format": "xlsx"})
    assert answer.status_code == 200
    sheet = load_workbook(io.BytesIO(answer.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][5:] == [20, 2, 1, 1]

    backwards = client.get(
        "/admin/tickets/attendance/", {"start": query["end"], "end": query["start"]}
    )
    assert backwards.status_code == 400


def test_an_order_whose_refund_fails_keeps_its_tickets_and_can_be_retried(
    client, cashier, monkeypatch
):
    import stripe

    from shop.services import payments

    slot = builders.slot(builders.offer(), capacity=10)
    ticket = builders.ticket(slot)

    def refused(*args, **kwargs):
        raise stripe.APIConnectionError("Stripe cannot be reached.")

    monkeypatch.setattr(payments, "refund", refused)
    answer = client.post(f"/admin/tickets/slots/{slot.pk}/", {"what": "refund"}, follow=True)
    assert "1 orders could not be refunded" in answer.content.decode()
    slot.refresh_from_db()
    ticket.refresh_from_db()
    assert (slot.status, slot.sold, ticket.status) == ("closed", 1, Ticket.Status.VALID)
    # Closed, with a ticket still sold: staff may close it again to retry the refund.
    assert "Close the slot" in client.get(f"/admin/tickets/slots/{slot.pk}/").content.decode()


def test_a_full_week_costs_as_many_queries_as_a_week_of_one_slot(client, cashier):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    offer = builders.offer()
    builders.ticket(builders.slot(offer, builders.tomorrow_at(10)))
    quiet_week = builders.tomorrow_at(10).date().isoformat()
    busy_start = builders.tomorrow_at(10, days=14)
    for day in range(7):
        for hour in (10, 11, 12, 13):
            slot = builders.slot(offer, builders.tomorrow_at(hour, days=14 + day))
            builders.ticket(slot, checked_in_at=timezone.now())
    # Once first: what every admin page pays once per process (the host's museum, kept
    # in the shared cache) is not what this test counts.
    assert client.get(f"/admin/tickets/calendar/?week={quiet_week}").status_code == 200
    counts = []
    for week in (quiet_week, busy_start.date().isoformat()):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/admin/tickets/calendar/?week={week}").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
