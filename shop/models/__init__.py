"""The shop's models, one module per part: catalogue, stock, shipping, vouchers, checkout."""

from .addresses import Address
from .catalogue import (
    CURRENCY,
    ProductCategory,
    ProductImage,
    ProductIndexPage,
    ProductPage,
    ProductVariant,
    VatRate,
)
from .checkout import Checkout, CheckoutLine
from .shipping import ShippingMethod, ShippingZone
from .stock import Stock
from .vouchers import Voucher

__all__ = [
    "CURRENCY",
    "Address",
    "Checkout",
    "CheckoutLine",
    "ProductCategory",
    "ProductImage",
    "ProductIndexPage",
    "ProductPage",
    "ProductVariant",
    "ShippingMethod",
    "ShippingZone",
    "Stock",
    "VatRate",
    "Voucher",
]
