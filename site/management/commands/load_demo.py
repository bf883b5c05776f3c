"""`manage.py load_demo`: fill an empty (or already loaded) database with the demo museum."""

import os
import time

from django.core.management.base import BaseCommand
from wagtail import hooks

from museum_site.demo.loader import ADMIN_USERNAME, load_demo
from museum_site.demo.server_address import browser_url, default_addrport, split_addrport


class Command(BaseCommand):
    help = (
        "Load Museum aan de Leie, a bilingual demo museum (objects, stories, exhibitions, "
        "legal pages and an admin user). Safe to run again: nothing is duplicated. The "
        "first run gives the admin a random password and prints it once; "
        "DEMO_ADMIN_PASSWORD sets one instead."
    )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        summary = load_demo(admin_password=os.environ.get("DEMO_ADMIN_PASSWORD") or None)
        self.stdout.write(f"Museum loaded in {time.monotonic() - started:.1f} s: {summary.line()}")
        # Other apps add their demo content (a tour, shop products) on top of the museum.
        for load_app_demo in hooks.get_hooks("vitrine_load_demo"):
            load_app_demo(self.stdout)
        self.stdout.write(f"Demo ready in {time.monotonic() - started:.1f} s")
        if summary.new_admin_password:
            password = f"password: {summary.new_admin_password}"
        else:
            password = (
                "password: unchanged (the one printed by the first load; "
                "DEMO_ADMIN_PASSWORD=… sets a new one)"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {browser_url(*split_addrport(default_addrport()))}/admin/  user: {ADMIN_USERNAME}  {password}"
            )
        )
