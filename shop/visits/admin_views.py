"""Staff work on group visits in the Wagtail admin: plan a request (the free guides who
speak its language are proposed), record who came, invoice, cancel; and a week view of
the museum's activities per room and per guide, with conflicts impossible by
construction (planning.assign refuses them)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

from museum_site.museums.permissions import museums_of
from shop.graphql.errors import PayloadError
from shop.visits import invoice_document
from shop.visits.models import Activity, Booking, Resource
from shop.visits.services import planning, workflow


def _errors_of(error: BaseException) -> list[PayloadError]:
    if isinstance(error, ExceptionGroup):
        return [e for e in error.exceptions if isinstance(e, PayloadError)]
    return [error] if isinstance(error, PayloadError) else []


class PlanForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    guide = forms.ModelChoiceField(label=_("Guide"), queryset=Resource.objects.none())
    room = forms.ModelChoiceField(label=_("Room"), queryset=Resource.objects.none(), required=False)

    def __init__(self, *args, booking: Booking, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.booking = booking
        start = self._start()
        end = start + timedelta(minutes=booking.offer.duration_minutes)
        free_guides = planning.free(
            booking.museum_id, Resource.Kind.GUIDE, start, end, language=booking.language
        )
        free_rooms = planning.free(
            booking.museum_id, Resource.Kind.ROOM, start, end, people=booking.group_size
        )
        guides = Resource.objects.filter(museum_id=booking.museum_id, kind=Resource.Kind.GUIDE)
        rooms = Resource.objects.filter(museum_id=booking.museum_id, kind=Resource.Kind.ROOM)
        self.fields["guide"].queryset = guides
        self.fields["room"].queryset = rooms
        self.fields["guide"].help_text = _("Free and speaking the language: %(names)s") % {
            "names": ", ".join(g.name for g in free_guides) or "—"
        }
        self.fields["room"].help_text = _("Free and large enough: %(names)s") % {
            "names": ", ".join(r.name for r in free_rooms) or "—"
        }
        if free_guides and not self.is_bound:
            self.initial.setdefault("guide", free_guides[0].pk)
        if free_rooms and not self.is_bound:
            self.initial.setdefault("room", free_rooms[0].pk)

    def _start(self) -> datetime:
        value = self.data.get("starts_at") if self.is_bound else None
        if value:
            try:
                parsed = datetime.fromisoformat(value)
                return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed
            except ValueError:
                pass
        start = self.booking.activity.starts_at if self.booking.activity else None
        start = start or self.booking.preferred_start
        self.initial.setdefault("starts_at", timezone.localtime(start).strftime("%Y-%m-%dT%H:%M"))
        return start


class VisitForm(forms.Form):
    pupils = forms.IntegerField(label=_("Pupils who came"), min_value=0)
    adults = forms.IntegerField(label=_("Adults who came"), min_value=0)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea)


def _posted(request: HttpRequest):
    """The form's data when posted (a form without fields posts nothing, which is
    still a submission), else None for an unbound form."""
    return request.POST if request.method == "POST" else None


def _booking(request: HttpRequest, pk: int) -> Booking:
    """The booking, if it belongs to one of the user's museums (404 otherwise)."""
    return get_object_or_404(
        Booking.objects.select_related("offer", "activity", "museum"),
        pk=pk,
        museum__in=museums_of(request.user),
    )


def _act(request, booking: Booking, form, title: str, perform) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            perform(form.cleaned_data)
        except (PayloadError, ExceptionGroup) as error:
            for found in _errors_of(error) or [error]:
                form.add_error(None, getattr(found, "message", str(found)))
        else:
            messages.success(request, _("Booking of %(group)s: done.") % {"group": booking})
            return redirect("wagtailsnippets_shop_visits_booking:edit", booking.pk)
    return TemplateResponse(
        request,
        "shop_visits/booking_action.html",
        {"booking": booking, "form": form, "title": title},
    )


@permission_required("shop_visits.change_booking", raise_exception=True)
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _booking(request, pk)
    form = PlanForm(_posted(request), booking=booking)
    return _act(
        request,
        booking,
        form,
        _("Plan the visit"),
        lambda data: workflow.confirm(
            booking, data["starts_at"], guide=data["guide"], room=data["room"], by=request.user
        ),
    )


@permission_required("shop_visits.change_booking", raise_exception=True)
def record(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _booking(request, pk)
    form = VisitForm(_posted(request), initial={"pupils": booking.pupils, "adults": booking.adults})
    return _act(
        request,
        booking,
        form,
        _("Record who came"),
        lambda data: workflow.record_visit(
            booking, data["pupils"], data["adults"], by=request.user
        ),
    )


@permission_required("shop_visits.change_booking", raise_exception=True)
def invoice(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _booking(request, pk)
    form = forms.Form(_posted(request))
    return _act(
        request,
        booking,
        form,
        _("Send the invoice"),
        lambda data: workflow.invoice(booking, by=request.user),
    )


@permission_required("shop_visits.change_booking", raise_exception=True)
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _booking(request, pk)
    form = CancelForm(_posted(request))
    return _act(
        request,
        booking,
        form,
        _("Cancel the visit"),
        lambda data: workflow.cancel(booking, by=request.user, reason=data["reason"]),
    )


@permission_required("shop_visits.view_booking", raise_exception=True)
def invoice_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The invoice as the organisation got it, for staff of the booking's museum."""
    booking = _booking(request, pk)
    if not booking.invoice_number:
        raise Http404
    if booking.order_id is not None:
        # Paid online: the invoice is the shop's, of the order that took the money.
        from shop.models import InvoiceKind
        from shop.services import invoices

        invoice = booking.order.invoices.filter(kind=InvoiceKind.INVOICE).first()
        if invoice is None:
            raise Http404
        response = HttpResponse(invoices.pdf_of(invoice), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{invoice.number}.pdf"'
        return response
    response = HttpResponse(invoice_document.render_pdf(booking), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{invoice_document.file_name(booking)}"'
    return response


@permission_required("shop_visits.view_activity", raise_exception=True)
def week(request: HttpRequest) -> HttpResponse:
    """A week of activities, one row per room and guide, one column per day."""
    try:
        monday = date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        monday = timezone.localdate()
    monday -= timedelta(days=monday.weekday())
    days = [monday + timedelta(days=n) for n in range(7)]
    start = timezone.make_aware(datetime.combine(monday, time.min))
    end = start + timedelta(days=7)
    kind = request.GET.get("kind", "")
    museums = museums_of(request.user)
    resources = Resource.objects.filter(active=True, museum__in=museums).exclude(
        kind=Resource.Kind.MATERIAL
    )
    if kind in Resource.Kind.values:
        resources = resources.filter(kind=kind)
    activities = (
        Activity.objects.filter(starts_at__lt=end, ends_at__gt=start, museum__in=museums)
        .prefetch_related("assignments__resource")
        .order_by("starts_at")
    )
    grid: dict[int, list[list[Activity]]] = {r.pk: [[] for _ in days] for r in resources}
    for activity in activities:
        index = (timezone.localtime(activity.starts_at).date() - monday).days
        for assignment in activity.assignments.all():
            if assignment.resource_id in grid and 0 <= index < 7:
                grid[assignment.resource_id][index].append(activity)
    rows = [(resource, grid[resource.pk]) for resource in resources]
    return TemplateResponse(
        request,
        "shop_visits/week.html",
        {
            "days": days,
            "rows": rows,
            "kind": kind,
            "kinds": [(k, label) for k, label in Resource.Kind.choices if k != "material"],
            "previous": (monday - timedelta(days=7)).isoformat(),
            "next": (monday + timedelta(days=7)).isoformat(),
        },
    )
