"""Customers and privacy policies for the account tests: real models, saved."""

from __future__ import annotations

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser

from museum_site.models import PrivacyPolicyPage
from shop.accounts import services
from shop.accounts.models import Customer
from shop.models import Address
from tests.site import builders as site_builders

PASSWORD = "Rembrandt-1669-Nachtwacht"
_counter = itertools.count(1)


def customer(
    email: str | None = None,
    *,
    password: str = PASSWORD,
    active: bool = True,
    language_code: str = "nl",
    **fields,
) -> AbstractUser:
    """An active customer (a User with a Customer profile) who can sign in."""
    email = email or f"visitor{next(_counter)}@example.org"
    user = get_user_model().objects.create_user(
        username=email, email=email, password=password, is_active=active, **fields
    )
    Customer.objects.create(user=user, language_code=language_code)
    return user


def address(user: AbstractUser, **fields) -> Address:
    values = {
        "first_name": "Anna",
        "last_name": "Bijns",
        "street_address_1": "Leiekaai 12",
        "city": "Gent",
        "postal_code": "9000",
        "country": "BE",
        **fields,
    }
    return Address.objects.create(customer=user.customer, **values)


def tokens_for(user: AbstractUser) -> tuple[str, str]:
    return services.issue_tokens(user)


def privacy_policy(
    version: str = "2026-1",
    language: str = "nl",
    effective_date: datetime.date = datetime.date(2026, 1, 1),
    *,
    publish: bool = True,
) -> PrivacyPolicyPage:
    n = next(_counter)
    page = PrivacyPolicyPage(
        title=f"Privacy {n}",
        slug=f"privacy-{n}",
        version=version,
        effective_date=effective_date,
        body=[("text", "<p>What we do with your data.</p>")],
    )
    site_builders.home(language).add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.unpublish()
    return page
