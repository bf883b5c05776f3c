"""`manage.py expire_checkouts`: send the one reminder of idle checkouts to people who
consented to marketing, then delete the checkouts idle for the expiry period (the
scheduler runs it every hour; shop.services.checkout_expiry)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from shop.services import checkout_expiry


class Command(BaseCommand):
    help = "Remind consenting visitors of their idle checkout once; delete expired checkouts."

    def handle(self, *args, **options) -> None:
        reminded = checkout_expiry.remind()
        expired = checkout_expiry.expire()
        if reminded or expired:
            self.stdout.write(f"{reminded} checkouts reminded, {expired} expired.")
