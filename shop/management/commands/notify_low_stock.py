"""`manage.py notify_low_stock`: e-mail staff once about variants that ran low (the
scheduler runs it every minute; shop.services.stock_alerts)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from shop.services.stock_alerts import notify_low_stock


class Command(BaseCommand):
    help = "Tell staff, once, which variants ran low on stock."

    def handle(self, *args, **options) -> None:
        count = notify_low_stock()
        if count:
            self.stdout.write(f"Staff told about {count} variants low on stock.")
