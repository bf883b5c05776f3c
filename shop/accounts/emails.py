"""The e-mails of the account flows, in the customer's language.

Each carries a link to the frontend (the `redirectUrl` the client sent, checked against
VITRINE_ACCOUNTS["ALLOWED_CLIENT_HOSTS"]) with the one-time token in the query string,
as Saleor builds them: the frontend reads the token and calls the matching mutation.
They are sent after the transaction commits, so a rolled-back registration never mails.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _


def link(redirect_url: str, **params: str) -> str:
    """`redirect_url` with `params` added to its query string (existing ones kept)."""
    parts = urlsplit(redirect_url)
    query = [*parse_qsl(parts.query, keep_blank_values=True), *params.items()]
    return urlunsplit(parts._replace(query=urlencode(query)))


def _send(user: AbstractBaseUser, subject: str, body: str) -> None:
    _send_to(user.email, subject, body)


def _send_to(address: str, subject: str, body: str, sender: str | None = None) -> None:
    """Mail after commit, the subject led by `sender` (a museum's name for what one
    museum sends, the install's site name otherwise)."""

    def send() -> None:
        send_mail(
            subject=f"{sender or settings.WAGTAIL_SITE_NAME}: {subject}",
            message=body,
            from_email=None,
            recipient_list=[address],
        )

    transaction.on_commit(send)


def _language(user: AbstractBaseUser) -> str:
    customer = getattr(user, "customer", None)
    return customer.language_code if customer is not None else settings.LANGUAGE_CODE


def send_confirmation(user: AbstractBaseUser, url: str) -> None:
    with translation.override(_language(user)):
        _send(
            user,
            _("confirm your e-mail address"),
            _(
                "Welcome! Confirm your e-mail address to activate your account:\n\n%(url)s\n\n"
                "Did you not create an account? Then ignore this e-mail; nothing happens."
            )
            % {"url": url},
        )


def send_account_exists(user: AbstractBaseUser) -> None:
    """Sent instead of an error when someone registers an address that already has an
    account, so registration does not tell strangers who is a customer."""
    with translation.override(_language(user)):
        _send(
            user,
            _("you already have an account"),
            _(
                "Someone, probably you, tried to create an account with this e-mail address, "
                "but you already have one. Sign in, or reset your password if you forgot it.\n\n"
                "Was it not you? Then ignore this e-mail; your account is unchanged."
            ),
        )


def send_password_reset(user: AbstractBaseUser, url: str) -> None:
    with translation.override(_language(user)):
        _send(
            user,
            _("reset your password"),
            _(
                "Choose a new password with this link:\n\n%(url)s\n\n"
                "Did you not ask for this? Then ignore this e-mail; your password stays as it is."
            )
            % {"url": url},
        )


def send_deletion_request(user: AbstractBaseUser, url: str) -> None:
    with translation.override(_language(user)):
        _send(
            user,
            _("confirm the deletion of your account"),
            _(
                "You asked us to delete your account. Follow this link to confirm:\n\n%(url)s\n\n"
                "Your name, e-mail address and addresses will be erased. Invoices are kept "
                "for as long as the law requires, without a link to an account.\n\n"
                "Did you not ask for this? Then ignore this e-mail and change your password."
            )
            % {"url": url},
        )


def send_data_request(address: str, url: str, *, erasure: bool, language: str, hours: int) -> None:
    """The link of a data request made without signing in (shop.accounts.data_requests)."""
    with translation.override(language):
        if erasure:
            subject = _("confirm the erasure of your data")
            intro = _(
                "You asked us to erase the data we hold about this e-mail address. Follow "
                "this link to confirm:\n\n%(url)s\n\nOrders and invoices are kept for as "
                "long as the law requires, without your name or e-mail address."
            )
        else:
            subject = _("download your data")
            intro = _(
                "You asked for a copy of the data we hold about this e-mail address. "
                "Download it with this link:\n\n%(url)s"
            )
        _send_to(
            address,
            subject,
            intro % {"url": url}
            + "\n\n"
            + _(
                "The link works for %(hours)d hours. Did you not ask for this? Then ignore "
                "this e-mail; nothing happens."
            )
            % {"hours": hours},
        )


def send_newsletter_confirmation(
    address: str,
    confirm_url: str,
    unsubscribe_url: str,
    *,
    language: str,
    hours: int,
    sender: str | None = None,
) -> None:
    """The double opt-in: nothing is sent to a newsletter address before this link is used."""
    with translation.override(language):
        _send_to(
            address,
            _("confirm your newsletter subscription"),
            _(
                "Someone, probably you, asked to receive our newsletter at this address. "
                "Confirm with this link:\n\n%(url)s\n\nThe link works for %(hours)d hours. "
                "Did you not ask for this? Then ignore this e-mail; you will not be subscribed."
            )
            % {"url": confirm_url, "hours": hours}
            + "\n\n"
            + newsletter_footer(unsubscribe_url),
            sender,
        )


def send_newsletter_already_subscribed(
    address: str, unsubscribe_url: str, *, language: str, sender: str | None = None
) -> None:
    """Sent instead of a second confirmation, so the sign-up form answers the same for
    every address and only the mailbox's owner learns it was subscribed already."""
    with translation.override(language):
        _send_to(
            address,
            _("you already receive our newsletter"),
            _(
                "Someone, probably you, asked to receive our newsletter at this address, "
                "which already receives it. Nothing changed."
            )
            + "\n\n"
            + newsletter_footer(unsubscribe_url),
            sender,
        )


def newsletter_footer(unsubscribe_url: str) -> str:
    """The unsubscribe line every newsletter e-mail ends with (in the active language)."""
    return _("To stop receiving the newsletter, follow this link:\n%(url)s") % {
        "url": unsubscribe_url
    }
