"""The data migration that moved address books into shop.Address (issue 12, point 9):
existing rows arrive with their values, dates, owner and defaults, checkout and order
addresses are untouched, and migrating back restores the address book table."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("shop", "0015_variant_labels_per_language"),
    ("shop_accounts", "0005_newsletter_subscription_per_museum"),
]
AFTER = [("shop", "0017_address_book_related_name")]
SAVED = datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC)


def migrate(targets):
    """Migrate and answer the historical models of the state reached."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def at_the_end():
    """Whatever happens in the test, leave the database fully migrated for the next one."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_address_books_move_into_the_one_address_model_and_back(at_the_end):
    apps = migrate(BEFORE)
    User = apps.get_model("auth", "User")
    Customer = apps.get_model("shop_accounts", "Customer")
    Book = apps.get_model("shop_accounts", "Address")
    Address = apps.get_model("shop", "Address")

    anna = Customer.objects.create(user=User.objects.create(username="anna@example.be"))
    jan = Customer.objects.create(user=User.objects.create(username="jan@example.be"))
    home = Book.objects.create(
        customer=anna,
        first_name="Anna",
        last_name="Bijns",
        street_address_1="Leiekaai 12",
        city="Gent",
        city_area="Sint-Amandsberg",
        postal_code="9000",
        country="BE",
        country_area="Oost-Vlaanderen",
        phone="+32 9 123 45 67",
    )
    # Saved under the book's old rules: no names, a 256-character street.
    office = Book.objects.create(
        customer=anna, street_address_1="S" * 256, city="Brussel", postal_code="1000", country="BE"
    )
    Book.objects.create(customer=jan, street_address_1="Meir 1", city="Antwerpen", country="BE")
    Book.objects.filter(pk=home.pk).update(created_at=SAVED, updated_at=SAVED)
    anna.default_shipping_address = home
    anna.default_billing_address = office
    anna.save()
    typed = Address.objects.create(  # a checkout's copy, in no one's book
        first_name="Piet",
        last_name="Peeters",
        street_address_1="Markt 1",
        city="Brugge",
        postal_code="8000",
        country="BE",
    )

    apps = migrate(AFTER)
    Customer = apps.get_model("shop_accounts", "Customer")
    Address = apps.get_model("shop", "Address")
    anna = Customer.objects.get(pk=anna.pk)
    moved = Address.objects.filter(customer=anna).order_by("pk")
    assert [a.city for a in moved] == ["Gent", "Brussel"]
    new_home = anna.default_shipping_address
    assert (new_home.first_name, new_home.street_address_1, new_home.city_area) == (
        "Anna",
        "Leiekaai 12",
        "Sint-Amandsberg",
    )
    assert (new_home.country, new_home.country_area, new_home.phone) == (
        "BE",
        "Oost-Vlaanderen",
        "+32 9 123 45 67",
    )
    assert new_home.created_at == SAVED and new_home.updated_at == SAVED
    assert anna.default_billing_address.street_address_1 == "S" * 256
    assert anna.default_billing_address.first_name == ""
    assert Address.objects.filter(customer_id=jan.pk).count() == 1
    assert Address.objects.get(pk=typed.pk).customer_id is None
    assert Address.objects.count() == 4

    apps = migrate(BEFORE)
    Customer = apps.get_model("shop_accounts", "Customer")
    Book = apps.get_model("shop_accounts", "Address")
    Address = apps.get_model("shop", "Address")
    anna = Customer.objects.get(pk=anna.pk)
    assert sorted(Book.objects.values_list("city", flat=True)) == ["Antwerpen", "Brussel", "Gent"]
    assert anna.default_shipping_address.city_area == "Sint-Amandsberg"
    assert anna.default_shipping_address.created_at == SAVED
    assert anna.default_billing_address.city == "Brussel"
    assert list(Address.objects.values_list("city", flat=True)) == ["Brugge"]
