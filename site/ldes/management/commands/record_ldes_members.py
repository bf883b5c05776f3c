"""`manage.py record_ldes_members`: first versions for content published before the
streams existed (or saved live by a script rather than published). Safe to run again:
it writes nothing for what a stream already shows as it is."""

from django.core.management.base import BaseCommand

from museum_site.ldes.services import record_everything


class Command(BaseCommand):
    help = "Write LDES members for published content that its stream does not show yet."

    def handle(self, *args, **options) -> None:
        written = record_everything()
        self.stdout.write(f"{written} new stream members")
