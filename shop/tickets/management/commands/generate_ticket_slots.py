"""`manage.py generate_ticket_slots --days 60`: the missing slots of every offer on sale
(run daily, e.g. from cron); slots that exist are left as edited."""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from shop.tickets.models import AdmissionOffer
from shop.tickets.schedule import generate_slots


class Command(BaseCommand):
    help = "Create the missing admission time slots from the weekly openings."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=60)
        parser.add_argument("--museum", help="Only this museum (its short name).")

    def handle(self, *args, days: int, museum: str | None = None, **options) -> None:
        today = timezone.localdate()
        offers = AdmissionOffer.objects.filter(active=True)
        if museum:
            offers = offers.filter(museum__slug=museum)
        total = 0
        for offer in offers.prefetch_related("openings"):
            total += generate_slots(offer, today, today + timedelta(days=days - 1))
        self.stdout.write(f"{total} new slots.")
