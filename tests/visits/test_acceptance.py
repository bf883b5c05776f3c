"""Issue 14's first acceptance point, in one story rather than in pieces: a school books
a Dutch guided tour for 28 pupils and 3 teachers over GraphQL; staff confirm with a free
Dutch-speaking guide and a room the planning proposes; the school gets the confirmation
with an .ics that icalendar parses back to the right time, then the reminder; after the
visit, the invoice with a valid structured communication."""

from __future__ import annotations

from datetime import timedelta

import icalendar
import pytest
from django.core import mail

from shop.visits.models import Booking, Resource
from shop.visits.services import planning, workflow
from shop.visits.services.payment_reference import is_valid
from tests.visits import builders
from tests.visits.test_booking_requests import ask, school

pytestmark = pytest.mark.django_db


def test_a_school_books_is_confirmed_reminded_and_invoiced(
    graphql, django_capture_on_commit_callbacks
):
    builders.calendar()
    offer = builders.offer()
    builders.guide("Jean", ["fr"])  # free, but not in Dutch
    busy = builders.guide("Wim", ["nl"])
    dutch = builders.guide("Els", ["nl", "en"])
    small = builders.room("Kabinet", capacity=20)  # too small for 31
    room = builders.room("Educatieve ruimte", capacity=40)

    answer = ask(graphql, school(offer))
    assert answer["errors"] == []
    booking = Booking.objects.select_related("offer").get(token=answer["booking"]["token"])
    assert (booking.pupils, booking.adults, booking.language) == (28, 3, "nl")
    start = booking.preferred_start
    end = start + timedelta(minutes=offer.duration_minutes)
    second = builders.offer(title_nl="Ander")
    other = ask(
        graphql, school(second, organisation="Ander", email="ander@example.be", pupils=20, adults=2)
    )
    workflow.confirm(Booking.objects.get(token=other["booking"]["token"]), start, guide=busy)

    guides = planning.free(booking.museum_id, Resource.Kind.GUIDE, start, end, language="nl")
    rooms = planning.free(booking.museum_id, Resource.Kind.ROOM, start, end, people=31)
    assert guides == [dutch] and small not in rooms and room in rooms
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.confirm(booking, start, guide=guides[0], room=room)
    [confirmation] = mail.outbox
    assert confirmation.to == ["an.peeters@example.be"]
    [(_name, content, mimetype)] = confirmation.attachments
    assert mimetype == "text/calendar"
    [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == start and event.decoded("dtend") == end

    with django_capture_on_commit_callbacks(execute=True):
        assert workflow.send_due_reminders(now=start - timedelta(days=2)) == 2  # and "Ander"
    reminders = [m for m in mail.outbox[1:] if m.to == ["an.peeters@example.be"]]
    assert len(reminders) == 1 and reminders[0].attachments[0][2] == "text/calendar"

    booking = workflow.record_visit(booking, pupils=28, adults=3)
    with django_capture_on_commit_callbacks(execute=True):
        booking = workflow.invoice(booking)
    assert is_valid(booking.structured_communication)
    invoice_mail = mail.outbox[-1]
    assert booking.structured_communication in invoice_mail.body
    assert any(name.endswith(".pdf") for name, _c, _m in invoice_mail.attachments)
    kinds = list(booking.events.values_list("kind", flat=True))
    assert kinds == ["requested", "confirmed", "reminded", "visited", "invoiced"]
