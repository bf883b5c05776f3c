"""The visitors' lists in the Wagtail admin: the newsletter's subscribers (to read,
filter and export for a mailing) and the erasures carried out (proof for a regulator).
Neither list lets staff write, and only users granted the view permission open them."""

from __future__ import annotations

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.users.models import UserProfile

from museum_site.museums.models import Museum
from shop.accounts import data_requests
from shop.accounts.models import ErasureRecord, NewsletterSubscription
from tests.accounts import builders
from tests.accounts.conftest import link_params

pytestmark = pytest.mark.django_db

SUBSCRIBERS = "/admin/newsletter_subscribers/"
ERASURES = "/admin/erasure_records/"
Status = NewsletterSubscription.Status


def subscription(email: str, status: str, language: str = "nl") -> NewsletterSubscription:
    confirmed = status != Status.PENDING
    return NewsletterSubscription.objects.create(
        email=email,
        language_code=language,
        status=status,
        policy_version="2026-1" if confirmed else "",
        confirmed_at=timezone.now() - datetime.timedelta(days=3) if confirmed else None,
        unsubscribed_at=timezone.now() if status == Status.UNSUBSCRIBED else None,
    )


@pytest.fixture
def subscribers():
    return {
        "confirmed": subscription("lies@example.org", Status.CONFIRMED, "en"),
        "pending": subscription("piet@example.org", Status.PENDING, "en"),
        "gone": subscription("jan@example.org", Status.UNSUBSCRIBED, "nl"),
        "french": subscription("zoe@example.org", Status.CONFIRMED, "fr"),
    }


def admin_user(django_user_model, username: str, *permissions: str):
    """A member of staff of the default museum who may open the admin, with the given
    model permissions."""
    user = django_user_model.objects.create_user(username, f"{username}@museum.be", "pw")
    group = Group.objects.create(name=f"{username} group")
    Museum.objects.default().staff_groups.add(group)
    codenames = ["access_admin", *permissions]
    group.permissions.set(Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin speaks the museum's language otherwise
    profile.save()
    return user


@pytest.fixture
def front_desk(client, django_user_model):
    """Staff granted only what these lists need: viewing subscriptions and erasures."""
    client.force_login(
        admin_user(
            django_user_model,
            "frontdesk",
            "view_newslettersubscription",
            "view_erasurerecord",
        )
    )
    return client


@pytest.fixture
def editor(client, django_user_model):
    """Staff who may use the admin, but were not given these lists."""
    client.force_login(admin_user(django_user_model, "editor"))
    return client


@pytest.fixture
def superuser(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@museum.be", "pw"))
    return client


def listed(response) -> list[str]:
    assert response.status_code == 200
    return sorted(str(item.email) for item in response.context["object_list"])


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "newsletter-confirmed-subscribers.csv" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


# --- Newsletter subscribers ---------------------------------------------------------------


def test_staff_with_the_view_permission_see_every_subscription(front_desk, subscribers):
    response = front_desk.get(SUBSCRIBERS)
    assert listed(response) == [
        "jan@example.org",
        "lies@example.org",
        "piet@example.org",
        "zoe@example.org",
    ]
    html = response.content.decode()
    assert "Waiting for confirmation" in html and "Subscribed" in html
    assert front_desk.get("/admin/").content.decode().count(SUBSCRIBERS) >= 1  # in the menu


def test_subscribers_are_filtered_by_status_and_language(front_desk, subscribers):
    assert listed(front_desk.get(SUBSCRIBERS, {"status": "CONFIRMED"})) == [
        "lies@example.org",
        "zoe@example.org",
    ]
    assert listed(front_desk.get(SUBSCRIBERS, {"status": "PENDING"})) == ["piet@example.org"]
    assert listed(front_desk.get(SUBSCRIBERS, {"status": "UNSUBSCRIBED"})) == ["jan@example.org"]
    assert listed(front_desk.get(SUBSCRIBERS, {"language_code": "fr"})) == ["zoe@example.org"]
    assert listed(front_desk.get(SUBSCRIBERS, {"q": "lies@"})) == ["lies@example.org"]


def test_the_csv_export_holds_the_confirmed_subscribers_only(front_desk, subscribers):
    confirmed = subscribers["confirmed"]

    rows = csv_rows(front_desk.get(SUBSCRIBERS, {"status": "CONFIRMED", "export": "csv"}))

    assert len(rows[0]) == 3  # e-mail address, language, confirmed at
    assert sorted(row[:2] for row in rows[1:]) == [
        ["lies@example.org", "en"],
        ["zoe@example.org", "fr"],
    ]
    lies = next(row for row in rows if row[0] == "lies@example.org")
    assert lies[2].startswith(confirmed.confirmed_at.strftime("%Y-%m-%d"))
    # Without a status filter too: pending and unsubscribed addresses never leave.
    unfiltered = csv_rows(front_desk.get(SUBSCRIBERS, {"export": "csv"}))
    assert sorted(row[0] for row in unfiltered[1:]) == ["lies@example.org", "zoe@example.org"]
    # The other filters still narrow it.
    french = csv_rows(front_desk.get(SUBSCRIBERS, {"language_code": "fr", "export": "csv"}))
    assert [row[0] for row in french[1:]] == ["zoe@example.org"]


def test_the_xlsx_export_holds_the_confirmed_subscribers_only(front_desk, subscribers):
    response = front_desk.get(SUBSCRIBERS, {"export": "xlsx"})

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["E-mail address", "Language", "Confirmed at"]
    assert sorted(row[0] for row in rows[1:]) == ["lies@example.org", "zoe@example.org"]
    assert all(isinstance(row[2], datetime.datetime) for row in rows[1:])


def test_an_address_written_as_a_formula_is_exported_as_text(front_desk):
    subscription("=cmd|'/C calc'!A0@example.org", Status.CONFIRMED)

    rows = csv_rows(front_desk.get(SUBSCRIBERS, {"export": "csv"}))

    assert rows[1][0] == "'=cmd|'/C calc'!A0@example.org"


def test_one_subscription_opens_with_its_proof_of_consent(front_desk, subscribers):
    lies = subscribers["confirmed"]
    response = front_desk.get(f"{SUBSCRIBERS}inspect/{lies.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "lies@example.org" in html and "2026-1" in html


def test_nobody_adds_edits_or_deletes_a_subscription_by_hand(superuser, subscribers):
    """Consent comes from the person, through the e-mailed link: not even a superuser
    signs someone up, nor changes what they agreed to."""
    lies = subscribers["confirmed"]
    html = superuser.get(SUBSCRIBERS).content.decode()
    assert f"{SUBSCRIBERS}new/" not in html and f"{SUBSCRIBERS}edit/" not in html
    for url in ("new/", f"edit/{lies.pk}/", f"delete/{lies.pk}/", f"copy/{lies.pk}/"):
        assert superuser.get(SUBSCRIBERS + url).status_code == 404
        assert superuser.post(SUBSCRIBERS + url, {"email": "x@example.org"}).status_code == 404
    assert NewsletterSubscription.objects.count() == 4
    lies.refresh_from_db()
    assert lies.status == Status.CONFIRMED


def test_only_the_view_permission_is_offered_for_groups(superuser):
    html = superuser.get("/admin/groups/new/").content.decode()
    view, add = (
        Permission.objects.get(codename=f"{action}_newslettersubscription").pk
        for action in ("view", "add")
    )
    assert f'value="{view}"' in html
    assert f'value="{add}"' not in html


def test_staff_without_the_view_permission_are_refused(editor, subscribers):
    lies = subscribers["confirmed"]
    for url in (SUBSCRIBERS, f"{SUBSCRIBERS}?export=csv", f"{SUBSCRIBERS}inspect/{lies.pk}/"):
        response = editor.get(url)
        assert response.status_code in (302, 403), url
        assert b"lies@example.org" not in b"".join(
            getattr(response, "streaming_content", [response.content])
        )
    assert SUBSCRIBERS not in editor.get("/admin/").content.decode()  # not in the menu


def test_visitors_who_are_not_staff_are_sent_to_the_admin_login(client, subscribers):
    response = client.get(SUBSCRIBERS, {"export": "csv"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# --- Erasure records ----------------------------------------------------------------------


def erase_through_the_emailed_link(email: str, mailoutbox, capture_on_commit) -> ErasureRecord:
    """A person who asked to be forgotten, as the data request page does it."""
    with capture_on_commit(execute=True):  # the mail goes out on commit
        data_requests.request_data(email, data_requests.Kind.ERASURE, "en")
    return data_requests.erase_data(link_params(mailoutbox[-1])["token"])


def test_staff_see_when_erasures_were_carried_out_and_what_they_covered(
    front_desk, mailoutbox, django_capture_on_commit_callbacks
):
    builders.privacy_policy("2026-1", "nl")
    person = builders.customer("anna.peeters@example.org", first_name="Anna", last_name="Peeters")
    subscription(person.email, Status.CONFIRMED)
    record = erase_through_the_emailed_link(
        person.email, mailoutbox, django_capture_on_commit_callbacks
    )

    response = front_desk.get(ERASURES)

    assert response.status_code == 200
    assert list(response.context["object_list"]) == [record]
    html = response.content.decode()
    assert str(record.request_id) in html
    for personal in ("anna.peeters", "Anna", "Peeters", str(person.pk) + "/"):
        assert personal not in html
    exported = b"".join(front_desk.get(ERASURES, {"export": "csv"}).streaming_content).decode()
    rows = list(csv.reader(io.StringIO(exported)))
    assert len(rows) == 2 and rows[1][1] == str(record.request_id)
    assert "anna" not in exported.lower() and "peeters" not in exported.lower()


def test_an_erasure_record_has_no_field_that_could_hold_personal_data():
    """What the record may say: when, which link (a random id), and counts. Adding a
    field here means deciding again that the list may show it."""
    assert {field.name for field in ErasureRecord._meta.get_fields()} == {
        "id",
        "request_id",
        "erased_at",
        "had_account",
        "orders",
        "checkouts",
    }


def test_erasures_are_filtered_by_date(front_desk):
    old = ErasureRecord.objects.create(request_id="00000000-0000-4000-8000-000000000001")
    old.erased_at = timezone.make_aware(datetime.datetime(2026, 3, 10, 12))
    old.save()
    recent = ErasureRecord.objects.create(request_id="00000000-0000-4000-8000-000000000002")

    march = front_desk.get(ERASURES, {"erased_at_from": "2026-03-01", "erased_at_to": "2026-03-31"})

    assert list(march.context["object_list"]) == [old]
    assert list(front_desk.get(ERASURES).context["object_list"]) == [recent, old]


def test_nobody_adds_edits_or_deletes_an_erasure_record(superuser):
    record = ErasureRecord.objects.create(request_id="00000000-0000-4000-8000-000000000003")
    assert f"{ERASURES}new/" not in superuser.get(ERASURES).content.decode()
    for url in ("new/", f"edit/{record.pk}/", f"delete/{record.pk}/"):
        assert superuser.post(ERASURES + url, {"orders": "0"}).status_code == 404
    assert ErasureRecord.objects.get().pk == record.pk


def test_staff_without_the_view_permission_see_no_erasures(editor):
    ErasureRecord.objects.create(request_id="00000000-0000-4000-8000-000000000004")
    assert editor.get(ERASURES).status_code in (302, 403)
    assert editor.get(ERASURES, {"export": "csv"}).status_code in (302, 403)
