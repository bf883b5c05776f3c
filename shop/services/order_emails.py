"""The order e-mails: confirmation when paid, a note when the goods leave the museum.

They are queued after the transaction commits (`transaction.on_commit`), so a completion
that rolls back (stock gone, Stripe unreachable) never tells a buyer their order is
placed, and a webhook retried after a failure mails once, on the attempt that commits.
Sending is a background job (shop.tasks): with a worker (TASKS_BACKEND=database) neither
the buyer's checkoutComplete nor Stripe's webhook waits for the mail server; with either
backend a mail server that fails is recorded with the job (and logged) instead of raising
out of the request whose order already committed. The job carries only the order's id
(no address or link waits in the queue); the order is read, and its e-mail written, when
the job runs.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from shop.models import Order, OrderEvent
from shop.services import checkout_extensions, downloads

CONFIRMATION = "confirmation"
SHIPPED = "shipped"


def _body(order: Order, kind: str) -> tuple[str, str]:
    lines = "\n".join(
        f"{line.quantity} × {line.product_name} {line.variant_label} ({line.sku}): € {line.total_gross}"
        for line in order.lines.all()
    )
    if kind == CONFIRMATION:
        links = "\n".join(
            f"{line.product_name}: {downloads.absolute_link(line)}"
            for line in order.lines.all()
            if line.is_digital
        )
        body = _("Thank you for your order %(number)s.\n\n%(lines)s\n\nTotal: € %(total)s") % {
            "number": order.invoice_number,
            "lines": lines,
            "total": order.total_gross,
        }
        if order.delivery_method_name:
            body += "\n" + _("Delivery: %(method)s") % {"method": order.delivery_method_name}
        if links:
            body += "\n\n" + _("Your downloads (the links expire):") + "\n" + links
        return _("order %(number)s confirmed") % {"number": order.invoice_number}, body
    return (
        _("order %(number)s is on its way") % {"number": order.invoice_number},
        _("Your order %(number)s has left the museum.\n\n%(lines)s")
        % {"number": order.invoice_number, "lines": lines},
    )


def _may_mail(order: Order) -> bool:
    return bool(order.email) and order.anonymised_at is None  # an erased customer gets none


def send_after_commit(order: Order, kind: str) -> None:
    from shop.tasks import send_order_email_task

    if _may_mail(order):
        transaction.on_commit(lambda: send_order_email_task.enqueue(order.pk, kind))


def send(order_id: int, kind: str) -> bool:
    """Mail the order's e-mail of this kind now; answers whether it was sent.

    Read afresh, because with a worker time passes after the commit: a customer erased
    meanwhile gets no mail.
    """
    order = Order.objects.get(pk=order_id)
    if not _may_mail(order):
        return False
    with translation.override(order.locale):
        subject, body = _body(order, kind)
        extra, attachments = checkout_extensions.email_additions(order, kind)
    message = EmailMessage(
        subject=f"{settings.WAGTAIL_SITE_NAME}: {subject}",
        body=f"{body}\n\n{extra}" if extra else body,
        to=[order.email],
    )
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()
    OrderEvent.objects.create(order=order, type=OrderEvent.Type.EMAIL_SENT, message=kind)
    return True
