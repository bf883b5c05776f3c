"""Money in the API: `{ amount currency }` with decimal amounts (strings, never floats)."""

from __future__ import annotations

import graphene

from shop import money


class Money(graphene.ObjectType):
    amount = graphene.Decimal(required=True, description="Rounded to the cent.")
    currency = graphene.String(required=True, description="ISO 4217 code, e.g. EUR.")


class TaxedMoney(graphene.ObjectType):
    """A price with VAT: `gross` is what the buyer pays (VAT included), `net` is without
    VAT, `vat` the difference. `vatRate` is null when the amount mixes rates (a total);
    the checkout's `vatBreakdown` then gives each rate."""

    gross = graphene.Field(Money, required=True)
    net = graphene.Field(Money, required=True)
    vat = graphene.Field(Money, required=True)
    vat_rate = graphene.Decimal(description="VAT rate in percent, e.g. 21.")

    @staticmethod
    def resolve_vat_rate(price: money.TaxedMoney, info):
        return price.rate


class VatLine(graphene.ObjectType):
    """The part of a total taxed at one rate, as an invoice shows it."""

    rate = graphene.Decimal(required=True, description="VAT rate in percent.")
    gross = graphene.Field(Money, required=True)
    net = graphene.Field(Money, required=True)
    vat = graphene.Field(Money, required=True)
