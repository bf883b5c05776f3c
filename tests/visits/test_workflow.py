"""From request to invoice: confirmation with an .ics, reminder, numbers, invoice."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from museum_site.museums.models import Museum
from shop.graphql.errors import PayloadError
from shop.visits.models import Booking
from shop.visits.services import planning, workflow
from shop.visits.services.booking_requests import BookingRequest, request_booking
from shop.visits.services.payment_reference import is_valid, structured_communication
from tests.visits import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(django_capture_on_commit_callbacks) -> Booking:
    Museum.objects.update(email="groepen@museum.example", name="Museum voor Schone Kunsten")
    builders.calendar()
    offer = builders.offer()
    return request_booking(
        Museum.objects.default(),
        BookingRequest(
            offer_id=offer.pk,
            organisation="Sint-Lievenscollege",
            organisation_kind="school",
            contact_name="An Peeters",
            email="an@example.be",
            pupils=28,
            adults=3,
            language="nl",
            preferred_start=builders.next_weekday(1),
            purchase_order="PO-114",
        ),
    )


def test_the_structured_communication_carries_its_modulo_97_check():
    assert structured_communication(1234567890) == "+++123/4567/89002+++"
    assert structured_communication(97) == "+++000/0000/09797+++"  # remainder 0 is written 97
    assert is_valid("+++123/4567/89002+++")
    assert not is_valid("+++123/4567/89003+++")


def test_staff_are_offered_the_free_guides_who_speak_the_language(booking):
    start = booking.preferred_start
    dutch = builders.guide("Els", ["nl", "en"])
    builders.guide("Jean", ["fr"])
    busy = builders.guide("Wim", ["nl"])
    other = builders.offer(title_nl="Ander")
    planned = request_booking(
        Museum.objects.default(),
        BookingRequest(
            offer_id=other.pk,
            organisation="X",
            organisation_kind="school",
            contact_name="Y",
            email="y@example.be",
            pupils=20,
            adults=2,
            language="nl",
            preferred_start=start,
        ),
    )
    workflow.confirm(planned, start, guide=busy)
    end = start + timedelta(minutes=90)
    assert planning.free(booking.museum_id, "guide", start, end, language="nl") == [dutch]


def test_confirmation_mails_an_ics_that_parses_back_to_the_visit(
    booking, django_capture_on_commit_callbacks
):
    guide = builders.guide("Els", ["nl"])
    room = builders.room()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.confirm(booking, booking.preferred_start, guide=guide, room=room)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    message = mail.outbox[-1]
    assert message.to == ["an@example.be"]
    assert "groepen@museum.example" in message.from_email
    assert "Museum voor Schone Kunsten" in message.from_email
    _name, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar"
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == booking.preferred_start
    assert event.decoded("dtend") == booking.preferred_start + timedelta(minutes=90)


@pytest.mark.parametrize(
    ("language", "path"), [("nl", "/nl/groepen/booking"), ("fr", "/fr/groupes/booking")]
)
def test_the_confirmation_links_to_the_bookings_own_page_in_its_language(
    booking, django_capture_on_commit_callbacks, settings, language, path
):
    settings.FRONTEND_URL = "https://museum.example"
    Booking.objects.filter(pk=booking.pk).update(locale=language)
    booking.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.confirm(booking, booking.preferred_start, guide=builders.guide("Els", ["nl"]))
    (link,) = [word for word in mail.outbox[-1].body.split() if word.startswith("https://")]
    assert link == f"https://museum.example{path}?token={booking.token}"


def test_a_reminder_goes_once_a_few_days_before(booking, django_capture_on_commit_callbacks):
    guide = builders.guide("Els", ["nl"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.confirm(booking, booking.preferred_start, guide=guide)
    mail.outbox.clear()
    assert workflow.send_due_reminders(now=booking.preferred_start - timedelta(days=10)) == 0
    soon = booking.preferred_start - timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert workflow.send_due_reminders(now=soon) == 1
        assert workflow.send_due_reminders(now=soon) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].attachments[0][2] == "text/calendar"
    call_command("send_visit_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_after_the_visit_the_invoice_has_a_valid_structured_communication(
    booking, django_capture_on_commit_callbacks
):
    guide = builders.guide("Els", ["nl"])
    workflow.confirm(booking, booking.preferred_start, guide=guide)
    workflow.record_visit(booking, pupils=26, adults=3)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.invoice(booking)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.INVOICED
    assert booking.amount == Decimal("90.00")
    assert is_valid(booking.structured_communication)
    assert booking.structured_communication in mail.outbox[-1].body
    assert "PO-114" in mail.outbox[-1].body
    kinds = list(booking.events.values_list("kind", flat=True))
    assert kinds == ["requested", "confirmed", "visited", "invoiced"]


def test_a_guide_who_does_not_speak_the_language_cannot_be_assigned(booking):
    with pytest.raises(PayloadError) as raised:
        workflow.confirm(booking, booking.preferred_start, guide=builders.guide("Jean", ["fr"]))
    assert raised.value.code.name == "LANGUAGE_NOT_OFFERED"
    booking.refresh_from_db()
    assert booking.status == Booking.Status.REQUESTED and booking.activity is None


def test_cancelling_frees_the_guide_and_applies_the_fee_for_the_notice(booking):
    guide = builders.guide("Els", ["nl"])
    booking = workflow.confirm(booking, booking.preferred_start, guide=guide)
    start = booking.preferred_start
    assert workflow.cancellation_fee(booking, start - timedelta(days=20)) == Decimal("0.00")
    assert workflow.cancellation_fee(booking, start - timedelta(days=3)) == Decimal("45.00")
    assert workflow.cancellation_fee(booking, start - timedelta(hours=5)) == Decimal("90.00")
    workflow.cancel(booking, reason="bus cancelled")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED and booking.activity is None
    end = start + timedelta(minutes=90)
    assert guide in planning.free(booking.museum_id, "guide", start, end, language="nl")


def test_a_moved_visit_keeps_one_activity(booking):
    guide = builders.guide("Els", ["nl"])
    workflow.confirm(booking, booking.preferred_start, guide=guide)
    later = booking.preferred_start + timedelta(days=1)
    workflow.confirm(booking, later, guide=guide)
    booking.refresh_from_db()
    assert booking.activity.starts_at == later
    assert booking.activity.assignments.count() == 1
    assert timezone.is_aware(booking.activity.starts_at)


def test_a_visit_cancelled_before_its_confirmation_went_out_gets_only_the_cancellation(
    booking, django_capture_on_commit_callbacks
):
    """Confirmed and cancelled in one transaction (the demo, a quick change of mind): the
    confirmation's mail runs after the commit, when the visit has no time any more."""
    guide = builders.guide("Els", ["nl"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = workflow.confirm(booking, booking.preferred_start, guide=guide)
        workflow.cancel(confirmed, reason="bus cancelled")
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == 1 and "geannuleerd" in subjects[0]  # the group wrote in Dutch
