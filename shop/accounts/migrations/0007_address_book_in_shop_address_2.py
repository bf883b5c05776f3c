"""Address books move to shop.Address (issue 12, point 9), step 2 of 3: every address
book row is copied, with its dates, into shop.Address (with `customer` set) and the
customer's defaults follow. Backwards, the rows go back the same way.

The rows get new primary keys, so an address's global id (Address:<pk>) changes once;
clients re-read the address book after the upgrade. No check is re-run on old rows: an
address saved under the book's looser rules (no name) stays as it was, and the checkout
asks for what is missing when it is used.
"""

from django.db import migrations

FIELDS = (
    "first_name",
    "last_name",
    "company_name",
    "street_address_1",
    "street_address_2",
    "city",
    "city_area",
    "postal_code",
    "country_area",
    "phone",
)


def _country(value) -> str:
    return str(getattr(value, "code", value) or "")


def into_shop(apps, schema_editor):
    Book = apps.get_model("shop_accounts", "Address")
    Address = apps.get_model("shop", "Address")
    Customer = apps.get_model("shop_accounts", "Customer")
    moved: dict[int, int] = {}
    for old in Book.objects.order_by("pk").iterator():
        new = Address.objects.create(
            customer_id=old.customer_id,
            country=_country(old.country),
            **{name: getattr(old, name) for name in FIELDS},
        )
        # auto_now_add/auto_now set "now" on create: keep when the customer saved it.
        Address.objects.filter(pk=new.pk).update(
            created_at=old.created_at, updated_at=old.updated_at
        )
        moved[old.pk] = new.pk
    for customer in Customer.objects.exclude(
        default_billing_address=None, default_shipping_address=None
    ):
        customer.new_default_billing_address_id = moved.get(customer.default_billing_address_id)
        customer.new_default_shipping_address_id = moved.get(
            customer.default_shipping_address_id
        )
        customer.save(
            update_fields=["new_default_billing_address", "new_default_shipping_address"]
        )


def out_of_shop(apps, schema_editor):
    Book = apps.get_model("shop_accounts", "Address")
    Address = apps.get_model("shop", "Address")
    Customer = apps.get_model("shop_accounts", "Customer")
    moved: dict[int, int] = {}
    in_books = Address.objects.exclude(customer=None).order_by("pk")
    for new in in_books.iterator():
        old = Book.objects.create(
            customer_id=new.customer_id,
            country=new.country,
            **{name: getattr(new, name) for name in FIELDS},
        )
        Book.objects.filter(pk=old.pk).update(created_at=new.created_at, updated_at=new.updated_at)
        moved[new.pk] = old.pk
    for customer in Customer.objects.exclude(
        new_default_billing_address=None, new_default_shipping_address=None
    ):
        customer.default_billing_address_id = moved.get(customer.new_default_billing_address_id)
        customer.default_shipping_address_id = moved.get(
            customer.new_default_shipping_address_id
        )
        customer.new_default_billing_address_id = None
        customer.new_default_shipping_address_id = None
        customer.save()
    in_books.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0016_one_address_model"),
        ("shop_accounts", "0006_address_book_in_shop_address_1"),
    ]

    operations = [migrations.RunPython(into_shop, out_of_shop)]
