"""Consent to cookies and tracking, logged as the GDPR asks: time, version, categories.

Visitors answer before they have an account (or without ever making one), so consent
is keyed by an anonymous consent id the browser keeps; a signed-in customer's answers
are also linked to the account. Records are only ever added: the current consent is
the latest record, and the history is the proof of what was agreed to, and when.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.contrib.auth.models import AbstractUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from museum_site.models import PrivacyPolicyPage, public_pages
from museum_site.museums.models import Museum
from shop.accounts.error_codes import ConsentErrorCode
from shop.accounts.models import ConsentRecord
from shop.services.errors import PayloadError


def live_privacy_policy(locale: str) -> PrivacyPolicyPage | None:
    """The privacy policy in force in `locale`: published, and the latest already effective."""
    return (
        public_pages(PrivacyPolicyPage.objects.filter(locale__language_code=locale))
        .filter(effective_date__lte=timezone.localdate())
        .order_by("-effective_date", "-pk")
        .first()
    )


def _categories(granted: Iterable[str]) -> list[str]:
    """Granted categories in a stable order; strictly necessary cookies need no consent
    and cannot be refused, so `necessary` is always in."""
    chosen = {*granted, ConsentRecord.Category.NECESSARY.value}
    return [value for value in ConsentRecord.Category.values if value in chosen]


@transaction.atomic
def record_consent(
    *,
    user: AbstractUser | None,
    visitor_id: uuid.UUID | None,
    categories: Iterable[str],
    locale: str,
    policy_version: str | None = None,
    museum: Museum | None = None,
) -> ConsentRecord:
    """Log the visitor's or customer's answer, given to `museum` (the default museum when
    none), against the policy in force in `locale`.

    `policy_version`, when the frontend sends the version it showed, must be the one
    in force: consent to a text the visitor did not see is no consent.
    """
    policy = live_privacy_policy(locale)
    if policy is None:
        raise PayloadError(
            ConsentErrorCode.PRIVACY_POLICY_MISSING,
            "No privacy policy is published in this language.",
            "locale",
        )
    if policy_version is not None and policy_version != policy.version:
        raise PayloadError(
            ConsentErrorCode.POLICY_VERSION_MISMATCH,
            f"The privacy policy in force is version {policy.version}.",
            "policyVersion",
        )
    if visitor_id is None and user is not None:
        previous = ConsentRecord.objects.filter(user=user).order_by("-given_at", "-pk").first()
        visitor_id = previous.visitor_id if previous else None
    return ConsentRecord.objects.create(
        visitor_id=visitor_id or uuid.uuid4(),
        museum=museum or Museum.objects.default(),
        user=user,
        categories=_categories(categories),
        policy_version=policy.version,
        locale=locale,
    )


def current_consent(
    *, user: AbstractUser | None, visitor_id: uuid.UUID | None, museum: Museum | None = None
) -> ConsentRecord | None:
    """The latest answer of this customer or of this browser's consent id to `museum`
    (to any museum when none): each museum of the group has its own."""
    condition = Q(pk__in=[])
    if user is not None:
        condition |= Q(user=user)
    if visitor_id is not None:
        condition |= Q(visitor_id=visitor_id)
    records = ConsentRecord.objects.filter(condition)
    if museum is not None:
        records = records.filter(museum=museum)
    return records.first()
