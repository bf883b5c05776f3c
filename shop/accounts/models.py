"""Customers, their addresses and their consent, beside Django's own auth User.

Django's default User stays the login (username = the e-mail address, lower-cased), so
the Wagtail admin, `createsuperuser` and every third-party app keep working; what a shop
needs on top lives in a one-to-one `Customer` profile. Only users with that profile can
sign in through the account API: staff sign in to the Wagtail admin.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from museum_site.museums.models import museum_foreign_key


def new_token_key() -> str:
    """A fresh per-customer JWT key: every token carries it, so changing it revokes them all."""
    return secrets.token_urlsafe(16)


class Customer(models.Model):
    """The shop side of a person: language, defaults, public metadata, token key."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="customer",
        verbose_name=_("user"),
    )
    language_code = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Language of the e-mails the shop sends."),
    )
    jwt_token_key = models.CharField(
        _("token key"),
        max_length=32,
        default=new_token_key,
        help_text=_("Changing it signs the customer out everywhere."),
    )
    metadata = models.JSONField(
        _("public metadata"),
        default=dict,
        blank=True,
        help_text=_("Key/value pairs set by the frontend (Saleor's `metadata`)."),
    )
    # Address-book entries are shop.Address rows with `customer` set (one address model
    # for checkouts, orders and address books: shop/models/addresses.py).
    default_billing_address = models.ForeignKey(
        "shop.Address",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("default billing address"),
    )
    default_shipping_address = models.ForeignKey(
        "shop.Address",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("default shipping address"),
    )
    confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(
        _("anonymised at"),
        null=True,
        blank=True,
        help_text=_("Set when the person asked to be forgotten; the row stays for invoices."),
    )

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")

    def __str__(self) -> str:
        return self.user.email or f"customer {self.pk}"

    def revoke_tokens(self) -> None:
        """Every access and refresh token issued so far stops working."""
        self.jwt_token_key = new_token_key()


class ConsentRecord(models.Model):
    """One answer to the consent question, as given: never edited, never deleted.

    The current consent of a visitor or customer is their latest record; a withdrawal
    is a new record with fewer categories. `visitor_id` is the anonymous consent id the
    browser keeps, so a visitor without an account has a history too; when a customer
    is anonymised, their records lose the link to the user and stay as anonymous proof.
    """

    class Category(models.TextChoices):
        NECESSARY = "necessary", _("Strictly necessary")
        PREFERENCES = "preferences", _("Preferences")
        ANALYTICS = "analytics", _("Analytics")
        MARKETING = "marketing", _("Marketing")

    visitor_id = models.UUIDField(_("consent id"), default=uuid.uuid4, db_index=True)
    # Consent is given to one museum (its site, its cookies): each museum of the group
    # asks and keeps its own answer, as the register's consent per museum.
    museum = museum_foreign_key("consent_records")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consent_records",
        verbose_name=_("user"),
    )
    categories = models.JSONField(
        _("granted categories"),
        default=list,
        help_text=_("Values of Category the person agreed to; `necessary` is always there."),
    )
    policy_version = models.CharField(_("privacy policy version"), max_length=32)
    locale = models.CharField(_("language"), max_length=8)
    given_at = models.DateTimeField(_("given at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.visitor_id} {','.join(self.categories)} ({self.policy_version})"


class ErasureRecord(models.Model):
    """That an erasure asked for through an e-mailed link was carried out, and what it
    covered: the controller's proof (GDPR art. 5(2)) that holds no personal data itself.

    `request_id` is the random id inside the signed link, unique so that one link erases
    once (a second click, or two at the same moment, finds the row and is refused).
    """

    request_id = models.UUIDField(_("request id"), unique=True, editable=False)
    erased_at = models.DateTimeField(_("erased at"), default=timezone.now, db_index=True)
    had_account = models.BooleanField(_("an account was anonymised"), default=False)
    orders = models.PositiveIntegerField(_("orders anonymised"), default=0)
    checkouts = models.PositiveIntegerField(_("open checkouts deleted"), default=0)

    class Meta:
        verbose_name = _("erasure record")
        verbose_name_plural = _("erasure records")
        ordering = ["-erased_at", "-pk"]

    def __str__(self) -> str:
        return f"erasure {self.request_id} at {self.erased_at:%Y-%m-%d %H:%M}"


class NewsletterSubscription(models.Model):
    """One e-mail address's newsletter sign-up, with the double opt-in the GDPR asks.

    A sign-up is PENDING until the link mailed to the address is followed: only then is
    it CONFIRMED, with the time and the privacy policy version in force (the proof of
    consent). `requested_at` is signed into the confirmation link, so a new request
    makes older links invalid and an old link never re-subscribes after unsubscribing.
    Each museum of the group has its own newsletter, so a sign-up is an address's at one
    museum: subscribing to one museum's newsletter is consent to that museum's mail only,
    and its confirmation and unsubscribe links name that museum. Erasure deletes the
    address's rows at every museum (shop.accounts.newsletter.forget).
    """

    class Status(models.TextChoices):
        PENDING = "PENDING", _("Waiting for confirmation")
        CONFIRMED = "CONFIRMED", _("Subscribed")
        UNSUBSCRIBED = "UNSUBSCRIBED", _("Unsubscribed")

    museum = museum_foreign_key("newsletter_subscriptions")
    email = models.EmailField(_("e-mail address"), max_length=254)
    language_code = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    policy_version = models.CharField(
        _("privacy policy version"),
        max_length=32,
        blank=True,
        help_text=_("The privacy policy in force when the sign-up was confirmed."),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["museum", "email"], name="newsletter_one_subscription_per_museum"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.status})"
