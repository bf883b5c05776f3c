"""The one place where other apps add lines of their own to the shop's checkout.

An app that sells something that is not a product variant (timed admission tickets in
shop/tickets/) registers one `CheckoutExtension` in its AppConfig.ready(). The shop then
asks every extension, at fixed points and nowhere else:

- `lines_of(token)`: the queryset of its lines in a checkout, unread: one query asks
  every extension at once whether it has any (`priced_lines` reads only those that do);
- `priced_lines(checkout)`: its lines as PricedLines (keys that are not checkout line
  ids), folded into the checkout's totals, so there is one amount to pay;
- `hold(token)`: before a payment starts, in its own short transaction (never while the
  payment service is called): set aside what the checkout needs for a while;
- `place(order, checkout, totals)`: inside completion's locked path and savepoint,
  before the stock: take capacity, write its order lines; raise PayloadError to refuse
  the order (the shop then refunds the payment, as for stock);
- `release(order)`: a fully refunded order gives back what `place` took;
- `email_additions(order, kind)`: text and attachments (name, bytes, MIME type) the
  order's e-mail of this kind carries for it (the e-tickets and their PDF).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Protocol

from django.db.models import Exists

from shop.models import Checkout

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from shop.models import Order
    from shop.pricing import PricedLine, Totals


class CheckoutExtension(Protocol):
    def lines_of(self, token: uuid.UUID | str) -> QuerySet: ...

    def priced_lines(self, checkout: Checkout) -> list[PricedLine]: ...

    def hold(self, token: uuid.UUID | str) -> None: ...

    def place(self, order: Order, checkout: Checkout, totals: Totals) -> None: ...

    def release(self, order: Order) -> None: ...

    def email_additions(
        self, order: Order, kind: str
    ) -> tuple[str, list[tuple[str, bytes, str]]]: ...


_extensions: list[CheckoutExtension] = []


def register(extension: CheckoutExtension) -> None:
    if not any(type(known) is type(extension) for known in _extensions):
        _extensions.append(extension)


def priced_lines(checkout: Checkout) -> list[PricedLine]:
    return [
        line for extension in _holding_lines(checkout) for line in extension.priced_lines(checkout)
    ]


def _holding_lines(checkout: Checkout) -> list[CheckoutExtension]:
    """The extensions with lines in this checkout, asked in one query: most checkouts
    hold goods only, and reading an extension's lines (with what prices them) costs
    more than asking whether it has any. With one extension, reading is the asking.
    A checkout read `with_holdings` knows already."""
    if len(_extensions) < 2:
        return list(_extensions)
    found = [getattr(checkout, _holds(number), None) for number in range(len(_extensions))]
    if None in found:
        found = (
            Checkout.objects.filter(token=checkout.token)
            .values_list(*_holdings(checkout.token).values())
            .first()
        )
    if found is None:  # not saved (yet): each extension answers for itself
        return list(_extensions)
    return [extension for extension, holds in zip(_extensions, found, strict=True) if holds]


def with_holdings(checkouts: QuerySet[Checkout], token: uuid.UUID | str) -> QuerySet[Checkout]:
    """The checkout's read, also telling which extensions hold lines in it, so that
    `priced_lines` need not ask: the completion's locked read does (a statement fewer:
    about 2 of the 20-28 ms of CPU a completion took in-process)."""
    return checkouts.annotate(**_holdings(token))


def _holds(number: int) -> str:
    return f"extension_{number}_holds_lines"


def _holdings(token: uuid.UUID | str) -> dict[str, Exists]:
    return {
        _holds(number): Exists(extension.lines_of(token))
        for number, extension in enumerate(_extensions)
    }


def hold(token: uuid.UUID | str) -> None:
    for extension in _extensions:
        extension.hold(token)


def place(order: Order, checkout: Checkout, totals: Totals) -> None:
    for extension in _extensions:
        extension.place(order, checkout, totals)


def release(order: Order) -> None:
    for extension in _extensions:
        extension.release(order)


def email_additions(order: Order, kind: str) -> tuple[str, list[tuple[str, bytes, str]]]:
    texts, attachments = [], []
    for extension in _extensions:
        text, files = extension.email_additions(order, kind)
        if text:
            texts.append(text)
        attachments.extend(files)
    return "\n\n".join(texts), attachments
