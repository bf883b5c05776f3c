from django_tasks import task

from shop.visits import emails


@task()
def send_booking_email_task(booking_id: int, kind: str) -> None:
    emails.send(booking_id, kind)
