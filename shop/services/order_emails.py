"""The order e-mails: confirmation, cancelled-and-refunded, shipped, ready for pick-up,
return received and refund made.

Each is HTML and plain text, in the order's language, from the museum that sold (its
name and sender address, never the software's), and says the money the way the order
recorded it: lines, discount and delivery add up to the total, with the VAT per rate
(shop/services/order_statement.py), the addresses, the delivery method and what happens
next.

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

from dataclasses import dataclass
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from shop.models import InvoiceKind, Order, OrderEvent
from shop.services import checkout_extensions, downloads, order_links
from shop.services.order_statement import statement

CONFIRMATION = "confirmation"
SHIPPED = "shipped"
CANCELED = "canceled"
READY_FOR_PICKUP = "ready_for_pickup"
RETURN_RECEIVED = "return_received"
REFUNDED = "refunded"
KINDS = (CONFIRMATION, SHIPPED, CANCELED, READY_FOR_PICKUP, RETURN_RECEIVED, REFUNDED)


@dataclass(frozen=True)
class Message:
    subject: str
    text: str
    html: str
    from_email: str
    attachments: tuple[tuple[str, bytes, str], ...] = ()


def _subject(order: Order, kind: str) -> str:
    number = order.invoice_number or f"#{order.pk}"
    if kind == CONFIRMATION:
        return _("order %(number)s confirmed") % {"number": number}
    if kind == SHIPPED:
        return _("order %(number)s is on its way") % {"number": number}
    if kind == READY_FOR_PICKUP:
        return _("order %(number)s is ready for pick-up") % {"number": number}
    if kind == RETURN_RECEIVED:
        return _("we received your return of order %(number)s") % {"number": number}
    if kind == REFUNDED:
        return _("refund for order %(number)s") % {"number": number}
    return _("order %(number)s cancelled and refunded") % {"number": number}


def sender(order: Order) -> str:
    """The museum's name and sender address; the install's default address under the
    museum's name when the museum has none of its own."""
    museum = order.museum
    address = museum.email or settings.DEFAULT_FROM_EMAIL
    return formataddr((museum.name, address))


def compose(order: Order, kind: str) -> Message:
    """The e-mail of this kind for the order, in the order's language."""
    museum = order.museum
    with translation.override(order.locale):
        context = {
            "kind": kind,
            "order": order,
            "number": order.invoice_number or f"#{order.pk}",
            "museum": museum,
            "statement": statement(order),
            "downloads": [
                (line.product_name, downloads.absolute_link(line))
                for line in order.lines.all()
                if line.is_digital
            ]
            if kind == CONFIRMATION
            else [],
            "is_pickup": order.delivery_kind == Order.DeliveryKind.PICKUP,
            "fulfilment": order.fulfilments.order_by("-pk").first()
            if kind in (SHIPPED, READY_FOR_PICKUP)
            else None,
            "cur": "€" if order.currency == "EUR" else order.currency,
            # The refund and the return the mail is about: the latest (the job carries
            # only the order's id, and each is mailed right after it is recorded).
            "refund": order.refunds.order_by("-pk").first() if kind == REFUNDED else None,
            "return_request": order.returns.filter(status__in=("received", "refunded"))
            .order_by("-updated_at", "-pk")
            .first()
            if kind == RETURN_RECEIVED
            else None,
        }
        context["order_link"] = order_page_link(order)
        # What the checkout's extensions (tickets) add: their text and files (e-tickets).
        extra, extension_files = checkout_extensions.email_additions(order, kind)
        context["extra"] = extra
        subject = f"{museum.name}: {_subject(order, kind)}"
        text = render_to_string("shop/email/order.txt", context)
        html = render_to_string("shop/email/order.html", context)
    return Message(
        subject=subject,
        text=text,
        html=html,
        from_email=sender(order),
        attachments=(_invoice_attachment(order) if kind == CONFIRMATION else ())
        + tuple(extension_files),
    )


def order_page_link(order: Order) -> str:
    """The frontend's order page (VITRINE_ACCOUNTS ORDER_URL) with the order's signed
    link: how a buyer without an account sees the order, its tickets and invoices, and
    cancels tickets, from any of its e-mails."""
    from shop.accounts import frontend_links

    return frontend_links.link(
        "ORDER_URL", order.locale, order.museum, link=order_links.token_for(order)
    )


def _invoice_attachment(order: Order) -> tuple[tuple[str, bytes, str], ...]:
    """The invoice PDF, rendered here (in the mail job, after the commit, outside every
    lock) the first time it is needed."""
    from shop.services import invoices

    invoice = order.invoices.filter(kind=InvoiceKind.INVOICE).first()
    if invoice is None:
        return ()
    return ((f"{invoice.number}.pdf", invoices.pdf_of(invoice), "application/pdf"),)


def _may_mail(order: Order) -> bool:
    return bool(order.email) and order.anonymised_at is None  # an erased customer gets none


def send_after_commit(order: Order, kind: str) -> None:
    from shop.tasks import send_order_email_task

    if _may_mail(order):
        transaction.on_commit(lambda: send_order_email_task.enqueue(order.pk, kind))


def send_mail(message: Message, to: str) -> None:
    email = EmailMultiAlternatives(
        subject=message.subject, body=message.text, from_email=message.from_email, to=[to]
    )
    email.attach_alternative(message.html, "text/html")
    for name, content, mimetype in message.attachments:
        email.attach(name, content, mimetype)
    email.send()


def send(order_id: int, kind: str) -> bool:
    """Mail the order's e-mail of this kind now; answers whether it was sent.

    Read afresh, because with a worker time passes after the commit: a customer erased
    meanwhile gets no mail.
    """
    order = Order.objects.select_related("museum", "shipping_address", "billing_address").get(
        pk=order_id
    )
    if not _may_mail(order):
        return False
    send_mail(compose(order, kind), order.email)
    OrderEvent.objects.create(order=order, type=OrderEvent.Type.EMAIL_SENT, message=kind)
    return True
