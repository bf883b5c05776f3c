"""The shop's fixtures (localstripe, the GraphQL helpers) for the ticket tests."""

from tests.shop.conftest import (  # noqa: F401
    browser_pays,
    localstripe_url,
    new_checkout,
    pay_api,
    shop_api,
    stripe_client,
    stripe_settings,
)
