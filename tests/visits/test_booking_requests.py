"""A group's request over GraphQL is checked at once and answered field by field."""

from __future__ import annotations

from datetime import time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.models import Page, Site

from shop.visits.models import Booking
from tests.visits import builders

pytestmark = pytest.mark.django_db

REQUEST = """mutation($input: VisitBookingRequestInput!) {
  visitBookingRequest(input: $input) {
    errors { field code message }
    booking { token status pupils adults language offer { title }
              history { kind } }
  }
}"""


@pytest.fixture
def offer():
    builders.calendar()
    return builders.offer()


def school(found, **changes) -> dict:
    return {
        "offer": str(found.pk),
        "organisation": "Sint-Lievenscollege",
        "organisationKind": "SCHOOL",
        "contactName": "An Peeters",
        "email": "an.peeters@example.be",
        "pupils": 28,
        "adults": 3,
        "language": "nl",
        "preferredStart": builders.next_weekday(1).isoformat(),
        "purchaseOrder": "PO-2026-114",
        "vatNumber": "BE0123456749",
        "locale": "nl",
    } | changes


def ask(graphql, variables, **headers):
    return graphql(REQUEST, {"input": variables}, **headers)["data"]["visitBookingRequest"]


def codes(answer) -> set[tuple[str, str]]:
    return {(error["field"], error["code"]) for error in answer["errors"]}


def test_a_school_books_a_dutch_guided_tour_for_28_pupils_and_3_teachers(graphql, offer):
    answer = ask(graphql, school(offer))
    assert answer["errors"] == []
    booking = answer["booking"]
    assert booking["status"] == "REQUESTED"
    assert (booking["pupils"], booking["adults"], booking["language"]) == (28, 3, "nl")
    assert booking["history"] == [{"kind": "REQUESTED"}]
    assert Booking.objects.get(token=booking["token"]).purchase_order == "PO-2026-114"


def test_the_booking_is_read_back_by_its_token_only(graphql, offer):
    token = ask(graphql, school(offer))["booking"]["token"]
    read = "query($t: String!) { visitBooking(token: $t) { status organisation } }"
    assert graphql(read, {"t": token})["data"]["visitBooking"] == {
        "status": "REQUESTED",
        "organisation": "Sint-Lievenscollege",
    }
    assert (
        graphql(read, {"t": token.swapcase() if token.swapcase() != token else token + "-"})[
            "data"
        ]["visitBooking"]
        is None
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"pupils": 40, "adults": 4}, {("pupils", "GROUP_TOO_LARGE")}),
        ({"pupils": 5, "adults": 1}, {("pupils", "GROUP_TOO_SMALL")}),
        ({"pupils": 28, "adults": 2}, {("adults", "TOO_FEW_ADULTS")}),
        ({"language": "de"}, {("language", "LANGUAGE_NOT_OFFERED")}),
        ({"language": "xx"}, {("language", "LANGUAGE_NOT_OFFERED")}),
        ({"email": "not-an-address"}, {("email", "INVALID")}),
        ({"organisation": "  "}, {("organisation", "REQUIRED")}),
    ],
)
def test_a_group_that_does_not_fit_the_offer_gets_a_precise_error(
    graphql, offer, changes, expected
):
    answer = ask(graphql, school(offer, **changes))
    assert answer["booking"] is None
    assert codes(answer) == expected
    assert all(error["message"] for error in answer["errors"])
    assert not Booking.objects.exists()


def test_days_hours_and_notice_are_checked(graphql, offer):
    saturday = builders.next_weekday(5)
    assert codes(ask(graphql, school(offer, preferredStart=saturday.isoformat()))) == {
        ("preferredStart", "CLOSED")
    }
    late = builders.next_weekday(1, hour=16)  # 90 minutes from 16:00 ends after 17:00
    assert codes(ask(graphql, school(offer, preferredStart=late.isoformat()))) == {
        ("preferredStart", "CLOSED")
    }
    builders.calendar(open_weekdays=list(range(7)))
    in_two_days = timezone.localdate() + timedelta(days=2)
    soon = builders.next_weekday(weekday=in_two_days.weekday(), days_ahead=2)
    assert codes(ask(graphql, school(offer, preferredStart=soon.isoformat()))) == {
        ("preferredStart", "TOO_SOON")
    }
    past = builders.next_weekday(1) - timedelta(days=60)
    assert codes(ask(graphql, school(offer, preferredStart=past.isoformat()))) == {
        ("preferredStart", "PAST")
    }


def test_a_holiday_is_a_closed_day(graphql, offer):
    day = builders.next_weekday(2)
    builders.calendar(closed_dates=[day.date().isoformat()])
    assert codes(ask(graphql, school(offer, preferredStart=day.isoformat()))) == {
        ("preferredStart", "CLOSED")
    }


def test_every_error_comes_back_at_once(graphql, offer):
    answer = ask(graphql, school(offer, pupils=60, adults=1, language="de", email="x"))
    assert codes(answer) == {
        ("pupils", "GROUP_TOO_LARGE"),
        ("adults", "TOO_FEW_ADULTS"),
        ("language", "LANGUAGE_NOT_OFFERED"),
        ("email", "INVALID"),
    }


def test_an_unknown_or_other_museums_offer_is_not_offered(graphql, offer, settings):
    assert codes(ask(graphql, school(offer, offer="999999"))) == {("offer", "NOT_FOUND")}
    assert codes(ask(graphql, school(offer, offer="abc"))) == {("offer", "NOT_FOUND")}
    settings.ALLOWED_HOSTS = ["*"]
    root = Page.objects.get(depth=1)
    home = root.add_child(instance=Page(title="Design", slug="design"))
    Site.objects.create(hostname="design.localhost", port=80, root_page=home)
    answer = ask(graphql, school(offer), HTTP_HOST="design.localhost")
    assert codes(answer) == {("offer", "NOT_FOUND")}


def test_offers_are_listed_in_the_asked_language(graphql, offer):
    query = '{ visitOffers(locale: "fr") { title languages minGroup maxGroup price { amount } } }'
    assert graphql(query)["data"]["visitOffers"] == [
        {
            "title": "Visite guidée : Primitifs flamands",
            "languages": ["nl", "fr", "en"],
            "minGroup": 10,
            "maxGroup": 35,
            "price": {"amount": "90.00"},
        }
    ]


def test_a_time_without_offset_is_the_museums_wall_clock(graphql, offer, settings):
    """The frontend's form sends the date and hour the teacher chose, without an offset."""
    settings.TIME_ZONE = "Europe/Brussels"
    day = builders.next_weekday(2).date()
    answer = ask(graphql, school(offer, preferredStart=f"{day.isoformat()}T10:00:00"))
    assert answer["errors"] == []
    stored = Booking.objects.get(token=answer["booking"]["token"]).preferred_start
    assert timezone.localtime(stored, ZoneInfo("Europe/Brussels")).time() == time(10, 0)


def test_the_errors_are_worded_in_the_language_the_group_books_in(graphql, offer):
    answer = ask(graphql, school(offer, pupils=40, adults=4, locale="fr"))
    assert codes(answer) == {("pupils", "GROUP_TOO_LARGE")}
    french = answer["errors"][0]["message"]
    english = ask(graphql, school(offer, pupils=40, adults=4, locale="en"))["errors"][0]
    assert (
        english["message"]
        == "This visit takes at most 35 people, adults included; split the group."
    )
    assert french != english["message"] and "35" in french
