"""Address books move to shop.Address (issue 12, point 9), step 3 of 3: the old table
and foreign keys go; the new foreign keys take the old names."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0016_one_address_model"),
        ("shop_accounts", "0007_address_book_in_shop_address_2"),
    ]

    operations = [
        migrations.RemoveField(model_name="customer", name="default_billing_address"),
        migrations.RemoveField(model_name="customer", name="default_shipping_address"),
        migrations.DeleteModel(name="Address"),
        migrations.RenameField(
            model_name="customer",
            old_name="new_default_billing_address",
            new_name="default_billing_address",
        ),
        migrations.RenameField(
            model_name="customer",
            old_name="new_default_shipping_address",
            new_name="default_shipping_address",
        ),
        migrations.AlterField(
            model_name="customer",
            name="default_billing_address",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="shop.address",
                verbose_name="default billing address",
            ),
        ),
        migrations.AlterField(
            model_name="customer",
            name="default_shipping_address",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="shop.address",
                verbose_name="default shipping address",
            ),
        ),
    ]
