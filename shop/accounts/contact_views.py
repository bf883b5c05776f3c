"""The contact register in the admin: who has ordered or booked at the user's museums,
and one person's history there (shop.accounts.contacts).

Staff of a museum see the people with something at their museum, and of each person
only their museum's part (its orders, tickets, bookings and newsletter subscription);
the group role sees every museum's. A person with nothing at the user's museums is not found at all (404), so
the register tells no one who is a contact of another museum.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from museum_site.museums.permissions import museums_of, sees_every_museum
from shop.accounts import contacts

PERMISSION = "shop.view_order"


def _museums(request: HttpRequest):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    return museums_of(request.user)


def contact_list(request: HttpRequest) -> HttpResponse:
    museums = _museums(request)
    search = request.GET.get("q", "")[:254]
    return render(
        request,
        "accounts/admin/contacts.html",
        {
            "contacts": contacts.contacts(museums, search),
            "search": search,
            "limit": contacts.MAX_CONTACTS,
        },
    )


def contact_detail(request: HttpRequest) -> HttpResponse:
    museums = _museums(request)
    email = request.GET.get("email", "").strip()[:254]
    parts = contacts.history(email, museums) if email else []
    if not parts:
        raise Http404
    group_role = sees_every_museum(request.user)
    return render(
        request,
        "accounts/admin/contact.html",
        {
            "email": email,
            "parts": parts,
            "group_role": group_role,
        },
    )
