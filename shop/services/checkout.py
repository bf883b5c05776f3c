"""The checkout mutations: each one locks its checkout row, checks, then writes, inside
one transaction, so a payload error leaves the checkout exactly as it was."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from museum_site.museums.models import Museum
from shop.models import Address, Checkout, ShippingMethod
from shop.services import checkout_lines, delivery, vouchers
from shop.services.addresses import clean_address
from shop.services.checkout_access import NOT_FOUND_MESSAGE
from shop.services.checkout_lines import LineRequest
from shop.services.errors import CheckoutErrorCode, PayloadError, raise_all


def _locked(token: uuid.UUID | str) -> Checkout:
    checkout = (
        Checkout.objects.select_for_update(of=("self",))
        .select_related("shipping_address", "billing_address", "delivery_method", "voucher")
        .filter(token=token)
        .first()
    )
    if checkout is None:
        raise PayloadError(CheckoutErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE, "token")
    return checkout


def _clean_email(email: str, *, required: bool) -> str:
    email = email.strip()
    if not email:
        if required:
            raise PayloadError(CheckoutErrorCode.REQUIRED, "Enter an e-mail address.", "email")
        return ""
    try:
        validate_email(email)
        if len(email) > Checkout._meta.get_field("email").max_length:
            raise ValidationError("too long")
    except ValidationError as error:
        raise PayloadError(
            CheckoutErrorCode.INVALID, "This is not an e-mail address.", "email"
        ) from error
    return email


def _clean_locale(locale: str | None) -> str:
    if locale is None:
        return settings.LANGUAGE_CODE
    code = locale.strip().lower()
    languages = [language for language, _name in settings.LANGUAGES]
    if code not in languages:
        raise PayloadError(
            CheckoutErrorCode.INVALID, f"Use one of the languages {', '.join(languages)}.", "locale"
        )
    return code


def create(
    *,
    museum: Museum | None = None,
    email: str | None = None,
    locale: str | None = None,
    lines: Sequence[LineRequest] = (),
    customer=None,
) -> Checkout:
    """A new checkout of `museum` (the default site's when not given); with `customer`
    (signed in) it is theirs alone from now on."""
    errors = []
    try:
        email = _clean_email(email or "", required=False)
    except PayloadError as error:
        errors.append(error)
    try:
        locale = _clean_locale(locale)
    except PayloadError as error:
        errors.append(error)
    raise_all(errors)
    with transaction.atomic():
        checkout = Checkout.objects.create(
            museum=museum or Museum.objects.default(),
            email=email,
            locale=locale,
            customer=customer if customer is not None and customer.is_authenticated else None,
        )
        checkout_lines.change_lines(checkout, lines, replace=False)
    return checkout


def add_lines(token: uuid.UUID, lines: Sequence[LineRequest]) -> Checkout:
    with transaction.atomic():
        checkout = _locked(token)
        checkout_lines.change_lines(checkout, lines, replace=False)
    return checkout


def update_lines(token: uuid.UUID, lines: Sequence[LineRequest]) -> Checkout:
    with transaction.atomic():
        checkout = _locked(token)
        checkout_lines.change_lines(checkout, lines, replace=True)
    return checkout


def delete_lines(token: uuid.UUID, line_ids: Sequence[str]) -> Checkout:
    with transaction.atomic():
        checkout = _locked(token)
        checkout_lines.delete_lines(checkout, line_ids)
    return checkout


def update_email(token: uuid.UUID, email: str) -> Checkout:
    with transaction.atomic():
        checkout = _locked(token)
        checkout.email = _clean_email(email, required=True)
        checkout.save(update_fields=["email", "updated_at"])
    return checkout


def update_address(
    token: uuid.UUID, kind: Literal["shipping", "billing"], data: Mapping[str, str | None]
) -> Checkout:
    with transaction.atomic():
        checkout = _locked(token)
        lines = checkout_lines.current_lines(checkout)
        if kind == "shipping" and not delivery.is_shipping_required(lines):
            raise PayloadError(
                CheckoutErrorCode.SHIPPING_NOT_REQUIRED,
                "Nothing in this checkout is shipped.",
                "shippingAddress",
            )
        cleaned = clean_address(data)
        field = f"{kind}_address"
        address = getattr(checkout, field) or Address()
        for name, value in cleaned.items():
            setattr(address, name, value)
        address.save()
        setattr(checkout, field, address)
        checkout.save(update_fields=[field, "updated_at"])
        if kind == "shipping":
            checkout_lines.forget_what_no_longer_fits(checkout)
    return checkout


def update_delivery_method(token: uuid.UUID, method_id: str) -> Checkout:
    with transaction.atomic():
        checkout = _locked(token)
        method = (
            ShippingMethod.objects.filter(
                pk=int(method_id), active=True, museum_id=checkout.museum_id
            ).first()
            if method_id.isdigit()
            else None
        )
        if method is None:
            raise PayloadError(
                CheckoutErrorCode.NOT_FOUND, "No delivery method has this id.", delivery.FIELD
            )
        country = checkout.shipping_address.country if checkout.shipping_address else None
        problem = delivery.problem(method, checkout_lines.current_lines(checkout), country)
        if problem is not None:
            raise problem
        checkout.delivery_method = method
        checkout.save(update_fields=["delivery_method", "updated_at"])
    return checkout


def add_promo_code(token: uuid.UUID, code: str) -> Checkout:
    with transaction.atomic():
        checkout = _locked(token)
        voucher = vouchers.find(code, checkout.museum_id)
        vouchers.check(voucher, checkout_lines.goods_gross(checkout_lines.current_lines(checkout)))
        checkout.voucher = voucher
        checkout.save(update_fields=["voucher", "updated_at"])
    return checkout


def remove_promo_code(token: uuid.UUID) -> Checkout:
    with transaction.atomic():
        checkout = _locked(token)
        checkout.voucher = None
        checkout.save(update_fields=["voucher", "updated_at"])
    return checkout
