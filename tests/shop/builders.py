"""Builders for the shop in tests: real pages, variants with stock, delivery, vouchers."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from shop import models
from tests.site import builders as site_builders

_counter = itertools.count(1)


def product_index(language: str = "nl") -> models.ProductIndexPage:
    parent = site_builders.home(language)
    found = models.ProductIndexPage.objects.child_of(parent).first()
    return found or parent.add_child(
        instance=models.ProductIndexPage(title="Winkel", slug="winkel")
    )


def category(slug: str | None = None, **names) -> models.ProductCategory:
    n = next(_counter)
    return models.ProductCategory.objects.create(
        slug=slug or f"category-{n}",
        name_nl=names.pop("name_nl", f"Categorie {n}"),
        name_en=names.pop("name_en", f"Category {n}"),
        **names,
    )


def variant(
    sku: str | None = None,
    price: str | Decimal = "10.00",
    *,
    kind: str = models.ProductVariant.Kind.PHYSICAL,
    weight: int = 200,
    **fields,
) -> models.ProductVariant:
    """An unsaved variant, for `product(variants=[...])`."""
    return models.ProductVariant(
        sku=sku or f"SKU-{next(_counter):05d}",
        gross_price=Decimal(price),
        kind=kind,
        weight_grams=0 if kind == models.ProductVariant.Kind.DIGITAL else weight,
        **fields,
    )


def digital(sku: str | None = None, price: str = "5.00") -> models.ProductVariant:
    return variant(sku, price, kind=models.ProductVariant.Kind.DIGITAL)


def product(
    language: str = "nl",
    *,
    variants: list[models.ProductVariant] | None = None,
    stock: int = 10,
    publish: bool = True,
    images: int = 1,
    index: models.ProductIndexPage | None = None,
    **fields,
) -> models.ProductPage:
    """A product page with its variants; every physical variant gets `stock` units."""
    n = next(_counter)
    page = models.ProductPage(
        title=fields.pop("title", f"Product {n}"),
        slug=fields.pop("slug", f"product-{n}"),
        intro=fields.pop("intro", "A replica from the collection."),
        description=fields.pop("description", "<p>Made in Belgium.</p>"),
        live=False,
        **fields,
    )
    page.variants = variants if variants is not None else [variant()]
    # In the order given, as the admin's inline panel numbers them: without it the order
    # after a publish (which re-saves the children from the revision) is the database's.
    for position, each in enumerate(page.variants.all()):
        if each.sort_order is None:
            each.sort_order = position
    page.images = [
        models.ProductImage(image=site_builders.image(f"Product {n} view {i}"), sort_order=i)
        for i in range(images)
    ]
    (index or product_index(language)).add_child(instance=page)
    if publish:
        page.save_revision().publish()
    models.Stock.objects.filter(variant__product=page).update(quantity=stock)
    return page


def translation(page: models.ProductPage, language: str, **fields) -> models.ProductPage:
    """The page translated into `language` and published, as with the admin's "Translate"."""
    copy = page.copy_for_translation(site_builders.locale(language), copy_parents=True).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


def set_stock(sku: str, quantity: int, allocated: int = 0) -> models.Stock:
    models.Stock.objects.filter(variant__sku=sku).update(quantity=quantity, allocated=allocated)
    return models.Stock.objects.get(variant__sku=sku)


def shipping(
    zone: str = models.ShippingZone.BELGIUM, price: str = "6.50", **fields
) -> models.ShippingMethod:
    return models.ShippingMethod.objects.create(
        name_nl=fields.pop("name_nl", f"Bpost {zone}"),
        name_en=fields.pop("name_en", f"Bpost {zone}"),
        kind=models.ShippingMethod.Kind.SHIPPING,
        zone=zone,
        price=Decimal(price),
        **fields,
    )


def pickup() -> models.ShippingMethod:
    return models.ShippingMethod.objects.create(
        name_nl="Afhalen aan de balie",
        name_en="Pick up at the desk",
        kind=models.ShippingMethod.Kind.PICKUP,
    )


def voucher(
    code: str | None = None,
    kind: str = models.Voucher.Kind.PERCENTAGE,
    value: str = "10",
    **fields,
) -> models.Voucher:
    now = timezone.now()
    return models.Voucher.objects.create(
        code=code or f"CODE{next(_counter)}",
        kind=kind,
        value=Decimal(value),
        valid_from=fields.pop("valid_from", now - datetime.timedelta(days=1)),
        **fields,
    )


def address(**fields) -> dict[str, str]:
    """Address input in GraphQL's camelCase."""
    return {
        "firstName": "Anna",
        "lastName": "Peeters",
        "streetAddress1": "Meir 1",
        "postalCode": "2000",
        "city": "Antwerpen",
        "country": "BE",
        **fields,
    }


def ready_checkout(
    *lines: tuple[str, int],
    email: str = "anna@example.be",
    voucher_code: str | None = None,
    locale: str | None = None,
    museum=None,
) -> models.Checkout:
    """A checkout with lines, e-mail, billing and shipping address and delivery chosen:
    what `checkoutPaymentCreate` needs."""
    from shop.services import checkout as service
    from shop.services.checkout_lines import LineRequest

    checkout = service.create(
        museum=museum,
        email=email,
        locale=locale,
        lines=[LineRequest(sku=sku, quantity=quantity) for sku, quantity in lines],
    )
    snake = {
        "first_name": "Anna",
        "last_name": "Peeters",
        "street_address_1": "Meir 1",
        "postal_code": "2000",
        "city": "Antwerpen",
        "country": "BE",
    }
    service.update_address(checkout.token, "billing", snake)
    shipped = any(
        not variant.is_digital
        for variant in models.ProductVariant.objects.filter(sku__in=[sku for sku, _ in lines])
    )
    if shipped:
        service.update_address(checkout.token, "shipping", snake)
        method = models.ShippingMethod.objects.filter(
            kind=models.ShippingMethod.Kind.PICKUP
        ).first()
        service.update_delivery_method(checkout.token, str((method or pickup()).pk))
    if voucher_code:
        service.add_promo_code(checkout.token, voucher_code)
    return models.Checkout.objects.get(pk=checkout.token)
