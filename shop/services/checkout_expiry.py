"""Checkouts that end: an open checkout expires after VITRINE_SHOP_CHECKOUT_EXPIRY_DAYS
without a change, and one reminder goes out before that.

A checkout never holds stock (stock is allocated when the order is placed) and the
places its tickets hold are dropped with it, so an expired checkout is simply deleted,
with its lines, ticket holds and addresses: nothing of a visitor who left stays
behind. A checkout whose payment is under way or succeeded is left alone (its
completion or Stripe's webhook places the order; a PaymentIntent is never orphaned).

The reminder goes once, after VITRINE_SHOP_CHECKOUT_REMINDER_DAYS idle days, and only
to people who consented to marketing mail from the checkout's museum: a confirmed
subscription of the checkout's address to that museum's newsletter (the double opt-in of
shop.accounts.newsletter), or a signed-in customer whose current consent to that museum
grants marketing. Consent to one museum's mail is not consent to another's. The link
opens the checkout's museum's own site (museum_site.museums.links). Its link resumes the checkout, or,
once it has expired, starts a fresh one of the same museum with the same goods
(`checkoutResume`). The link is signed and carries the lines, so it works after the
checkout is gone; the job carries only the checkout's token.

`manage.py expire_checkouts` runs both, from the project's one scheduler
(museum_site.scheduler); each run does what is due and is safe to repeat.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import formataddr

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from shop.models import Address, Checkout, Payment
from shop.services.checkout_lines import LineRequest

DEFAULT_EXPIRY_DAYS = 14
DEFAULT_REMINDER_DAYS = 2
SALT = "shop.checkout.resume"
LINK_SECONDS = 90 * 24 * 3600
# The checkout page of the reference frontend, per language (frontend/src/i18n/languages.ts).
CHECKOUT_SEGMENTS = {"nl": "afrekenen", "en": "checkout", "fr": "commande"}


def expiry_days() -> int:
    return int(getattr(settings, "VITRINE_SHOP_CHECKOUT_EXPIRY_DAYS", DEFAULT_EXPIRY_DAYS))


def reminder_days() -> int:
    days = int(getattr(settings, "VITRINE_SHOP_CHECKOUT_REMINDER_DAYS", DEFAULT_REMINDER_DAYS))
    return min(days, expiry_days() - 1)


def _paying() -> Exists:
    """A payment of the checkout that is under way or succeeded without an order yet."""
    return Exists(
        Payment.objects.filter(
            checkout_token=OuterRef("token"),
            status__in=(Payment.Status.PENDING, Payment.Status.SUCCEEDED),
            order__isnull=True,
        )
    )


def expire(now: datetime | None = None) -> int:
    """Delete the checkouts idle for the expiry period; answers how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=expiry_days())
    count = 0
    stale = Checkout.objects.filter(updated_at__lte=cutoff).exclude(_paying())
    for token in list(stale.values_list("token", flat=True)[:1000]):
        with transaction.atomic():
            checkout = (
                Checkout.objects.select_for_update(of=("self",))
                .filter(token=token, updated_at__lte=cutoff)
                .exclude(_paying())
                .first()
            )
            if checkout is None:
                continue  # changed or paid meanwhile
            addresses = [
                pk for pk in (checkout.shipping_address_id, checkout.billing_address_id) if pk
            ]
            checkout.delete()
            Address.objects.filter(pk__in=addresses).delete()  # the checkout's own copies
            count += 1
    return count


def consented_to_marketing(checkout: Checkout) -> bool:
    """Whether the checkout's owner agreed to marketing mail from the checkout's museum."""
    from shop.accounts.consent import current_consent
    from shop.accounts.models import ConsentRecord, NewsletterSubscription

    if (
        checkout.email
        and NewsletterSubscription.objects.filter(
            museum_id=checkout.museum_id,
            email__iexact=checkout.email,
            status=NewsletterSubscription.Status.CONFIRMED,
        ).exists()
    ):
        return True
    if checkout.customer_id is not None:
        consent = current_consent(user=checkout.customer, visitor_id=None, museum=checkout.museum)
        return consent is not None and ConsentRecord.Category.MARKETING in consent.categories
    return False


def remind(now: datetime | None = None) -> int:
    """Send the one reminder to every consenting owner of a checkout idle long enough;
    answers how many were sent. Each checkout is claimed (reminded_at) before its mail
    goes, so two runs at once mail once."""
    now = now or timezone.now()
    due = (
        Checkout.objects.filter(
            reminded_at__isnull=True,
            updated_at__lte=now - timedelta(days=reminder_days()),
            updated_at__gt=now - timedelta(days=expiry_days()),
            lines__isnull=False,
        )
        .exclude(email="")
        .exclude(_paying())
        .select_related("museum", "customer")
        .distinct()
    )
    sent = 0
    for checkout in list(due[:1000]):
        if not consented_to_marketing(checkout):
            continue
        # .update() leaves updated_at alone: the reminder does not prolong the checkout.
        if not Checkout.objects.filter(token=checkout.token, reminded_at__isnull=True).update(
            reminded_at=now
        ):
            continue
        _mail(checkout)
        sent += 1
    return sent


def resume_link(checkout: Checkout) -> str:
    """The frontend's checkout page, in the checkout's language, with a signed token
    that carries what `checkoutResume` needs even after the checkout is gone."""
    data = {
        "checkout": str(checkout.token),
        "museum": checkout.museum_id,
        "email": checkout.email,
        "locale": checkout.locale,
        "lines": [[line.variant.sku, line.quantity] for line in checkout.lines.all()],
    }
    token = signing.dumps(data, salt=SALT, compress=True)
    segment = CHECKOUT_SEGMENTS.get(checkout.locale, CHECKOUT_SEGMENTS["en"])
    from museum_site.museums.links import museum_url

    return museum_url(checkout.museum, f"/{checkout.locale}/{segment}?resume={token}")


@dataclass(frozen=True)
class Resumption:
    checkout: Checkout
    fresh: bool


def resume(link_token: str, customer=None, museum_id: int | None = None) -> Resumption | None:
    """The checkout the reminder's link names, if it is still there (and the caller may
    use it); otherwise a fresh checkout of the same museum with the same goods, those
    still on sale. None when the link is not valid or is another museum's."""
    from shop.services import checkout as checkout_service
    from shop.services.errors import PayloadError

    try:
        data = signing.loads(link_token, salt=SALT, max_age=LINK_SECONDS)
    except signing.BadSignature:
        return None
    if museum_id is not None and data.get("museum") != museum_id:
        return None
    try:
        token = uuid.UUID(str(data.get("checkout")))
    except ValueError:
        return None
    existing = Checkout.objects.filter(token=token).first()
    if existing is not None and (
        existing.customer_id is None
        or (customer is not None and existing.customer_id == customer.pk)
    ):
        return Resumption(existing, fresh=False)
    from museum_site.museums.models import Museum

    museum = Museum.objects.filter(pk=data.get("museum")).first()
    if museum is None:
        return None
    fresh = checkout_service.create(
        museum=museum, email=data.get("email") or "", locale=data.get("locale"), customer=customer
    )
    for sku, quantity in data.get("lines", []):
        try:  # one line at a time: what sold out or went off sale is left out
            checkout_service.add_lines(fresh.token, [LineRequest(sku=sku, quantity=quantity)])
        except (PayloadError, ExceptionGroup):
            continue
    return Resumption(Checkout.objects.get(pk=fresh.token), fresh=True)


def _mail(checkout: Checkout) -> None:
    museum = checkout.museum
    with translation.override(checkout.locale):
        from shop.services.orders import product_names

        lines = list(checkout.lines.select_related("variant__product__locale"))
        names = product_names(lines, checkout.locale)
        context = {
            "museum": museum,
            "lines": [(line.quantity, names.get(line.pk, line.variant.sku)) for line in lines],
            "link": resume_link(checkout),
            "days": expiry_days(),
            "locale": checkout.locale,
        }
        waiting = _("your basket is waiting for you")  # outside the f-string, for xgettext
        subject = f"{museum.name}: {waiting}"
        text = render_to_string("shop/email/checkout_reminder.txt", context)
        html = render_to_string("shop/email/checkout_reminder.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=formataddr((museum.name, museum.email or settings.DEFAULT_FROM_EMAIL)),
        to=[checkout.email],
    )
    message.attach_alternative(html, "text/html")
    message.send()
