"""What can go wrong with a group booking, as codes a frontend can act on."""

from enum import Enum


class VisitErrorCode(Enum):
    INVALID = "invalid"
    REQUIRED = "required"
    NOT_FOUND = "not_found"
    GROUP_TOO_SMALL = "group_too_small"
    GROUP_TOO_LARGE = "group_too_large"
    TOO_FEW_ADULTS = "too_few_adults"
    LANGUAGE_NOT_OFFERED = "language_not_offered"
    CLOSED = "closed"
    TOO_SOON = "too_soon"
    PAST = "past"
    RESOURCE_TAKEN = "resource_taken"
    NOT_WORKING = "not_working"
    NOT_ENOUGH_MATERIAL = "not_enough_material"
    WRONG_STATE = "wrong_state"
    # Paying online (services/online_payment.py)
    NOT_CONFIRMED = "not_confirmed"
    CANCELLED = "cancelled"
    ALREADY_PAID = "already_paid"
    INVOICED = "invoiced"
    NOTHING_DUE = "nothing_due"
