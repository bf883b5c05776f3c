"""Address books move to shop.Address (issue 12, point 9), step 1 of 3: the customer's
defaults get a second pair of foreign keys, to shop.Address, filled by step 2."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0016_one_address_model"),
        ("shop_accounts", "0005_newsletter_subscription_per_museum"),
    ]

    operations = [
        migrations.AddField(
            model_name="customer",
            name="new_default_billing_address",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="shop.address",
            ),
        ),
        migrations.AddField(
            model_name="customer",
            name="new_default_shipping_address",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="shop.address",
            ),
        ),
    ]
