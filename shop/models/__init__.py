"""The shop's models, one module per part: catalogue, stock, shipping, vouchers, checkout,
orders."""

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
from .fulfilment import Fulfilment, FulfilmentLine
from .invoices import DocumentSequence, Invoice, InvoiceKind
from .orders import (
    InvoiceSequence,
    Order,
    OrderEvent,
    OrderLine,
    Payment,
    Refund,
    RefundAttempt,
    StripeEvent,
)
from .retention import RetainedInvoice
from .returns import ReturnLine, ReturnRequest
from .shipping import ShippingMethod, ShippingZone
from .stock import Stock
from .vouchers import Voucher

__all__ = [
    "CURRENCY",
    "Address",
    "Checkout",
    "CheckoutLine",
    "DocumentSequence",
    "Fulfilment",
    "FulfilmentLine",
    "Invoice",
    "InvoiceKind",
    "InvoiceSequence",
    "Order",
    "OrderEvent",
    "OrderLine",
    "Payment",
    "ProductCategory",
    "ProductImage",
    "ProductIndexPage",
    "ProductPage",
    "ProductVariant",
    "Refund",
    "RefundAttempt",
    "RetainedInvoice",
    "ReturnLine",
    "ReturnRequest",
    "ShippingMethod",
    "ShippingZone",
    "Stock",
    "StripeEvent",
    "VatRate",
    "Voucher",
]
