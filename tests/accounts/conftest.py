"""Fixtures for the account API: requests as a customer, and e-mails that get sent.

Account e-mails go out on transaction commit; tests run inside a transaction that
never commits, so `graphql` here runs the commit callbacks of each request, as the
real server would.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import AbstractUser
from django.core import mail

from tests.accounts import builders

# Paid orders for the guest data requests (test_guest_data_requests.py): the shop tests'
# localstripe and purchase fixtures; localstripe starts only for a test that uses them.
from tests.shop.conftest import (  # noqa: F401
    browser_pays,
    localstripe_url,
    pay_api,
    stripe_client,
    stripe_settings,
)
from tests.shop.test_erasure import buy, shop, staff  # noqa: F401


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashers take a third of a second per password on purpose; tests hash many."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def graphql(client, django_capture_on_commit_callbacks):
    def run(query: str, variables: dict | None = None, **headers):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/graphql/",
                {"query": query, "variables": variables or {}},
                content_type="application/json",
                **headers,
            )
        assert response.status_code in (200, 400), response.content[:500]
        return response.json()

    return run


@pytest.fixture
def as_customer(graphql):
    """Run a query as a customer (or with a given token), in the header @saleor/sdk sends."""

    def run(user_or_token: AbstractUser | str, query: str, variables: dict | None = None):
        token = (
            user_or_token
            if isinstance(user_or_token, str)
            else builders.tokens_for(user_or_token)[0]
        )
        return graphql(query, variables, HTTP_AUTHORIZATION_BEARER=token)

    return run


def link_params(message: mail.EmailMessage) -> dict[str, str]:
    """The query parameters of the link in an account e-mail (`token`, `email`)."""
    url = re.search(r"https?://\S+", message.body)
    assert url, message.body
    return {key: values[0] for key, values in parse_qs(urlsplit(url.group(0)).query).items()}
