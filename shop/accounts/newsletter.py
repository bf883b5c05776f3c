"""Newsletter sign-up with double opt-in, as the GDPR asks of consent to marketing mail.

`subscribe` only records the request (PENDING) and mails a confirmation link: a signed,
expiring token (TimestampSigner, its own salt) naming the address and the moment of
the request. Nothing is subscribed until `confirm` takes that token; it records when,
and against which privacy policy version (the one in force in the subscriber's
language, as consent does). `subscribe` answers the same for every address, known,
pending or confirmed, so the form tells no stranger who reads the newsletter.

Every newsletter e-mail carries an unsubscribe link: a signed token that does not
expire (Signer, another salt), so an old newsletter still lets its reader leave.

Each museum of the group has its own newsletter: a sign-up is consent to one museum's
mail. Both tokens name the museum (`museum`, its primary key; a link signed before there
were several names none and is the default museum's), the links open that museum's
site, and a token is taken only by the museum it names: the mutations are scoped to the
request's museum, so museum A's endpoint never confirms or ends a sign-up at museum B.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from museum_site.museums.models import Museum
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


def _url(setting: str, language: str, museum: Museum, token: str) -> str:
    return frontend_links.link(setting, language, museum, token=token)


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
    token = signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(
        {"email": subscription.email, "museum": subscription.museum_id}
    )
    return _url(
        "NEWSLETTER_UNSUBSCRIBE_URL", subscription.language_code, subscription.museum, token
    )


@transaction.atomic
def subscribe(email: str, language: str | None = None, museum: Museum | None = None) -> None:
    """Record a sign-up to `museum`'s newsletter (the default museum's when None) as
    PENDING and mail its confirmation link; nothing else.

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
    museum = museum or Museum.objects.default()
    subscription, _created = NewsletterSubscription.objects.select_for_update().get_or_create(
        museum=museum, email=email, defaults={"language_code": language}
    )
    subscription.museum = museum  # the instance the query found: no second read
    sender = museum.name
    if subscription.status == Status.CONFIRMED:
        emails.send_newsletter_already_subscribed(
            email,
            unsubscribe_url(subscription),
            language=subscription.language_code,
            sender=sender,
        )
        return
    subscription.status = Status.PENDING
    subscription.language_code = language
    subscription.requested_at = timezone.now()
    subscription.save(update_fields=["status", "language_code", "requested_at"])
    token = signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(
        {
            "email": email,
            "museum": museum.pk,
            "requested": subscription.requested_at.isoformat(),
        }
    )
    emails.send_newsletter_confirmation(
        email,
        _url("NEWSLETTER_CONFIRM_URL", language, museum, token),
        unsubscribe_url(subscription),
        language=language,
        hours=_confirm_seconds() // 3600,
        sender=sender,
    )


def _claims(
    token: str, signer: signing.Signer, museum: Museum | None, **unsign: Any
) -> dict[str, Any]:
    """The token's claims, if it is valid and names `museum` (the default museum when
    None; a token signed before museums names none and is the default museum's)."""
    try:
        claims = signer.unsign_object(token or "", **unsign)
    except signing.SignatureExpired as error:
        raise PayloadError(NewsletterErrorCode.EXPIRED, EXPIRED_TOKEN, "token") from error
    except (signing.BadSignature, ValueError) as error:
        raise PayloadError(NewsletterErrorCode.INVALID, INVALID_TOKEN, "token") from error
    if not isinstance(claims, dict) or not isinstance(claims.get("email"), str):
        raise PayloadError(NewsletterErrorCode.INVALID, INVALID_TOKEN, "token")
    museum = museum or Museum.objects.default()
    named = claims.get("museum")
    if named is None:
        named = Museum.objects.default().pk
    if named != museum.pk:
        raise PayloadError(NewsletterErrorCode.INVALID, INVALID_TOKEN, "token")
    return claims


@transaction.atomic
def confirm(token: str, museum: Museum | None = None) -> NewsletterSubscription:
    """Confirm the sign-up of a confirmation link: CONFIRMED, with time and policy version.

    Following the link twice changes nothing the second time. A link of an earlier
    request, of an unsubscribed or erased address, expired or tampered with changes
    nothing and is EXPIRED or INVALID."""
    claims = _claims(
        token, signing.TimestampSigner(salt=CONFIRM_SALT), museum, max_age=_confirm_seconds()
    )
    subscription = _held(claims)
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


def _held(claims: dict[str, Any]) -> NewsletterSubscription | None:
    """The (locked) sign-up the token's claims name, at the museum they name."""
    museum_id = claims.get("museum") or Museum.objects.default().pk
    return (
        NewsletterSubscription.objects.select_for_update()
        .filter(email=claims["email"], museum_id=museum_id)
        .first()
    )


@transaction.atomic
def unsubscribe(token: str, museum: Museum | None = None) -> NewsletterSubscription | None:
    """Stop the newsletter to the address of an unsubscribe link (again: no change).

    None when nothing is held any more for the address (it was erased): there is
    nothing to stop, which is what the reader asked for."""
    claims = _claims(token, signing.Signer(salt=UNSUBSCRIBE_SALT), museum)
    subscription = _held(claims)
    if subscription is not None and subscription.status != Status.UNSUBSCRIBED:
        subscription.status = Status.UNSUBSCRIBED
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["status", "unsubscribed_at"])
    return subscription


# --- GDPR: access and erasure (shop.accounts.services, shop.accounts.data_requests) -----


def held_for_email(email: str):
    """The subscriptions of this address at every museum, whatever their status."""
    return NewsletterSubscription.objects.filter(email__iexact=email)


def _moment(value) -> str | None:
    return value.isoformat() if value else None


def export(email: str) -> list[dict[str, Any]]:
    """The subscriptions of `email` at every museum for a data export (a request asked
    at any museum covers them all), by museum name."""
    return [
        {
            "museum": subscription.museum.name,
            "email": subscription.email,
            "languageCode": subscription.language_code,
            "status": subscription.status,
            "policyVersion": subscription.policy_version or None,
            "requestedAt": _moment(subscription.requested_at),
            "confirmedAt": _moment(subscription.confirmed_at),
            "unsubscribedAt": _moment(subscription.unsubscribed_at),
        }
        for subscription in held_for_email(email)
        .select_related("museum")
        .order_by("museum__name", "pk")
    ]


def forget(email: str) -> int:
    """Erasure: delete the subscriptions of `email` at every museum. Returns how many
    rows went."""
    deleted, _per_model = held_for_email(email).delete()
    return deleted
