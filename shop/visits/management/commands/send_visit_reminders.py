from django.core.management.base import BaseCommand

from shop.visits.services.workflow import send_due_reminders


class Command(BaseCommand):
    help = "Remind groups of their visit, once, some days before (the museum's setting)."

    def handle(self, *args, **options) -> None:
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) sent")
