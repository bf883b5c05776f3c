"""One address model (issue 12, point 9): with shop_accounts.Address gone, a customer's
address book is `customer.addresses` again, now shop.Address rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0016_one_address_model"),
        ("shop_accounts", "0008_address_book_in_shop_address_3"),
    ]

    operations = [
        migrations.AlterField(
            model_name="address",
            name="customer",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="addresses",
                to="shop_accounts.customer",
                verbose_name="customer",
                help_text="Set for an address in a customer's address book; empty for a "
                "copy held by a checkout or an order.",
            ),
        ),
    ]
