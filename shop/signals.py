"""Keeping derived things in step: stock rows for new variants, the public answer cache,
and addresses that leave with their checkout."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from museum_site.graphql.response_cache import bump_content_version
from shop.models import Address, Checkout, ProductCategory, ProductVariant, Stock


@receiver(post_save, sender=ProductVariant)
def give_physical_variants_a_stock_row(
    sender, instance: ProductVariant, raw: bool = False, **kwargs
) -> None:
    """Every physical variant has a stock row, so the stock list shows it and
    allocation never meets a missing row for something that is on sale. It starts from
    the count the product form gave the new variant (shop.product_forms), else 0.

    Not for raw saves: fixtures and test-database restores bring their own stock rows,
    and one made here would collide with them."""
    if not raw and instance.kind == ProductVariant.Kind.PHYSICAL:
        opening = {}
        if instance.opening_stock is not None:
            opening["quantity"] = instance.opening_stock
            opening["low_stock_threshold"] = instance.opening_stock_alert
        Stock.objects.get_or_create(variant=instance, defaults=opening)


@receiver(post_save, sender=Stock)
@receiver(post_delete, sender=Stock)
@receiver(post_save, sender=ProductCategory)
@receiver(post_delete, sender=ProductCategory)
def public_catalogue_changed(sender, **kwargs) -> None:
    """Product answers carry categories and availability: cached ones are now stale."""
    bump_content_version()


@receiver(post_delete, sender=Checkout)
def delete_checkout_addresses(sender, instance: Checkout, **kwargs) -> None:
    """Addresses belong to their checkout; an abandoned checkout takes them along. A
    checkout that became an order let go of them first (shop.services.orders): then
    there is nothing to delete, nor a deletion to prepare."""
    owned = [pk for pk in (instance.shipping_address_id, instance.billing_address_id) if pk]
    if owned:
        Address.objects.filter(pk__in=owned).delete()


@receiver(post_save, sender=ProductVariant)
def keep_sold_files_private(sender, instance: ProductVariant, raw: bool = False, **kwargs) -> None:
    """A file a variant sells leaves the public collections (shop.services.paid_files)."""
    if not raw and instance.digital_file_id:
        from shop.services.paid_files import keep_private

        keep_private(instance.digital_file_id)
