"""Background jobs of the shop (django-tasks; README: "Background jobs")."""

from django_tasks import task

from shop.services import order_emails


@task()
def send_order_email_task(order_id: int, kind: str) -> bool:
    return order_emails.send(order_id, kind)
