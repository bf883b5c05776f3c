"""`manage.py purge_expired_invoice_data`: run daily (cron, a systemd timer, a task queue).

Invoices are kept for the legal retention period and not a day longer: this deletes the
retention records of erased customers whose period ended and anonymises the orders of
everyone else once theirs has (shop.services.orders.anonymise_expired_orders).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from shop.services.orders import anonymise_expired_orders


class Command(BaseCommand):
    help = "Forget invoice data whose legal retention period has ended (run daily)."

    def handle(self, *args, **options) -> None:
        count = anonymise_expired_orders()
        self.stdout.write(f"{count} orders past the retention period anonymised.")
