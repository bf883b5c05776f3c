"""Consent: logged with time, privacy policy version, locale and categories."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.utils import timezone

from shop.accounts.models import ConsentRecord
from tests.accounts import builders

pytestmark = pytest.mark.django_db

UPDATE = """mutation($input: ConsentInput!) {
  consentUpdate(input: $input) {
    consent { consentId categories policyVersion locale givenAt isCurrentPolicy }
    errors { field code message }
  }
}"""
CURRENT = """query($id: ID) {
  consent(consentId: $id) { consentId categories policyVersion isCurrentPolicy }
}"""


def give(graphql, **fields) -> dict:
    return graphql(UPDATE, {"input": {"categories": ["ANALYTICS"], **fields}})["data"][
        "consentUpdate"
    ]


def test_a_visitors_consent_is_logged_with_time_version_locale_and_categories(graphql):
    builders.privacy_policy("2026-1", "nl")
    before = timezone.now()
    result = give(graphql)
    assert result["errors"] == []
    consent = result["consent"]
    assert consent["categories"] == ["NECESSARY", "ANALYTICS"]
    assert consent["policyVersion"] == "2026-1" and consent["locale"] == "nl"
    assert consent["isCurrentPolicy"] is True
    record = ConsentRecord.objects.get()
    assert str(record.visitor_id) == consent["consentId"] and record.user is None
    assert record.categories == ["necessary", "analytics"]
    assert before <= record.given_at <= timezone.now()


def test_the_consent_id_keeps_one_history_and_withdrawing_is_a_new_record(graphql):
    builders.privacy_policy()
    consent_id = give(graphql, categories=["ANALYTICS", "MARKETING"])["consent"]["consentId"]
    withdrawn = give(graphql, consentId=consent_id, categories=[])["consent"]
    assert withdrawn["consentId"] == consent_id and withdrawn["categories"] == ["NECESSARY"]
    assert [r.categories for r in ConsentRecord.objects.order_by("pk")] == [
        ["necessary", "analytics", "marketing"],
        ["necessary"],
    ]
    current = graphql(CURRENT, {"id": consent_id})["data"]["consent"]
    assert current["categories"] == ["NECESSARY"]


def test_a_customers_consent_belongs_to_the_account(graphql, as_customer):
    builders.privacy_policy()
    user = builders.customer()
    token = builders.tokens_for(user)[0]
    result = as_customer(token, UPDATE, {"input": {"categories": ["MARKETING"]}})
    consent = result["data"]["consentUpdate"]["consent"]
    assert ConsentRecord.objects.get().user == user
    # Signed in, no consent id is needed to read it back; and later answers keep the id.
    assert as_customer(token, CURRENT)["data"]["consent"]["consentId"] == consent["consentId"]
    again = as_customer(token, UPDATE, {"input": {"categories": []}})
    assert again["data"]["consentUpdate"]["consent"]["consentId"] == consent["consentId"]


def test_consent_given_before_signing_in_is_found_once_signed_in(graphql, as_customer):
    builders.privacy_policy()
    consent_id = give(graphql)["consent"]["consentId"]
    user = builders.customer()
    found = as_customer(user, CURRENT, {"id": consent_id})["data"]["consent"]
    assert found["consentId"] == consent_id


def test_consent_is_against_the_policy_in_force_in_that_language(graphql):
    builders.privacy_policy("2026-1", "nl")
    builders.privacy_policy("2026-1-en", "en")
    builders.privacy_policy(
        "2027-1", "nl", effective_date=timezone.localdate() + datetime.timedelta(days=30)
    )
    assert give(graphql, locale="en")["consent"]["policyVersion"] == "2026-1-en"
    assert give(graphql)["consent"]["policyVersion"] == "2026-1"


def test_a_newer_policy_makes_the_consent_out_of_date(graphql):
    builders.privacy_policy("2026-1", effective_date=datetime.date(2026, 1, 1))
    consent_id = give(graphql)["consent"]["consentId"]
    builders.privacy_policy("2026-2", effective_date=datetime.date(2026, 6, 1))
    current = graphql(CURRENT, {"id": consent_id})["data"]["consent"]
    assert current["policyVersion"] == "2026-1" and current["isCurrentPolicy"] is False


@pytest.mark.parametrize("publish", [False, True], ids=["draft-only", "other-language"])
def test_without_a_published_policy_consent_is_refused(graphql, publish):
    builders.privacy_policy("2026-1", "nl" if not publish else "en", publish=publish)
    result = give(graphql, locale="nl")
    assert result["consent"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [
        ("locale", "PRIVACY_POLICY_MISSING")
    ]
    assert not ConsentRecord.objects.exists()


def test_consent_to_a_version_not_in_force_is_refused(graphql):
    builders.privacy_policy("2026-2")
    result = give(graphql, policyVersion="2026-1")
    assert [(e["field"], e["code"]) for e in result["errors"]] == [
        ("policyVersion", "POLICY_VERSION_MISMATCH")
    ]
    assert give(graphql, policyVersion="2026-2")["errors"] == []


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"consentId": "not-a-uuid"}, "consentId"), ({"locale": "de"}, "locale")],
    ids=["bad-consent-id", "unknown-locale"],
)
def test_bad_consent_input_is_invalid(graphql, fields, field):
    builders.privacy_policy()
    result = give(graphql, **fields)
    assert [(e["field"], e["code"]) for e in result["errors"]] == [(field, "INVALID")]


def test_an_unknown_consent_id_has_no_consent_yet(graphql):
    assert graphql(CURRENT, {"id": str(uuid.uuid4())}) == {"data": {"consent": None}}
    assert graphql(CURRENT) == {"data": {"consent": None}}


def test_necessary_cookies_are_always_granted(graphql):
    builders.privacy_policy()
    assert give(graphql, categories=[])["consent"]["categories"] == ["NECESSARY"]


def test_preferences_are_a_category_of_their_own(graphql):
    """The banner offers necessary, preferences, statistics (ANALYTICS) and marketing."""
    builders.privacy_policy()
    result = graphql(UPDATE, {"input": {"categories": ["PREFERENCES"]}})["data"]["consentUpdate"]
    assert result["errors"] == []
    assert result["consent"]["categories"] == ["NECESSARY", "PREFERENCES"]
    record = ConsentRecord.objects.get()
    assert record.categories == ["necessary", "preferences"]
