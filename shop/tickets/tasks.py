"""Background jobs of admission: the e-mail to a buyer whose slot staff closed."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from shop.tickets import emails


def after_commit(order_id: int, slot_id: int, kind: str) -> None:
    """Mail the buyer once the change is committed (never for a rolled-back one)."""
    assert kind in emails.SLOT_CHANGES
    transaction.on_commit(lambda: send_slot_change_email_task.enqueue(order_id, slot_id, kind))


@task()
def send_slot_change_email_task(order_id: int, slot_id: int, kind: str) -> None:
    emails.send_slot_change(order_id, slot_id, kind)
