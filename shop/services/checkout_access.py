"""Who may use a checkout: whoever holds its token, and for a checkout that belongs to a
customer (created while signed in, as in Saleor), only that customer.

Every checkout query and mutation asks `require_access` (or `is_open_to`) before it
reads or changes a checkout, so the rule lives here once. Someone else holding the token
of a customer's checkout, signed in or not, gets exactly the answer an unknown token
gets: NOT_FOUND for a mutation, null for the query. That also holds once the checkout
has become an order: `checkoutComplete` with its token answers the order only to the
customer it belongs to. A guest's checkout stays open to its token alone.

The owner is fixed when the checkout is created and never changes, so checking before
the service locks the row cannot race with a change of owner.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.contrib.auth.models import AbstractUser

from shop.models import Checkout, Order
from shop.services.errors import CheckoutErrorCode, PayloadError

NOT_FOUND_MESSAGE = "No checkout has this token."

Caller = Callable[[], AbstractUser | None]


def owner_id(token: uuid.UUID | str) -> int | None:
    """The account the checkout, or the order it became, belongs to; None for a guest's
    checkout and for a token nobody knows."""
    owner = Checkout.objects.filter(token=token).values_list("customer_id", flat=True).first()
    if owner is None:
        owner = (
            Order.objects.filter(checkout_token=token).values_list("customer_id", flat=True).first()
        )
    return owner


def is_open_to(owner: int | None, caller: Caller) -> bool:
    """Whether the caller may use a checkout owned by `owner`; `caller()` is asked only
    for a customer's checkout, so a guest's checkout never depends on a sign-in."""
    if owner is None:
        return True
    user = caller()
    return user is not None and user.pk == owner


def require_access(token: uuid.UUID | str, caller: Caller) -> None:
    """Raise the unknown token's NOT_FOUND unless the caller may use this checkout."""
    if not is_open_to(owner_id(token), caller):
        raise PayloadError(CheckoutErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE, "token")
