"""The check-in page of the Wagtail admin: works on a phone at the door.

The page scans QR codes with the camera (jsQR, vendored: Chromium on Linux has no
BarcodeDetector) or takes a typed code, and POSTs it to `check_in`, which answers the
verdict as JSON (shop/tickets/checkin.py admits a ticket once). `counts` answers sold,
checked in and expected per slot of today, for the live counts. Staff with the
permission to change tickets only, and only for the museum of the admin's host, by its
own staff (`staff_museum`).
"""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from museum_site.museums.permissions import staff_museum
from shop.tickets import checkin

PERMISSION = "shop_tickets.change_ticket"

MESSAGES = {
    "valid": lambda: _("Valid: welcome"),
    "used": lambda: _("Already used"),
    "wrong_day": lambda: _("Wrong day"),
    "wrong_slot": lambda: _("Wrong time slot"),
    "canceled": lambda: _("Canceled"),
    "unknown": lambda: _("Unknown ticket"),
}


@permission_required(PERMISSION, raise_exception=True)
@require_GET
def check_in_page(request):
    return render(request, "tickets/admin/check_in.html", {"museum": staff_museum(request)})


@permission_required(PERMISSION, raise_exception=True)
@require_POST
def check_in(request):
    code = request.POST.get("code", "")[:64]
    verdict = checkin.check_in(code, staff_museum(request).pk, request.user)
    ticket = verdict.ticket
    answer = {"outcome": verdict.outcome, "message": str(MESSAGES[verdict.outcome]())}
    if ticket is not None:
        starts = timezone.localtime(ticket.slot.starts_at)
        answer.update(
            slot=f"{starts:%d/%m/%Y %H:%M}",
            offer=ticket.slot.offer.name_nl,
            category=ticket.category.name_nl,
        )
    if verdict.used_at is not None:
        answer.update(
            usedAt=f"{timezone.localtime(verdict.used_at):%d/%m/%Y %H:%M:%S}",
            usedBy=verdict.used_by,
        )
    return JsonResponse(answer)


@permission_required(PERMISSION, raise_exception=True)
@require_GET
def counts(request):
    return JsonResponse(
        {
            "slots": [
                {
                    "slot": f"{timezone.localtime(count.slot.starts_at):%H:%M}",
                    "offer": count.slot.offer.name_nl,
                    "sold": count.sold,
                    "checkedIn": count.checked_in,
                    "expected": count.expected,
                }
                for count in checkin.counts_of_day(staff_museum(request).pk)
            ]
        }
    )
