"""The shop's domain error, and what can go wrong in a checkout, as codes a frontend can act
on (Saleor's names)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass
class PayloadError(Exception):
    """Something the caller can fix, said with a code (an enum per domain), a message for
    people and the input field at fault. Raised by services (one, or an ExceptionGroup
    of them); GraphQL mutations turn it into their payload's `errors`
    (shop/graphql/errors.py keeps the old import path as an alias)."""

    code: Enum
    message: str
    field: str | None = None


class CheckoutErrorCode(Enum):
    """Why a checkout mutation refused its input; the message says it for people."""

    INVALID = "invalid"
    REQUIRED = "required"
    NOT_FOUND = "not_found"
    PRODUCT_NOT_PUBLISHED = "product_not_published"
    INSUFFICIENT_STOCK = "insufficient_stock"
    ZERO_QUANTITY = "zero_quantity"
    QUANTITY_GREATER_THAN_LIMIT = "quantity_greater_than_limit"
    SHIPPING_NOT_REQUIRED = "shipping_not_required"
    SHIPPING_ADDRESS_NOT_SET = "shipping_address_not_set"
    DELIVERY_METHOD_NOT_APPLICABLE = "delivery_method_not_applicable"
    VOUCHER_NOT_APPLICABLE = "voucher_not_applicable"
    NO_LINES = "no_lines"
    EMAIL_NOT_SET = "email_not_set"
    BILLING_ADDRESS_NOT_SET = "billing_address_not_set"
    SHIPPING_METHOD_NOT_SET = "shipping_method_not_set"
    PAYMENT_NOT_SET = "payment_not_set"
    PAYMENT_NOT_SUCCEEDED = "payment_not_succeeded"
    PAYMENT_ERROR = "payment_error"
    CHECKOUT_NOT_FULLY_PAID = "checkout_not_fully_paid"
    ALREADY_PAID = "already_paid"
    # Timed admission (shop/tickets/)
    SLOT_FULL = "slot_full"
    SLOT_CLOSED = "slot_closed"
    SLOT_PAST = "slot_past"
    PASS_NUMBER_REQUIRED = "pass_number_required"

    @property
    def description(self) -> str:
        return DESCRIPTIONS[self]


DESCRIPTIONS = {
    CheckoutErrorCode.INVALID: "The value is not valid (format, unknown code, unknown language).",
    CheckoutErrorCode.REQUIRED: "The field must be given.",
    CheckoutErrorCode.NOT_FOUND: "No checkout, line, SKU or delivery method with this identifier.",
    CheckoutErrorCode.PRODUCT_NOT_PUBLISHED: "The product is not on sale (unpublished or private).",
    CheckoutErrorCode.INSUFFICIENT_STOCK: "Not enough units are available.",
    CheckoutErrorCode.ZERO_QUANTITY: "The quantity must be at least 1.",
    CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT: "More units than one order may hold.",
    CheckoutErrorCode.SHIPPING_NOT_REQUIRED: "Nothing in the checkout is shipped.",
    CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET: "Set a shipping address first.",
    CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE: "The delivery method does not serve this address or parcel.",
    CheckoutErrorCode.VOUCHER_NOT_APPLICABLE: "The code exists but cannot be used now (period, usage limit, minimum spend).",
    CheckoutErrorCode.NO_LINES: "The checkout has no lines.",
    CheckoutErrorCode.EMAIL_NOT_SET: "Set an e-mail address first.",
    CheckoutErrorCode.BILLING_ADDRESS_NOT_SET: "Set a billing address first.",
    CheckoutErrorCode.SHIPPING_METHOD_NOT_SET: "Choose a delivery method first.",
    CheckoutErrorCode.PAYMENT_NOT_SET: "Start a payment (checkoutPaymentCreate) first.",
    CheckoutErrorCode.PAYMENT_NOT_SUCCEEDED: "Stripe has not confirmed the payment (yet).",
    CheckoutErrorCode.PAYMENT_ERROR: "The payment service could not be reached or refused the request.",
    CheckoutErrorCode.CHECKOUT_NOT_FULLY_PAID: "What was paid is not what the checkout costs now; the payment is refunded.",
    CheckoutErrorCode.ALREADY_PAID: "An earlier payment of this checkout succeeded: complete it instead of paying again.",
    CheckoutErrorCode.SLOT_FULL: "The time slot (or a quota it shares, such as an exhibition's places of the day) has not enough places left.",
    CheckoutErrorCode.SLOT_CLOSED: "The time slot is closed or the offer is not on sale.",
    CheckoutErrorCode.SLOT_PAST: "The time slot is over.",
    CheckoutErrorCode.PASS_NUMBER_REQUIRED: "Give one museum pass number per ticket of this category.",
}


def raise_all(errors: list[PayloadError]) -> None:
    """Raise every error at once, so a form can mark all its wrong fields in one go."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ExceptionGroup("invalid input", errors)
