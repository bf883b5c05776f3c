"""`manage.py load_demo`: fill an empty (or already loaded) database with the demo museum."""

import os
import time

from django.core.management.base import BaseCommand
from wagtail import hooks

from museum_site.demo.loader import ADMIN_USERNAME, load_demo

DEFAULT_PASSWORD = "vitrine-demo"


class Command(BaseCommand):
    help = (
        "Load Museum aan de Leie, a bilingual demo museum (objects, stories, exhibitions, "
        "legal pages and an admin user). Safe to run again: nothing is duplicated."
    )

    def handle(self, *args, **options) -> None:
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or DEFAULT_PASSWORD
        started = time.monotonic()
        summary = load_demo(admin_password=password)
        self.stdout.write(f"Museum loaded in {time.monotonic() - started:.1f} s: {summary.line()}")
        # Other apps add their demo content (a tour, shop products) on top of the museum.
        for load_app_demo in hooks.get_hooks("vitrine_load_demo"):
            load_app_demo(self.stdout)
        self.stdout.write(f"Demo ready in {time.monotonic() - started:.1f} s")
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://localhost:8000/admin/  user: {ADMIN_USERNAME}  password: {password}"
            )
        )
