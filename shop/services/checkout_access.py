"""Who may use a checkout: whoever holds its token, and for a checkout that belongs to a
customer (created while signed in, as in Saleor), only that customer.

Every checkout query and mutation asks `require_access` (or `is_open_to`) before it
reads or changes a checkout, so the rule lives here once. Someone else holding the token
of a customer's checkout, signed in or not, gets exactly the answer an unknown token
gets: NOT_FOUND for a mutation, null for the query. That also holds once the checkout
has become an order: `checkoutComplete` with its token answers the order only to the
customer it belongs to. A guest's checkout stays open to its token alone.

A checkout also belongs to one museum: asked for on another museum's host (or with
another museum's `museum` argument or `X-Museum` header) it is unknown there, the same
NOT_FOUND. Owner and museum are fixed when the checkout is created and never change, so
checking before the service locks the row cannot race with a change of either.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.contrib.auth.models import AbstractUser

from shop.models import Checkout, Order
from shop.services.errors import CheckoutErrorCode, PayloadError

NOT_FOUND_MESSAGE = "No checkout has this token."

Caller = Callable[[], AbstractUser | None]


def owner_and_museum(token: uuid.UUID | str) -> tuple[int | None, int | None]:
    """The account and museum the checkout, or the order it became, belongs to; account
    None for a guest's checkout, both None for a token nobody knows."""
    found = Checkout.objects.filter(token=token).values_list("customer_id", "museum_id").first()
    if found is None:
        found = (
            Order.objects.filter(checkout_token=token)
            .values_list("customer_id", "museum_id")
            .first()
        )
    return found or (None, None)


def owner_id(token: uuid.UUID | str) -> int | None:
    return owner_and_museum(token)[0]


def is_open_to(owner: int | None, caller: Caller) -> bool:
    """Whether the caller may use a checkout owned by `owner`; `caller()` is asked only
    for a customer's checkout, so a guest's checkout never depends on a sign-in."""
    if owner is None:
        return True
    user = caller()
    return user is not None and user.pk == owner


def require_access(token: uuid.UUID | str, caller: Caller, museum_id: int | None = None) -> None:
    """Raise the unknown token's NOT_FOUND unless the caller may use this checkout (and,
    given `museum_id`, it is that museum's)."""
    owner, museum = owner_and_museum(token)
    if museum_id is not None and museum is not None and museum != museum_id:
        raise PayloadError(CheckoutErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE, "token")
    if not is_open_to(owner, caller):
        raise PayloadError(CheckoutErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE, "token")
