"""One address model (issue 12, point 9): shop.Address takes the address book's fields
(district, state, the customer whose book holds it, timestamps) and its lengths (256, as
Saleor's), so shop_accounts can move its rows here (shop_accounts 0005-0007)."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0015_variant_labels_per_language"),
        ("shop_accounts", "0005_newsletter_subscription_per_museum"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="address",
            options={
                "ordering": ["pk"],
                "verbose_name": "address",
                "verbose_name_plural": "addresses",
            },
        ),
        migrations.AddField(
            model_name="address",
            name="customer",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                # "addresses" once shop_accounts.Address is gone (0015): two reverse
                # accessors of one name would clash while both models exist.
                related_name="+",
                to="shop_accounts.customer",
                verbose_name="customer",
                help_text="Set for an address in a customer's address book; empty for a "
                "copy held by a checkout or an order.",
            ),
        ),
        migrations.AddField(
            model_name="address",
            name="city_area",
            field=models.CharField(blank=True, max_length=128, verbose_name="district"),
        ),
        migrations.AddField(
            model_name="address",
            name="country_area",
            field=models.CharField(blank=True, max_length=128, verbose_name="state or province"),
        ),
        migrations.AddField(
            model_name="address",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="created at"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="address",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated at"),
        ),
        migrations.AlterField(
            model_name="address",
            name="first_name",
            field=models.CharField(max_length=256, verbose_name="first name"),
        ),
        migrations.AlterField(
            model_name="address",
            name="last_name",
            field=models.CharField(max_length=256, verbose_name="last name"),
        ),
        migrations.AlterField(
            model_name="address",
            name="company_name",
            field=models.CharField(blank=True, max_length=256, verbose_name="company"),
        ),
        migrations.AlterField(
            model_name="address",
            name="street_address_1",
            field=models.CharField(max_length=256, verbose_name="street and number"),
        ),
        migrations.AlterField(
            model_name="address",
            name="street_address_2",
            field=models.CharField(blank=True, max_length=256, verbose_name="address line 2"),
        ),
        migrations.AlterField(
            model_name="address",
            name="city",
            field=models.CharField(max_length=256, verbose_name="city"),
        ),
    ]
