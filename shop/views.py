"""The shop's two non-GraphQL endpoints: Stripe's webhook and digital downloads."""

from __future__ import annotations

import logging

import stripe
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from museum_site.museums.models import Museum
from museum_site.storage import is_remote, private_url
from shop.services import downloads, webhooks
from shop.stripe_accounts import account_for

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest, museum: str | None = None) -> HttpResponse:
    """One endpoint per museum (/shop/stripe/webhook/<slug>/; without a slug, the default
    museum's), verified with that museum's signing secret: an event signed for another
    museum's account is refused here like any unsigned body.

    400 for a body Stripe did not sign (nothing to retry); 500 when handling failed,
    so Stripe retries; 200 for handled and for already-handled events, and for a signed
    body that is not an event we can read (logged: retrying it cannot help)."""
    found = (
        Museum.objects.select_related("site").filter(slug=museum).first()
        if museum
        else Museum.objects.default()
    )
    if found is None:
        return HttpResponse("no such museum", status=404, content_type="text/plain")
    signature = request.headers.get("Stripe-Signature", "")
    secret = account_for(found).webhook_secret
    if not secret:
        return HttpResponse("bad signature", status=400, content_type="text/plain")
    try:
        stripe.WebhookSignature.verify_header(request.body, signature, secret)
    except (ValueError, stripe.SignatureVerificationError):
        return HttpResponse("bad signature", status=400, content_type="text/plain")
    try:
        event = stripe.Webhook.construct_event(request.body, signature, secret)
    except Exception as error:  # signed, but not JSON or not an object
        return _ignored(error)
    try:
        webhooks.handle(event, found)
    except webhooks.MalformedEvent as error:
        return _ignored(error)
    except Exception:
        logger.exception("Stripe event %s failed; Stripe will retry", event.id)
        return HttpResponse("failed", status=500, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def _ignored(error: Exception) -> HttpResponse:
    logger.warning("Signed Stripe webhook ignored, not an event we can read: %s", error)
    return HttpResponse("ignored", content_type="text/plain")


@require_GET
def download(request: HttpRequest, token: str) -> HttpResponse:
    try:
        line = downloads.line_for(token)
    except downloads.LinkRefused:
        return HttpResponse(
            "This download link has expired or is not valid.", status=410, content_type="text/plain"
        )
    document = line.variant.digital_file
    if is_remote(document.file.storage):
        # Object storage: the checks above passed; the file itself comes from the bucket
        # by a signed URL that expires in S3_SIGNED_URL_SECONDS (museum_site.storage).
        response = HttpResponseRedirect(
            private_url(
                document.file.name, filename=document.filename, storage=document.file.storage
            )
        )
        response["Cache-Control"] = "private, no-store"
        return response
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)


@require_GET
def invoice(request: HttpRequest, token: str) -> HttpResponse:
    """An invoice or credit note PDF, only through its signed, expiring link (the file
    itself is in private storage, under no public URL)."""
    from shop.services import invoices

    found = invoices.for_link(token)
    if found is None:
        return HttpResponse(
            "This invoice link has expired or is not valid.", status=410, content_type="text/plain"
        )
    response = HttpResponse(invoices.pdf_of(found), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{found.number}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
