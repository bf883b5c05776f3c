"""Newsletter sign-up with double opt-in, as the GDPR asks of consent to marketing mail.

`subscribe` only records the request (PENDING) and mails a confirmation link: a signed,
expiring token (TimestampSigner, its own salt) naming the address and the moment of
the request. Nothing is subscribed until `confirm` takes that token; it records when,
and against which privacy policy version (the one in force in the subscriber's
language, as consent does). `subscribe` answers the same for every address, known,
pending or confirmed, so the form tells no stranger who reads the newsletter.

Every newsletter e-mail carries an unsubscribe link: a signed token that does not
expire (Signer, another salt), so an old newsletter still lets its reader leave.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from shop.accounts import consent, emails, frontend_links, services
from shop.accounts.error_codes import NewsletterErrorCode
from shop.accounts.models import NewsletterSubscription
from shop.services.errors import PayloadError

CONFIRM_SALT = "shop.accounts.newsletter.confirm"
UNSUBSCRIBE_SALT = "shop.accounts.newsletter.unsubscribe"
INVALID_TOKEN = "This link is not valid. Sign up again for a new one."
EXPIRED_TOKEN = "This link has expired. Sign up again for a new one."
Status = NewsletterSubscription.Status


def _confirm_seconds() -> int:
    return settings.VITRINE_ACCOUNTS["NEWSLETTER_CONFIRM_LINK_SECONDS"]


def _url(setting: str, language: str, token: str) -> str:
    return frontend_links.link(setting, language, token=token)


def _policy_version(language: str) -> str:
    policy = consent.live_privacy_policy(language)
    if policy is None:
        raise PayloadError(
            NewsletterErrorCode.PRIVACY_POLICY_MISSING,
            "No privacy policy is published in this language.",
            "languageCode",
        )
    return policy.version


def unsubscribe_url(subscription: NewsletterSubscription) -> str:
    """The link every newsletter e-mail to `subscription` must carry; it never expires."""
    token = signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"email": subscription.email})
    return _url("NEWSLETTER_UNSUBSCRIBE_URL", subscription.language_code, token)


@transaction.atomic
def subscribe(email: str, language: str | None = None) -> None:
    """Record a sign-up as PENDING and mail its confirmation link; nothing else.

    A confirmed address is left as it is and its owner gets a note instead of a link;
    a pending or unsubscribed one gets a fresh link (older links stop working)."""
    try:
        email = services.check_email(email)
        language = services.check_language(language) or settings.LANGUAGE_CODE
    except PayloadError as error:  # the account checks answer AccountErrorCode
        raise PayloadError(
            NewsletterErrorCode[error.code.name], error.message, error.field
        ) from error
    _policy_version(language)  # consent needs a policy to consent to, before any mail
    subscription, _created = NewsletterSubscription.objects.select_for_update().get_or_create(
        email=email, defaults={"language_code": language}
    )
    if subscription.status == Status.CONFIRMED:
        emails.send_newsletter_already_subscribed(
            email, unsubscribe_url(subscription), language=subscription.language_code
        )
        return
    subscription.status = Status.PENDING
    subscription.language_code = language
    subscription.requested_at = timezone.now()
    subscription.save(update_fields=["status", "language_code", "requested_at"])
    token = signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(
        {"email": email, "requested": subscription.requested_at.isoformat()}
    )
    emails.send_newsletter_confirmation(
        email,
        _url("NEWSLETTER_CONFIRM_URL", language, token),
        unsubscribe_url(subscription),
        language=language,
        hours=_confirm_seconds() // 3600,
    )


def _claims(token: str, signer: signing.Signer, **unsign: Any) -> dict[str, Any]:
    try:
        claims = signer.unsign_object(token or "", **unsign)
    except signing.SignatureExpired as error:
        raise PayloadError(NewsletterErrorCode.EXPIRED, EXPIRED_TOKEN, "token") from error
    except (signing.BadSignature, ValueError) as error:
        raise PayloadError(NewsletterErrorCode.INVALID, INVALID_TOKEN, "token") from error
    if not isinstance(claims, dict) or not isinstance(claims.get("email"), str):
        raise PayloadError(NewsletterErrorCode.INVALID, INVALID_TOKEN, "token")
    return claims


@transaction.atomic
def confirm(token: str) -> NewsletterSubscription:
    """Confirm the sign-up of a confirmation link: CONFIRMED, with time and policy version.

    Following the link twice changes nothing the second time. A link of an earlier
    request, of an unsubscribed or erased address, expired or tampered with changes
    nothing and is EXPIRED or INVALID."""
    claims = _claims(token, signing.TimestampSigner(salt=CONFIRM_SALT), max_age=_confirm_seconds())
    subscription = (
        NewsletterSubscription.objects.select_for_update().filter(email=claims["email"]).first()
    )
    if (
        subscription is None
        or subscription.status == Status.UNSUBSCRIBED
        or subscription.requested_at.isoformat() != claims.get("requested")
    ):
        raise PayloadError(NewsletterErrorCode.INVALID, INVALID_TOKEN, "token")
    if subscription.status == Status.PENDING:
        subscription.policy_version = _policy_version(subscription.language_code)
        subscription.status = Status.CONFIRMED
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["policy_version", "status", "confirmed_at"])
    return subscription


@transaction.atomic
def unsubscribe(token: str) -> NewsletterSubscription | None:
    """Stop the newsletter to the address of an unsubscribe link (again: no change).

    None when nothing is held any more for the address (it was erased): there is
    nothing to stop, which is what the reader asked for."""
    claims = _claims(token, signing.Signer(salt=UNSUBSCRIBE_SALT))
    subscription = (
        NewsletterSubscription.objects.select_for_update().filter(email=claims["email"]).first()
    )
    if subscription is not None and subscription.status != Status.UNSUBSCRIBED:
        subscription.status = Status.UNSUBSCRIBED
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["status", "unsubscribed_at"])
    return subscription


# --- GDPR: access and erasure (shop.accounts.services, shop.accounts.data_requests) -----


def held_for_email(email: str):
    """The subscription of this address, whatever its status, as a queryset."""
    return NewsletterSubscription.objects.filter(email__iexact=email)


def export(email: str) -> dict[str, Any] | None:
    """The subscription of `email` for a data export; None if there is none."""
    subscription = held_for_email(email).first()
    if subscription is None:
        return None

    def moment(value) -> str | None:
        return value.isoformat() if value else None

    return {
        "email": subscription.email,
        "languageCode": subscription.language_code,
        "status": subscription.status,
        "policyVersion": subscription.policy_version or None,
        "requestedAt": moment(subscription.requested_at),
        "confirmedAt": moment(subscription.confirmed_at),
        "unsubscribedAt": moment(subscription.unsubscribed_at),
    }


def forget(email: str) -> int:
    """Erasure: delete the subscription of `email`. Returns how many rows went."""
    deleted, _per_model = held_for_email(email).delete()
    return deleted
