"""The footer's museum details: translatable by editors, answered in the visitor's language."""

from __future__ import annotations

import pytest

from museum_site import models
from tests.site import builders

pytestmark = pytest.mark.django_db

QUERY = """query($locale: String) {
  museumDetails(locale: $locale) { locale museumName address openingHours }
  setting(name: "MuseumSettings") { ... on MuseumSettings { contactEmail phone } }
}"""


@pytest.fixture
def dutch_details() -> models.MuseumDetails:
    return models.MuseumDetails.objects.create(
        locale=builders.locale("nl"),
        museum_name="Museum aan de Leie",
        address="Leiekaai 12\n9000 Gent",
        opening_hours="dinsdag tot zondag 10–18 uur",
    )


def test_a_translation_answers_in_its_language(graphql, dutch_details):
    english = dutch_details.copy_for_translation(builders.locale("en"))
    english.museum_name = "Museum on the Lys"
    english.opening_hours = "Tuesday to Sunday 10 am – 6 pm"
    english.save()
    models.MuseumSettings.objects.create(contact_email="info@museum.example", phone="+32 9 1")

    result = graphql(QUERY, {"locale": "en"})

    assert "errors" not in result, result
    assert result["data"]["museumDetails"] == {
        "locale": "en",
        "museumName": "Museum on the Lys",
        "address": "Leiekaai 12\n9000 Gent",
        "openingHours": "Tuesday to Sunday 10 am – 6 pm",
    }
    assert result["data"]["setting"]["contactEmail"] == "info@museum.example"


def test_an_untranslated_language_gets_the_dutch_details(graphql, dutch_details):
    builders.locale("fr")

    details = graphql(QUERY, {"locale": "fr"})["data"]["museumDetails"]

    assert details["locale"] == "nl"
    assert details["museumName"] == "Museum aan de Leie"


def test_details_cost_one_query(graphql, dutch_details, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        models.MuseumDetails.for_language("en")


def test_editors_translate_the_details_with_wagtail_localize(graphql, dutch_details):
    from wagtail_localize.models import StringSegment, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(dutch_details)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert {"Museum aan de Leie", "dinsdag tot zondag 10–18 uur"} <= texts

    source.create_or_update_translation(builders.locale("fr"), fallback=True)

    french = models.MuseumDetails.objects.get(locale__language_code="fr")
    assert french.translation_key == dutch_details.translation_key
    assert graphql(QUERY, {"locale": "fr"})["data"]["museumDetails"]["locale"] == "fr"


def test_editors_find_the_details_in_the_admin(admin_client, dutch_details):
    from django.urls import reverse

    listing = admin_client.get(reverse("wagtailsnippets_museum_site_museumdetails:list"))

    assert listing.status_code == 200
    assert "Museum aan de Leie" in listing.content.decode()


TODAY_QUERY = """query {
  museumDetails(locale: "en") { accessibility today { date open opens closes note } }
}"""


def test_today_s_hours_come_from_the_museum_s_own_admission_schedule(graphql, dutch_details):
    """The home page's "open today" is read from the weekly openings and a museum-wide
    exception of the day, never from another museum's schedule."""
    import datetime

    from django.utils import timezone

    from shop.tickets.models import ScheduleException, WeeklyOpening
    from tests.museums import builders as museum_builders
    from tests.tickets import builders as ticket_builders

    today = timezone.localdate()
    assert graphql(TODAY_QUERY)["data"]["museumDetails"]["today"] is None  # sells nothing

    offer = ticket_builders.offer()
    for opens, closes in ((10, 17), (9, 12)):
        WeeklyOpening.objects.create(
            offer=offer,
            weekday=today.weekday(),
            opens=datetime.time(opens),
            closes=datetime.time(closes, 30),
            capacity=10,
        )
    other = museum_builders.museum("design")
    other_offer = ticket_builders.offer(museum=other)
    WeeklyOpening.objects.create(
        museum=other,
        offer=other_offer,
        weekday=today.weekday(),
        opens=datetime.time(7),
        closes=datetime.time(23),
        capacity=10,
    )

    answer = graphql(TODAY_QUERY)["data"]["museumDetails"]["today"]
    assert answer == {
        "date": today.isoformat(),
        "open": True,
        "opens": "09:00",
        "closes": "17:30",
        "note": "",
    }

    ScheduleException.objects.create(date=today, closed=True, note="Feestdag")
    answer = graphql(TODAY_QUERY)["data"]["museumDetails"]["today"]
    assert (answer["open"], answer["opens"], answer["note"]) == (False, None, "Feestdag")
