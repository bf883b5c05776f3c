"""The shop's fixtures (localstripe, the GraphQL helpers) for paying group visits online."""

from tests.shop.conftest import (  # noqa: F401
    browser_pays,
    localstripe_url,
    pay_api,
    stripe_client,
    stripe_settings,
)
